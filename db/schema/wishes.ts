import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { id, timestamp } from './common';
import { sites } from './sites';
import { users, organizations } from './users';
import { children } from './children';

export const wishes = sqliteTable(
  'wishes',
  {
    id: id(),
    childId: text('child_id')
      .notNull()
      .references(() => children.id),
    siteId: text('site_id')
      .notNull()
      .references(() => sites.id),
    /** The county shown publicly; derived from the site when the wish is written. */
    countySiteId: text('county_site_id')
      .notNull()
      .references(() => sites.id),
    title: text('title').notNull(),
    story: text('story').notNull(),
    category: text('category', {
      enum: ['stationery', 'clothing', 'books', 'toys', 'sports', 'daily', 'other'],
    }).notNull(),
    /** Computed from the birth date when the wish is written, so public pages never need the birth date. */
    ageBand: text('age_band').notNull(),
    valueFen: integer('value_fen').notNull(),
    /** Claim deadline, end of that day in Asia/Shanghai, as UTC ms. */
    deadlineAt: timestamp('deadline_at'),
    status: text('status', {
      enum: ['draft', 'in_review', 'published', 'claimed', 'delivered', 'fulfilled', 'withdrawn'],
    })
      .notNull()
      .default('draft'),
    authorId: text('author_id')
      .notNull()
      .references(() => users.id),
    reviewerId: text('reviewer_id').references(() => users.id),
    publishedAt: timestamp('published_at'),
    fulfilledAt: timestamp('fulfilled_at'),
    createdAt: timestamp('created_at').notNull(),
    updatedAt: timestamp('updated_at').notNull(),
  },
  (t) => [
    index('wishes_public_idx').on(t.status, t.publishedAt, t.id),
    index('wishes_site_idx').on(t.siteId, t.status),
    // Every public wish in list order whatever its status (`show=all`: an IN over four statuses cannot keep the order).
    index('wishes_published_idx').on(t.publishedAt, t.id),
    // The staff list, most recently changed first, of all statuses and of one.
    index('wishes_updated_idx').on(t.updatedAt, t.id),
    index('wishes_status_updated_idx').on(t.status, t.updatedAt, t.id),
    // The next deadline of an open wish, until which the count of open wishes holds. Partial on a literal status,
    // so that the public list (whose status is a bound parameter) keeps wishes_public_idx and its order.
    // The totals of the public list under any filter, counted in this index alone (no row of the table is read).
    // Partial, so that only a query that says `published_at is not null` (the counts, wishes.server.ts) uses it:
    // the lists, which must read in order, keep wishes_public_idx and wishes_published_idx.
    index('wishes_public_count_idx')
      .on(t.status, t.countySiteId, t.category, t.ageBand, t.deadlineAt)
      .where(sql`published_at is not null`),
    index('wishes_open_deadline_idx').on(t.deadlineAt).where(sql`status = 'published'`),
    // The report's wish measures (app/data/reports.server.ts), each a range of one index read alone: the wishes
    // fulfilled in a period, and those published in it with whether they were fulfilled by its end (README D35).
    index('wishes_fulfilled_idx').on(t.status, t.fulfilledAt, t.siteId),
    index('wishes_status_published_site_idx').on(t.status, t.publishedAt, t.siteId, t.fulfilledAt),
    // /staff's queue of live claims due soon and the claims job: a pending or approved claim's wish is claimed, by deadline.
    index('wishes_claimed_deadline_idx').on(t.deadlineAt).where(sql`status = 'claimed'`),
    // /staff's queue of an author's drafts sent back, in the order of the send-back (the draft's latest change).
    index('wishes_author_status_idx').on(t.authorId, t.status, t.updatedAt, t.id),
  ],
);

export const claims = sqliteTable(
  'claims',
  {
    id: id(),
    wishId: text('wish_id')
      .notNull()
      .references(() => wishes.id),
    /** The person who pressed "claim". */
    claimantUserId: text('claimant_user_id')
      .notNull()
      .references(() => users.id),
    /** Set when claimed on behalf of an organization. */
    orgId: text('org_id').references(() => organizations.id),
    status: text('status', {
      enum: ['pending', 'approved', 'delivered', 'confirmed', 'rejected', 'released', 'expired'],
    })
      .notNull()
      .default('pending'),
    reason: text('reason'),
    approvedAt: timestamp('approved_at'),
    deliveredAt: timestamp('delivered_at'),
    confirmedAt: timestamp('confirmed_at'),
    valueReceivedFen: integer('value_received_fen'),
    thanks: text('thanks'),
    reminderSentAt: timestamp('reminder_sent_at'),
    createdAt: timestamp('created_at').notNull(),
    updatedAt: timestamp('updated_at').notNull(),
  },
  (t) => [
    // At most one live claim per wish, whatever the code above does.
    uniqueIndex('claims_one_live_per_wish')
      .on(t.wishId)
      .where(sql`status in ('pending', 'approved', 'delivered')`),
    index('claims_claimant_idx').on(t.claimantUserId),
    index('claims_org_idx').on(t.orgId),
    index('claims_status_idx').on(t.status),
    // The staff list, most recently changed first, of all statuses and of some.
    index('claims_updated_idx').on(t.updatedAt, t.id),
    index('claims_status_updated_idx').on(t.status, t.updatedAt, t.id),
    // The report's claims (README D35): those confirmed in a period with what the measures read of them, and those
    // made in a period (wishes claimed), each a range of one index with no row of the table read.
    index('claims_confirmed_idx').on(t.status, t.confirmedAt, t.wishId, t.orgId, t.claimantUserId, t.valueReceivedFen),
    index('claims_created_idx').on(t.createdAt, t.status, t.wishId),
    // Approved claims whose delivery window closes: /staff's queue of claims due soon and the expiry job.
    index('claims_status_approved_idx').on(t.status, t.approvedAt),
  ],
);
