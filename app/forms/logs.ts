import * as v from 'valibot';
import { parseDay } from './admin';
import { filter, page } from './queries';

// The filters of the admin's audit and security logs, read from the query string (shareable URLs).

export const AUDIT_ENTITY_TYPES = ['user', 'volunteer', 'organization', 'site', 'child', 'wish', 'claim', 'activity', 'slot', 'pairing', 'visit', 'concern', 'signup', 'certificate'] as const;

/** YYYY-MM-DD, read later as a day in Asia/Shanghai (parseDay). */
const day = filter(v.pipe(v.string(), v.trim(), v.regex(/^(\d{4}-\d{2}-\d{2})?$/)));

const logFilters = { from: day, to: day, page };

/** The period and page a log's query asks for, as its service reads them: days from the start of `from` to the end of `to`. */
export function logPeriod(filter: { from: string; to: string; page: number }) {
  return { from: parseDay(filter.from), to: parseDay(filter.to, true), page: filter.page };
}

export const AuditQuery = v.object({
  entityType: filter(v.picklist(['', ...AUDIT_ENTITY_TYPES])),
  /** An action code; one no event has is taken as a prefix (old links: `child.`). */
  action: filter(v.pipe(v.string(), v.trim(), v.maxLength(60))),
  ...logFilters,
});

export const SecurityQuery = v.object({
  type: filter(v.pipe(v.string(), v.regex(/^[a-z_]{0,40}$/))),
  ...logFilters,
});
