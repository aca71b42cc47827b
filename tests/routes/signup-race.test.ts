import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema, type DB } from '../../db/client';
import { approvedHelperCookies, startRaceServers, stopRaceServers } from '../helpers/race';
import type { RunningServer } from '../helpers/server';
import type { World } from '../helpers/wish-fixtures';

// The capacity race over HTTP, against the production server in its own processes: HELPERS approved
// helpers sign up at once for one slot of capacity CAPACITY. Capacity must hold (exactly CAPACITY
// confirmed, everyone else on the waiting list in a strict queue), with no 5xx and no SQLITE_BUSY.
const SERVERS = 3;
const HELPERS = Number(process.env.SIGNUP_RACE_HELPERS ?? 200);
const CAPACITY = 20;

function post(url: string, cookie: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', agent: false, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
}

let servers: RunningServer[] = [];
let db: DB;
let world: World;
let cookies: string[] = [];
const activityId = 'race-activity';
const slotId = 'race-slot';

beforeAll(async () => {
  ({ servers, db, world } = await startRaceServers('signup-race', SERVERS));
  const now = Date.now();
  db.insert(schema.activities)
    .values({ id: activityId, type: 'film_screening', title: '集体观影', description: '周末在活动室集体观看电影。', siteId: world.sites.gch, proposerId: world.users.staffGc, status: 'approved', createdAt: now, updatedAt: now })
    .run();
  const startsAt = now + 3 * 24 * 3600_000;
  db.insert(schema.slots)
    .values({ id: slotId, activityId, siteId: world.sites.gch, startsAt, endsAt: startsAt + 2 * 3600_000, capacity: CAPACITY, scheduledMinutes: 120, createdAt: now })
    .run();
  cookies = approvedHelperCookies(db, HELPERS, 'signup');
}, 180_000);

afterAll(async () => {
  await stopRaceServers(servers);
});

describe(`${HELPERS} helpers signing up at once for a slot of capacity ${CAPACITY}, over ${SERVERS} server processes`, () => {
  it('confirms exactly the capacity, queues the rest in a strict order, with no 5xx and no SQLITE_BUSY', async () => {
    const started = Date.now();
    const statuses = await Promise.all(
      cookies.map((cookie, i) => post(`${servers[i % SERVERS].url}/activities/${activityId}`, cookie, `intent=signup&slotId=${slotId}`)),
    );
    const took = Date.now() - started;
    const errors = servers.flatMap((s) => s.output().match(/"level":"error".{0,300}/g) ?? []);
    expect(statuses.filter((s) => s >= 500), errors.slice(0, 2).join('\n')).toEqual([]);
    const rows = db.$client.prepare('select status, queue_no as q from slot_signups where slot_id = ?').all(slotId) as { status: string; q: number | null }[];
    expect(rows).toHaveLength(HELPERS);
    expect(rows.filter((r) => r.status === 'confirmed')).toHaveLength(CAPACITY);
    const queue = rows.filter((r) => r.status === 'waitlisted').map((r) => r.q!).sort((a, b) => a - b);
    expect(queue).toEqual(Array.from({ length: HELPERS - CAPACITY }, (_, i) => i + 1));
    expect((db.$client.prepare('select taken from slots where id = ?').get(slotId) as { taken: number }).taken).toBe(CAPACITY);
    for (const server of servers) expect(server.output()).not.toMatch(/SQLITE_BUSY|database is locked/);
    const totals: Record<number, number> = {};
    for (const s of statuses) totals[s] = (totals[s] ?? 0) + 1;
    console.info(`sign-up race: ${HELPERS} helpers, capacity ${CAPACITY}, ${SERVERS} processes: responses ${JSON.stringify(totals)}, ${CAPACITY} confirmed, ${HELPERS - CAPACITY} waiting, ${took} ms`);
  }, 600_000);
});
