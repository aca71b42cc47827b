import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../../db/client';
import { approvedHelperCookies, startRaceServers, stopRaceServers } from '../helpers/race';
import type { RunningServer } from '../helpers/server';
import { addChild, cookieFor, publishedWish, type World } from '../helpers/wish-fixtures';

// The real thing: three production server processes (each with its own SQLite connection) on one
// database file, and 50 approved volunteers pressing "claim" on the same wish at the same moment.
const SERVERS = 3;
const HELPERS = 50;

let servers: RunningServer[] = [];
let db: DB;
let world: World;
let cookies: string[] = [];

beforeAll(async () => {
  ({ servers, db, world } = await startRaceServers('race', SERVERS));
  cookies = approvedHelperCookies(db, HELPERS, 'racer');
}, 180_000);

afterAll(async () => {
  await stopRaceServers(servers);
});

describe('50 helpers claim one wish at the same moment', () => {
  it('gives exactly one of them the claim and tells the other 49 it is already claimed', async () => {
    const child = addChild(db, { siteId: world.sites.gch, realName: '马思远', alias: '小远' });
    const wishId = publishedWish(db, { childId: child, author: world.users.staffGc, reviewer: world.users.staffLt });

    const responses = await Promise.all(
      cookies.map((cookie, i) =>
        fetch(`${servers[i % SERVERS].url}/wishes/${wishId}`, {
          method: 'POST',
          redirect: 'manual',
          headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' },
          body: 'intent=claim',
        }).then(async (res) => ({ status: res.status, location: res.headers.get('location'), body: await res.text() })),
      ),
    );

    const won = responses.filter((r) => r.status === 302 && r.location === `/wishes/${wishId}?done=claim`);
    const lost = responses.filter((r) => r.status === 409);
    const tally = responses.reduce<Record<number, number>>((acc, r) => ({ ...acc, [r.status]: (acc[r.status] ?? 0) + 1 }), {});
    console.info(`claim race over ${SERVERS} server processes: ${JSON.stringify(tally)}`);
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(HELPERS - 1);
    // The losers got the friendly message in their language (zh-CN by default), not an error page.
    expect(lost[0].body).toContain('来晚了一步');

    const claims = db.$client.prepare('select status, claimant_user_id from claims where wish_id = ?').all(wishId) as { status: string }[];
    expect(claims).toHaveLength(1);
    expect(claims[0].status).toBe('pending');
    const wish = db.$client.prepare('select status from wishes where id = ?').get(wishId) as { status: string };
    expect(wish.status).toBe('claimed');
    const mails = db.$client.prepare("select count(*) n from outbox where template = 'claim.received' and body_text like ?").get(`%${wishId}%`) as { n: number };
    expect(mails.n).toBe(1);
    for (const server of servers) expect(server.output()).not.toMatch(/SQLITE_BUSY|database is locked/);
  }, 60_000);

  it('renders the staff and helper pages of the claimed wish in both languages', async () => {
    const child = addChild(db, { siteId: world.sites.gch, realName: '杨小满', alias: '小满满' });
    const wishId = publishedWish(db, { childId: child, author: world.users.staffGc, reviewer: world.users.staffLt });
    const volunteer = cookieFor(db, world.users.volunteer);
    const staff = cookieFor(db, world.users.staffLt);
    const base = servers[0].url;
    const claim = await fetch(`${base}/wishes/${wishId}`, { method: 'POST', redirect: 'manual', headers: { cookie: volunteer, 'content-type': 'application/x-www-form-urlencoded' }, body: 'intent=claim' });
    expect(claim.status).toBe(302);
    const claimId = (db.$client.prepare('select id from claims where wish_id = ?').get(wishId) as { id: string }).id;
    for (const lang of ['zh-CN', 'en']) {
      for (const [path, cookie] of [
        [`/wishes/${wishId}`, volunteer],
        [`/wishes?open=1&lang=${lang}`, volunteer],
        [`/staff/wishes/${wishId}`, staff],
        [`/staff/wishes`, staff],
        [`/staff/claims/${claimId}`, staff],
        [`/staff/claims`, staff],
        [`/staff/children/${child}`, staff],
        [`/staff/children`, staff],
        [`/staff/wishes/new?childId=${child}`, staff],
      ] as const) {
        const res = await fetch(`${base}${path}${path.includes('?') ? '&' : '?'}lang=${lang}`, { headers: { cookie } });
        expect(res.status, path).toBe(200);
        const html = await res.text();
        expect(html, path).not.toMatch(/\b(?:wish|claim|child|timeline|queues|privacy)\.[a-z_]+\.[a-z_.]+\b(?![^<]*>)/);
      }
    }
    // The claimant sees their pending claim, and no address before approval.
    const mine = await (await fetch(`${base}/wishes/${wishId}`, { headers: { cookie: volunteer } })).text();
    expect(mine).toContain('data-testid="my-claim"');
    expect(mine).not.toContain('幸福路18号');
  }, 60_000);
});
