import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DB } from '../../db/client';
import { closeDatabase, useDatabase } from '../../app/data/db.server';
import { startProductionServer, type RunningServer } from '../helpers/server';
import { cookieFor } from '../helpers/wish-fixtures';

// No dead ends: on the demo site, every link a person is shown (navigation, cards, tables, pagers)
// opens a page for that person — not a 404, a 403 or an error. Each role follows links from its
// start pages, breadth first; links of the same shape (ids replaced) are followed a few times only.

let server: RunningServer;
let db: DB;

beforeAll(async () => {
  server = await startProductionServer({ SEED_DEMO: 'true' });
  db = openDatabase(server.databasePath);
  useDatabase(db);
}, 180_000);

afterAll(async () => {
  closeDatabase();
  await server?.stop();
});

const SAME_SHAPE = 3;
const MAX_PAGES = 160;

/** The path with ids, numbers and query values blanked: /wishes/abc?page=2 → /wishes/:id?page= */
const shapeOf = (href: string) =>
  href
    .replace(/\/[a-z0-9]{12,}(?=\/|\?|$)/g, '/:id')
    .replace(/=[^&]*/g, '=')
    .replace(/\d+/g, 'n');

const hrefsOf = (html: string) =>
  [...html.matchAll(/<a\b[^>]*\bhref="([^"]*)"/g)]
    .map((m) => m[1].replace(/&amp;/g, '&').split('#')[0])
    .filter((href) => href.startsWith('/') && !href.startsWith('//') && !href.startsWith('/assets/'));

async function crawl(starts: string[], cookie: string | null) {
  const queue = [...starts];
  const seen = new Set<string>(queue);
  const shapes = new Map<string, number>();
  const broken: string[] = [];
  let pages = 0;
  while (queue.length && pages < MAX_PAGES) {
    const href = queue.shift()!;
    const res = await fetch(`${server.url}${href}`, { headers: cookie ? { cookie } : {}, redirect: 'manual' });
    pages++;
    const ok = res.status === 200 || (res.status >= 300 && res.status < 400);
    if (!ok) broken.push(`${res.status} ${href}`);
    if (res.status !== 200 || !(res.headers.get('content-type') ?? '').includes('text/html')) {
      await res.body?.cancel();
      continue;
    }
    for (const link of hrefsOf(await res.text())) {
      if (seen.has(link)) continue;
      seen.add(link);
      const shape = shapeOf(link);
      const count = shapes.get(shape) ?? 0;
      if (count >= SAME_SHAPE) continue;
      shapes.set(shape, count + 1);
      queue.push(link);
    }
  }
  return { broken, pages };
}

const userId = (email: string) => db.$client.prepare('select id from users where email = ?').pluck().get(email) as string;

// Each crawl fetches up to 160 pages one after another: far more than the default limit while the whole
// suite loads both cores.
describe('every link shown to a person opens a page for them', { timeout: 120_000 }, () => {
  const roles: Array<[string, string | null, string[]]> = [
    ['a visitor', null, ['/', '/wishes', '/activities', '/login', '/signup']],
    ['an approved volunteer', 'volunteer@demo.local', ['/', '/me', '/wishes']],
    ['a volunteer waiting for vetting', 'pending@demo.local', ['/', '/me']],
    ['an organization manager', 'org@demo.local', ['/', '/org', '/wishes']],
    ['county staff', 'staff.lt@demo.local', ['/staff', '/staff/wishes', '/staff/claims', '/staff/children']],
    ['an admin', 'admin@demo.local', ['/admin', '/staff']],
  ];
  it.each(roles)('%s', async (_who, email, starts) => {
    const cookie = email ? cookieFor(db, userId(email)) : null;
    const { broken, pages } = await crawl(starts, cookie);
    expect(pages).toBeGreaterThan(starts.length);
    expect(broken).toEqual([]);
  });
});

describe('staff reach their lists from the dashboard', () => {
  it('links /staff to writing a wish, the wishes, the claims and the child records', async () => {
    const cookie = cookieFor(db, userId('staff.lt@demo.local'));
    const html = await (await fetch(`${server.url}/staff`, { headers: { cookie } })).text();
    expect(hrefsOf(html)).toEqual(expect.arrayContaining(['/staff/wishes/new', '/staff/wishes', '/staff/claims', '/staff/children']));
  });
});

describe('a wish’s public history', () => {
  it('does not repeat a step as its own status ("Claimed → Claimed")', async () => {
    const id = db.$client.prepare("select id from wishes where status = 'claimed' order by id limit 1").pluck().get() as string;
    for (const [lang, twice] of [
      ['en', /Claimed<\/strong>(<!-- -->)? → (<!-- -->)?Claimed/],
      ['zh-CN', /已认领<\/strong>(<!-- -->)? → (<!-- -->)?已认领/],
    ] as const) {
      const html = await (await fetch(`${server.url}/wishes/${id}?lang=${lang}`)).text();
      expect(html).toContain('data-testid="timeline"');
      expect(html).not.toMatch(twice);
    }
  });
});
