import { and, asc, eq, gt, isNotNull, lte, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { schema } from '../../db/client';
import { db } from './db.server';

// The re-check job's read (app/services/vetting.server.ts, runRecheckJobs).

const v = schema.volunteers;
const u = schema.users;
const county = alias(schema.sites, 'recheck_county');
const ae = schema.auditEvents;

/** Where a read of the re-check job stopped: the last volunteer looked at, in due order. */
export type RecheckCursor = { dueAt: number; id: string } | null;

/**
 * Approved volunteers whose yearly re-check fell due on or before `now` and who were not yet told of this lapse
 * (no `recheck_lapsed` event since the due date), soonest due first, with what the mails need. One slice at a
 * time: `limit` lapsed volunteers looked at after `cursor` (told or not, over volunteers_status_recheck_idx), each
 * told-check a probe of audit_entity_idx, so that a caller can let the event loop turn between slices; `next` is
 * null after the last.
 */
export function volunteersWithUntoldRecheck(now: number, cursor: RecheckCursor = null, limit = 2000) {
  const lapsed = and(eq(v.status, 'approved'), isNotNull(v.recheckDueAt), lte(v.recheckDueAt, now));
  const after = cursor ? or(gt(v.recheckDueAt, cursor.dueAt), and(eq(v.recheckDueAt, cursor.dueAt), gt(v.userId, cursor.id))) : undefined;
  const slice = db().select({ id: v.userId, dueAt: v.recheckDueAt }).from(v).where(and(lapsed, after)).orderBy(asc(v.recheckDueAt), asc(v.userId)).limit(limit).all();
  const last = slice.at(-1);
  const next: RecheckCursor = slice.length === limit && last ? { dueAt: last.dueAt!, id: last.id } : null;
  if (slice.length === 0) return { rows: [], next };
  const rows = db()
    .select({
      id: v.userId,
      status: v.status,
      recheckDueAt: v.recheckDueAt,
      realName: v.realName,
      countySiteId: v.countySiteId,
      countyPath: county.path,
      displayName: u.displayName,
      email: u.email,
      locale: u.locale,
    })
    .from(v)
    .innerJoin(u, eq(u.id, v.userId))
    .leftJoin(county, eq(county.id, v.countySiteId))
    .where(
      and(
        lapsed,
        sql`${v.userId} in (select value from json_each(${JSON.stringify(slice.map((r) => r.id))}))`,
        sql`not exists (select 1 from ${ae} where ${ae.entityType} = 'volunteer' and ${ae.entityId} = ${v.userId}
          and ${ae.action} = 'recheck_lapsed' and ${ae.at} >= ${v.recheckDueAt})`,
      ),
    )
    .orderBy(asc(v.recheckDueAt), asc(v.userId))
    .all();
  return { rows, next };
}
