import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireStaff } from '../auth/guards.server';
import { ReportRecordsQuery } from '../forms/reports';
import { parseQuery } from '../forms/parse';
import { localeFromRequest } from '../i18n/index';
import { csvResponse } from '../server/csv-response.server';
import { failure, notFound } from '../server/http.server';
import { requestMeta } from '../services/auth.server';
import { recordsCsvFile } from '../services/report-pages.server';

/** /reports/records.csv?figure=…: every record behind one figure, for staff only (UTF-8 with BOM). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = requireStaff(request, context);
  const { figure, ...query } = parseQuery(ReportRecordsQuery, request);
  if (!figure) notFound();
  const result = recordsCsvFile(viewer.actor, { ...query, figure }, requestMeta(context), localeFromRequest(request).locale);
  if (!result.ok) throw failure(result.error);
  return csvResponse(result.value);
}
