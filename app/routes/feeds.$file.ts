import type { LoaderFunctionArgs } from '@remix-run/node';
import { localeFromRequest } from '../i18n/index';
import { feedIcs } from '../services/calendar-feeds.server';

// A helper's personal calendar feed: /feeds/<secret token>.ics. The token is the only credential, so
// the answer is never cached by anyone else and an unknown (or rotated) token is a plain 404.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const match = /^([a-z2-7]{32})\.ics$/.exec(params.file ?? '');
  const text = match ? feedIcs(match[1], localeFromRequest(request).locale, Date.now()) : null;
  if (text === null) return new Response('Not Found', { status: 404, headers: { 'Cache-Control': 'no-store' } });
  return new Response(text, {
    headers: { 'Content-Type': 'text/calendar; charset=utf-8', 'Cache-Control': 'private, no-store', 'X-Robots-Tag': 'noindex' },
  });
}
