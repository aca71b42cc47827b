import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, index, uniqueIndex, check, primaryKey } from 'drizzle-orm/sqlite-core';
import { id, timestamp } from './common';
import { sites } from './sites';
import { users, organizations } from './users';
import { children } from './children';

export const ACTIVITY_TYPES = [
  'winter_warmth',
  'safety_talk',
  'film_screening',
  'home_visit',
  'counselling',
  'case_tutoring',
  'festival',
  'social_integration',
  'empowerment',
  'temporary_care',
  'family_education',
  'legal_aid',
  'crisis_intervention',
  'other',
] as const;

export const ACTIVITY_STATUSES = ['draft', 'submitted', 'approved', 'completed', 'rejected', 'cancelled'] as const;

export const activities = sqliteTable(
  'activities',
  {
    id: id(),
    type: text('type', { enum: ACTIVITY_TYPES }).notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    siteId: text('site_id')
      .notNull()
      .references(() => sites.id),
    orgId: text('org_id').references(() => organizations.id),
    proposerId: text('proposer_id')
      .notNull()
      .references(() => users.id),
    /** `group`: supervised, in a public area. `one_to_one`: time alone with a child (needs one-to-one vetting). */
    contactTier: text('contact_tier', { enum: ['group', 'one_to_one'] }).notNull().default('group'),
    riskNotes: text('risk_notes').notNull().default(''),
    safetyMeasures: text('safety_measures').notNull().default(''),
    /** Who signed-up helpers call about the activity (shown to them only). */
    organizerContact: text('organizer_contact').notNull().default(''),
    /** Helpers cancel themselves up to this many hours before a slot starts; after it, staff do. */
    cancelCutoffHours: integer('cancel_cutoff_hours').notNull().default(24),
    status: text('status', { enum: ACTIVITY_STATUSES }).notNull().default('draft'),
    /** The reason of the last rejection or cancellation, which the proposer reads. */
    reason: text('reason'),
    submittedAt: timestamp('submitted_at'),
    approvedAt: timestamp('approved_at'),
    approvedBy: text('approved_by').references(() => users.id),
    createdAt: timestamp('created_at').notNull(),
    updatedAt: timestamp('updated_at').notNull(),
  },
  (t) => [
    index('activities_status_idx').on(t.status),
    index('activities_site_idx').on(t.siteId),
    index('activities_org_idx').on(t.orgId),
    // The staff lists in their order: awaiting review, oldest submission first; everything, latest change first.
    index('activities_review_idx').on(t.status, t.submittedAt, t.id),
    index('activities_updated_idx').on(t.updatedAt, t.id),
  ],
);

export const SLOT_STATUSES = ['open', 'closed', 'cancelled'] as const;

export const slots = sqliteTable(
  'slots',
  {
    id: id(),
    activityId: text('activity_id')
      .notNull()
      .references(() => activities.id, { onDelete: 'cascade' }),
    siteId: text('site_id')
      .notNull()
      .references(() => sites.id),
    startsAt: timestamp('starts_at').notNull(),
    endsAt: timestamp('ends_at').notNull(),
    /** Where inside the site, e.g. "活动室" (privacy-checked). */
    place: text('place').notNull().default(''),
    capacity: integer('capacity').notNull(),
    /**
     * Places held: confirmed sign-ups plus offers in flight. Changed only by a conditional update
     * inside the sign-up transaction; the CHECK keeps it within capacity under any concurrency.
     */
    taken: integer('taken').notNull().default(0),
    childrenExpected: integer('children_expected').notNull().default(0),
    /** Minutes of service a slot is planned for; attendance defaults to it. */
    scheduledMinutes: integer('scheduled_minutes').notNull(),
    status: text('status', { enum: SLOT_STATUSES }).notNull().default('open'),
    // Outcome, recorded when staff close the slot.
    childrenServed: integer('children_served'),
    moneyFen: integer('money_fen'),
    goodsFen: integer('goods_fen'),
    materials: integer('materials'),
    /** 场次 held (default 1 when closed). */
    sessions: integer('sessions'),
    closedAt: timestamp('closed_at'),
    closedBy: text('closed_by').references(() => users.id),
    /** The last correction of a closed slot's outcome (reports frozen before it say so). */
    correctedAt: timestamp('corrected_at'),
    /** When the 24-hour reminder went out (once per slot). */
    remindedAt: timestamp('reminded_at'),
    cancelReason: text('cancel_reason'),
    createdAt: timestamp('created_at').notNull(),
  },
  (t) => [
    // An activity's slots in start order (its page), and the foreign key.
    index('slots_activity_starts_idx').on(t.activityId, t.startsAt, t.id),
    // Every slot in start order (/activities?when=past), and the keyset ranges of the lists.
    index('slots_starts_id_idx').on(t.startsAt, t.id),
    // Open slots in start order: /activities (upcoming) and the staff lists (upcoming, to close).
    index('slots_status_starts_idx').on(t.status, t.startsAt, t.id),
    index('slots_site_idx').on(t.siteId),
    check('slots_taken_within_capacity', sql`${t.taken} >= 0 AND ${t.taken} <= ${t.capacity}`),
    check('slots_capacity_positive', sql`${t.capacity} >= 1`),
    check('slots_ends_after_start', sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

/**
 * A helper's place in a slot. `confirmed` holds a place; `waitlisted` waits in `queue_no` order;
 * `offered` holds a freed place for them until `offer_expires_at`; `cancelled` (by the helper or by
 * staff), `declined` (an offer turned down) and `expired` (an offer not answered in time) hold none.
 * Attendance is kept apart from the status.
 */
export const SIGNUP_STATUSES = ['confirmed', 'waitlisted', 'offered', 'cancelled', 'declined', 'expired'] as const;

export const slotSignups = sqliteTable(
  'slot_signups',
  {
    id: id(),
    slotId: text('slot_id')
      .notNull()
      .references(() => slots.id, { onDelete: 'cascade' }),
    /** The helper who holds (or waits for) the place. */
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    /** Set when an organization member signed up a colleague for the organization. */
    orgId: text('org_id').references(() => organizations.id),
    /** Who made the sign-up (the helper, or the colleague who signed them up). */
    signedUpBy: text('signed_up_by').references(() => users.id),
    status: text('status', { enum: SIGNUP_STATUSES }).notNull(),
    /** Order on the waiting list (lower waits less); assigned when waitlisted. */
    queueNo: integer('queue_no'),
    offeredAt: timestamp('offered_at'),
    offerExpiresAt: timestamp('offer_expires_at'),
    cancelReason: text('cancel_reason'),
    attendance: text('attendance', { enum: ['attended', 'no_show'] }),
    /** Credited service minutes, set when attendance is recorded. */
    serviceMinutes: integer('service_minutes'),
    attendanceBy: text('attendance_by').references(() => users.id),
    attendanceAt: timestamp('attendance_at'),
    createdAt: timestamp('created_at').notNull(),
    updatedAt: timestamp('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('slot_signups_one_per_person').on(t.slotId, t.userId),
    index('slot_signups_user_idx').on(t.userId),
    index('slot_signups_slot_status_idx').on(t.slotId, t.status, t.queueNo),
    index('slot_signups_offer_idx').on(t.status, t.offerExpiresAt),
    // /org's volunteer minutes: an organization's sign-ups, read in this index alone (README D35). Partial: most
    // sign-ups are made for no organization.
    index('slot_signups_org_idx')
      .on(t.orgId, t.attendance, t.serviceMinutes)
      .where(sql`org_id is not null`),
  ],
);

/**
 * A helper's personal iCal feed. The secret URL carries a random token, looked up by its SHA-256.
 * So that the helper's page can show the URL again, the token is also kept sealed under the link key
 * that is never in the database (README D22), bound to the user id. Rotating replaces the row, so the
 * old URL stops working at once.
 */
export const calendarFeeds = sqliteTable('calendar_feeds', {
  userId: text('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  tokenHash: text('token_hash').notNull().unique(),
  tokenSealed: text('token_sealed').notNull(),
  createdAt: timestamp('created_at').notNull(),
});

/** Helpers flagged for staff review after three no-shows within 12 months (one row per flag). */
export const noShowFlags = sqliteTable(
  'no_show_flags',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The no-show that raised the flag. */
    signupId: text('signup_id')
      .notNull()
      .references(() => slotSignups.id, { onDelete: 'cascade' }),
    flaggedAt: timestamp('flagged_at').notNull(),
    reviewedAt: timestamp('reviewed_at'),
    reviewedBy: text('reviewed_by').references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.userId, t.signupId] })],
);

/** Which children a closed slot served (counts distinct children in reports). */
export const slotChildren = sqliteTable(
  'slot_children',
  {
    slotId: text('slot_id')
      .notNull()
      .references(() => slots.id, { onDelete: 'cascade' }),
    childId: text('child_id')
      .notNull()
      .references(() => children.id),
  },
  (t) => [uniqueIndex('slot_children_pk').on(t.slotId, t.childId)],
);
