import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../../db/client';
import { approvedHelperCookies, startRaceServers, stopRaceServers } from '../helpers/race';
import type { RunningServer } from '../helpers/server';
import { addChild, publishedWish, type World } from '../helpers/wish-fixtures';

// HTTP races against the production server in its own processes: ROUNDS rounds of HELPERS approved
// volunteers claiming one wish. CI runs 2 rounds; `npm run test:races` runs the full 20.
const SERVERS = 3;
const HELPERS = Number(process.env.CLAIM_RACE_HELPERS ?? 200);
const ROUNDS = Number(process.env.CLAIM_RACE_ROUNDS ?? 2);

/** One claim on its own connection (no keep-alive: a reused socket the server just closed would reset). */
function postClaim(url: string, cookie: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', agent: false, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end('intent=claim');
  });
}

let servers: RunningServer[] = [];
let db: DB;
let world: World;
let cookies: string[] = [];

beforeAll(async () => {
  ({ servers, db, world } = await startRaceServers('race-rounds', SERVERS));
  cookies = approvedHelperCookies(db, HELPERS, 'rounds');
}, 180_000);

afterAll(async () => {
  await stopRaceServers(servers);
});

describe(`${ROUNDS} rounds of ${HELPERS} helpers claiming one wish over ${SERVERS} server processes`, () => {
  it('ends every round with exactly one live claim, no 5xx and no SQLITE_BUSY', async () => {
    const totals: Record<number, number> = {};
    let slowest = 0;
    for (let round = 1; round <= ROUNDS; round++) {
      const child = addChild(db, { siteId: world.sites.gch, realName: `马思远${round}`, alias: `小远${round}` });
      const wishId = publishedWish(db, { childId: child, author: world.users.staffGc, reviewer: world.users.staffLt });
      const started = Date.now();
      const statuses = await Promise.all(cookies.map((cookie, i) => postClaim(`${servers[i % SERVERS].url}/wishes/${wishId}`, cookie)));
      slowest = Math.max(slowest, Date.now() - started);
      for (const s of statuses) totals[s] = (totals[s] ?? 0) + 1;
      const errors = servers.flatMap((s) => s.output().match(/"level":"error".{0,300}/g) ?? []);
      expect(statuses.filter((s) => s >= 500), `round ${round}: ${errors.slice(0, 2).join('\n')}`).toEqual([]);
      expect(statuses.filter((s) => s === 302), `round ${round}`).toHaveLength(1);
      expect(statuses.filter((s) => s === 409), `round ${round}`).toHaveLength(HELPERS - 1);
      const live = db.$client.prepare("select count(*) n from claims where wish_id = ? and status in ('pending', 'approved')").get(wishId) as { n: number };
      expect(live.n, `round ${round}`).toBe(1);
      expect((db.$client.prepare('select status from wishes where id = ?').get(wishId) as { status: string }).status).toBe('claimed');
    }
    for (const server of servers) expect(server.output()).not.toMatch(/SQLITE_BUSY|database is locked/);
    console.info(`claim race: ${ROUNDS} rounds × ${HELPERS} helpers over ${SERVERS} processes: ${JSON.stringify(totals)}, slowest round ${slowest} ms`);
  }, 600_000);
});
