import type { LoaderFunctionArgs } from '@remix-run/node';
import { localeFromRequest } from '../i18n/index';
import { slotIcs } from '../services/calendar-feeds.server';

// One slot as an .ics file: /activities/:id/slots/:slotId.ics (public, like the activity page).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const match = /^([a-z0-9]{1,40})\.ics$/.exec(params.file ?? '');
  const text = match ? slotIcs(params.id ?? '', match[1], localeFromRequest(request).locale, Date.now()) : null;
  if (text === null) return new Response('Not Found', { status: 404 });
  return new Response(text, {
    headers: { 'Content-Type': 'text/calendar; charset=utf-8', 'Content-Disposition': `attachment; filename="slot-${match![1]}.ics"` },
  });
}
