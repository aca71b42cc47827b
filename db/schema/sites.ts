import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { id, timestamp } from './common';

/** city → county/district → township station → institution / children's home */
export const sites = sqliteTable(
  'sites',
  {
    id: id(),
    code: text('code').notNull().unique(),
    kind: text('kind', { enum: ['city', 'county', 'township', 'institution'] }).notNull(),
    parentId: text('parent_id'),
    /** Materialized path of codes, "/wz/lt/gc/": a subtree is a prefix match. */
    path: text('path').notNull().unique(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    /** Upper bound of a wish's estimated value, in fen. */
    wishValueCapFen: integer('wish_value_cap_fen').notNull().default(30000),
    /** Where helpers hand over gifts; shown only after a claim is approved. */
    address: text('address'),
    handoverNote: text('handover_note'),
    /** The site's contact person for caring parents (name and phone), shown on their pairing page. */
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    /** The person in charge (负责人), printed on the service certificates the site issues. */
    personInCharge: text('person_in_charge'),
    /** A pairing with no confirmed contact for this many days is flagged overdue. */
    contactOverdueDays: integer('contact_overdue_days').notNull().default(30),
    createdAt: timestamp('created_at').notNull(),
  },
  (t) => [index('sites_parent_idx').on(t.parentId)],
);
