import { redirect } from '@remix-run/node';
import { logSecurityEventOnItsOwn } from '../data/security-log.server';
import { readSessionToken, validateSessionToken, type ValidSession } from './session.server';

const viewers = new WeakMap<Request, ValidSession | null>();

/** What the guards need from the load context: the client's address, for the security log. */
export type GuardContext = { clientIp?: string } | undefined;

/** The signed-in viewer, or null. Cached per request so a page's loaders validate once. */
export function getViewer(request: Request): ValidSession | null {
  if (viewers.has(request)) return viewers.get(request)!;
  const token = readSessionToken(request);
  const viewer = token ? validateSessionToken(token, Date.now()) : null;
  viewers.set(request, viewer);
  return viewer;
}

function loginRedirect(request: Request): never {
  const url = new URL(request.url);
  throw redirect(`/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
}

export function requireViewer(request: Request): ValidSession {
  return getViewer(request) ?? loginRedirect(request);
}

/**
 * Refuses with 403 and writes a permission_denied event. Pass the request and load context
 * when there are any, so the log says who, from where and on which page.
 */
export function forbidden(request?: Request, context?: GuardContext): never {
  let userId: string | null = null;
  let path: string | null = null;
  if (request) {
    userId = viewers.get(request)?.user.id ?? null;
    const url = new URL(request.url);
    path = `${request.method} ${url.pathname}`;
  }
  logSecurityEventOnItsOwn({ at: Date.now(), type: 'permission_denied', userId, ip: context?.clientIp ?? null, detail: path });
  throw new Response('Forbidden', { status: 403 });
}

export function requireStaff(request: Request, context?: GuardContext): ValidSession {
  const viewer = requireViewer(request);
  if (!viewer.actor.admin && !viewer.actor.staff) forbidden(request, context);
  return viewer;
}

export function requireAdmin(request: Request, context?: GuardContext): ValidSession {
  const viewer = requireViewer(request);
  if (!viewer.actor.admin) forbidden(request, context);
  return viewer;
}
