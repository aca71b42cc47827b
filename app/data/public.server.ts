import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { schema } from '../../db/client';
import { db } from './db.server';
import { cachedCount } from './count-cache.server';

// Public reads. Only the public face of a child (alias, age band, county) is ever selected here.

/** The home page's figures: kept until a wish changes (count-cache.server.ts). */
export function countWishesByStatus(statuses: readonly string[]): number {
  return cachedCount('wishes', `status:${statuses.join(',')}`, 0, () => {
    const row = db()
      .select({ n: sql<number>`count(*)` })
      .from(schema.wishes)
      .where(inArray(schema.wishes.status, statuses as (typeof schema.wishes.status.enumValues)[number][]))
      .get();
    return { value: row?.n ?? 0 };
  });
}

const county = alias(schema.sites, 'county');

export function publicWishSelection() {
  return {
    id: schema.wishes.id,
    title: schema.wishes.title,
    story: schema.wishes.story,
    category: schema.wishes.category,
    ageBand: schema.wishes.ageBand,
    valueFen: schema.wishes.valueFen,
    deadlineAt: schema.wishes.deadlineAt,
    status: schema.wishes.status,
    publishedAt: schema.wishes.publishedAt,
    alias: schema.children.alias,
    countyCode: county.code,
    countyZh: county.nameZh,
    countyEn: county.nameEn,
  };
}

export function latestPublicWishes(limit: number, statuses: readonly string[]) {
  return db()
    .select(publicWishSelection())
    .from(schema.wishes)
    .innerJoin(schema.children, eq(schema.children.id, schema.wishes.childId))
    .innerJoin(county, eq(county.id, schema.wishes.countySiteId))
    .where(inArray(schema.wishes.status, statuses as (typeof schema.wishes.status.enumValues)[number][]))
    .orderBy(desc(schema.wishes.publishedAt), desc(schema.wishes.id))
    .limit(limit)
    .all();
}

const PUBLIC_ACTIVITY_STATUSES = ['approved', 'completed'] as const;

const site = alias(schema.sites, 'site');

/** The public face of an activity, with its site (joined as `site`). */
function publicActivityColumns() {
  return {
    id: schema.activities.id,
    type: schema.activities.type,
    title: schema.activities.title,
    description: schema.activities.description,
    status: schema.activities.status,
    siteZh: site.nameZh,
    siteEn: site.nameEn,
  };
}

export function publicActivity(id: string) {
  return db()
    .select({ ...publicActivityColumns(), orgName: schema.organizations.name })
    .from(schema.activities)
    .innerJoin(site, eq(site.id, schema.activities.siteId))
    .leftJoin(schema.organizations, eq(schema.organizations.id, schema.activities.orgId))
    .where(and(eq(schema.activities.id, id), inArray(schema.activities.status, [...PUBLIC_ACTIVITY_STATUSES])))
    .get();
}

/** Slots with their places taken; no names of who signed up. */
export function publicSlotsOf(activityId: string) {
  return db()
    .select({
      id: schema.slots.id,
      startsAt: schema.slots.startsAt,
      endsAt: schema.slots.endsAt,
      capacity: schema.slots.capacity,
      status: schema.slots.status,
      siteZh: site.nameZh,
      siteEn: site.nameEn,
      confirmed: sql<number>`(select count(*) from ${schema.slotSignups} where ${schema.slotSignups.slotId} = ${schema.slots.id} and ${schema.slotSignups.status} = 'confirmed')`,
    })
    .from(schema.slots)
    .innerJoin(site, eq(site.id, schema.slots.siteId))
    .where(eq(schema.slots.activityId, activityId))
    .orderBy(asc(schema.slots.startsAt))
    .all();
}
