import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../helpers/db';
import { callRoute, cookieFor } from '../helpers/accounts';
import { seedDemo } from '../../db/seed/demo';
import * as claimsRoute from '../../app/routes/staff.claims._index';
import * as wishesRoute from '../../app/routes/staff.wishes._index';
import * as childrenRoute from '../../app/routes/staff.children._index';
import * as newWishRoute from '../../app/routes/staff.wishes.new';
import { STAFF_PAGE_SIZE } from '../../app/server/paging.server';

// The staff lists on the demo data (hundreds of claims and wishes, 1,100 children): newest first,
// fifty to a page with where the page stands, filters kept across pages, and the children searchable.
const { db } = useTestDatabase('staff-lists');
const sql = <T>(query: string, ...args: unknown[]) => db.$client.prepare(query).all(...args) as T[];
let city: string;
let county: string;
let countyPath: string;

beforeAll(() => {
  seedDemo(db, { now: Date.now(), passwordHash: 'x' });
  const id = (email: string) => sql<{ id: string }>('select id from users where email = ?', email)[0].id;
  city = cookieFor(id('staff@demo.local'));
  county = cookieFor(id('staff.lt@demo.local'));
  countyPath = sql<{ path: string }>('select s.path from users u join sites s on s.id = u.staff_site_id where u.email = ?', 'staff.lt@demo.local')[0].path;
});

type Row = { id: string; updatedAt: number };
const list = async (route: { loader: unknown }, url: string, cookie = city) => (await callRoute(route.loader, { url, cookie })).data;

/** Follows the pager's links from `url`: each next page's address is the current one with `after=` its last row. */
async function walk(route: { loader: unknown }, url: string, key: 'claims' | 'wishes', cookie = city) {
  const pages = [];
  let data = await list(route, url, cookie);
  pages.push(data);
  while (data.paging.nextCursor) {
    const next = new URL(url, 'http://x');
    next.searchParams.set('after', data.paging.nextCursor);
    data = await list(route, `${next.pathname}${next.search}`, cookie);
    pages.push(data);
  }
  return { pages, rows: pages.flatMap((p) => p[key] as Row[]) };
}

describe('/staff/claims', () => {
  it('shows the most recently changed claims first, fifty to a page by keyset, and every claim on one page', async () => {
    const all = sql<{ id: string; updated_at: number }>('select id, updated_at from claims order by updated_at desc, id desc');
    expect(all.length).toBeGreaterThan(2 * STAFF_PAGE_SIZE);
    const first = await list(claimsRoute, '/staff/claims');
    expect(first.paging).toMatchObject({ page: 1, pages: Math.ceil(all.length / STAFF_PAGE_SIZE), total: all.length, prevCursor: null, isFirst: true });
    expect(first.claims).toHaveLength(STAFF_PAGE_SIZE);
    expect(first.claims[0].id).toBe(all[0].id);
    const { pages, rows } = await walk(claimsRoute, '/staff/claims', 'claims');
    expect(pages.map((p) => p.paging.page)).toEqual(pages.map((_, i) => i + 1));
    expect(rows.map((c) => c.id)).toEqual(all.map((c) => c.id));
  });

  it('pages within a status filter, and reads an old page number or a nonsense cursor as the first page', async () => {
    const confirmed = sql<{ id: string }>("select id from claims where status = 'confirmed' order by updated_at desc, id desc");
    const { rows } = await walk(claimsRoute, '/staff/claims?status=confirmed', 'claims');
    expect(rows.map((c) => c.id)).toEqual(confirmed.map((c) => c.id));
    const pending = sql<{ n: number }>("select count(*) n from claims where status = 'pending'")[0].n;
    expect((await list(claimsRoute, '/staff/claims?status=pending')).paging.total).toBe(pending);
    const top = await list(claimsRoute, '/staff/claims');
    for (const query of ['page=2', 'page=999', 'after=abc', 'before=-3', 'after=1E3.X', `after=${'z'.repeat(100)}`]) {
      const data = await list(claimsRoute, `/staff/claims?${query}`);
      expect(data.paging.page).toBe(1);
      expect(data.claims.map((c: Row) => c.id)).toEqual(top.claims.map((c: Row) => c.id));
    }
    const pastChildren = await list(childrenRoute, '/staff/children?page=999');
    expect(pastChildren.paging.page).toBe(pastChildren.paging.pages);
    expect(pastChildren.children.length).toBeGreaterThan(0);
  });

  it('counts only the county’s claims for county staff', async () => {
    const inCounty = sql<{ n: number }>(
      'select count(*) n from claims c join wishes w on w.id = c.wish_id join sites s on s.id = w.site_id where substr(s.path, 1, ?) = ?',
      countyPath.length,
      countyPath,
    )[0].n;
    expect((await list(claimsRoute, '/staff/claims', county)).paging.total).toBe(inCounty);
    expect((await walk(claimsRoute, '/staff/claims', 'claims', county)).rows).toHaveLength(inCounty);
  });
});

describe('/staff/wishes', () => {
  it('shows the most recently changed wishes first, fifty to a page, back and forth by keyset', async () => {
    const all = sql<{ id: string }>('select id from wishes order by updated_at desc, id desc');
    const first = await list(wishesRoute, '/staff/wishes');
    expect(first.paging.total).toBe(all.length);
    expect(first.wishes.map((w: Row) => w.id)).toEqual(all.slice(0, STAFF_PAGE_SIZE).map((w) => w.id));
    const { pages, rows } = await walk(wishesRoute, '/staff/wishes', 'wishes');
    expect(rows.map((w) => w.id)).toEqual(all.map((w) => w.id));
    // The last page's "previous" link leads to the page before it.
    const last = pages.at(-1)!;
    const back = await list(wishesRoute, `/staff/wishes?before=${last.paging.prevCursor}`);
    expect(back.wishes.map((w: Row) => w.id)).toEqual(pages.at(-2)!.wishes.map((w: Row) => w.id));
  });
});

describe('/staff/children', () => {
  it('pages through a thousand children instead of printing them all', async () => {
    const total = sql<{ n: number }>('select count(*) n from children')[0].n;
    expect(total).toBeGreaterThan(1000);
    const data = await list(childrenRoute, '/staff/children');
    expect(data.children).toHaveLength(STAFF_PAGE_SIZE);
    expect(data.paging).toMatchObject({ page: 1, total });
  });

  it('finds children by part of an alias or real name, and by site', async () => {
    const [child] = sql<{ alias: string; real_name: string; site_id: string }>('select alias, real_name, site_id from children order by id limit 1');
    const byAlias = await list(childrenRoute, `/staff/children?q=${encodeURIComponent(child.alias)}`);
    expect(byAlias.children.map((c: { alias: string }) => c.alias)).toContain(child.alias);
    expect(byAlias.paging.total).toBe(
      sql<{ n: number }>('select count(*) n from children where instr(alias, ?) > 0 or instr(real_name, ?) > 0', child.alias, child.alias)[0].n,
    );
    const byName = await list(childrenRoute, `/staff/children?q=${encodeURIComponent(child.real_name)}`);
    expect(byName.children.map((c: { realName: string }) => c.realName)).toContain(child.real_name);
    const bySite = await list(childrenRoute, `/staff/children?site=${child.site_id}`);
    expect(bySite.paging.total).toBe(sql<{ n: number }>('select count(*) n from children where site_id = ?', child.site_id)[0].n);
    expect(bySite.children.every((c: { siteId: string }) => c.siteId === child.site_id)).toBe(true);
    const none = await list(childrenRoute, '/staff/children?q=%E6%B2%A1%E6%9C%89%E8%BF%99%E4%B8%AA%E4%BA%BA');
    expect(none).toMatchObject({ children: [], paging: { total: 0, pages: 1 } });
  });
});

describe('a bad query value narrows nothing and fails no page (forms/queries)', () => {
  const count = (table: string) => sql<{ n: number }>(`select count(*) n from ${table}`)[0].n;

  it('/staff/claims: an unknown status or page is all claims, first page', async () => {
    for (const query of ['status=bogus&page=abc', 'status=PENDING&page=0', 'status=&page=1e3', 'status=pending%00']) {
      const data = await list(claimsRoute, `/staff/claims?${query}`);
      expect(data.status, query).toBeNull();
      expect(data.paging, query).toMatchObject({ page: 1, total: count('claims') });
    }
  });

  it('/staff/wishes: an unknown status or page is all wishes, first page', async () => {
    for (const query of ['status=bogus&page=-3', 'status=Draft', 'status=%E2%80%AE']) {
      const data = await list(wishesRoute, `/staff/wishes?${query}`);
      expect(data.status, query).toBeNull();
      expect(data.paging, query).toMatchObject({ page: 1, total: count('wishes') });
    }
  });

  it('/staff/children: a search text too long for any alias or name, an unknown site or a bad page are ignored', async () => {
    const data = await list(childrenRoute, `/staff/children?q=${'星'.repeat(41)}&site=${'x'.repeat(80)}&page=zero`);
    expect(data).toMatchObject({ q: '', site: '', paging: { page: 1, total: count('children') } });
    // The search text is trimmed, as typed in the box.
    expect((await list(childrenRoute, '/staff/children?q=%20%20')).q).toBe('');
  });

  it('/staff/wishes/new: the child picker ignores a search text or a child too long to be one', async () => {
    const data = await list(newWishRoute, `/staff/wishes/new?q=${'a'.repeat(41)}&childId=${'b'.repeat(41)}&site=nope`);
    expect(data.picker).toMatchObject({ q: '', site: '', childId: '', searched: false });
  });
});

describe('the staff lists’ and wish queues’ query plans', () => {
  it('read /staff/wishes, /staff/claims and the wish and claim queues of /staff in index order: no full scan, no sort', async () => {
    const { explainHotPages } = await import('../../scripts/explain');
    const checked = explainHotPages().filter(
      (f) => /^\/staff\/(wishes|claims)\b/.test(f.page) || (f.page.startsWith('/staff (queues') && /from "(wishes|claims)"/.test(f.sql)),
    );
    expect(checked.length).toBeGreaterThan(30);
    // The county staff's total of every claim is counted once per change of the claims (count cache), not per page.
    const flagged = checked.filter((f) => f.flags.length && !/^select count\(\*\) from "claims" inner join/.test(f.sql));
    expect(flagged.map((f) => `${f.page}: ${f.flags.join('; ')}\n${f.sql}\n${f.plan.join('\n')}`)).toEqual([]);
  });
});
