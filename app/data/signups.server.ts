import { and, asc, eq, gt, inArray, isNull, lte, lt, max, sql, count, desc } from 'drizzle-orm';
import { alias, type SelectedFields } from 'drizzle-orm/sqlite-core';
import { schema } from '../../db/client';
import { db, type Tx } from './db.server';

// Sign-ups for activity slots. The slot's `taken` (places held: confirmed + offered) changes only
// through takePlace/releasePlace, conditional updates inside the sign-up transaction; the CHECK on
// slots keeps it within capacity whatever happens. slot_signups.status is written only by
// setSignupStatus and insertSignup, called from app/services/signup-status.server.ts.

export type SignupRow = typeof schema.slotSignups.$inferSelect;
export type NewSignup = typeof schema.slotSignups.$inferInsert;
export type SignupStatusValue = SignupRow['status'];

const su = schema.slotSignups;
const sl = schema.slots;
const ac = schema.activities;
const slotSite = alias(schema.sites, 'slot_site');
const person = alias(schema.users, 'signup_person');

type Reader = Tx | ReturnType<typeof db>;

/** A slot with what signing up needs: its activity's status, tier and cut-off, and its site. */
function slotSelection() {
  return {
    slot: sl,
    activityId: ac.id,
    activityTitle: ac.title,
    activityStatus: ac.status,
    contactTier: ac.contactTier,
    cancelCutoffHours: ac.cancelCutoffHours,
    organizerContact: ac.organizerContact,
    proposerId: ac.proposerId,
    activityOrgId: ac.orgId,
    sitePath: slotSite.path,
    siteZh: slotSite.nameZh,
    siteEn: slotSite.nameEn,
  };
}

export type SlotDetail = NonNullable<ReturnType<typeof findSlot>>;

export function findSlot(slotId: string, tx: Reader = db()) {
  return tx
    .select(slotSelection())
    .from(sl)
    .innerJoin(ac, eq(ac.id, sl.activityId))
    .innerJoin(slotSite, eq(slotSite.id, sl.siteId))
    .where(eq(sl.id, slotId))
    .get();
}

export type SignupDetail = NonNullable<ReturnType<typeof findSignup>>;

/** A sign-up with its slot, activity and the person's contact (for mail). */
export function findSignup(signupId: string, tx: Reader = db()) {
  return tx
    .select({ signup: su, ...slotSelection(), personEmail: person.email, personName: person.displayName, personLocale: person.locale })
    .from(su)
    .innerJoin(sl, eq(sl.id, su.slotId))
    .innerJoin(ac, eq(ac.id, sl.activityId))
    .innerJoin(slotSite, eq(slotSite.id, sl.siteId))
    .innerJoin(person, eq(person.id, su.userId))
    .where(eq(su.id, signupId))
    .get();
}

/** The person's row for this slot, live or not (one per person and slot). */
export function signupOf(slotId: string, userId: string, tx: Reader = db()) {
  return tx.select().from(su).where(and(eq(su.slotId, slotId), eq(su.userId, userId))).get();
}

export function countWaiting(tx: Reader, slotId: string): number {
  return tx.select({ n: count() }).from(su).where(and(eq(su.slotId, slotId), eq(su.status, 'waitlisted'))).get()?.n ?? 0;
}

/** The next queue number: one past the highest ever given on this slot, so the order never repeats. */
export function nextQueueNo(tx: Tx, slotId: string): number {
  return (tx.select({ n: max(su.queueNo) }).from(su).where(eq(su.slotId, slotId)).get()?.n ?? 0) + 1;
}

/** Everyone waiting, in queue order. */
export function waitingOf(tx: Reader, slotId: string) {
  return tx
    .select({ id: su.id, queueNo: su.queueNo, userId: su.userId })
    .from(su)
    .where(and(eq(su.slotId, slotId), eq(su.status, 'waitlisted')))
    .orderBy(asc(su.queueNo), asc(su.id))
    .all()
    .map((r) => ({ id: r.id, userId: r.userId, queueNo: r.queueNo ?? 0 }));
}

/**
 * Takes one place if the slot is open and not full, in one conditional update (taken + 1 where the
 * slot is open and taken < capacity): 1 when taken, 0 when there was none.
 */
export function takePlace(tx: Tx, slotId: string): number {
  return tx
    .update(sl)
    .set({ taken: sql`${sl.taken} + 1` })
    .where(and(eq(sl.id, slotId), eq(sl.status, 'open'), lt(sl.taken, sl.capacity)))
    .run().changes;
}

/** Gives one held place back (taken - 1, never below zero). */
export function releasePlace(tx: Tx, slotId: string): number {
  return tx
    .update(sl)
    .set({ taken: sql`${sl.taken} - 1` })
    .where(and(eq(sl.id, slotId), gt(sl.taken, 0)))
    .run().changes;
}

export function insertSignup(tx: Tx, row: NewSignup): void {
  tx.insert(su).values(row).run();
}

type SignupFields = Partial<Pick<NewSignup, 'queueNo' | 'offeredAt' | 'offerExpiresAt' | 'cancelReason' | 'orgId' | 'signedUpBy'>> & { updatedAt: number };

/** Compare-and-set of a sign-up's status: 1 when it moved, 0 when someone moved it first. */
export function setSignupStatus(tx: Tx, id: string, from: SignupStatusValue, to: SignupStatusValue, fields: SignupFields): number {
  return tx
    .update(su)
    .set({ status: to, ...fields })
    .where(and(eq(su.id, id), eq(su.status, from)))
    .run().changes;
}

/** Offers whose deadline has passed. */
export function lapsedOffers(now: number) {
  return db()
    .select({ id: su.id })
    .from(su)
    .where(and(eq(su.status, 'offered'), lt(su.offerExpiresAt, now)))
    .orderBy(asc(su.offerExpiresAt))
    .all()
    .map((r) => r.id);
}

/** Open slots of approved activities starting within the window, not reminded yet. */
export function slotsToRemind(now: number, horizon: number) {
  return db()
    .select({ slotId: sl.id, siteId: sl.siteId })
    .from(sl)
    .innerJoin(ac, eq(ac.id, sl.activityId))
    .where(and(eq(sl.status, 'open'), eq(ac.status, 'approved'), isNull(sl.remindedAt), gt(sl.startsAt, now), lte(sl.startsAt, horizon)))
    .all();
}

/** Marks the slot reminded, once: 1 when this call did it. */
export function markSlotReminded(tx: Tx, slotId: string, now: number): number {
  return tx.update(sl).set({ remindedAt: now }).where(and(eq(sl.id, slotId), isNull(sl.remindedAt))).run().changes;
}

/** The people holding a confirmed place on a slot, with their contact. */
export function confirmedPeople(tx: Reader, slotId: string) {
  return tx
    .select({ signupId: su.id, userId: person.id, email: person.email, name: person.displayName, locale: person.locale })
    .from(su)
    .innerJoin(person, eq(person.id, su.userId))
    .where(and(eq(su.slotId, slotId), eq(su.status, 'confirmed')))
    .all();
}

export function contactOfUser(userId: string, tx: Reader = db()) {
  return tx.select({ email: schema.users.email, name: schema.users.displayName, locale: schema.users.locale }).from(schema.users).where(eq(schema.users.id, userId)).get();
}

// ---------------------------------------------------------------------------------------------------
// Pages

/** The slots of an activity, in time order. */
export function slotsOfActivity(activityId: string) {
  return db()
    .select({
      id: sl.id,
      startsAt: sl.startsAt,
      endsAt: sl.endsAt,
      place: sl.place,
      capacity: sl.capacity,
      taken: sl.taken,
      status: sl.status,
      siteZh: slotSite.nameZh,
      siteEn: slotSite.nameEn,
      sitePath: slotSite.path,
    })
    .from(sl)
    .innerJoin(slotSite, eq(slotSite.id, sl.siteId))
    .where(eq(sl.activityId, activityId))
    .orderBy(asc(sl.startsAt), asc(sl.id))
    .all();
}

/** Everyone waiting on these slots (queue numbers, for positions). */
export function waitingQueueNos(slotIds: string[]) {
  if (!slotIds.length) return [];
  return db()
    .select({ slotId: su.slotId, queueNo: su.queueNo })
    .from(su)
    .where(and(inArray(su.slotId, slotIds), eq(su.status, 'waitlisted')))
    .all();
}

/** These people's sign-ups on these slots. */
export function signupsOfUsersOnSlots(userIds: string[], slotIds: string[]) {
  if (!userIds.length || !slotIds.length) return [];
  return db()
    .select()
    .from(su)
    .where(and(inArray(su.userId, userIds), inArray(su.slotId, slotIds)))
    .all();
}

/** A person's sign-ups with `fields`, each with its slot's start, its activity and the slot's site. */
function signupsWithActivity<F extends SelectedFields>(fields: F) {
  return db()
    .select({ ...fields, startsAt: sl.startsAt, activityId: ac.id, activityTitle: ac.title, siteZh: slotSite.nameZh, siteEn: slotSite.nameEn })
    .from(su)
    .innerJoin(sl, eq(sl.id, su.slotId))
    .innerJoin(ac, eq(ac.id, sl.activityId))
    .innerJoin(slotSite, eq(slotSite.id, sl.siteId));
}

/** A person's sign-ups with their slot and activity, most recent slot first. */
export function signupsOfUser(userId: string, statuses: readonly SignupStatusValue[]) {
  return signupsWithActivity({
    signupId: su.id,
    status: su.status,
    queueNo: su.queueNo,
    offerExpiresAt: su.offerExpiresAt,
    attendance: su.attendance,
    serviceMinutes: su.serviceMinutes,
    slotId: sl.id,
    slotStatus: sl.status,
    endsAt: sl.endsAt,
    place: sl.place,
    activityStatus: ac.status,
  })
    .where(and(eq(su.userId, userId), inArray(su.status, [...statuses])))
    .orderBy(desc(sl.startsAt), asc(sl.id))
    .all();
}

/** Attendance records crediting service (attended), for a person. */
export function attendedOf(userId: string) {
  return signupsWithActivity({
    signupId: su.id,
    minutes: su.serviceMinutes,
  })
    .where(and(eq(su.userId, userId), eq(su.attendance, 'attended')))
    .orderBy(desc(sl.startsAt))
    .all();
}

// ---------------------------------------------------------------------------------------------------
// Calendar feeds

export function feedOfUser(userId: string) {
  return db().select().from(schema.calendarFeeds).where(eq(schema.calendarFeeds.userId, userId)).get();
}

export function feedByTokenHash(tokenHash: string) {
  return db().select().from(schema.calendarFeeds).where(eq(schema.calendarFeeds.tokenHash, tokenHash)).get();
}

/** Replaces the person's feed token: the old URL stops working in the same write. */
export function replaceFeed(tx: Tx, row: typeof schema.calendarFeeds.$inferInsert): void {
  tx.insert(schema.calendarFeeds)
    .values(row)
    .onConflictDoUpdate({ target: schema.calendarFeeds.userId, set: { tokenHash: row.tokenHash, tokenSealed: row.tokenSealed, createdAt: row.createdAt } })
    .run();
}

const activitySite = alias(schema.sites, 'activity_site');

/** An activity for its page: public face, tier, cut-off, contact and whose proposal it is. */
export function activityForPage(id: string) {
  return db()
    .select({
      id: ac.id,
      type: ac.type,
      title: ac.title,
      description: ac.description,
      status: ac.status,
      contactTier: ac.contactTier,
      cancelCutoffHours: ac.cancelCutoffHours,
      organizerContact: ac.organizerContact,
      proposerId: ac.proposerId,
      orgId: ac.orgId,
      orgName: schema.organizations.name,
      sitePath: activitySite.path,
      siteZh: activitySite.nameZh,
      siteEn: activitySite.nameEn,
    })
    .from(ac)
    .innerJoin(activitySite, eq(activitySite.id, ac.siteId))
    .leftJoin(schema.organizations, eq(schema.organizations.id, ac.orgId))
    .where(eq(ac.id, id))
    .get();
}

/** A person's places for the calendar feed: confirmed and offered, on slots not cancelled. */
export function feedEntriesOf(userId: string) {
  return signupsWithActivity({
    status: su.status,
    slotId: sl.id,
    endsAt: sl.endsAt,
    place: sl.place,
  })
    .where(and(eq(su.userId, userId), inArray(su.status, ['confirmed', 'offered']), inArray(sl.status, ['open', 'closed'])))
    .orderBy(asc(sl.startsAt))
    .all();
}

/** Creates the person's feed if they have none (a sign-up gives every helper one). */
export function ensureFeed(tx: Tx, row: typeof schema.calendarFeeds.$inferInsert): void {
  tx.insert(schema.calendarFeeds).values(row).onConflictDoNothing({ target: schema.calendarFeeds.userId }).run();
}

export function databaseFileName(): string {
  return db().$client.name;
}
