/** What server.ts hands every loader and action. */
export type LoadContext = {
  cspNonce: string;
  requestId: string;
  /** The client's address: the socket's, or X-Forwarded-For's when TRUST_PROXY is set (Express's req.ip). */
  clientIp: string;
};

declare module '@remix-run/server-runtime' {
  interface AppLoadContext extends LoadContext {}
};
