import { and, asc, eq, isNotNull, lte, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { schema } from '../../db/client';
import { db } from './db.server';

// The re-check job's read (app/services/vetting.server.ts, runRecheckJobs).

const v = schema.volunteers;
const u = schema.users;
const county = alias(schema.sites, 'recheck_county');
const ae = schema.auditEvents;

/**
 * Approved volunteers whose yearly re-check fell due on or before `now` and who were not yet told of this lapse
 * (no `recheck_lapsed` event since the due date), soonest due first, with what the mails need: one query over
 * volunteers_status_recheck_idx, each told-check a probe of audit_entity_idx.
 */
export function volunteersWithUntoldRecheck(now: number) {
  return db()
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
        eq(v.status, 'approved'),
        isNotNull(v.recheckDueAt),
        lte(v.recheckDueAt, now),
        sql`not exists (select 1 from ${ae} where ${ae.entityType} = 'volunteer' and ${ae.entityId} = ${v.userId}
          and ${ae.action} = 'recheck_lapsed' and ${ae.at} >= ${v.recheckDueAt})`,
      ),
    )
    .orderBy(asc(v.recheckDueAt))
    .all();
}
