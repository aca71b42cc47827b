import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, schema, type DB } from '../../db/client';
import { closeDatabase, useDatabase } from '../../app/data/db.server';
import { slotCardsQuery, slotCountQuery, type SlotListQuery } from '../../app/data/activity-list.server';
import { DAY_MS, endOfShanghaiDay, shanghaiDate } from '../../app/domain/calendar';
import { startProductionServer, type RunningServer } from '../helpers/server';
import { tempDbPath } from '../helpers/db';
import { buildWorld, type World } from '../helpers/wish-fixtures';

// /activities as the production server renders it, without JavaScript: one card per slot of an approved activity,
// soonest first; filters by type, county (README D7), Shanghai dates and free places; keyset pages both ways; past
// slots behind a switch; activities that are not approved (or completed, for the past) never listed.
let server: RunningServer;
let db: DB;
let world: World;
const NOW = Date.now();
const HOUR = 3600_000;
/** The upcoming slots of the approved activities, soonest first. */
const upcoming: string[] = [];
const past: string[] = []; // latest first
let fullSlot: string;
let cityHomeSlot: string;
let yanchiSlot: string;
const yanchiDay = shanghaiDate(NOW + 30 * DAY_MS);
/** 10:00 in Shanghai on that day (02:00 UTC). */
const yanchiStart = endOfShanghaiDay(yanchiDay) + 1 - DAY_MS + 10 * HOUR;

let n = 0;
function activity(status: (typeof schema.activities.$inferInsert)['status'], type: (typeof schema.activities.$inferInsert)['type'], siteId: string, title: string, tier: 'group' | 'one_to_one' = 'group') {
  const id = `act${(++n).toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  db.insert(schema.activities)
    .values({ id, type, title, description: '活动介绍', siteId, proposerId: world.users.staffLt, contactTier: tier, status, createdAt: NOW, updatedAt: NOW })
    .run();
  return id;
}
function slot(activityId: string, siteId: string, startsAt: number, extra: Partial<typeof schema.slots.$inferInsert> = {}) {
  const id = `slt${(++n).toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  db.insert(schema.slots)
    .values({ id, activityId, siteId, startsAt, endsAt: startsAt + 2 * HOUR, capacity: 5, scheduledMinutes: 120, createdAt: NOW, ...extra })
    .run();
  return id;
}

beforeAll(async () => {
  const databasePath = tempDbPath('activities-list');
  server = await startProductionServer({ DATABASE_PATH: databasePath, SEED_DEMO: 'false' });
  db = openDatabase(databasePath);
  useDatabase(db);
  world = buildWorld(db);
  const { gch, ych, wzi } = world.sites;

  const talk = activity('approved', 'safety_talk', gch, '安全知识宣讲进社区');
  for (let i = 0; i < 15; i++) upcoming.push(slot(talk, gch, NOW + (i + 1) * HOUR, i === 2 ? { taken: 5 } : { taken: 1 }));
  fullSlot = upcoming[2];
  cityHomeSlot = slot(activity('approved', 'home_visit', wzi, '福利院一对一陪伴', 'one_to_one'), wzi, NOW + 2 * DAY_MS);
  yanchiSlot = slot(activity('approved', 'film_screening', ych, '盐池集体观影'), ych, yanchiStart);
  upcoming.push(cityHomeSlot, yanchiSlot);
  // Not listed: a cancelled slot of an approved activity, and every slot of an activity that is not approved.
  slot(talk, gch, NOW + 3 * DAY_MS, { status: 'cancelled' });
  for (const status of ['draft', 'submitted', 'rejected', 'cancelled'] as const) {
    const hidden = activity(status, 'safety_talk', gch, `不该出现的${status}活动`);
    slot(hidden, gch, NOW + 5 * HOUR + 1);
    slot(hidden, gch, NOW - 5 * HOUR);
  }
  // The past: the approved activity's slots that took place, and a completed activity's closed slot.
  past.push(slot(talk, gch, NOW - 2 * HOUR));
  past.push(slot(talk, gch, NOW - DAY_MS, { status: 'closed', closedAt: NOW - DAY_MS + 3 * HOUR }));
  past.push(slot(activity('completed', 'winter_warmth', ych, '温暖过冬送棉衣'), ych, NOW - 3 * DAY_MS, { status: 'closed', taken: 2 }));
  slot(talk, gch, NOW - 4 * DAY_MS, { status: 'cancelled' });
}, 180_000);

afterAll(async () => {
  closeDatabase();
  await server?.stop();
});

async function page(path: string) {
  const res = await fetch(`${server.url}${path}`);
  expect(res.status, path).toBe(200);
  return res.text();
}
const decode = (s: string) => s.replace(/&amp;/g, '&');
const cardIds = (html: string) => [...html.matchAll(/data-testid="slot-card" data-slot="([a-z0-9]+)"/g)].map((m) => m[1]);
const cardOf = (html: string, id: string) => html.match(new RegExp(`<li[^>]*data-slot="${id}"[^>]*>([\\s\\S]*?)</li>`))![1];
const pageOf = (html: string) => html.match(/data-testid="page-of"[^>]*>([^<]*)</)?.[1];
const link = (html: string, rel: string) => {
  const anchor = html.match(new RegExp(`<a\\b[^>]*\\bdata-rel="${rel}"[^>]*>`))?.[0];
  return anchor ? decode(anchor.match(/href="([^"]+)"/)![1]) : undefined;
};
const code = (site: keyof World['sites']) => db.$client.prepare('select code from sites where id = ?').pluck().get(world.sites[site]) as string;

describe('/activities', () => {
  it('lists the upcoming slots of approved activities, soonest first, one card each with its facts', async () => {
    const html = await page('/activities');
    expect(cardIds(html)).toEqual(upcoming.slice(0, 12));
    expect(pageOf(html)).toBe('第 1 / 2 页,共 17 条');
    const card = cardOf(html, upcoming[0]);
    expect(card).toContain('安全知识宣讲进社区');
    expect(card).toContain('安全知识宣讲'); // the type
    expect(card).toContain('利通区'); // the county of 高闸镇儿童之家
    expect(card).toContain('高闸镇儿童之家');
    expect(card).toContain('剩余名额 4');
    expect(card).toContain('集体活动');
    expect(cardOf(html, fullSlot)).toContain('已满');
    expect(html).not.toContain('不该出现的');
  });

  it('shows times in Asia/Shanghai and the one-to-one tier, in both languages', async () => {
    const second = await page(link(await page('/activities'), 'next')!);
    const yc = cardOf(second, yanchiSlot);
    expect(yc).toMatch(/10:00[–-]12:00/);
    expect(yc).toContain('盐池县');
    const en = await page(`/activities?type=home_visit&lang=en`);
    expect(cardIds(en)).toEqual([cityHomeSlot]);
    expect(cardOf(en, cityHomeSlot)).toContain('one-to-one (vetted helpers only)');
    expect(cardOf(en, cityHomeSlot)).toContain('5 places left');
  });

  it('pages forward and back by keyset, saying where it stands, and keeps the filters', async () => {
    const first = await page('/activities?places=1');
    expect(link(first, 'prev')).toBeUndefined();
    const next = link(first, 'next')!;
    expect(next).toMatch(/^\/activities\?places=1&after=[0-9a-z]+\.[a-z0-9]+$/);
    const second = await page(next);
    const open = upcoming.filter((id) => id !== fullSlot);
    expect(cardIds(second)).toEqual(open.slice(12));
    expect(pageOf(second)).toBe('第 2 / 2 页,共 16 条');
    expect(link(second, 'next')).toBeUndefined();
    const prev = link(second, 'prev')!;
    expect(prev).toMatch(/^\/activities\?places=1&before=[0-9a-z]+\.[a-z0-9]+$/);
    const back = await page(prev);
    expect(cardIds(back)).toEqual(open.slice(0, 12));
    expect(pageOf(back)).toBe('第 1 / 2 页,共 16 条');
  });

  it('filters by type, by county (a city-level site under the city) and by Shanghai dates', async () => {
    expect(cardIds(await page('/activities?type=film_screening'))).toEqual([yanchiSlot]);
    expect(cardIds(await page('/activities?type=legal_aid'))).toEqual([]);
    expect(cardIds(await page(`/activities?county=${code('yc')}`))).toEqual([yanchiSlot]);
    const lt = await page(`/activities?county=${code('lt')}`);
    expect(pageOf(lt)).toBe('第 1 / 2 页,共 15 条');
    const city = await page(`/activities?county=${code('wz')}`);
    expect(cardIds(city)).toEqual([cityHomeSlot]);
    // The city is offered as a county of its own, as on /wishes.
    expect(city).toContain('吴忠市(市属机构)');
    expect(cardIds(await page(`/activities?from=${yanchiDay}&to=${yanchiDay}`))).toEqual([yanchiSlot]);
    const dayBefore = shanghaiDate(yanchiStart - DAY_MS);
    expect(cardIds(await page(`/activities?to=${dayBefore}`))).not.toContain(yanchiSlot);
    expect(cardIds(await page(`/activities?from=${dayBefore}`))).toEqual([yanchiSlot]);
  });

  it('keeps the chosen filters in the form', async () => {
    const html = await page(`/activities?type=film_screening&from=${yanchiDay}&places=1`);
    expect(html).toMatch(/<option value="film_screening" selected="">/);
    expect(html).toMatch(new RegExp(`<input type="date" name="from" value="${yanchiDay}"`));
    expect(html.match(/<input[^>]*name="places"[^>]*>/)![0]).toMatch(/\bchecked\b/);
  });

  it('reads bad filter values as no filter, never failing', async () => {
    const bad = [
      'type=nope',
      `county=${'x'.repeat(300)}`,
      'from=2025-13-45',
      'to=yesterday',
      'places=yes',
      'when=later',
      'after=garbage',
      "before=1'%20or%201=1",
      'type=safety_talk&type[]=x',
    ];
    for (const query of bad) {
      const html = await page(`/activities?${query}`);
      expect(pageOf(html), query).toMatch(/共 1[57] 条/);
    }
    const all = await page('/activities?type=nope&from=2025-02-30&places=2&when=soon&after=zz');
    expect(cardIds(all)).toEqual(upcoming.slice(0, 12));
  });

  it('shows past slots behind a visible switch, latest first, each marked ended with its date', async () => {
    const html = await page('/activities');
    const nav = html.match(/<nav[^>]*data-testid="when-switch"[^>]*>([\s\S]*?)<\/nav>/)![1];
    expect(nav).toMatch(/<a[^>]*aria-current="page"[^>]*>即将开始<\/a>/);
    const toPast = decode(nav.match(/<a[^>]*href="([^"]+)"[^>]*>已结束的活动<\/a>/)![1]);
    expect(toPast).toBe('/activities?when=past');
    const pastPage = await page(toPast);
    expect(cardIds(pastPage)).toEqual(past);
    expect(pageOf(pastPage)).toBe('第 1 / 1 页,共 3 条');
    for (const id of past) expect(cardOf(pastPage, id)).toMatch(/已结束 · \d{4}\/\d{2}\/\d{2}/);
    expect(cardOf(pastPage, past[2])).toContain('温暖过冬送棉衣');
    expect(pastPage).not.toContain('不该出现的');
    expect(pastPage).not.toContain('剩余名额');
    // Filters apply to the past too; "places left" does not.
    expect(cardIds(await page(`/activities?when=past&county=${code('yc')}&places=1`))).toEqual([past[2]]);
  });

  it('counts the upcoming slots on the home page, linking to the list', async () => {
    const home = await page('/');
    expect(home.match(/data-testid="count-upcoming-slots"[^>]*>([^<]*)</)![1]).toBe('17');
    const figureLink = home.match(/<a\b[^>]*data-testid="upcoming-slots-link"[^>]*>/)![0];
    expect(figureLink).toContain('href="/activities"');
    expect(cardIds(home)).toEqual(upcoming.slice(0, 4));
  });
});

describe('the list’s queries', () => {
  const plan = (query: { toSQL: () => { sql: string; params: unknown[] } }) => {
    const { sql, params } = query.toSQL();
    return (db.$client.prepare(`explain query plan ${sql}`).all(...params) as Array<{ detail: string }>).map((r) => r.detail);
  };
  const cases: Array<[string, SlotListQuery]> = [
    ['upcoming', { when: 'upcoming', now: NOW, placesLeft: false, limit: 12 }],
    ['filtered', { when: 'upcoming', now: NOW, placesLeft: true, type: 'safety_talk', siteIds: ['a', 'b'], fromMs: NOW, toMs: NOW + DAY_MS, limit: 12 }],
    ['a next page', { when: 'upcoming', now: NOW, placesLeft: false, limit: 12, after: { at: NOW + HOUR, id: 'abc' } }],
    ['a previous page', { when: 'upcoming', now: NOW, placesLeft: false, limit: 12, before: { at: NOW + HOUR, id: 'abc' } }],
    ['the past', { when: 'past', now: NOW, placesLeft: false, limit: 12, after: { at: NOW - HOUR, id: 'abc' } }],
  ];
  it.each(cases)('read %s in list order from an index on the start, one query for the whole page', (_label, q) => {
    const upcoming = q.when === 'upcoming';
    // Upcoming: the open slots' range of slots_status_starts_idx; past: slots_starts_id_idx. Either serves the order.
    const index = upcoming ? /^SEARCH slots USING (COVERING )?INDEX slots_status_starts_idx \(status=\? AND / : /^SEARCH slots USING (COVERING )?INDEX slots_starts_id_idx \(/;
    expect(plan(slotCardsQuery(q)).join('\n')).not.toMatch(/TEMP B-TREE|MULTI-INDEX OR/);
    for (const detail of [plan(slotCardsQuery(q)), plan(slotCountQuery(q)), plan(slotCountQuery(q, { at: NOW, id: 'x' }))]) {
      expect(detail, detail.join('\n')).toEqual(expect.arrayContaining([expect.stringMatching(index)]));
      expect(detail.join('\n')).not.toMatch(/SCAN (slots|activities)\b/);
      expect(detail.join('\n')).not.toMatch(/activities_status_idx|BLOOM FILTER/);
      if (upcoming) expect(detail.join('\n')).not.toMatch(/CORRELATED/);
      // The past reads each slot's activity status by primary key (with it as a join condition, SQLite filled a Bloom
      // filter from every approved or completed activity before the first row: 75 ms at 100,000 activities).
      else expect(detail.join('\n')).toMatch(/CORRELATED SCALAR SUBQUERY \d+\n\s*SEARCH slot_activity USING (COVERING )?INDEX sqlite_autoindex_activities_1 \(id=\?\)/);
    }
  });
});
