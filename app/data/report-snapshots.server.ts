import { and, desc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { schema } from '../../db/client';
import { CORRECTION_EVENTS, type CorrectionRecordDate } from '../domain/report-issue';
import type { PeriodBounds } from '../domain/report';
import { db, type Tx } from './db.server';
import { newId } from './ids.server';

// Issued reports (report_snapshots): written once, never changed except for the moment a re-issue
// supersedes them; and the count of corrections made since one was issued (CORRECTION_EVENTS).

const s = schema.reportSnapshots;

export interface SnapshotInsert {
  siteId: string;
  periodFrom: string;
  periodTo: string;
  figures: string;
  paragraphZh: string;
  paragraphEn: string;
  issuedBy: string;
  issuedAt: number;
  supersedesId?: string | null;
}

export function insertSnapshot(tx: Tx, row: SnapshotInsert): string {
  const id = newId();
  tx.insert(s)
    .values({ id, ...row })
    .run();
  return id;
}

/** Marks a live snapshot superseded (compare-and-set: 0 when it already was). */
export function supersedeSnapshot(tx: Tx, id: string, at: number): number {
  return tx
    .update(s)
    .set({ supersededAt: at })
    .where(and(eq(s.id, id), isNull(s.supersededAt)))
    .run().changes;
}

const columns = {
  id: s.id,
  periodFrom: s.periodFrom,
  periodTo: s.periodTo,
  issuedAt: s.issuedAt,
  supersedesId: s.supersedesId,
  supersededAt: s.supersededAt,
  siteId: s.siteId,
  siteCode: schema.sites.code,
  siteZh: schema.sites.nameZh,
  siteEn: schema.sites.nameEn,
  sitePath: schema.sites.path,
  issuedByName: schema.users.displayName,
};

const inSubtree = (rootPath: string): SQL => sql`substr(${schema.sites.path}, 1, ${rootPath.length}) = ${rootPath}`;

/** Issued reports whose site lies in the subtree at rootPath, newest first (at most `limit`). */
export function listSnapshots(rootPath: string, limit: number) {
  return db()
    .select(columns)
    .from(s)
    .innerJoin(schema.sites, eq(schema.sites.id, s.siteId))
    .innerJoin(schema.users, eq(schema.users.id, s.issuedBy))
    .where(inSubtree(rootPath))
    .orderBy(desc(s.issuedAt), desc(s.id))
    .limit(limit)
    .all();
}

/** One issued report with its site and issuer, its frozen contents, and the id of the issue that superseded it. */
export function findSnapshot(id: string, tx?: Tx) {
  const row = (tx ?? db())
    .select({ ...columns, figures: s.figures, paragraphZh: s.paragraphZh, paragraphEn: s.paragraphEn })
    .from(s)
    .innerJoin(schema.sites, eq(schema.sites.id, s.siteId))
    .innerJoin(schema.users, eq(schema.users.id, s.issuedBy))
    .where(eq(s.id, id))
    .get();
  if (!row) return undefined;
  const next = (tx ?? db()).select({ id: s.id }).from(s).where(eq(s.supersedesId, id)).get();
  return { ...row, supersededById: next?.id ?? null };
}

export type SnapshotRow = NonNullable<ReturnType<typeof findSnapshot>>;

// ---- corrections since issued -------------------------------------------------------------------

/** For each kind of record: how an audit event `e` finds its record, its site, and the date that places it in the period. */
function recordOf(kind: CorrectionRecordDate, p: PeriodBounds): { join: SQL; siteId: SQL; inPeriod: SQL } {
  const between = (col: SQL) => sql`${col} between ${p.fromMs} and ${p.toMs}`;
  switch (kind) {
    case 'slot_start':
      return { join: sql`join slots r on r.id = e.entity_id`, siteId: sql`r.site_id`, inPeriod: between(sql`r.starts_at`) };
    case 'visit_happened':
      return {
        join: sql`join pairing_visits r on r.id = e.entity_id join pairings rp on rp.id = r.pairing_id`,
        siteId: sql`rp.site_id`,
        inPeriod: between(sql`r.happened_at`),
      };
    case 'claim_made_or_confirmed':
      return {
        join: sql`join claims r on r.id = e.entity_id join wishes rw on rw.id = r.wish_id`,
        siteId: sql`rw.site_id`,
        inPeriod: sql`(${between(sql`r.created_at`)} or ${between(sql`r.confirmed_at`)})`,
      };
    case 'wish_published':
      return { join: sql`join wishes r on r.id = e.entity_id`, siteId: sql`r.site_id`, inPeriod: between(sql`r.published_at`) };
  }
}

/**
 * How many audit events after `since` correct a record of the period in the subtree at rootPath
 * (CORRECTION_EVENTS in app/domain/report-issue.ts says which): one count, in one statement.
 */
export function countCorrectionsSince(rootPath: string, period: PeriodBounds, since: number): number {
  const parts = CORRECTION_EVENTS.map((c) => {
    const r = recordOf(c.recordDate, period);
    const actions = sql.join(
      c.actions.map((a) => sql`${a}`),
      sql`, `,
    );
    return sql`select count(*) as n from audit_events e ${r.join}
      join sites rs on rs.id = ${r.siteId}
      where e.at > ${since} and e.entity_type = ${c.entityType} and e.action in (${actions})
        and ${r.inPeriod} and substr(rs.path, 1, ${rootPath.length}) = ${rootPath}`;
  });
  const row = db().get<{ n: number | null }>(sql`select sum(n) as n from (${sql.join(parts, sql` union all `)})`);
  return row?.n ?? 0;
}

/** The sites at the top of the tree (no parent): where an admin's report "of everything" is filed. */
export function topSites() {
  return db().select().from(schema.sites).where(isNull(schema.sites.parentId)).orderBy(schema.sites.path).all();
}

/** The live (not superseded) issued report of exactly this period and site, if any: its id, when, and its frozen figures. */
export function findLiveSnapshotOf(siteId: string, periodFrom: string, periodTo: string) {
  return db()
    .select({ id: s.id, issuedAt: s.issuedAt, figures: s.figures })
    .from(s)
    .where(and(eq(s.siteId, siteId), eq(s.periodFrom, periodFrom), eq(s.periodTo, periodTo), isNull(s.supersededAt)))
    .orderBy(desc(s.issuedAt))
    .get();
}
