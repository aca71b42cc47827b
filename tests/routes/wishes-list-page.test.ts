import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DB } from '../../db/client';
import { closeDatabase, useDatabase } from '../../app/data/db.server';
import { claimWish } from '../../app/services/claims.server';
import { startProductionServer, type RunningServer } from '../helpers/server';
import { tempDbPath } from '../helpers/db';
import { actorOf, addChild, buildWorld, cookieFor, publishedWish, type World } from '../helpers/wish-fixtures';

// /wishes as the production server renders it, without JavaScript: open wishes by default with a switch to
// all of them, a pager that goes both ways and says where it stands, and an organization's basket whose
// ticks survive turning the page (README D11, D19).
let server: RunningServer;
let db: DB;
let world: World;
const wishes: string[] = []; // newest first
let taken: string;
const COUNT = 15;

beforeAll(async () => {
  const databasePath = tempDbPath('wishes-list');
  server = await startProductionServer({ DATABASE_PATH: databasePath, SEED_DEMO: 'false' });
  db = openDatabase(databasePath);
  useDatabase(db);
  world = buildWorld(db);
  const child = addChild(db, { siteId: world.sites.gch, realName: '马思远', alias: '小远' });
  const now = Date.now() - 3600_000;
  for (let i = 0; i < COUNT; i++) {
    wishes.unshift(publishedWish(db, { childId: child, author: world.users.staffGc, reviewer: world.users.staffLt, title: `心愿第${i}号` }, now + i * 1000));
  }
  // One more, taken at once: only "all" lists it.
  taken = publishedWish(db, { childId: child, author: world.users.staffGc, reviewer: world.users.staffLt, title: '已被认领的心愿' }, now - 60_000);
  claimWish(actorOf(db, world.users.volunteer), taken, undefined, Date.now());
}, 180_000);

afterAll(async () => {
  closeDatabase();
  await server?.stop();
});

const member = () => cookieFor(db, world.users.memberA);
async function page(path: string, cookie?: string) {
  const res = await fetch(`${server.url}${path}`, { headers: cookie ? { cookie } : {} });
  expect(res.status, path).toBe(200);
  return res.text();
}
const decode = (s: string) => s.replace(/&amp;/g, '&');
const cardIds = (html: string) => [...html.matchAll(/<h2><a[^>]*href="\/wishes\/([a-z0-9]+)"/g)].map((m) => m[1]);
const pageOf = (html: string) => html.match(/data-testid="page-of"[^>]*>([^<]*)</)?.[1];
const link = (html: string, rel: string) => {
  const anchor = html.match(new RegExp(`<a\\b[^>]*\\bdata-rel="${rel}"[^>]*>`))?.[0];
  return anchor ? decode(anchor.match(/href="([^"]+)"/)![1]) : undefined;
};
/** The wishes the page shows ticked (on the cards, and carried from other pages). */
const ticked = (html: string) =>
  [...html.matchAll(/<input[^>]*name="wishId"[^>]*>/g)].filter((m) => /\bchecked\b/.test(m[0])).map((m) => m[0].match(/value="([^"]+)"/)![1]);

describe('/wishes for a visitor', () => {
  it('lists only the open wishes by default, with a visible switch to all of them', async () => {
    const html = await page('/wishes');
    expect(cardIds(html)).toEqual(wishes.slice(0, 12));
    expect(pageOf(html)).toBe(`第 1 / 2 页,共 ${COUNT} 条`);
    const nav = html.match(/<nav[^>]*data-testid="show-switch"[^>]*>([\s\S]*?)<\/nav>/)![1];
    expect(nav).toMatch(/<a[^>]*aria-current="page"[^>]*>待认领的心愿<\/a>/);
    const toAll = decode(nav.match(/<a[^>]*href="([^"]+)"[^>]*>全部心愿\(含已认领、已实现\)<\/a>/)![1]);
    expect(toAll).toBe('/wishes?show=all');
    const all = await page(toAll);
    expect(pageOf(all)).toBe(`第 1 / 2 页,共 ${COUNT + 1} 条`);
    const allSecond = await page(link(all, 'next')!);
    expect(cardIds(allSecond)).toContain(taken);
    expect(cardIds(allSecond)).toHaveLength(COUNT + 1 - 12);
  });

  it('pages forward and back by keyset, saying where it stands, and keeps the filters', async () => {
    const first = await page('/wishes?category=stationery');
    expect(link(first, 'prev')).toBeUndefined();
    const next = link(first, 'next')!;
    expect(next).toMatch(/^\/wishes\?category=stationery&after=[0-9a-z]+\.[a-z0-9]+$/);
    const second = await page(next);
    expect(cardIds(second)).toEqual(wishes.slice(12));
    expect(pageOf(second)).toBe(`第 2 / 2 页,共 ${COUNT} 条`);
    expect(link(second, 'next')).toBeUndefined();
    const prev = link(second, 'prev')!;
    expect(prev).toMatch(/^\/wishes\?category=stationery&before=[0-9a-z]+\.[a-z0-9]+$/);
    const back = await page(prev);
    expect(cardIds(back)).toEqual(wishes.slice(0, 12));
    expect(pageOf(back)).toBe(`第 1 / 2 页,共 ${COUNT} 条`);
  });
});

describe('the organization’s basket across pages', () => {
  it('turns pages with buttons of the basket’s form, so that the ticks go along in the URL', async () => {
    const html = await page('/wishes', member());
    const form = html.match(/<form[^>]*method="post"[^>]*class="basket"[^>]*>[\s\S]*<\/form>/)![0];
    const next = form.match(/<button[^>]*data-rel="next"[^>]*>/)![0];
    expect(next).toMatch(/formMethod="get"|formmethod="get"/i);
    expect(next).toMatch(/formAction="\/wishes"|formaction="\/wishes"/i);
    expect(next).toMatch(/name="after"/);
    // The switch and the filter button submit the same form too.
    expect(form).toMatch(/<button[^>]*name="switch"[^>]*value="all"/);
    expect(form).toContain('name="county"');
  });

  it('shows the ticks of other pages, ticked, and claims them all with the page’s own', async () => {
    const [onFirst, alsoOnFirst] = wishes;
    const onSecond = wishes[13];
    const first = await page('/wishes', member());
    const after = first.match(/<button[^>]*data-rel="next"[^>]*value="([^"]+)"/)?.[1] ?? first.match(/<button[^>]*value="([^"]+)"[^>]*data-rel="next"/)![1];
    // What the browser sends when "next" is pressed with two wishes ticked.
    const second = await page(`/wishes?after=${after}&wishId=${onFirst}&wishId=${alsoOnFirst}&wishId=${taken}&wishId=nosuchwish`, member());
    expect(cardIds(second)).toEqual(wishes.slice(12));
    // The two open ones are carried, ticked, with their titles; the claimed and unknown ones are dropped.
    const carried = second.match(/<fieldset[^>]*data-testid="basket-carried"[^>]*>([\s\S]*?)<\/fieldset>/)![1];
    expect(carried).toContain('在其他页勾选的 2 个心愿');
    expect(carried).toContain('心愿第14号');
    expect(ticked(second).sort()).toEqual([onFirst, alsoOnFirst].sort());

    // Back on the first page (with the second page's tick carried), the first page's boxes are ticked again.
    const back = await page(`/wishes?wishId=${onFirst}&wishId=${onSecond}`, member());
    expect(ticked(back).sort()).toEqual([onFirst, onSecond].sort());
    expect(back.match(/<fieldset[^>]*data-testid="basket-carried"[^>]*>([\s\S]*?)<\/fieldset>/)![1]).toContain('心愿第1号');

    // Claiming from page 2: the ticks carried and the page's own are claimed together.
    const res = await fetch(`${server.url}/wishes?index&after=${after}&wishId=${onFirst}&wishId=${alsoOnFirst}`, {
      method: 'POST',
      headers: { cookie: member(), origin: server.url, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams([
        ['intent', 'basket'],
        ['orgId', world.orgs.orgA],
        ['wishId', onFirst],
        ['wishId', alsoOnFirst],
        ['wishId', onSecond],
      ]),
    });
    expect(res.status).toBe(200);
    const done = await res.text();
    expect(done).toContain('认领成功 3 个,共 3 个。');
    // Claimed, they leave the basket.
    expect(done).not.toContain('data-testid="basket-carried"');
  });
});
