import { and, asc, count, desc, eq, inArray, isNull, lt, notExists, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { schema } from '../../db/client';
import { db, type Tx } from './db.server';
import { inSubtree } from './scope.server';

// What staff read and write on one pairing beyond its status columns (those are pairing-status.server.ts'):
// the pairing page (the child's real name is staff's to see), the new-pairing form's choices, the facts a
// visit correction changes, and what the pairing jobs go through (lapsed re-checks, overdue contacts).

type Reader = Tx | ReturnType<typeof db>;

const pa = schema.pairings;
const pv = schema.pairingVisits;
const pc = schema.pairingConcerns;
const c = schema.children;
const s = schema.sites;
const u = schema.users;
const v = schema.volunteers;

/** The county a site is filed under (README D7): its nearest county, or the city for a site off the city. */
export function countyOfSite(sitePath: string, tx: Reader = db()): { nameZh: string; nameEn: string } | undefined {
  const rows = tx.select({ path: s.path, kind: s.kind, nameZh: s.nameZh, nameEn: s.nameEn }).from(s).where(or(eq(s.kind, 'county'), eq(s.kind, 'city'))).all();
  const county = rows.filter((r) => r.kind === 'county' && sitePath.startsWith(r.path)).sort((a, b) => b.path.length - a.path.length)[0];
  return county ?? rows.find((r) => r.kind === 'city' && sitePath.startsWith(r.path));
}

/** The pairing page: the pairing, its child (real name included), site and contact, and the volunteer. */
export function staffPairingDetail(id: string, tx: Reader = db()) {
  const proposer = alias(u, 'proposer');
  return tx
    .select({
      pairing: pa,
      child: { id: c.id, alias: c.alias, realName: c.realName, birthDate: c.birthDate },
      site: { id: s.id, path: s.path, nameZh: s.nameZh, nameEn: s.nameEn, contactName: s.contactName, contactPhone: s.contactPhone, contactOverdueDays: s.contactOverdueDays },
      volunteer: { userId: u.id, name: u.displayName, email: u.email, locale: u.locale, realName: v.realName, phone: v.phone, recheckDueAt: v.recheckDueAt },
      proposerName: proposer.displayName,
    })
    .from(pa)
    .innerJoin(c, eq(c.id, pa.childId))
    .innerJoin(s, eq(s.id, pa.siteId))
    .innerJoin(u, eq(u.id, pa.volunteerUserId))
    .leftJoin(v, eq(v.userId, pa.volunteerUserId))
    .leftJoin(proposer, eq(proposer.id, pa.createdBy))
    .where(eq(pa.id, id))
    .get();
}

/** The pairing's contact logs, latest first. */
export function visitsOfPairing(pairingId: string, tx: Reader = db()) {
  return tx.select().from(pv).where(eq(pv.pairingId, pairingId)).orderBy(desc(pv.happenedAt), desc(pv.createdAt)).all();
}

/** The pairing's concerns, open ones first, then latest first. */
export function concernsOfPairing(pairingId: string, tx: Reader = db()) {
  return tx
    .select()
    .from(pc)
    .where(eq(pc.pairingId, pairingId))
    .orderBy(sql`case ${pc.status} when 'open' then 0 when 'acknowledged' then 1 else 2 end`, desc(pc.raisedAt))
    .all();
}

/** The child of a new pairing: its site and the facts the privacy check needs. */
export function childForPairing(childId: string, tx: Reader = db()) {
  return tx
    .select({ id: c.id, alias: c.alias, realName: c.realName, birthDate: c.birthDate, siteId: c.siteId, sitePath: s.path, contactName: s.contactName, contactPhone: s.contactPhone })
    .from(c)
    .innerJoin(s, eq(s.id, c.siteId))
    .where(eq(c.id, childId))
    .get();
}

const live = ['proposed', 'active'] as const;

/** The new-pairing form: the subtree's children without a live pairing, by site then alias. */
export function childrenToPairUnder(rootPath: string, tx: Reader = db()) {
  return tx
    .select({ id: c.id, alias: c.alias, realName: c.realName, birthDate: c.birthDate, siteZh: s.nameZh, siteEn: s.nameEn })
    .from(c)
    .innerJoin(s, eq(s.id, c.siteId))
    .where(and(inSubtree(s.path, rootPath), notExists(tx.select({ one: sql`1` }).from(pa).where(and(eq(pa.childId, c.id), inArray(pa.status, [...live]))))))
    .orderBy(asc(s.path), asc(c.alias), asc(c.id))
    .all();
}

/**
 * The new-pairing form: approved caring parents staff of this subtree may pair, those of a county in it
 * and those who have not chosen a county (README D18), with their active pairings and re-check date.
 */
export function caringParentsUnder(rootPath: string, tx: Reader = db()) {
  const county = alias(s, 'county');
  const active = tx
    .select({ volunteerUserId: pa.volunteerUserId, n: count().as('n') })
    .from(pa)
    .where(eq(pa.status, 'active'))
    .groupBy(pa.volunteerUserId)
    .as('active');
  return tx
    .select({ userId: u.id, name: u.displayName, realName: v.realName, recheckDueAt: v.recheckDueAt, activePairings: sql<number>`coalesce(${active.n}, 0)` })
    .from(v)
    .innerJoin(u, eq(u.id, v.userId))
    .leftJoin(county, eq(county.id, v.countySiteId))
    .leftJoin(active, eq(active.volunteerUserId, v.userId))
    .where(and(eq(v.status, 'approved'), eq(v.caringParent, true), isNull(u.disabledAt), or(isNull(v.countySiteId), inSubtree(county.path, rootPath))))
    .orderBy(asc(u.displayName), asc(u.id))
    .all();
}

/** Staff correct a log's facts (not its status): kind, day, minutes, staff along; marks it corrected. */
export function correctVisitFacts(
  tx: Tx,
  id: string,
  fields: { kind: (typeof pv.$inferSelect)['kind']; happenedAt: number; minutes: number; staffAccompanied: boolean; correctedAt: number },
): number {
  return tx.update(pv).set(fields).where(eq(pv.id, id)).run().changes;
}

// ---------------------------------------------------------------------------------------------------
// The jobs

/** Active pairings whose volunteer's re-check fell due before `dueBefore`. */
export function activePairingsWithRecheckDueBefore(dueBefore: number, tx: Reader = db()) {
  return tx
    .select({ id: pa.id, status: pa.status, siteId: pa.siteId, volunteerUserId: pa.volunteerUserId, recheckDueAt: v.recheckDueAt })
    .from(pa)
    .innerJoin(v, eq(v.userId, pa.volunteerUserId))
    .where(and(eq(pa.status, 'active'), lt(v.recheckDueAt, dueBefore)))
    .all();
}

/** Every active pairing with what the overdue check needs (its start, the site's days, the last mail). */
export function activePairingsForOverdue(tx: Reader = db()) {
  return tx
    .select({ id: pa.id, status: pa.status, startedAt: pa.startedAt, overdueMailedAt: pa.overdueMailedAt, siteId: pa.siteId, days: s.contactOverdueDays })
    .from(pa)
    .innerJoin(s, eq(s.id, pa.siteId))
    .where(eq(pa.status, 'active'))
    .all();
}

/** Marks the volunteer mailed about this overdue spell, unless someone did already (a compare-and-set). */
export function markOverdueMailed(tx: Tx, id: string, spellSince: number, now: number): number {
  return tx
    .update(pa)
    .set({ overdueMailedAt: now })
    .where(and(eq(pa.id, id), eq(pa.status, 'active'), or(isNull(pa.overdueMailedAt), lt(pa.overdueMailedAt, spellSince))))
    .run().changes;
}
