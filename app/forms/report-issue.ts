import * as v from 'valibot';
import { dateField, MISSING, optionalText, requiredText } from './fields';

// Issuing a report of a closed period (POST /reports/issued) and re-issuing one (POST /reports/issued/:id).

/** intent=issue with the period (Asia/Shanghai dates, both included) and the site's code (empty: the staff member's own site). */
export const IssueReportForm = v.object(
  {
    intent: v.literal('issue'),
    from: dateField,
    to: dateField,
    site: optionalText(40),
  },
  MISSING,
);

/** intent=reissue with the reason, which the audit keeps. */
export const ReissueReportForm = v.object({ intent: v.literal('reissue'), reason: requiredText(500) }, MISSING);

/** The format of an issued report's download: /reports/issued/:id/report.csv or report.txt. */
export function issuedFileFormat(file: string): 'csv' | 'txt' | null {
  const match = /^report\.(csv|txt)$/.exec(file);
  return match ? (match[1] as 'csv' | 'txt') : null;
}
