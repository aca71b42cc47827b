import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, index, uniqueIndex, check } from 'drizzle-orm/sqlite-core';
import { id, timestamp } from './common';
import { sites } from './sites';
import { users } from './users';
import { children } from './children';

/**
 * Caring-parent pairing of an approved volunteer with a child of a site: proposed → active → ended
 * (app/domain/pairing.ts). A child has at most one live (proposed or active) pairing: the partial unique
 * index decides a race between two staff members pairing the same child.
 */
export const pairings = sqliteTable(
  'pairings',
  {
    id: id(),
    volunteerUserId: text('volunteer_user_id')
      .notNull()
      .references(() => users.id),
    childId: text('child_id')
      .notNull()
      .references(() => children.id),
    siteId: text('site_id')
      .notNull()
      .references(() => sites.id),
    status: text('status', { enum: ['proposed', 'active', 'ended'] }).notNull().default('proposed'),
    proposedAt: timestamp('proposed_at').notNull(),
    /** When the volunteer accepted (the pairing became active); null while proposed or if never accepted. */
    startedAt: timestamp('started_at'),
    endedAt: timestamp('ended_at'),
    /** Why it ended (declined, withdrawn, ended by staff, re-check lapsed): the transition's reason. */
    endReason: text('end_reason'),
    endedBy: text('ended_by').references(() => users.id),
    /** The signed volunteer agreement (志愿服务条例 art. 14): its date (YYYY-MM-DD) and who witnessed it. No scan. */
    agreementSignedOn: text('agreement_signed_on').notNull(),
    agreementWitness: text('agreement_witness').notNull(),
    /** The volunteer asked to end it (staff decide): when, and why. */
    endRequestedAt: timestamp('end_requested_at'),
    endRequestReason: text('end_request_reason'),
    /** The last "contact overdue" mail to the volunteer, so each overdue spell mails once. */
    overdueMailedAt: timestamp('overdue_mailed_at'),
    createdBy: text('created_by').references(() => users.id),
  },
  (t) => [
    index('pairings_volunteer_idx').on(t.volunteerUserId, t.status),
    index('pairings_site_idx').on(t.siteId, t.status),
    uniqueIndex('pairings_one_live_per_child').on(t.childId).where(sql`status in ('proposed', 'active')`),
  ],
);

/** A contact the volunteer logged; staff confirm or reject it. Confirmed minutes are the volunteer's hours. */
export const pairingVisits = sqliteTable(
  'pairing_visits',
  {
    id: id(),
    pairingId: text('pairing_id')
      .notNull()
      .references(() => pairings.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['home_visit', 'call', 'letter', 'outing', 'institution_visit'] }).notNull(),
    happenedAt: timestamp('happened_at').notNull(),
    minutes: integer('minutes').notNull(),
    /** Staff of the site came along. */
    staffAccompanied: integer('staff_accompanied', { mode: 'boolean' }).notNull().default(false),
    note: text('note'),
    status: text('status', { enum: ['logged', 'confirmed', 'rejected'] }).notNull().default('logged'),
    /** Who confirmed or rejected it, and when. */
    confirmedBy: text('confirmed_by').references(() => users.id),
    confirmedAt: timestamp('confirmed_at'),
    rejectReason: text('reject_reason'),
    loggedBy: text('logged_by').references(() => users.id),
    correctedAt: timestamp('corrected_at'),
    createdAt: timestamp('created_at').notNull(),
  },
  (t) => [
    index('pairing_visits_pairing_idx').on(t.pairingId, t.happenedAt),
    check('pairing_visits_minutes_positive', sql`${t.minutes} > 0`),
  ],
);

/**
 * A concern about the child's safety or welfare (未成年人保护法 art. 11), raised by the volunteer; staff of the
 * child's site and county acknowledge it, act and close it. Its text and the staff's notes never leave staff
 * pages (and the volunteer's own page shows only their own text).
 */
export const pairingConcerns = sqliteTable(
  'pairing_concerns',
  {
    id: id(),
    pairingId: text('pairing_id')
      .notNull()
      .references(() => pairings.id, { onDelete: 'cascade' }),
    /** The visit log it was raised from, if any. */
    visitId: text('visit_id').references(() => pairingVisits.id),
    siteId: text('site_id')
      .notNull()
      .references(() => sites.id),
    raisedBy: text('raised_by')
      .notNull()
      .references(() => users.id),
    kind: text('kind', { enum: ['abuse', 'neglect', 'danger', 'illness', 'other'] }).notNull(),
    text: text('text').notNull(),
    status: text('status', { enum: ['open', 'acknowledged', 'closed'] }).notNull().default('open'),
    raisedAt: timestamp('raised_at').notNull(),
    acknowledgedAt: timestamp('acknowledged_at'),
    acknowledgedBy: text('acknowledged_by').references(() => users.id),
    /** What staff did (staff pages only; never mailed to the volunteer). */
    actionTaken: text('action_taken'),
    closedAt: timestamp('closed_at'),
    closedBy: text('closed_by').references(() => users.id),
  },
  (t) => [index('pairing_concerns_site_idx').on(t.siteId, t.status), index('pairing_concerns_pairing_idx').on(t.pairingId)],
);
