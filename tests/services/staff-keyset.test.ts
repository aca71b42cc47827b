import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../helpers/db';
import { actorOf, addChild, buildWorld, publishedWish, type World } from '../helpers/wish-fixtures';
import { staffWishList } from '../../app/services/wish-pages.server';
import { staffClaimList } from '../../app/services/claims.server';
import { decodeCursor, encodeCursor, keysetCursors, STAFF_PAGE_SIZE, type KeysetCursor } from '../../app/server/paging.server';
import { StaffClaimQuery, StaffWishQuery } from '../../app/forms/queries';
import type { Actor } from '../../app/domain/actor';
import * as v from 'valibot';

// /staff/wishes and /staff/claims page by keyset (README D19): pages link up through their cursors, no row is lost or
// repeated, ties of updated_at are broken by id, filters hold on every page, a bad cursor shows the first page.

const { db } = useTestDatabase('staff-keyset');
const NOW = Date.UTC(2025, 5, 1, 2);
let world: World;

/** Copies of a row of `table` with new ids, statuses and updated_at (some equal, so that ties are paged by id). */
function clone(table: 'wishes' | 'claims', sourceId: string, n: number, status: (i: number) => string, extra: (i: number) => Record<string, unknown> = () => ({})) {
  const row = db.$client.prepare(`select * from ${table} where id = ?`).get(sourceId) as Record<string, unknown>;
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const id = `${table[0]}k${String(i).padStart(4, '0')}${sourceId.slice(0, 6)}`.toLowerCase();
    const values = { ...row, id, status: status(i), updated_at: NOW - Math.floor(i / 3) * 1000, ...extra(i) };
    const cols = Object.keys(values);
    db.$client.prepare(`insert into ${table} (${cols.map((c) => `"${c}"`).join(', ')}) values (${cols.map(() => '?').join(', ')})`).run(...Object.values(values));
    ids.push(id);
  }
  return ids;
}

type Page = { rows: { id: string }[]; paging: { page: number; pages: number; total: number; prevCursor: string | null; nextCursor: string | null; isFirst: boolean } };
type Lister = (cursors: { after?: KeysetCursor; before?: KeysetCursor }) => Page;

/** Walks the list forward from the top through nextCursor, then back from the end through prevCursor. */
function walk(list: Lister) {
  const forward: string[][] = [];
  let page = list({});
  const numbers = [page.paging.page];
  forward.push(page.rows.map((r) => r.id));
  while (page.paging.nextCursor) {
    page = list({ after: decodeCursor(page.paging.nextCursor) });
    numbers.push(page.paging.page);
    forward.push(page.rows.map((r) => r.id));
  }
  const backward: string[][] = [page.rows.map((r) => r.id)];
  while (page.paging.prevCursor) {
    page = list({ before: decodeCursor(page.paging.prevCursor) });
    backward.unshift(page.rows.map((r) => r.id));
  }
  return { forward, backward, numbers, last: page };
}

const wishPage = (actor: Actor, status: Parameters<typeof staffWishList>[1]) => (cursors: { after?: KeysetCursor; before?: KeysetCursor }) => {
  const r = staffWishList(actor, status, cursors);
  if (!r.ok) throw new Error('refused');
  return { rows: r.value.wishes, paging: r.value.paging };
};
const claimPage = (actor: Actor, status: Parameters<typeof staffClaimList>[1]) => (cursors: { after?: KeysetCursor; before?: KeysetCursor }) => {
  const r = staffClaimList(actor, status, cursors);
  if (!r.ok) throw new Error('refused');
  return { rows: r.value.claims, paging: r.value.paging };
};

/** The list's rows in order, read straight from the table (most recently changed first, ties by id descending). */
function expected(table: 'wishes' | 'claims', ids: readonly string[]) {
  const rows = db.$client.prepare(`select id, updated_at from ${table} where id in (${ids.map(() => '?').join(',')})`).all(...ids) as { id: string; updated_at: number }[];
  return rows.sort((a, b) => b.updated_at - a.updated_at || (a.id < b.id ? 1 : -1)).map((r) => r.id);
}

let ltWishes: string[];
let ycWishes: string[];
let ltClaims: string[];

beforeAll(() => {
  world = buildWorld(db, NOW);
  const ltChild = addChild(db, { siteId: world.sites.gch, realName: '马思远', alias: '小远', birthDate: '2016-06-02' }, NOW - 86_400_000);
  const ycChild = addChild(db, { siteId: world.sites.ych, realName: '李明', alias: '小明', birthDate: '2015-03-02' }, NOW - 86_400_000);
  const lt = publishedWish(db, { childId: ltChild, author: world.users.staffLt, reviewer: world.users.staffLt2 }, NOW - 86_400_000);
  const yc = publishedWish(db, { childId: ycChild, author: world.users.staffYc, reviewer: world.users.admin }, NOW - 86_400_000);
  // 130 of 利通区 (two statuses), 40 of 盐池县: three pages and more for 利通区's staff.
  ltWishes = [lt, ...clone('wishes', lt, 130, (i) => (i % 4 === 0 ? 'withdrawn' : 'published'))];
  ycWishes = [yc, ...clone('wishes', yc, 40, () => 'published')];
  const claimId = 'claimsource0001';
  db.$client
    .prepare("insert into claims (id, wish_id, claimant_user_id, status, created_at, updated_at) values (?, ?, ?, 'released', ?, ?)")
    .run(claimId, lt, world.users.volunteer, NOW - 3600_000, NOW - 3600_000);
  ltClaims = [claimId, ...clone('claims', claimId, 120, (i) => (i % 3 === 0 ? 'released' : 'rejected'), (i) => ({ wish_id: ltWishes[1 + i] }))];
});

describe('/staff/wishes by keyset', () => {
  it('pages the county staff’s wishes forward and back: every row once, in order, the pages linking up', () => {
    const { forward, backward, numbers, last } = walk(wishPage(actorOf(db, world.users.staffLt), null));
    const order = expected('wishes', ltWishes);
    expect(forward.flat()).toEqual(order);
    expect(backward).toEqual(forward);
    expect(forward.map((p) => p.length)).toEqual([STAFF_PAGE_SIZE, STAFF_PAGE_SIZE, order.length - 2 * STAFF_PAGE_SIZE]);
    expect(numbers).toEqual([1, 2, 3]);
    expect(last.paging).toMatchObject({ page: 1, pages: 3, total: order.length, isFirst: true, prevCursor: null });
  });

  it('keeps the status filter on every page and never shows another subtree', () => {
    const { forward } = walk(wishPage(actorOf(db, world.users.staffLt), 'withdrawn'));
    const withdrawn = ltWishes.filter((id) => (db.$client.prepare('select status from wishes where id = ?').get(id) as { status: string }).status === 'withdrawn');
    expect(forward.flat()).toEqual(expected('wishes', withdrawn));
    const city = walk(wishPage(actorOf(db, world.users.admin), 'published')).forward.flat();
    expect(new Set(city)).toEqual(new Set(expected('wishes', [...ltWishes, ...ycWishes]).filter((id) => !withdrawn.includes(id))));
    expect(walk(wishPage(actorOf(db, world.users.staffYc), null)).forward.flat()).toEqual(expected('wishes', ycWishes));
  });

  it('reads a malformed cursor as none: the first page, never an error', () => {
    const parse = (qs: string) => keysetCursors(v.parse(StaffWishQuery, Object.fromEntries(new URLSearchParams(qs))));
    const top = wishPage(actorOf(db, world.users.staffLt), null)({});
    for (const qs of ['after=%%%', 'before=zz', 'after=' + 'x'.repeat(200), 'after=1.2.3', 'page=7', 'after=ZZZ.abc']) {
      expect(wishPage(actorOf(db, world.users.staffLt), null)(parse(qs)).rows).toEqual(top.rows);
    }
    // A cursor past the end: an empty page that is not the top (the pager offers the way back).
    const end = wishPage(actorOf(db, world.users.staffLt), null)({ after: { at: 0, id: '0' } });
    expect(end.rows).toEqual([]);
    expect(end.paging.isFirst).toBe(false);
  });
});

describe('/staff/claims by keyset', () => {
  it('pages the claims forward and back with the status filter kept', () => {
    const all = walk(claimPage(actorOf(db, world.users.staffLt), null));
    expect(all.forward.flat()).toEqual(expected('claims', ltClaims));
    expect(all.backward).toEqual(all.forward);
    const released = walk(claimPage(actorOf(db, world.users.admin), 'released')).forward.flat();
    const ids = ltClaims.filter((id) => (db.$client.prepare('select status from claims where id = ?').get(id) as { status: string }).status === 'released');
    expect(released).toEqual(expected('claims', ids));
    expect(walk(claimPage(actorOf(db, world.users.staffYc), null)).forward.flat()).toEqual([]);
  });

  it('reads a bad cursor as the first page', () => {
    const parse = (qs: string) => keysetCursors(v.parse(StaffClaimQuery, Object.fromEntries(new URLSearchParams(qs))));
    const top = claimPage(actorOf(db, world.users.staffLt), null)({});
    expect(claimPage(actorOf(db, world.users.staffLt), null)(parse('before=not-a-cursor')).rows).toEqual(top.rows);
    expect(encodeCursor(1, 'abc')).toBe('1.abc');
  });
});
