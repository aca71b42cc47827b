import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, index, uniqueIndex, primaryKey } from 'drizzle-orm/sqlite-core';
import { id, timestamp } from './common';
import { sites } from './sites';

export const users = sqliteTable('users', {
  id: id(),
  /** Stored lower-cased. */
  email: text('email').notNull().unique(),
  emailVerifiedAt: timestamp('email_verified_at'),
  passwordHash: text('password_hash').notNull(),
  displayName: text('display_name').notNull(),
  locale: text('locale', { enum: ['zh-CN', 'en'] }).notNull().default('zh-CN'),
  isAdmin: integer('is_admin', { mode: 'boolean' }).notNull().default(false),
  /** Staff belong to exactly one site and act on its subtree. */
  staffSiteId: text('staff_site_id').references(() => sites.id),
  disabledAt: timestamp('disabled_at'),
  createdAt: timestamp('created_at').notNull(),
});

/** A volunteer profile; its presence makes the user a volunteer. */
export const volunteers = sqliteTable(
  'volunteers',
  {
    userId: text('user_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    status: text('status', { enum: ['pending', 'approved', 'rejected', 'suspended'] }).notNull().default('pending'),
    caringParent: integer('caring_parent', { mode: 'boolean' }).notNull().default(false),
    realName: text('real_name'),
    phone: text('phone'),
    /** The county the volunteer lives in; staff of that subtree vet them. */
    countySiteId: text('county_site_id').references(() => sites.id),
    availability: text('availability'),
    skills: text('skills'),
    /** What staff checked off-line, e.g. "已查验无犯罪记录证明(2025-03-01)". */
    checkNote: text('check_note'),
    statusReason: text('status_reason'),
    vettedAt: timestamp('vetted_at'),
    vettedBy: text('vetted_by').references(() => users.id),
    recheckDueAt: timestamp('recheck_due_at'),
    createdAt: timestamp('created_at').notNull(),
  },
  (t) => [
    // The vetting queues in their order: pending, oldest sign-up first; approved, soonest re-check first.
    index('volunteers_status_created_idx').on(t.status, t.createdAt),
    index('volunteers_status_recheck_idx').on(t.status, t.recheckDueAt),
    // Recent decisions, newest first: the list sorts on this very expression (staff.server.ts).
    index('volunteers_decided_idx').on(sql`coalesce(${t.vettedAt}, ${t.createdAt})`),
  ],
);

export const organizations = sqliteTable(
  'organizations',
  {
    id: id(),
    name: text('name').notNull(),
    kind: text('kind', { enum: ['social_org', 'company'] }).notNull(),
    status: text('status', { enum: ['pending', 'approved', 'rejected', 'suspended'] }).notNull().default('pending'),
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    countySiteId: text('county_site_id').references(() => sites.id),
    description: text('description'),
    checkNote: text('check_note'),
    statusReason: text('status_reason'),
    vettedAt: timestamp('vetted_at'),
    vettedBy: text('vetted_by').references(() => users.id),
    recheckDueAt: timestamp('recheck_due_at'),
    createdAt: timestamp('created_at').notNull(),
  },
  (t) => [index('organizations_status_idx').on(t.status)],
);

export const organizationMembers = sqliteTable(
  'organization_members',
  {
    orgId: text('org_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['manager', 'member'] }).notNull(),
    createdAt: timestamp('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.userId] }), index('org_members_user_idx').on(t.userId)],
);

/**
 * Single-use tokens mailed to people: email verification, password reset, email change, invitations.
 * Only the hash is kept. `purpose` is a TypeScript-only enum on a text column (no CHECK constraint).
 */
export const tokens = sqliteTable(
  'tokens',
  {
    id: id(),
    purpose: text('purpose', { enum: ['verify_email', 'reset_password', 'email_change', 'org_invite', 'staff_invite'] }).notNull(),
    tokenHash: text('token_hash').notNull(),
    userId: text('user_id').references(() => users.id, { onDelete: 'cascade' }),
    /** The address the link was mailed to; for an email change, the new address. */
    email: text('email'),
    /** For invitations: the organization or site the invitee joins. */
    orgId: text('org_id').references(() => organizations.id, { onDelete: 'cascade' }),
    siteId: text('site_id').references(() => sites.id),
    expiresAt: timestamp('expires_at').notNull(),
    usedAt: timestamp('used_at'),
    createdAt: timestamp('created_at').notNull(),
  },
  (t) => [uniqueIndex('tokens_hash_idx').on(t.tokenHash), index('tokens_user_idx').on(t.userId)],
);
