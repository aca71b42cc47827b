import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import { schema } from '../../db/client';
import { db, type Tx } from './db.server';
import { pairingListColumns } from './pairings.server';

// What the caring-parent volunteer's pages read of their pairings (/me, /me/pairings/:id), and the one
// non-status column they write (the request to end). The child is read as its public face only: the
// alias and the birth date the service turns into an age band — never the real name, category,
// guardian or notes (those are read only for the privacy check, by childIdentityOfPairing).

type Reader = Tx | ReturnType<typeof db>;

const pa = schema.pairings;
const pv = schema.pairingVisits;
const pc = schema.pairingConcerns;
const ch = schema.children;
const si = schema.sites;

/** The child's site as the volunteer's pages show it: its path (for the county), names and contact-overdue days. */
const siteOfPairing = { sitePath: si.path, siteZh: si.nameZh, siteEn: si.nameEn, contactOverdueDays: si.contactOverdueDays };

/** The volunteer's pairings, newest first, with the child's alias and birth date and the child's site. */
export function pairingsOfVolunteer(userId: string, tx: Reader = db()) {
  return tx
    .select({ ...pairingListColumns, childAlias: ch.alias, childBirthDate: ch.birthDate, ...siteOfPairing })
    .from(pa)
    .innerJoin(ch, eq(ch.id, pa.childId))
    .innerJoin(si, eq(si.id, pa.siteId))
    .where(eq(pa.volunteerUserId, userId))
    .orderBy(desc(pa.proposedAt), pa.id)
    .all();
}

/** One pairing as the volunteer's page shows it, or undefined. */
export function pairingForVolunteerPage(id: string, tx: Reader = db()) {
  return tx
    .select({
      id: pa.id,
      status: pa.status,
      volunteerUserId: pa.volunteerUserId,
      proposedAt: pa.proposedAt,
      startedAt: pa.startedAt,
      endedAt: pa.endedAt,
      endReason: pa.endReason,
      agreementSignedOn: pa.agreementSignedOn,
      endRequestedAt: pa.endRequestedAt,
      endRequestReason: pa.endRequestReason,
      childAlias: ch.alias,
      childBirthDate: ch.birthDate,
      siteId: si.id,
      ...siteOfPairing,
      contactName: si.contactName,
      contactPhone: si.contactPhone,
    })
    .from(pa)
    .innerJoin(ch, eq(ch.id, pa.childId))
    .innerJoin(si, eq(si.id, pa.siteId))
    .where(eq(pa.id, id))
    .get();
}

/** The county (or, with none above it, the city) a site is shown under: its ancestors of those kinds, nearest first. */
export function countyAncestors(sitePath: string, tx: Reader = db()) {
  return tx
    .select({ kind: si.kind, path: si.path, nameZh: si.nameZh, nameEn: si.nameEn })
    .from(si)
    .where(inArray(si.kind, ['county', 'city']))
    .all()
    .filter((s) => sitePath.startsWith(s.path))
    .sort((a, b) => b.path.length - a.path.length);
}

/** The logged contacts of these pairings, newest first. */
export function visitsOfPairings(pairingIds: readonly string[], tx: Reader = db()) {
  if (pairingIds.length === 0) return [];
  return tx
    .select({
      id: pv.id,
      pairingId: pv.pairingId,
      kind: pv.kind,
      happenedAt: pv.happenedAt,
      minutes: pv.minutes,
      staffAccompanied: pv.staffAccompanied,
      note: pv.note,
      status: pv.status,
      rejectReason: pv.rejectReason,
      correctedAt: pv.correctedAt,
    })
    .from(pv)
    .where(inArray(pv.pairingId, [...pairingIds]))
    .orderBy(desc(pv.happenedAt), desc(pv.createdAt))
    .all();
}

/** The concerns this person raised on a pairing: their own kind, text and status — never the staff's notes. */
export function concernsRaisedBy(pairingId: string, userId: string, tx: Reader = db()) {
  return tx
    .select({ id: pc.id, kind: pc.kind, text: pc.text, status: pc.status, raisedAt: pc.raisedAt, visitId: pc.visitId })
    .from(pc)
    .where(and(eq(pc.pairingId, pairingId), eq(pc.raisedBy, userId)))
    .orderBy(desc(pc.raisedAt))
    .all();
}

/** The child of a pairing as the privacy check needs it (the service never returns these). */
export function childIdentityOfPairing(pairingId: string, tx: Reader = db()) {
  return tx
    .select({ realName: ch.realName, birthDate: ch.birthDate, guardian: ch.guardian })
    .from(pa)
    .innerJoin(ch, eq(ch.id, pa.childId))
    .where(eq(pa.id, pairingId))
    .get();
}

/** The staff member who proposed a pairing, to tell them of the volunteer's answer; undefined when gone. */
export function proposerOf(pairingId: string, tx: Reader = db()) {
  const u = schema.users;
  return tx
    .select({ id: u.id, email: u.email, name: u.displayName, locale: u.locale })
    .from(pa)
    .innerJoin(u, eq(u.id, pa.createdBy))
    .where(and(eq(pa.id, pairingId), isNull(u.disabledAt)))
    .get();
}

/** The volunteer asks to end an active pairing: once (compare-and-set on end_requested_at), rows changed. */
export function markEndRequested(tx: Tx, pairingId: string, reason: string, now: number): number {
  return tx
    .update(pa)
    .set({ endRequestedAt: now, endRequestReason: reason })
    .where(and(eq(pa.id, pairingId), eq(pa.status, 'active'), isNull(pa.endRequestedAt)))
    .run().changes;
}
