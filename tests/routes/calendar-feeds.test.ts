import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { schema } from '../../db/client';
import { newId } from '../../app/data/ids.server';
import * as feed from '../../app/routes/feeds.$file';
import * as slotFile from '../../app/routes/activities_.$id.slots.$file';
import { feedUrlOf, rotateFeed } from '../../app/services/calendar-feeds.server';
import { answerOffer, cancelSignup, signUp } from '../../app/services/signups.server';
import { callRoute, createSites, createUser } from '../helpers/accounts';
import { useTestDatabase } from '../helpers/db';

const { db } = useTestDatabase('calendar-feeds');
const HOUR = 3_600_000;
const NOW = Date.now();
const sites = createSites(db);
const staff = await createUser(db, { staffSiteId: sites.lt });
const volunteer = () => createUser(db, { volunteer: { status: 'approved', countySiteId: sites.lt } });

function activityWithSlot(capacity = 1) {
  const id = newId();
  db.insert(schema.activities).values({ id, type: 'safety_talk', title: '安全知识宣讲, 第一讲', description: '讲给孩子听', siteId: sites.ltTown, proposerId: staff.id, status: 'approved', organizerContact: '李老师 13800000000', createdAt: NOW, updatedAt: NOW }).run();
  const slotId = newId();
  db.insert(schema.slots).values({ id: slotId, activityId: id, siteId: sites.ltTown, startsAt: NOW + 48 * HOUR, endsAt: NOW + 50 * HOUR, capacity, scheduledMinutes: 120, place: '二楼活动室', createdAt: NOW }).run();
  return { id, slotId };
}

const tokenOf = (url: string) => /\/feeds\/([a-z2-7]{32})\.ics$/.exec(url)![1];
const getFeed = (file: string) => callRoute(feed.loader, { url: `/feeds/${file}`, params: { file } });

describe('the slot .ics', () => {
  it('is one VEVENT with the slot in UTC and no organizer contact', async () => {
    const { id, slotId } = activityWithSlot();
    const r = await callRoute(slotFile.loader, { url: `/activities/${id}/slots/${slotId}.ics`, params: { id, file: `${slotId}.ics` } });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('text/calendar');
    const text = r.data as string;
    expect(text).toContain(`UID:slot-${slotId}@wishbridge\r\n`);
    expect(text).toContain('SUMMARY:安全知识宣讲\\, 第一讲\r\n');
    expect(text).not.toContain('13800000000');
    expect((await callRoute(slotFile.loader, { url: '/x', params: { id: 'other', file: `${slotId}.ics` } })).status).toBe(404);
    expect((await callRoute(slotFile.loader, { url: '/x', params: { id, file: slotId } })).status).toBe(404);
  });
});

describe('the personal feed', () => {
  it('a sign-up gives the helper a feed listing their confirmed and offered places; other states are left out', async () => {
    const a = activityWithSlot(1);
    const b = activityWithSlot(1);
    const [v, first] = [await volunteer(), await volunteer()];
    expect(feedUrlOf(v.id)).toBeNull();
    signUp(first.actor(), b.slotId, NOW); // b is full: v waits
    expect(signUp(v.actor(), a.slotId, NOW).ok).toBe(true);
    expect(signUp(v.actor(), b.slotId, NOW).ok).toBe(true);
    const url = feedUrlOf(v.id)!;
    expect(url).toMatch(/\/feeds\/[a-z2-7]{32}\.ics$/);
    // The database holds only the hash and the sealed token.
    const row = db.select().from(schema.calendarFeeds).where(eq(schema.calendarFeeds.userId, v.id)).get()!;
    expect(JSON.stringify(row)).not.toContain(tokenOf(url));

    let text = (await getFeed(`${tokenOf(url)}.ics`)).data as string;
    expect(text).toContain(`UID:slot-${a.slotId}@wishbridge`);
    expect(text).not.toContain(`UID:slot-${b.slotId}@wishbridge`); // waiting is not a place
    // An offer shows as tentative.
    const firstRow = db.select().from(schema.slotSignups).where(and(eq(schema.slotSignups.slotId, b.slotId), eq(schema.slotSignups.userId, first.id))).get()!;
    cancelSignup(first.actor(), firstRow.id, undefined, NOW);
    text = (await getFeed(`${tokenOf(url)}.ics`)).data as string;
    expect(text).toContain(`UID:slot-${b.slotId}@wishbridge`);
    expect(text).toContain('STATUS:TENTATIVE');
    const vRow = db.select().from(schema.slotSignups).where(and(eq(schema.slotSignups.slotId, b.slotId), eq(schema.slotSignups.userId, v.id))).get()!;
    answerOffer(v.actor(), vRow.id, 'decline_offer', NOW);
    text = (await getFeed(`${tokenOf(url)}.ics`)).data as string;
    expect(text).not.toContain(`UID:slot-${b.slotId}@wishbridge`);
    expect(text).not.toContain('13800000000');
  });

  it('rotating gives a new URL and the old one 404s', async () => {
    const a = activityWithSlot(3);
    const v = await volunteer();
    signUp(v.actor(), a.slotId, NOW);
    const old = feedUrlOf(v.id)!;
    const rotated = rotateFeed(v.actor(), NOW + 1);
    if (!rotated.ok) throw new Error('refused');
    expect(rotated.value.url).not.toBe(old);
    expect(feedUrlOf(v.id)).toBe(rotated.value.url);
    expect((await getFeed(`${tokenOf(old)}.ics`)).status).toBe(404);
    expect((await getFeed(`${tokenOf(rotated.value.url)}.ics`)).status).toBe(200);
    expect((await getFeed('not-a-token.ics')).status).toBe(404);
    expect(rotateFeed(null, NOW)).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
  });
});
