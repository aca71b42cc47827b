import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { schema } from '../../db/client';
import { newId } from '../../app/data/ids.server';
import * as me from '../../app/routes/me._index';
import * as meCalendar from '../../app/routes/me.calendar';
import { cancelSignup, signUp } from '../../app/services/signups.server';
import { callRoute, createSites, createUser } from '../helpers/accounts';
import { useTestDatabase } from '../helpers/db';

const { db } = useTestDatabase('me-activities');
const HOUR = 3_600_000;
const NOW = Date.now();
const sites = createSites(db);
const staff = await createUser(db, { staffSiteId: sites.lt });
const volunteer = () => createUser(db, { volunteer: { status: 'approved', countySiteId: sites.lt } });

function slotOf(title: string, startsAt: number, capacity = 1) {
  const id = newId();
  db.insert(schema.activities).values({ id, type: 'festival', title, description: '节日', siteId: sites.ltTown, proposerId: staff.id, status: 'approved', createdAt: NOW, updatedAt: NOW }).run();
  const slotId = newId();
  db.insert(schema.slots).values({ id: slotId, activityId: id, siteId: sites.ltTown, startsAt, endsAt: startsAt + 2 * HOUR, capacity, scheduledMinutes: 120, createdAt: NOW }).run();
  return slotId;
}

describe('/me: my activities', () => {
  it('lists upcoming places, waiting positions, offers, and hours from attendance records only', async () => {
    const v = await volunteer();
    const [x, y, z] = [await volunteer(), await volunteer(), await volunteer()];
    const mine = slotOf('中秋陪伴', NOW + 48 * HOUR);
    signUp(v.actor(), mine, NOW);
    const full = slotOf('端午陪伴', NOW + 72 * HOUR);
    signUp(x.actor(), full, NOW);
    signUp(y.actor(), full, NOW);
    signUp(v.actor(), full, NOW); // second in the queue
    const offered = slotOf('春节陪伴', NOW + 96 * HOUR);
    signUp(z.actor(), offered, NOW);
    signUp(v.actor(), offered, NOW);
    const zRow = db.select().from(schema.slotSignups).where(and(eq(schema.slotSignups.slotId, offered), eq(schema.slotSignups.userId, z.id))).get()!;
    cancelSignup(z.actor(), zRow.id, undefined, NOW);
    // Past service: one attended (90 min), one confirmed without a record (credits nothing).
    const past = slotOf('元宵陪伴', Date.UTC(2025, 1, 12, 2));
    const past2 = slotOf('重阳陪伴', Date.UTC(2025, 9, 29, 2));
    for (const [slotId, attendance] of [[past, 'attended'], [past2, null]] as const) {
      db.insert(schema.slotSignups).values({ id: newId(), slotId, userId: v.id, status: 'confirmed', attendance, serviceMinutes: attendance ? 90 : null, createdAt: NOW, updatedAt: NOW }).run();
    }

    const r = await callRoute(me.loader, { url: '/me', cookie: v.cookie() });
    const a = r.data.activities;
    expect(a.upcoming.map((s: { activityTitle: string }) => s.activityTitle)).toEqual(['中秋陪伴']);
    expect(a.waiting).toEqual([expect.objectContaining({ activityTitle: '端午陪伴', position: 2 })]);
    expect(a.offers).toEqual([expect.objectContaining({ activityTitle: '春节陪伴', status: 'offered', offerExpiresAt: NOW + 24 * HOUR })]);
    expect(a.attended).toEqual([expect.objectContaining({ activityTitle: '元宵陪伴', minutes: 90 })]);
    expect(a.minutesByYear).toEqual([{ year: '2025', minutes: 90 }]);
    expect(a.feedUrl).toMatch(/\/feeds\/[a-z2-7]{32}\.ics$/);
  });

  it('rotating the feed from /me gives a new address and says so', async () => {
    const v = await volunteer();
    signUp(v.actor(), slotOf('植树', NOW + 48 * HOUR, 3), NOW);
    const before = (await callRoute(me.loader, { url: '/me', cookie: v.cookie() })).data.activities.feedUrl;
    const posted = await callRoute(meCalendar.action, { url: '/me/calendar', form: { intent: 'rotate_feed' }, cookie: v.cookie() });
    expect(posted.location).toBe('/me?done=feed_rotated');
    const after = await callRoute(me.loader, { url: '/me?done=feed_rotated', cookie: v.cookie() });
    expect(after.data.activities.feedUrl).not.toBe(before);
    expect(after.data.done).toBe('feed_rotated');
    expect((await callRoute(meCalendar.action, { url: '/me/calendar', form: { intent: 'nope' }, cookie: v.cookie() })).status).toBe(400);
    expect((await callRoute(meCalendar.action, { url: '/me/calendar', form: { intent: 'rotate_feed' } })).location).toMatch(/^\/login/);
  });
});
