import { and, count, eq, inArray, isNull, max } from 'drizzle-orm';
import { schema } from '../../db/client';
import { db, type Tx } from './db.server';

// Caring-parent pairings, their visit logs and concerns. The three status columns are written only by
// the setters and inserts below, called from app/services/pairing-status.server.ts (the one writer):
// each is a compare-and-set on (id, status). A child's one live pairing is the partial unique index
// pairings_one_live_per_child; insertPairing lets its constraint error through to the caller.
// Readers (the pages' queries) live beside these in their own modules.

export type PairingRow = typeof schema.pairings.$inferSelect;
export type NewPairing = typeof schema.pairings.$inferInsert;
export type PairingStatusValue = PairingRow['status'];
export type VisitRow = typeof schema.pairingVisits.$inferSelect;
export type NewVisit = typeof schema.pairingVisits.$inferInsert;
export type VisitStatusValue = VisitRow['status'];
export type ConcernRow = typeof schema.pairingConcerns.$inferSelect;
export type NewConcern = typeof schema.pairingConcerns.$inferInsert;
export type ConcernStatusValue = ConcernRow['status'];

const pa = schema.pairings;
const pv = schema.pairingVisits;
const pc = schema.pairingConcerns;

type PairingFields = Partial<Pick<PairingRow, 'startedAt' | 'endedAt' | 'endReason' | 'endedBy'>>;
type VisitFields = Partial<Pick<VisitRow, 'confirmedBy' | 'confirmedAt' | 'rejectReason'>>;
type ConcernFields = Partial<Pick<ConcernRow, 'acknowledgedAt' | 'acknowledgedBy' | 'actionTaken' | 'closedAt' | 'closedBy'>>;

export function insertPairing(tx: Tx, row: NewPairing): void {
  tx.insert(pa).values(row).run();
}

export function setPairingStatus(tx: Tx, id: string, from: PairingStatusValue, to: PairingStatusValue, fields: PairingFields): number {
  return tx
    .update(pa)
    .set({ status: to, ...fields })
    .where(and(eq(pa.id, id), eq(pa.status, from)))
    .run().changes;
}

export function insertVisit(tx: Tx, row: NewVisit): void {
  tx.insert(pv).values(row).run();
}

export function setVisitStatus(tx: Tx, id: string, from: VisitStatusValue, to: VisitStatusValue, fields: VisitFields): number {
  return tx
    .update(pv)
    .set({ status: to, ...fields })
    .where(and(eq(pv.id, id), eq(pv.status, from)))
    .run().changes;
}

export function insertConcern(tx: Tx, row: NewConcern): void {
  tx.insert(pc).values(row).run();
}

export function setConcernStatus(tx: Tx, id: string, from: ConcernStatusValue, to: ConcernStatusValue, fields: ConcernFields): number {
  return tx
    .update(pc)
    .set({ status: to, ...fields })
    .where(and(eq(pc.id, id), eq(pc.status, from)))
    .run().changes;
}

// ---------------------------------------------------------------------------------------------------
// What the use cases load before deciding (read inside their transaction, or before it)

type Reader = Tx | ReturnType<typeof db>;

/** A pairing as a list row shows it: its id, status and the dates of its lifecycle (the staff's list and the volunteer's /me). */
export const pairingListColumns = { id: pa.id, status: pa.status, proposedAt: pa.proposedAt, startedAt: pa.startedAt, endedAt: pa.endedAt };

/** A pairing with its child's site (path, contact, overdue days) and the child's public face, or undefined. */
export function pairingForAction(id: string, tx: Reader = db()) {
  return tx
    .select({
      pairing: pa,
      sitePath: schema.sites.path,
      siteNameZh: schema.sites.nameZh,
      siteNameEn: schema.sites.nameEn,
      contactOverdueDays: schema.sites.contactOverdueDays,
      childAlias: schema.children.alias,
    })
    .from(pa)
    .innerJoin(schema.sites, eq(schema.sites.id, pa.siteId))
    .innerJoin(schema.children, eq(schema.children.id, pa.childId))
    .where(eq(pa.id, id))
    .get();
}

/**
 * What pairing a volunteer needs to know of them (app/domain/pairing.ts VolunteerFacts), with their mail
 * address and language; undefined when the user is no volunteer. "Vetted for one-to-one" is read as the
 * actor loader reads it (a caring parent, or a yearly re-check set by staff).
 */
export function volunteerForPairing(userId: string, tx: Reader = db()) {
  const v = schema.volunteers;
  const u = schema.users;
  const row = tx
    .select({ status: v.status, caringParent: v.caringParent, recheckDueAt: v.recheckDueAt, email: u.email, name: u.displayName, locale: u.locale, disabledAt: u.disabledAt })
    .from(v)
    .innerJoin(u, eq(u.id, v.userId))
    .where(eq(v.userId, userId))
    .get();
  if (!row) return undefined;
  const active = tx.select({ n: count() }).from(pa).where(and(eq(pa.volunteerUserId, userId), eq(pa.status, 'active'))).get()?.n ?? 0;
  return {
    facts: {
      status: row.disabledAt !== null ? ('suspended' as const) : row.status,
      caringParent: row.caringParent,
      oneToOne: row.caringParent || row.recheckDueAt !== null,
      recheckDueAt: row.recheckDueAt,
      activePairings: active,
    },
    email: row.email,
    name: row.name,
    locale: row.locale,
  };
}

/** Whether the child has a live (proposed or active) pairing. */
export function childHasLivePairing(childId: string, tx: Reader = db()): boolean {
  return tx.select({ id: pa.id }).from(pa).where(and(eq(pa.childId, childId), inArray(pa.status, ['proposed', 'active']))).get() !== undefined;
}

/** A visit log with its pairing's id, or undefined. */
export function visitById(id: string, tx: Reader = db()) {
  return tx.select().from(pv).where(eq(pv.id, id)).get();
}

/** A concern, or undefined. */
export function concernById(id: string, tx: Reader = db()) {
  return tx.select().from(pc).where(eq(pc.id, id)).get();
}

/** The last confirmed contact of each of these pairings (pairing id → happened_at). */
export function lastConfirmedContacts(pairingIds: readonly string[], tx: Reader = db()): Map<string, number> {
  if (pairingIds.length === 0) return new Map();
  const rows = tx
    .select({ pairingId: pv.pairingId, last: max(pv.happenedAt) })
    .from(pv)
    .where(and(inArray(pv.pairingId, [...pairingIds]), eq(pv.status, 'confirmed')))
    .groupBy(pv.pairingId)
    .all();
  return new Map(rows.filter((r) => r.last !== null).map((r) => [r.pairingId, r.last as number]));
}

/**
 * Staff to tell about a concern at a site: active staff whose subtree holds the site, at the site's
 * county or below (the child's site and the county above it). A site with no county above it (a city's
 * own welfare home) reports to the city. Admins are not mailed.
 */
export function staffForConcern(sitePath: string, tx: Reader = db()) {
  const u = schema.users;
  const s = schema.sites;
  const counties = tx.select({ path: s.path }).from(s).where(eq(s.kind, 'county')).all();
  const countyPath = counties.find((c) => sitePath.startsWith(c.path))?.path ?? `/${sitePath.split('/')[1]}/`;
  const rows = tx
    .select({ id: u.id, email: u.email, name: u.displayName, locale: u.locale, sitePath: s.path })
    .from(u)
    .innerJoin(s, eq(s.id, u.staffSiteId))
    .where(isNull(u.disabledAt))
    .all();
  return rows.filter((r) => sitePath.startsWith(r.sitePath) && r.sitePath.startsWith(countyPath));
}
