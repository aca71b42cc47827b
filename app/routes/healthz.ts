import { health } from '../server/health.server';

export async function loader() {
  let report;
  try {
    report = health();
  } catch {
    report = { ok: false };
  }
  return Response.json(report, { status: report.ok ? 200 : 503, headers: { 'Cache-Control': 'no-store' } });
}
