import { and, asc, count, desc, eq, gt, inArray, isNull, lte, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { schema } from '../../db/client';
import { db, type Tx } from './db.server';
import { inSubtree } from './scope.server';

// Activities and their slots as the proposers and the staff work on them; attendance and no-show flags.
// Sign-up status belongs to the sign-up slice: these functions read it and never write it.

export type ActivityRow = typeof schema.activities.$inferSelect;
export type NewActivity = typeof schema.activities.$inferInsert;
export type SlotRow = typeof schema.slots.$inferSelect;
export type NewSlot = typeof schema.slots.$inferInsert;
type ActivityStatusValue = ActivityRow['status'];
type SlotStatusValue = SlotRow['status'];

const a = schema.activities;
const sl = schema.slots;
const su = schema.slotSignups;
const site = alias(schema.sites, 'activity_site');
const slotSite = alias(schema.sites, 'slot_site');
const proposer = alias(schema.users, 'proposer');
const org = schema.organizations;
const helper = alias(schema.users, 'helper');

/** The fields a proposer writes; status and review fields are not among them. */
export type ActivityDraftFields = Pick<
  NewActivity,
  'type' | 'title' | 'description' | 'siteId' | 'contactTier' | 'riskNotes' | 'safetyMeasures' | 'organizerContact' | 'cancelCutoffHours' | 'updatedAt'
>;

export function insertActivity(tx: Tx, row: NewActivity & { status: ActivityStatusValue }): void {
  tx.insert(a).values(row).run();
}

/** Rewrites a draft's fields (only while it is a draft: 0 rows otherwise). */
export function updateActivityDraft(tx: Tx, id: string, fields: ActivityDraftFields): number {
  return tx
    .update(a)
    .set({ ...fields })
    .where(and(eq(a.id, id), eq(a.status, 'draft')))
    .run().changes;
}

/** The compare-and-set of activities.status; only app/services/activity-status.server.ts calls it. */
export function setActivityStatus(
  tx: Tx,
  id: string,
  from: ActivityStatusValue,
  to: ActivityStatusValue,
  extra: Partial<Pick<NewActivity, 'reason' | 'submittedAt' | 'approvedAt' | 'approvedBy'>> & { updatedAt: number },
): number {
  return tx.update(a).set({ status: to, ...extra }).where(and(eq(a.id, id), eq(a.status, from))).run().changes;
}

export function insertSlot(tx: Tx, row: NewSlot): void {
  tx.insert(sl).values(row).run();
}

/** A draft's slots are replaced whole when the draft is saved (nobody can sign up to a draft). */
export function deleteSlotsOfDraft(tx: Tx, activityId: string): void {
  tx.delete(sl).where(eq(sl.activityId, activityId)).run();
}

/** The compare-and-set of slots.status; only app/services/activity-status.server.ts calls it. */
export function setSlotStatus(
  tx: Tx,
  id: string,
  from: SlotStatusValue,
  to: SlotStatusValue,
  extra: Partial<
    Pick<NewSlot, 'childrenServed' | 'moneyFen' | 'goodsFen' | 'materials' | 'sessions' | 'closedAt' | 'closedBy' | 'cancelReason'>
  > = {},
): number {
  return tx.update(sl).set({ status: to, ...extra }).where(and(eq(sl.id, id), eq(sl.status, from))).run().changes;
}

/** A correction of a closed slot's outcome (its status stays closed). */
export function correctSlotOutcome(
  tx: Tx,
  id: string,
  fields: Pick<NewSlot, 'childrenServed' | 'moneyFen' | 'goodsFen' | 'materials' | 'sessions' | 'correctedAt'>,
): number {
  return tx
    .update(sl)
    .set({ ...fields })
    .where(and(eq(sl.id, id), eq(sl.status, 'closed')))
    .run().changes;
}

export function replaceSlotChildren(tx: Tx, slotId: string, childIds: readonly string[]): void {
  tx.delete(schema.slotChildren).where(eq(schema.slotChildren.slotId, slotId)).run();
  for (const childId of childIds) tx.insert(schema.slotChildren).values({ slotId, childId }).run();
}

export function childrenOfSlot(slotId: string): string[] {
  return db()
    .select({ id: schema.slotChildren.childId })
    .from(schema.slotChildren)
    .where(eq(schema.slotChildren.slotId, slotId))
    .all()
    .map((r) => r.id);
}

function activitySelection() {
  return {
    activity: a,
    sitePath: site.path,
    siteZh: site.nameZh,
    siteEn: site.nameEn,
    orgName: org.name,
    proposerName: proposer.displayName,
    proposerEmail: proposer.email,
    proposerLocale: proposer.locale,
  };
}

export type ActivityDetail = NonNullable<ReturnType<typeof findActivity>>;

export function findActivity(id: string, tx?: Tx) {
  return (tx ?? db())
    .select(activitySelection())
    .from(a)
    .innerJoin(site, eq(site.id, a.siteId))
    .innerJoin(proposer, eq(proposer.id, a.proposerId))
    .leftJoin(org, eq(org.id, a.orgId))
    .where(eq(a.id, id))
    .get();
}

/** Places held and waiting per slot, read from the sign-ups (their status is the sign-up slice's). */
function signupCounts() {
  return {
    confirmed: sql<number>`(select count(*) from slot_signups s where s.slot_id = ${sl.id} and s.status = 'confirmed')`,
    offered: sql<number>`(select count(*) from slot_signups s where s.slot_id = ${sl.id} and s.status = 'offered')`,
    waitlisted: sql<number>`(select count(*) from slot_signups s where s.slot_id = ${sl.id} and s.status = 'waitlisted')`,
  };
}

export function slotsOfActivity(activityId: string, tx?: Tx) {
  return (tx ?? db())
    .select({ slot: sl, ...signupCounts() })
    .from(sl)
    .where(eq(sl.activityId, activityId))
    .orderBy(asc(sl.startsAt), asc(sl.id))
    .all();
}

export type SlotDetail = NonNullable<ReturnType<typeof findSlot>>;

/** A slot with its activity and the path of the slot's own site (staff scope follows it). */
export function findSlot(id: string, tx?: Tx) {
  return (tx ?? db())
    .select({
      slot: sl,
      sitePath: slotSite.path,
      siteZh: slotSite.nameZh,
      siteEn: slotSite.nameEn,
      activityId: a.id,
      activityTitle: a.title,
      activityStatus: a.status,
      activityType: a.type,
      contactTier: a.contactTier,
      activitySitePath: site.path,
    })
    .from(sl)
    .innerJoin(a, eq(a.id, sl.activityId))
    .innerJoin(site, eq(site.id, a.siteId))
    .innerJoin(slotSite, eq(slotSite.id, sl.siteId))
    .where(eq(sl.id, id))
    .get();
}

/** The roster of a slot for staff: every sign-up with the helper's name and phone, waiting order first. */
export function rosterOfSlot(slotId: string) {
  return db()
    .select({
      signup: su,
      name: helper.displayName,
      email: helper.email,
      volunteerPhone: schema.volunteers.phone,
      orgName: org.name,
      orgPhone: org.contactPhone,
    })
    .from(su)
    .innerJoin(helper, eq(helper.id, su.userId))
    .leftJoin(schema.volunteers, eq(schema.volunteers.userId, su.userId))
    .leftJoin(org, eq(org.id, su.orgId))
    .where(eq(su.slotId, slotId))
    .orderBy(asc(su.createdAt), asc(su.id))
    .all();
}

export type SignupWithSlot = NonNullable<ReturnType<typeof findSignupWithSlot>>;

export function findSignupWithSlot(signupId: string, tx?: Tx) {
  return (tx ?? db())
    .select({ signup: su, slot: sl, sitePath: slotSite.path, activityStatus: a.status })
    .from(su)
    .innerJoin(sl, eq(sl.id, su.slotId))
    .innerJoin(a, eq(a.id, sl.activityId))
    .innerJoin(slotSite, eq(slotSite.id, sl.siteId))
    .where(eq(su.id, signupId))
    .get();
}

/** Attendance columns of a sign-up (never its status). */
export function setAttendance(
  tx: Tx,
  signupId: string,
  fields: { attendance: 'attended' | 'no_show'; serviceMinutes: number; attendanceBy: string; attendanceAt: number },
): number {
  return tx
    .update(su)
    .set({ ...fields, updatedAt: fields.attendanceAt })
    .where(eq(su.id, signupId))
    .run().changes;
}

/** The start times of a helper's recorded no-shows. */
export function noShowStartsOf(tx: Tx, userId: string): number[] {
  return tx
    .select({ startsAt: sl.startsAt })
    .from(su)
    .innerJoin(sl, eq(sl.id, su.slotId))
    .where(and(eq(su.userId, userId), eq(su.attendance, 'no_show')))
    .all()
    .map((r) => r.startsAt);
}

export function hasOpenNoShowFlag(tx: Tx, userId: string): boolean {
  const f = schema.noShowFlags;
  return tx.select({ n: count() }).from(f).where(and(eq(f.userId, userId), isNull(f.reviewedAt))).get()!.n > 0;
}

export function insertNoShowFlag(tx: Tx, row: { userId: string; signupId: string; flaggedAt: number }): void {
  tx.insert(schema.noShowFlags).values(row).onConflictDoNothing().run();
}

export function markNoShowFlagReviewed(tx: Tx, userId: string, signupId: string, by: string, now: number): number {
  const f = schema.noShowFlags;
  return tx
    .update(f)
    .set({ reviewedAt: now, reviewedBy: by })
    .where(and(eq(f.userId, userId), eq(f.signupId, signupId), isNull(f.reviewedAt)))
    .run().changes;
}

/** Open no-show flags of helpers whose no-show happened in the subtree. */
export function openNoShowFlagsUnder(rootPath: string) {
  const f = schema.noShowFlags;
  return db()
    .select({ userId: f.userId, signupId: f.signupId, flaggedAt: f.flaggedAt, name: helper.displayName, slotId: sl.id, activityTitle: a.title, sitePath: slotSite.path })
    .from(f)
    .innerJoin(helper, eq(helper.id, f.userId))
    .innerJoin(su, eq(su.id, f.signupId))
    .innerJoin(sl, eq(sl.id, su.slotId))
    .innerJoin(a, eq(a.id, sl.activityId))
    .innerJoin(slotSite, eq(slotSite.id, sl.siteId))
    .where(and(isNull(f.reviewedAt), inSubtree(slotSite.path, rootPath)))
    .orderBy(asc(f.flaggedAt))
    .all();
}

export function findNoShowFlag(signupId: string) {
  const f = schema.noShowFlags;
  return db()
    .select({ flag: f, sitePath: slotSite.path })
    .from(f)
    .innerJoin(su, eq(su.id, f.signupId))
    .innerJoin(sl, eq(sl.id, su.slotId))
    .innerJoin(slotSite, eq(slotSite.id, sl.siteId))
    .where(eq(f.signupId, signupId))
    .get();
}

/** Everyone holding or waiting for a place on these slots, with what a mail to them needs. */
export function peopleOnSlots(tx: Tx, slotIds: readonly string[]) {
  if (slotIds.length === 0) return [];
  return tx
    .select({ signupId: su.id, slotId: su.slotId, status: su.status, email: helper.email, name: helper.displayName, locale: helper.locale })
    .from(su)
    .innerJoin(helper, eq(helper.id, su.userId))
    .where(and(inArray(su.slotId, [...slotIds]), inArray(su.status, ['confirmed', 'waitlisted', 'offered'])))
    .all();
}

// ---------------------------------------------------------------------------
// Lists

const listColumns = {
  id: a.id,
  title: a.title,
  type: a.type,
  status: a.status,
  orgName: org.name,
  siteZh: site.nameZh,
  siteEn: site.nameEn,
  submittedAt: a.submittedAt,
  updatedAt: a.updatedAt,
  firstStart: sql<number | null>`(select min(x.starts_at) from slots x where x.activity_id = ${a.id})`,
  slotCount: sql<number>`(select count(*) from slots x where x.activity_id = ${a.id})`,
};

/**
 * A list of the subtree's activities, with the conditions and order of one list. The site is CROSS JOINed so that
 * SQLite keeps activities as the outer loop, read in list order from an index (activities_review_idx,
 * activities_updated_idx): from the sites of the subtree it would sort every activity of them.
 */
function activityListUnder(rootPath: string, where: SQL, order: SQL[], limit: number) {
  return db()
    .select(listColumns)
    .from(a)
    .crossJoin(site)
    .leftJoin(org, eq(org.id, a.orgId))
    .where(and(eq(site.id, a.siteId), where, inSubtree(site.path, rootPath)))
    .orderBy(...order)
    .limit(limit)
    .all();
}

/** Activities of the subtree awaiting review, oldest first. */
export function activitiesToReviewUnder(rootPath: string, limit = 200) {
  return activityListUnder(rootPath, eq(a.status, 'submitted'), [asc(a.submittedAt), asc(a.id)], limit);
}

/** Every activity of the subtree, most recently changed first (drafts of organizations excepted: they are not sent yet). */
export function activitiesUnder(rootPath: string, limit = 200) {
  return activityListUnder(rootPath, sql`not (${a.status} = 'draft' and ${a.orgId} is not null)`, [desc(a.updatedAt), desc(a.id)], limit);
}

function slotListColumns() {
  return {
    slotId: sl.id,
    startsAt: sl.startsAt,
    endsAt: sl.endsAt,
    capacity: sl.capacity,
    place: sl.place,
    activityId: a.id,
    title: a.title,
    siteZh: slotSite.nameZh,
    siteEn: slotSite.nameEn,
    ...signupCounts(),
  };
}

/**
 * Open slots of approved activities in the subtree whose start meets `started`, soonest first: read in that order from
 * slots_status_starts_idx (status, starts_at, id). CROSS JOINs keep slots the outer loop.
 */
function openSlotsUnder(rootPath: string, started: SQL, limit: number) {
  return db()
    .select(slotListColumns())
    .from(sl)
    .crossJoin(a)
    .crossJoin(slotSite)
    .where(and(eq(a.id, sl.activityId), eq(slotSite.id, sl.siteId), eq(sl.status, 'open'), eq(a.status, 'approved'), started, inSubtree(slotSite.path, rootPath)))
    .orderBy(asc(sl.startsAt), asc(sl.id))
    .limit(limit)
    .all();
}

/** Open slots of approved activities in the subtree that have not started, soonest first. */
export function upcomingSlotsUnder(rootPath: string, now: number, limit = 200) {
  return openSlotsUnder(rootPath, gt(sl.startsAt, now), limit);
}

/** Open slots of approved activities in the subtree that have started: to record attendance and close, oldest first. */
export function slotsToCloseUnder(rootPath: string, now: number, limit = 200) {
  return openSlotsUnder(rootPath, lte(sl.startsAt, now), limit);
}

/** An organization's activities with sign-up counts and totals (slots held, credited minutes, children served). */
export function activitiesOfOrganization(orgId: string) {
  return db()
    .select({
      id: a.id,
      title: a.title,
      type: a.type,
      status: a.status,
      reason: a.reason,
      siteZh: site.nameZh,
      siteEn: site.nameEn,
      updatedAt: a.updatedAt,
      slotCount: sql<number>`(select count(*) from slots x where x.activity_id = ${a.id})`,
      slotsHeld: sql<number>`(select count(*) from slots x where x.activity_id = ${a.id} and x.status = 'closed')`,
      signups: sql<number>`(select count(*) from slot_signups s join slots x on x.id = s.slot_id where x.activity_id = ${a.id} and s.status = 'confirmed')`,
      waiting: sql<number>`(select count(*) from slot_signups s join slots x on x.id = s.slot_id where x.activity_id = ${a.id} and s.status in ('waitlisted', 'offered'))`,
      minutes: sql<number>`(select coalesce(sum(s.service_minutes), 0) from slot_signups s join slots x on x.id = s.slot_id where x.activity_id = ${a.id} and s.attendance = 'attended')`,
      childrenServed: sql<number>`(select coalesce(sum(x.children_served), 0) from slots x where x.activity_id = ${a.id} and x.status = 'closed')`,
    })
    .from(a)
    .innerJoin(site, eq(site.id, a.siteId))
    .where(eq(a.orgId, orgId))
    .orderBy(desc(a.updatedAt), asc(a.id))
    .all();
}

/** The children of the subtree, for the close form's checkboxes (staff page; real names). */
export function childrenForSlotUnder(rootPath: string, limit = 500) {
  const c = schema.children;
  const s = schema.sites;
  return db()
    .select({ id: c.id, alias: c.alias, realName: c.realName, siteZh: s.nameZh, siteEn: s.nameEn })
    .from(c)
    .innerJoin(s, eq(s.id, c.siteId))
    .where(inSubtree(s.path, rootPath))
    .orderBy(asc(s.path), asc(c.alias), asc(c.id))
    .limit(limit)
    .all();
}

/** Which of these child ids lie in the subtree. */
export function childIdsUnder(rootPath: string, ids: readonly string[]): Set<string> {
  if (ids.length === 0) return new Set();
  const c = schema.children;
  const s = schema.sites;
  return new Set(
    db()
      .select({ id: c.id })
      .from(c)
      .innerJoin(s, eq(s.id, c.siteId))
      .where(and(inArray(c.id, [...ids]), inSubtree(s.path, rootPath)))
      .all()
      .map((r) => r.id),
  );
}

/** Site path of a site (for scope checks on a proposal's chosen site). */
export function sitePathOf(siteId: string): string | null {
  return db().select({ path: schema.sites.path }).from(schema.sites).where(eq(schema.sites.id, siteId)).get()?.path ?? null;
}

/** Sites a proposer may choose: all (an organization) or a subtree (staff). */
export function siteChoicesUnder(rootPath: string) {
  const s = schema.sites;
  return db()
    .select({ id: s.id, nameZh: s.nameZh, nameEn: s.nameEn, path: s.path, kind: s.kind })
    .from(s)
    .where(inSubtree(s.path, rootPath))
    .orderBy(asc(s.path))
    .all();
}

/** The names and birth dates of the subtree's children, for the privacy check of an activity's text. */
export function childIdentitiesUnder(rootPath: string) {
  const c = schema.children;
  const s = schema.sites;
  return db().select({ realName: c.realName, birthDate: c.birthDate }).from(c).innerJoin(s, eq(s.id, c.siteId)).where(inSubtree(s.path, rootPath)).all();
}
