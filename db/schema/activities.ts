import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
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
    status: text('status', { enum: ['draft', 'submitted', 'approved', 'completed', 'rejected', 'cancelled'] })
      .notNull()
      .default('draft'),
    reason: text('reason'),
    createdAt: timestamp('created_at').notNull(),
    updatedAt: timestamp('updated_at').notNull(),
  },
  (t) => [index('activities_status_idx').on(t.status), index('activities_site_idx').on(t.siteId)],
);

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
    capacity: integer('capacity').notNull(),
    childrenExpected: integer('children_expected').notNull().default(0),
    status: text('status', { enum: ['open', 'closed'] }).notNull().default('open'),
    // Outcome, recorded when staff close the slot.
    childrenServed: integer('children_served'),
    moneyFen: integer('money_fen'),
    goodsFen: integer('goods_fen'),
    materials: integer('materials'),
    closedAt: timestamp('closed_at'),
    createdAt: timestamp('created_at').notNull(),
  },
  (t) => [index('slots_activity_idx').on(t.activityId), index('slots_starts_idx').on(t.startsAt)],
);

export const slotSignups = sqliteTable(
  'slot_signups',
  {
    id: id(),
    slotId: text('slot_id')
      .notNull()
      .references(() => slots.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    status: text('status', { enum: ['confirmed', 'waitlisted', 'cancelled'] }).notNull(),
    attendance: text('attendance', { enum: ['attended', 'no_show'] }),
    /** Credited service minutes, set when attendance is recorded. */
    serviceMinutes: integer('service_minutes'),
    createdAt: timestamp('created_at').notNull(),
    updatedAt: timestamp('updated_at').notNull(),
  },
  (t) => [uniqueIndex('slot_signups_one_per_person').on(t.slotId, t.userId), index('slot_signups_user_idx').on(t.userId)],
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

/** Caring-parent pairing of an approved volunteer with a child of a site. */
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
    status: text('status', { enum: ['active', 'ended'] }).notNull().default('active'),
    startedAt: timestamp('started_at').notNull(),
    endedAt: timestamp('ended_at'),
    createdBy: text('created_by').references(() => users.id),
  },
  (t) => [index('pairings_volunteer_idx').on(t.volunteerUserId), index('pairings_site_idx').on(t.siteId)],
);

export const pairingVisits = sqliteTable(
  'pairing_visits',
  {
    id: id(),
    pairingId: text('pairing_id')
      .notNull()
      .references(() => pairings.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['visit', 'call', 'message'] }).notNull(),
    happenedAt: timestamp('happened_at').notNull(),
    minutes: integer('minutes').notNull(),
    note: text('note'),
    status: text('status', { enum: ['logged', 'confirmed', 'rejected'] }).notNull().default('logged'),
    confirmedBy: text('confirmed_by').references(() => users.id),
    confirmedAt: timestamp('confirmed_at'),
    createdAt: timestamp('created_at').notNull(),
  },
  (t) => [index('pairing_visits_pairing_idx').on(t.pairingId)],
);
