import * as v from 'valibot';
import { FIGURE_KEYS, type FigureKey } from '../domain/report';
import { filter, page } from './queries';

// The query strings of /reports, /reports/records and the CSV exports. A malformed value reads as "not
// given" (the current half-year, the viewer's own subtree); a period out of order is refused by the service.

const date = filter(v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/)));
/** Site codes are short lowercase words. */
const siteCode = filter(v.pipe(v.string(), v.regex(/^[a-z0-9-]{1,40}$/)));

/** /reports and /reports/export.csv: from, to (Asia/Shanghai dates, inclusive) and a site code. */
export const ReportQuery = v.object({ from: date, to: date, site: siteCode });

/** /reports/records and /reports/records.csv: the same, a figure, and the page. */
export const ReportRecordsQuery = v.object({
  from: date,
  to: date,
  site: siteCode,
  figure: v.optional(v.fallback(v.picklist<('' | FigureKey)[]>(['', ...FIGURE_KEYS]), ''), ''),
  page,
});
