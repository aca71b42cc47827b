import { health } from '../server/health.server';

export async function loader() {
  try {
    if (health()) return Response.json({ ok: true }, { headers: { 'Cache-Control': 'no-store' } });
  } catch {
    // fall through: the database did not answer
  }
  return Response.json({ ok: false }, { status: 503, headers: { 'Cache-Control': 'no-store' } });
}
