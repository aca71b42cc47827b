/** What server.ts hands every loader and action. */
export type LoadContext = {
  cspNonce: string;
  requestId: string;
};

declare module '@remix-run/server-runtime' {
  interface AppLoadContext extends LoadContext {}
};
