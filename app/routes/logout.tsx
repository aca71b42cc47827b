import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { getViewer } from '../auth/guards.server';
import { requestMeta, signOut } from '../services/auth.server';

// Signing out changes state, so it is POST only; a GET (a link, a prefetch, an <img>) changes nothing.
export async function loader(_: LoaderFunctionArgs) {
  return redirect('/');
}

export async function action({ request, context }: ActionFunctionArgs) {
  const cookie = signOut(getViewer(request), requestMeta(context));
  return redirect('/login?notice=signed_out', { headers: { 'Set-Cookie': cookie } });
}
