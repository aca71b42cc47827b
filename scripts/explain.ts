/**
 * `npm run cli -- explain`: runs the data side of every hot page (the public lists and pages, the staff lists) against
 * DATABASE_PATH, captures each SQL statement the data functions run (with its parameters) and prints SQLite's
 * EXPLAIN QUERY PLAN for it, flagging a full SCAN of a big table and a temporary B-tree for ORDER BY.
 *
 * The pages are read through their services, as their loaders call them, with the demo accounts as actors
 * (admin, city-wide staff, one county's staff): run it on a demo or scale database (`seed --scale N`). The staff
 * children list writes its `child.list` audit row, as the page does.
 */
import Database from 'better-sqlite3';
import { eq, sql } from 'drizzle-orm';
import { schema } from '../db/client';
import { db } from '../app/data/db.server';
import { loadActor } from '../app/data/actors.server';
import type { Actor } from '../app/domain/actor';
import { homePage } from '../app/services/public.server';
import { publicWishBrowse, publicWishPage, staffWishList } from '../app/services/wish-pages.server';
import { activityListPage } from '../app/services/activity-list.server';
import { activityPage } from '../app/services/activity-page.server';
import { staffClaimList } from '../app/services/claims.server';
import { staffActivitiesOverview, staffActivityQueues } from '../app/services/activity-proposals.server';
import { staffPairingAlerts } from '../app/services/pairing-list.server';
import { childrenOfSubtree } from '../app/services/children.server';
import { vettingQueue } from '../app/services/vetting.server';
import { wishQueues } from '../app/services/wish-queues.server';
import { encodeCursor } from '../app/server/paging.server';
import { forgetCachedCounts } from '../app/data/count-cache.server';
import { reportPage } from '../app/services/report-pages.server';
import type { WishFilterInput } from '../app/forms/wish';
import type { ActivityListInput } from '../app/forms/activity-list';

/** Tables that grow with the volume: a full scan of one of these on a hot page is a finding. */
const BIG_TABLES = ['wishes', 'claims', 'audit_events', 'activities', 'slots', 'slot_signups', 'slot_children', 'children', 'users', 'volunteers', 'pairings', 'pairing_visits'];

export interface PlanFinding {
  page: string;
  sql: string;
  plan: string[];
  flags: string[];
}

interface Captured {
  sql: string;
  params: unknown[];
}

/** Runs `fn` and returns every statement it ran (SQL and parameters), in order, without repeats. */
function capture(fn: () => unknown): Captured[] {
  const client = db().$client;
  const proto = Object.getPrototypeOf(client.prepare('select 1')) as Record<string, (...args: unknown[]) => unknown>;
  const seen: Captured[] = [];
  const originals = new Map<string, (...args: unknown[]) => unknown>();
  for (const method of ['all', 'get', 'run', 'iterate']) {
    const original = proto[method]!;
    originals.set(method, original);
    proto[method] = function (this: Database.Statement, ...args: unknown[]) {
      if (!seen.some((s) => s.sql === this.source)) seen.push({ sql: this.source, params: args });
      return original.apply(this, args);
    };
  }
  try {
    fn();
  } finally {
    for (const [method, original] of originals) proto[method] = original;
  }
  return seen.filter((s) => /^\s*select/i.test(s.sql));
}

function flagsOf(plan: string[]): string[] {
  const flags: string[] = [];
  // Sorting the rows of a small table (the site tree) costs nothing.
  const touchesBigTable = plan.some((line) => BIG_TABLES.some((t) => new RegExp(`^\\s*(SCAN|SEARCH) ${t}\\b`).test(line)));
  for (const line of plan) {
    const scan = /^SCAN (\w+)(?: AS \w+)?(?! USING)/.exec(line);
    if (scan && !/USING (COVERING )?INDEX/.test(line) && BIG_TABLES.includes(scan[1]!)) flags.push(`full scan of ${scan[1]}`);
    if (/USE TEMP B-TREE FOR (ORDER BY|RIGHT PART OF ORDER BY|LAST TERM OF ORDER BY)/.test(line) && touchesBigTable) flags.push('temp b-tree for ORDER BY');
    // A Bloom filter is built from every row of the table that meets its conditions, before the first row comes out.
    const bloom = /^\s*BLOOM FILTER ON (\w+)/.exec(line);
    if (bloom && BIG_TABLES.includes(bloom[1]!)) flags.push(`Bloom filter over ${bloom[1]}`);
  }
  return flags;
}

function planOf(q: Captured): string[] {
  const rows = db().$client.prepare(`explain query plan ${q.sql}`).all(...(q.params as unknown[])) as { id: number; parent: number; detail: string }[];
  const depth = new Map<number, number>();
  return rows.map((r) => {
    const d = (depth.get(r.parent) ?? -1) + 1;
    depth.set(r.id, d);
    return `${'  '.repeat(d)}${r.detail}`;
  });
}

function actorOf(email: string, now: number): Actor {
  const user = db().select().from(schema.users).where(eq(schema.users.email, email)).get();
  if (!user) throw new Error(`no account ${email}: run explain on a demo or scale database`);
  return loadActor(user, now);
}

const wishInput = (over: Partial<WishFilterInput> = {}): WishFilterInput => ({ county: '', category: '', age: '', show: 'open', switch: '', after: '', before: '', ...over });
const activityInput = (over: Partial<ActivityListInput> = {}): ActivityListInput => ({
  type: '',
  county: '',
  from: '',
  to: '',
  places: '',
  when: 'upcoming',
  after: '',
  before: '',
  ...over,
});

/** The pages and how their loaders call the data side. */
export function hotPages(now: number): { page: string; run: () => unknown }[] {
  const d = db();
  const admin = actorOf('admin@demo.local', now);
  const staff = actorOf('staff@demo.local', now);
  const countyStaff = actorOf('staff.lt@demo.local', now);
  const anyWish = d.select({ id: schema.wishes.id }).from(schema.wishes).where(eq(schema.wishes.status, 'fulfilled')).limit(1).get()!.id;
  const anyActivity = d.select({ id: schema.activities.id }).from(schema.activities).where(eq(schema.activities.status, 'approved')).limit(1).get()!.id;
  // A card deep in the full list: the 5,000th newest public wish (page 417).
  const deep = d.all<{ published_at: number; id: string }>(
    sql`select published_at, id from wishes where status in ('published','claimed','delivered','fulfilled') order by published_at desc, id desc limit 1 offset 5000`,
  )[0];
  const deepCursor = deep ? encodeCursor(deep.published_at, deep.id) : '';
  // Deep rows of the staff lists (most recently changed first): the 15,000th published wish of the county staff's
  // subtree (what was page 300), and the 250,000th wish and claim of the city (page 5,000).
  const rowAt = (query: ReturnType<typeof sql>) => {
    const row = d.all<{ updated_at: number; id: string }>(query)[0];
    return row ? { at: row.updated_at, id: row.id } : undefined;
  };
  const countyPath = countyStaff.staff?.sitePath ?? '/';
  const deepCountyWish = rowAt(
    sql`select w.updated_at, w.id from wishes w join sites s on s.id = w.site_id where substr(s.path, 1, ${countyPath.length}) = ${countyPath} and w.status = 'published' order by w.updated_at desc, w.id desc limit 1 offset 14999`,
  );
  const deepWish = rowAt(sql`select updated_at, id from wishes order by updated_at desc, id desc limit 1 offset 249999`);
  const deepClaim = rowAt(sql`select updated_at, id from claims order by updated_at desc, id desc limit 1 offset 249999`);
  return [
    { page: '/', run: () => homePage(now) },
    { page: '/wishes', run: () => publicWishBrowse(null, wishInput(), [], now) },
    { page: '/wishes?show=all', run: () => publicWishBrowse(null, wishInput({ show: 'all' }), [], now) },
    { page: '/wishes?county=lt', run: () => publicWishBrowse(null, wishInput({ county: 'lt' }), [], now) },
    { page: '/wishes?category=books', run: () => publicWishBrowse(null, wishInput({ category: 'books' }), [], now) },
    { page: '/wishes?age=9-11', run: () => publicWishBrowse(null, wishInput({ age: '9-11' }), [], now) },
    { page: '/wishes?show=all&county=yc&category=toys&age=12-14', run: () => publicWishBrowse(null, wishInput({ show: 'all', county: 'yc', category: 'toys', age: '12-14' }), [], now) },
    { page: '/wishes?show=all&after=<5000th>', run: () => publicWishBrowse(null, wishInput({ show: 'all', after: deepCursor }), [], now) },
    { page: '/wishes?show=all&before=<5000th>', run: () => publicWishBrowse(null, wishInput({ show: 'all', before: deepCursor }), [], now) },
    { page: '/wishes/:id', run: () => publicWishPage(null, anyWish, now) },
    { page: '/activities', run: () => activityListPage(activityInput(), now) },
    { page: '/activities?county=tx&type=home_visit&places=1', run: () => activityListPage(activityInput({ county: 'tx', type: 'home_visit', places: '1' }), now) },
    { page: '/activities?when=past', run: () => activityListPage(activityInput({ when: 'past' }), now) },
    { page: '/activities/:id', run: () => activityPage(null, anyActivity, now) },
    // /staff's loader but the report figures (app/services/report*.server.ts, read by their own pages' checks).
    { page: '/staff (queues, staff)', run: () => [wishQueues(staff, now), vettingQueue(staff, now), staffPairingAlerts(staff, now), staffActivityQueues(staff, now)] },
    { page: '/staff (queues, county staff)', run: () => [wishQueues(countyStaff, now), vettingQueue(countyStaff, now), staffPairingAlerts(countyStaff, now), staffActivityQueues(countyStaff, now)] },
    { page: '/staff/wishes (admin)', run: () => staffWishList(admin, null) },
    { page: '/staff/wishes (staff)', run: () => staffWishList(staff, null) },
    { page: '/staff/wishes?status=published (staff)', run: () => staffWishList(staff, 'published') },
    { page: '/staff/wishes?after=<250,000th> (staff)', run: () => staffWishList(staff, null, { after: deepWish }) },
    { page: '/staff/wishes?before=<250,000th> (staff)', run: () => staffWishList(staff, null, { before: deepWish }) },
    { page: '/staff/wishes (county staff)', run: () => staffWishList(countyStaff, null) },
    { page: '/staff/wishes?status=published (county staff)', run: () => staffWishList(countyStaff, 'published') },
    { page: '/staff/wishes?status=published&after=<15,000th> (county staff)', run: () => staffWishList(countyStaff, 'published', { after: deepCountyWish }) },
    { page: '/staff/wishes?status=published&before=<15,000th> (county staff)', run: () => staffWishList(countyStaff, 'published', { before: deepCountyWish }) },
    { page: '/staff/claims (staff)', run: () => staffClaimList(staff, null) },
    { page: '/staff/claims?status=pending (staff)', run: () => staffClaimList(staff, 'pending') },
    { page: '/staff/claims?after=<250,000th> (staff)', run: () => staffClaimList(staff, null, { after: deepClaim }) },
    { page: '/staff/claims (county staff)', run: () => staffClaimList(countyStaff, null) },
    { page: '/staff/claims?status=pending (county staff)', run: () => staffClaimList(countyStaff, 'pending') },
    { page: '/staff/activities (staff)', run: () => staffActivitiesOverview(staff, now) },
    { page: '/staff/activities (county staff)', run: () => staffActivitiesOverview(countyStaff, now) },
    { page: '/staff/children (county staff)', run: () => childrenOfSubtree(countyStaff, { q: '', site: '', page: 1 }, now) },
    { page: '/staff/children (staff)', run: () => childrenOfSubtree(staff, { q: '', site: '', page: 1 }, now) },
    { page: '/staff/children?q=小 (county staff)', run: () => childrenOfSubtree(countyStaff, { q: '小', site: '', page: 2 }, now) },
    // The report of a half-year over the whole city, as a city-wide staff member opens it. Its figures are kept until a
    // table it reads changes (README D35): forgotten first, so that its statements run (and are timed) every time.
    {
      page: '/reports?from=2025-01-01&to=2025-06-30 (staff, uncached)',
      run: () => {
        forgetCachedCounts();
        return reportPage(staff, { from: '2025-01-01', to: '2025-06-30', site: '' }, { now, ip: '127.0.0.1' });
      },
    },
  ];
}

/** The plan of every query of every hot page. */
export function explainHotPages(now = Date.now()): PlanFinding[] {
  const out: PlanFinding[] = [];
  for (const { page, run } of hotPages(now)) {
    for (const q of capture(run)) {
      const plan = planOf(q);
      out.push({ page, sql: q.sql, plan, flags: flagsOf(plan) });
    }
  }
  return out;
}

export function explainReport(findings: PlanFinding[]): string {
  const lines: string[] = [];
  let page = '';
  for (const f of findings) {
    if (f.page !== page) {
      page = f.page;
      lines.push('', `=== ${page}`);
    }
    lines.push(`${f.flags.length ? `!! ${f.flags.join('; ')}` : 'ok'}  ${f.sql}`);
    for (const p of f.plan) lines.push(`    ${p}`);
  }
  const flagged = findings.filter((f) => f.flags.length);
  lines.push('', `${findings.length} queries on ${new Set(findings.map((f) => f.page)).size} pages; ${flagged.length} flagged.`);
  return lines.join('\n');
}
