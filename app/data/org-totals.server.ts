import { and, asc, eq, sql } from 'drizzle-orm';
import { schema } from '../../db/client';
import { db } from './db.server';

// An organization's totals for /org, and the lines of its yearly receipt of value given. Aggregates in SQL.

const cl = schema.claims;
const wi = schema.wishes;

/** The Shanghai calendar year (UTC+8, no daylight saving) of a UTC millisecond column. */
const shanghaiYear = (column: typeof cl.confirmedAt) => sql<string>`strftime('%Y', (${column} + 28800000) / 1000, 'unixepoch')`;

/**
 * - wishes fulfilled and value given: the organization's claims staff confirmed as received, with the value
 *   staff recorded (value_received_fen);
 * - activities run: the organization's activities with at least one slot held (closed by staff);
 * - volunteer minutes: what staff credited for attendance of the sign-ups made for the organization.
 */
export function organizationTotals(orgId: string) {
  const gifts = db()
    .select({ wishes: sql<number>`count(*)`, valueFen: sql<number>`coalesce(sum(${cl.valueReceivedFen}), 0)` })
    .from(cl)
    .where(and(eq(cl.orgId, orgId), eq(cl.status, 'confirmed')))
    .get();
  const activities = db()
    .select({ n: sql<number>`count(distinct ${schema.activities.id})` })
    .from(schema.activities)
    .innerJoin(schema.slots, eq(schema.slots.activityId, schema.activities.id))
    .where(and(eq(schema.activities.orgId, orgId), eq(schema.slots.status, 'closed')))
    .get();
  const su = schema.slotSignups;
  const minutes = db()
    .select({ m: sql<number>`coalesce(sum(${su.serviceMinutes}), 0)` })
    .from(su)
    .where(and(eq(su.orgId, orgId), eq(su.attendance, 'attended')))
    .get();
  return {
    wishesFulfilled: Number(gifts?.wishes ?? 0),
    valueFen: Number(gifts?.valueFen ?? 0),
    activitiesRun: Number(activities?.n ?? 0),
    volunteerMinutes: Number(minutes?.m ?? 0),
  };
}

/** The confirmed claims of one Shanghai year of confirmation: date, the wish's public title, its site, the value received. */
export function receiptLines(orgId: string, year: number) {
  const year4 = String(year).padStart(4, '0');
  return db()
    .select({
      claimId: cl.id,
      confirmedAt: cl.confirmedAt,
      valueFen: cl.valueReceivedFen,
      title: wi.title,
      siteZh: schema.sites.nameZh,
      siteEn: schema.sites.nameEn,
    })
    .from(cl)
    .innerJoin(wi, eq(wi.id, cl.wishId))
    .innerJoin(schema.sites, eq(schema.sites.id, wi.siteId))
    .where(and(eq(cl.orgId, orgId), eq(cl.status, 'confirmed'), sql`${shanghaiYear(cl.confirmedAt)} = ${year4}`))
    .orderBy(asc(cl.confirmedAt), asc(cl.id))
    .all()
    .map((r) => ({ ...r, confirmedAt: r.confirmedAt ?? 0, valueFen: r.valueFen ?? 0 }));
}
