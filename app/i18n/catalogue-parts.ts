// The browser loads the texts of its page's language in two parts (vite.config.ts, clientCatalogues): the
// public part, all the public pages can render, and the rest. A page that is not public loads both before it
// hydrates; a client-side navigation from a public page to any other loads the rest first (root.tsx).

/** The route modules of the public pages, and the root's, whose texts make the public part (scripts/catalogue-split.ts). */
export const PUBLIC_ROUTE_FILES = [
  'app/root.tsx',
  'app/entry.client.tsx',
  'app/routes/_index.tsx',
  'app/routes/wishes._index.tsx',
  'app/routes/wishes.$id.tsx',
  'app/routes/activities._index.tsx',
  'app/routes/activities.$id.tsx',
  'app/routes/$.tsx',
  'app/routes/login.tsx',
  'app/routes/signup.tsx',
  'app/routes/forgot-password.tsx',
  'app/routes/reset-password.tsx',
];

/**
 * Whether a page at `pathname` is one of PUBLIC_ROUTE_FILES. The 404 page of an unknown address is not: it loads
 * everything. The bench's empty page (bench/empty-page.tsx) is: it renders the root's frame only.
 */
export function isPublicPath(pathname: string): boolean {
  return /^\/(?:(?:wishes|activities)(?:\/[^/]+)?|login|signup|forgot-password|reset-password|__bench\/empty)?\/?$/.test(pathname);
}

/** The public part of a language's texts, or all of them. */
export type CataloguePart = 'public' | 'all';

/** The part of the texts a page at `pathname` needs. */
export function cataloguePart(pathname: string): CataloguePart {
  return isPublicPath(pathname) ? 'public' : 'all';
}
