import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { id, timestamp } from './common';
import { sites } from './sites';
import { users, organizations } from './users';

/**
 * An issued (frozen) report: the figures of a closed period over a site subtree as they stood when staff
 * issued it. Later corrections never change it; a re-issue is a new row that supersedes it.
 */
export const reportSnapshots = sqliteTable(
  'report_snapshots',
  {
    id: id(),
    /** The root of the subtree reported on. */
    siteId: text('site_id')
      .notNull()
      .references(() => sites.id),
    /** The period, dates in Asia/Shanghai (YYYY-MM-DD, both included). */
    periodFrom: text('period_from').notNull(),
    periodTo: text('period_to').notNull(),
    /** The whole report as JSON (figures total and per county, with their definitions' keys). */
    figures: text('figures').notNull(),
    paragraphZh: text('paragraph_zh').notNull(),
    paragraphEn: text('paragraph_en').notNull(),
    issuedBy: text('issued_by')
      .notNull()
      .references(() => users.id),
    issuedAt: timestamp('issued_at').notNull(),
    /** The earlier issue of the same period and subtree this one replaces (an audited re-issue), if any. */
    supersedesId: text('supersedes_id'),
    supersededAt: timestamp('superseded_at'),
  },
  (t) => [index('report_snapshots_scope_idx').on(t.siteId, t.periodFrom, t.periodTo)],
);

/**
 * A service-record certificate (志愿服务记录证明), issued in the name of the organizer of record (a site or
 * an organization), listing the helper's staff-confirmed service in a period. Anyone may verify it at
 * /verify/:code (issuer, period, hours, masked name — nothing else). No ID number is ever stored.
 */
export const certificates = sqliteTable(
  'certificates',
  {
    id: id(),
    /** The number printed on it and typed (or scanned) to verify it. */
    code: text('code').notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    issuerSiteId: text('issuer_site_id').references(() => sites.id),
    issuerOrgId: text('issuer_org_id').references(() => organizations.id),
    /** The issuer's name, contact and person in charge as printed (kept as issued). */
    issuerName: text('issuer_name').notNull(),
    issuerContact: text('issuer_contact'),
    personInCharge: text('person_in_charge'),
    /** e.g. 王*明: what verification shows of the helper. */
    maskedName: text('masked_name').notNull(),
    periodFrom: text('period_from').notNull(),
    periodTo: text('period_to').notNull(),
    totalMinutes: integer('total_minutes').notNull(),
    /** The service listed, as JSON: [{ date, kind, content, minutes }]. */
    entries: text('entries').notNull(),
    issuedAt: timestamp('issued_at').notNull(),
    revokedAt: timestamp('revoked_at'),
    revokedBy: text('revoked_by').references(() => users.id),
    revokeReason: text('revoke_reason'),
  },
  (t) => [uniqueIndex('certificates_code_idx').on(t.code), index('certificates_user_idx').on(t.userId)],
);
