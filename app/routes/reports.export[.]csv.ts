import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireStaff } from '../auth/guards.server';
import { ReportQuery } from '../forms/reports';
import { parseQuery } from '../forms/parse';
import { localeFromRequest } from '../i18n/index';
import { csvResponse } from '../server/csv-response.server';
import { failure } from '../server/http.server';
import { requestMeta } from '../services/auth.server';
import { figuresCsvFile } from '../services/report-pages.server';

/** /reports/export.csv: the figures table of /reports, with the same period a year earlier (UTF-8 with BOM). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = requireStaff(request, context);
  const result = figuresCsvFile(viewer.actor, parseQuery(ReportQuery, request), requestMeta(context), localeFromRequest(request).locale);
  if (!result.ok) throw failure(result.error);
  return csvResponse(result.value);
}
