import { and, asc, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import { schema } from '../../db/client';
import { DAY_MS } from '../domain/calendar';
import type { PairingStatus } from '../domain/pairing';
import { db } from './db.server';
import { pairingListColumns } from './pairings.server';
import { inSubtree, type PageWindow } from './scope.server';

// The staff's overview of pairings: the list of /staff/pairings, the alerts at the top of /staff and a
// child's pairing history. Every reader takes the subtree it may read. A pairing's flags are computed in
// SQL over the whole list (a page is never built by loading every pairing), by the rule of
// app/domain/pairing.ts contactOverdue: an active pairing whose last confirmed contact (or its start, when
// later or when there is none) lies more than the site's contact_overdue_days before now.

const pa = schema.pairings;
const pv = schema.pairingVisits;
const pc = schema.pairingConcerns;
const s = schema.sites;
const c = schema.children;
const u = schema.users;

/** The last confirmed contact of the pairing in the outer query (happened_at), or null. */
const lastContactAt = sql<number | null>`(select max(${pv.happenedAt}) from ${pv} where ${pv.pairingId} = ${pa.id} and ${pv.status} = 'confirmed')`;

/** contactOverdue (app/domain/pairing.ts) as an SQL condition over pairings joined with their site. */
export function overdueCondition(now: number): SQL {
  return sql`(${pa.status} = 'active' and ${pa.startedAt} is not null and ${now} - max(${pa.startedAt}, coalesce(${lastContactAt}, ${pa.startedAt})) > ${s.contactOverdueDays} * ${DAY_MS})`;
}

/** Concerns of the pairing not yet closed (open or acknowledged). */
const unresolvedConcerns = sql<number>`(select count(*) from ${pc} where ${pc.pairingId} = ${pa.id} and ${pc.status} <> 'closed')`;
/** Concerns of the pairing nobody has acknowledged yet. */
const openConcerns = sql<number>`(select count(*) from ${pc} where ${pc.pairingId} = ${pa.id} and ${pc.status} = 'open')`;

export interface PairingListFilter {
  status: PairingStatus | null;
  /** Only pairings of this site; null for every site of the subtree. */
  siteId: string | null;
  /** Only pairings whose contact is overdue now. */
  overdue: boolean;
  /** Only pairings with a concern not yet closed. */
  concern: boolean;
}

function listConditions(rootPath: string, filter: PairingListFilter, now: number): SQL | undefined {
  const conditions: SQL[] = [inSubtree(s.path, rootPath)];
  if (filter.status !== null) conditions.push(eq(pa.status, filter.status));
  if (filter.siteId !== null) conditions.push(eq(pa.siteId, filter.siteId));
  if (filter.overdue) conditions.push(overdueCondition(now));
  if (filter.concern) conditions.push(sql`${unresolvedConcerns} > 0`);
  return and(...conditions);
}

/** Who and where a row is about: the child's alias, the volunteer's name (on a concern: who raised it) and the site. */
const faces = { childAlias: c.alias, volunteerName: u.displayName, siteZh: s.nameZh, siteEn: s.nameEn };

/** How many pairings of the subtree match `where` (a condition over pairings joined with their site). */
function countPairings(where: SQL | undefined): number {
  return db().select({ n: count() }).from(pa).innerJoin(s, eq(s.id, pa.siteId)).where(where).get()?.n ?? 0;
}

const statusRank = sql`case ${pa.status} when 'proposed' then 1 when 'active' then 2 else 3 end`;

/**
 * /staff/pairings: one page of the subtree's pairings matching the filter, and how many match in all.
 * Pairings with a concern not yet closed come first, then overdue ones, then by status (proposed, active,
 * ended) and the newest first. Only the child's alias: the real name stays on the pairing's own page.
 */
export function pageOfPairingsUnder(rootPath: string, filter: PairingListFilter, now: number, window: PageWindow) {
  const where = listConditions(rootPath, filter, now);
  const total = countPairings(where);
  const overdue = overdueCondition(now);
  const rows = db()
    .select({
      ...pairingListColumns,
      endRequestedAt: pa.endRequestedAt,
      ...faces,
      siteId: pa.siteId,
      contactOverdueDays: s.contactOverdueDays,
      lastContactAt,
      overdue: sql<number>`${overdue}`,
      unresolvedConcerns,
      openConcerns,
    })
    .from(pa)
    .innerJoin(s, eq(s.id, pa.siteId))
    .innerJoin(c, eq(c.id, pa.childId))
    .innerJoin(u, eq(u.id, pa.volunteerUserId))
    .where(where)
    .orderBy(desc(sql`${unresolvedConcerns} > 0`), desc(overdue), asc(statusRank), desc(pa.proposedAt), asc(pa.id))
    .limit(window.limit)
    .offset(window.offset)
    .all();
  return { total, rows };
}

/** The sites of a subtree that hold at least one pairing, in tree order (the list's site filter). */
export function sitesWithPairingsUnder(rootPath: string) {
  return db()
    .selectDistinct({ id: s.id, path: s.path, nameZh: s.nameZh, nameEn: s.nameEn })
    .from(s)
    .innerJoin(pa, eq(pa.siteId, s.id))
    .where(inSubtree(s.path, rootPath))
    .orderBy(asc(s.path))
    .all();
}

/** Concerns of the subtree nobody has acknowledged yet, oldest first (the top of /staff). No concern text. */
export function openConcernsUnder(rootPath: string) {
  return db()
    .select({
      id: pc.id,
      pairingId: pc.pairingId,
      kind: pc.kind,
      raisedAt: pc.raisedAt,
      ...faces,
    })
    .from(pc)
    .innerJoin(pa, eq(pa.id, pc.pairingId))
    .innerJoin(s, eq(s.id, pa.siteId))
    .innerJoin(c, eq(c.id, pa.childId))
    .innerJoin(u, eq(u.id, pc.raisedBy))
    .where(and(eq(pc.status, 'open'), inSubtree(s.path, rootPath)))
    .orderBy(asc(pc.raisedAt), asc(pc.id))
    .all();
}

/** The subtree's pairings whose contact is overdue now, the longest silent first, at most `limit`, and how many in all. */
export function overduePairingsUnder(rootPath: string, now: number, limit: number) {
  const where = and(inSubtree(s.path, rootPath), overdueCondition(now));
  const total = countPairings(where);
  const rows = db()
    .select({ id: pa.id, startedAt: pa.startedAt, lastContactAt, ...faces })
    .from(pa)
    .innerJoin(s, eq(s.id, pa.siteId))
    .innerJoin(c, eq(c.id, pa.childId))
    .innerJoin(u, eq(u.id, pa.volunteerUserId))
    .where(where)
    .orderBy(asc(sql`max(${pa.startedAt}, coalesce(${lastContactAt}, ${pa.startedAt}))`), asc(pa.id))
    .limit(limit)
    .all();
  return { total, rows };
}

/** Every pairing of one child, newest first, with its site's path (to check who may read it) and its confirmed contacts. */
export function pairingsOfChild(childId: string) {
  return db()
    .select({
      ...pairingListColumns,
      endReason: pa.endReason,
      volunteerUserId: pa.volunteerUserId,
      volunteerName: u.displayName,
      sitePath: s.path,
      confirmedVisits: sql<number>`(select count(*) from ${pv} where ${pv.pairingId} = ${pa.id} and ${pv.status} = 'confirmed')`,
      confirmedMinutes: sql<number>`(select coalesce(sum(${pv.minutes}), 0) from ${pv} where ${pv.pairingId} = ${pa.id} and ${pv.status} = 'confirmed')`,
      lastContactAt,
    })
    .from(pa)
    .innerJoin(s, eq(s.id, pa.siteId))
    .innerJoin(u, eq(u.id, pa.volunteerUserId))
    .where(eq(pa.childId, childId))
    .orderBy(desc(pa.proposedAt), asc(pa.id))
    .all();
}
