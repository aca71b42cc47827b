/**
 * The demo data set (`npm run cli -- seed --demo`, or SEED_DEMO on a new database).
 *
 * Everything is fictional and DETERMINISTIC: ids come from mulberry32 seeded with
 * 20250630 (80 bits → 16 base32 characters, like app ids) and every other choice from
 * a second mulberry32 stream, so the same `now` gives byte-identical databases.
 * Money is integer fen, timestamps UTC ms, birth dates 'YYYY-MM-DD'.
 *
 * It holds a site tree of Wuzhong (吴忠市), demo accounts, 40 organizations, ~1100
 * private child records, a history for the first half of 2025 that reproduces the
 * figures of the bureau's letter (db/seed/letter-figures.json, a copy of the product spec), and a "present"
 * placed relative to `options.now` (open wishes, claims in flight, upcoming slots).
 *
 * Every wish, claim, volunteer and organization carries the audit events the app itself would
 * have written (same entity types and actions as app/services/*), so no timeline is empty:
 * wishes create → submit → publish (by a second staff member) → claim → deliver → fulfil,
 * claims claim → approve → deliver → confirm, helpers apply → approve/reject → recheck/suspend.
 * Audit rows never feed a letter figure.
 *
 * COUNTING RULES. P = 2025-01-01 00:00 … 2025-06-30 24:00 Asia/Shanghai, i.e. UTC ms
 * t with DEMO_PERIOD.from ≤ t ≤ DEMO_PERIOD.to (= Date.UTC(2024,11,31,16) …
 * Date.UTC(2025,5,30,16) − 1). "Closed slot in P" means slots.status = 'closed' and
 * slots.closed_at in P (in this data set every such slot also starts in P, and every
 * history activity is 'completed').
 *
 * - wishesFulfilled (466): wishes with status 'fulfilled' and fulfilled_at in P. Each has
 *   exactly one claim with status 'confirmed' and confirmed_at = fulfilled_at, made by an
 *   approved volunteer (org_id null) or for an approved organization (org_id set,
 *   claimant_user_id a member of it).
 * - moneyAndGoodsYuan (153000): ( Σ claims.value_received_fen of claims 'confirmed' with
 *   confirmed_at in P  +  Σ (money_fen + goods_fen) of closed slots in P ) / 100.
 * - homeVisits (408): Σ children_served of closed slots in P of activities of type
 *   'home_visit' with status approved/completed  +  number of pairing_visits with
 *   kind 'home_visit', status 'confirmed' and happened_at in P.
 * - safetyTalks (28): closed slots in P of 'safety_talk' activities;
 *   materialsDistributed (420) = Σ their materials.
 * - tutoringSessions (327): closed slots in P of 'case_tutoring' activities.
 * - filmScreenings (51): closed slots in P of 'film_screening' activities;
 *   filmScreeningCoverage (308) = Σ their children_served.
 * - childrenCareServed (973): DISTINCT slot_children.child_id over closed slots in P of
 *   activities of type temporary_care, family_education, legal_aid, crisis_intervention.
 * - socialOrganizations (26) / companies (12): approved organizations of that kind with a
 *   confirmed claim (org_id = it, confirmed_at in P) or a 'completed' activity
 *   (org_id = it) having a closed slot in P.
 * - caringParents (12): DISTINCT approved volunteers with caring_parent = 1 having a
 *   pairing that ran during P: started_at ≤ P.to and (ended_at is null or ended_at ≥
 *   P.from). Every pairing that overlaps P is still 'active', so adding
 *   "status = 'active'" gives the same 12.
 *
 * For every closed slot children_served = its number of slot_children rows.
 */
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { SQLiteInsertValue } from 'drizzle-orm/sqlite-core/query-builders/insert';
import type { DB } from '../client';
import * as schema from '../schema/index';
import { DemoBuilder, DEMO_EMAILS } from './demo/context';
import { buildSites } from './demo/sites';
import { buildStaff, buildVolunteers, buildOrganizations } from './demo/people';
import { buildChildren, buildPairings } from './demo/children';
import { buildHistoryWishes, TARGET } from './demo/history';
import { buildHistoryActivities } from './demo/history-activities';
import { buildPresentWishes, buildPresentActivities } from './demo/present';
import { buildHelperTrails } from './demo/trails';
import { buildLaterHistory } from './demo/later';

export { DEMO_SEED, DEMO_EMAILS } from './demo/context';
export { DEMO_PERIOD } from './demo/calendar';

export interface SeedOptions {
  now: number;
  passwordHash: string;
  /** Told of each step as it is done (the command line prints it). */
  progress?: (step: string) => void;
}

export interface SeedSummary {
  sites: number;
  users: number;
  volunteers: number;
  organizations: number;
  organizationMembers: number;
  children: number;
  wishes: number;
  claims: number;
  activities: number;
  slots: number;
  slotSignups: number;
  slotChildren: number;
  pairings: number;
  pairingVisits: number;
  pairingConcerns: number;
  auditEvents: number;
}

/**
 * Builds every row in memory (db/seed/demo/: random, calendar, context, sites, people, children,
 * history, history-activities, present, trails). The steps run in this order because they share
 * one stream of random choices and one of ids: reordering them changes the data set.
 */
function build(b: DemoBuilder, progress: (step: string) => void): void {
  buildSites(b);
  buildStaff(b);
  buildVolunteers(b);
  buildOrganizations(b);
  progress(`sites, staff and helpers: ${b.sites.length} sites, ${b.users.length} accounts, ${b.orgs.length} organizations`);
  buildChildren(b);
  const homeVisitsFromPairings = buildPairings(b);
  progress(`children and caring parents: ${b.children.length} child records, ${b.pairings.length} pairings, ${b.visits.length} contact logs`);
  buildHistoryWishes(b);
  buildHistoryActivities(b, TARGET.homeVisits - homeVisitsFromPairings);
  progress(`first half of 2025 (the letter): ${b.wishes.length} wishes fulfilled, ${b.slots.length} slots closed`);
  buildPresentWishes(b);
  buildPresentActivities(b);
  buildHelperTrails(b);
  progress(`the present: ${b.wishes.length} wishes and ${b.slots.length} slots in all so far`);
  const later = buildLaterHistory(b);
  progress(`since July 2025: ${later.wishes} more wishes fulfilled, ${later.slots} more slots closed`);
}

// ---------------------------------------------------------------------------

type Tx = Parameters<Parameters<DB['transaction']>[0]>[0];

/** Rows per INSERT: well under SQLite's bound-variable limit for our widest table. */
const CHUNK = 500;

function insertAll<T extends SQLiteTable>(tx: Tx, table: T, rows: T['$inferInsert'][]): void {
  for (let i = 0; i < rows.length; i += CHUNK) {
    tx.insert(table)
      .values(rows.slice(i, i + CHUNK) as SQLiteInsertValue<T>[])
      .run();
  }
}

/**
 * Loads the demo data set into an empty, migrated database in one immediate
 * transaction, and marks the database as demo (meta demo = true).
 */
export function seedDemo(db: DB, options: SeedOptions): SeedSummary {
  const b = new DemoBuilder(options.now, options.passwordHash);
  const progress = options.progress ?? (() => {});
  build(b, progress);

  db.transaction(
    (tx) => {
      const existing = db.$client.prepare('select count(*) as n from users where email = ?').get(DEMO_EMAILS.admin) as { n: number };
      if (existing.n > 0) throw new Error('this database already holds the demo data');
      insertAll(tx, schema.sites, b.sites);
      insertAll(tx, schema.users, b.users);
      insertAll(tx, schema.volunteers, b.volunteers);
      insertAll(tx, schema.organizations, b.orgs);
      insertAll(tx, schema.organizationMembers, b.members);
      insertAll(tx, schema.children, b.children);
      insertAll(tx, schema.wishes, b.wishes);
      insertAll(tx, schema.claims, b.claims);
      insertAll(tx, schema.activities, b.activities);
      insertAll(tx, schema.slots, b.slots);
      insertAll(tx, schema.slotSignups, b.signups);
      insertAll(tx, schema.slotChildren, b.slotChildren);
      insertAll(tx, schema.pairings, b.pairings);
      insertAll(tx, schema.pairingVisits, b.visits);
      insertAll(tx, schema.pairingConcerns, b.concerns);
      insertAll(tx, schema.auditEvents, b.audits);
      progress(`written: ${b.audits.length} audit events with the rest`);
      tx.insert(schema.meta).values({ key: 'demo', value: 'true' }).onConflictDoUpdate({ target: schema.meta.key, set: { value: 'true' } }).run();
    },
    { behavior: 'immediate' },
  );

  return {
    sites: b.sites.length,
    users: b.users.length,
    volunteers: b.volunteers.length,
    organizations: b.orgs.length,
    organizationMembers: b.members.length,
    children: b.children.length,
    wishes: b.wishes.length,
    claims: b.claims.length,
    activities: b.activities.length,
    slots: b.slots.length,
    slotSignups: b.signups.length,
    slotChildren: b.slotChildren.length,
    pairings: b.pairings.length,
    pairingVisits: b.visits.length,
    pairingConcerns: b.concerns.length,
    auditEvents: b.audits.length,
  };
}
