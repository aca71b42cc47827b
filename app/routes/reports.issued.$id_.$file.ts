import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireStaff } from '../auth/guards.server';
import { issuedFileFormat } from '../forms/report-issue';
import { localeFromRequest } from '../i18n/index';
import { failure } from '../server/http.server';
import { issuedReportFile } from '../services/report-issue.server';

// An issued report as a file: /reports/issued/:id/report.csv (UTF-8 with BOM, for Excel) or report.txt.
// Staff only, as the report's page; the figures are the frozen ones.
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const viewer = requireStaff(request, context);
  const format = issuedFileFormat(params.file ?? '');
  if (!format) throw new Response('Not Found', { status: 404 });
  const result = issuedReportFile(viewer.actor, params.id ?? '', format, localeFromRequest(request).locale);
  if (!result.ok) throw failure(result.error);
  const { filename, contentType, body } = result.value;
  return new Response(body, {
    headers: { 'Content-Type': contentType, 'Content-Disposition': `attachment; filename="${filename}"`, 'Cache-Control': 'private, no-store' },
  });
}
