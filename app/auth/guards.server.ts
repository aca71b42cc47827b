import { redirect } from '@remix-run/node';
import { readSessionToken, validateSessionToken, type ValidSession } from './session.server';

const viewers = new WeakMap<Request, ValidSession | null>();

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

export function forbidden(): never {
  throw new Response('Forbidden', { status: 403 });
}

export function requireStaff(request: Request): ValidSession {
  const viewer = requireViewer(request);
  if (!viewer.actor.admin && !viewer.actor.staff) forbidden();
  return viewer;
}

export function requireAdmin(request: Request): ValidSession {
  const viewer = requireViewer(request);
  if (!viewer.actor.admin) forbidden();
  return viewer;
}
