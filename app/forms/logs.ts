import * as v from 'valibot';

// The filters of the admin's audit and security logs, read from the query string (shareable URLs).

export const AUDIT_ENTITY_TYPES = ['user', 'volunteer', 'organization', 'site', 'child', 'wish', 'claim', 'activity', 'slot', 'pairing', 'signup'] as const;

/** An optional filter value: anything malformed reads as "no filter". */
const filter = (schema: v.GenericSchema<string, string>) => v.optional(v.fallback(schema, ''), '');

/** YYYY-MM-DD, read later as a day in Asia/Shanghai (parseDay). */
const day = filter(v.pipe(v.string(), v.trim(), v.regex(/^(\d{4}-\d{2}-\d{2})?$/)));
const page = v.optional(v.fallback(v.pipe(v.string(), v.regex(/^[1-9][0-9]{0,5}$/), v.transform(Number)), 1), '1');

const logFilters = { from: day, to: day, page };

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
