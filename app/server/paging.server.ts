import type * as v from 'valibot';
import { requireStaff } from '../auth/guards.server';
import type { PageWindow } from '../data/scope.server';
import type { Actor } from '../domain/actor';
import type { Result } from '../domain/errors';
import { parseQuery } from '../forms/parse';
import { failure } from './http.server';

/** Rows per page of a staff list. Long enough to scan, short enough for a phone. */
export const STAFF_PAGE_SIZE = 50;

/** Where a list page stands: shown as "page 2 of 7, 320 in all" with previous/next links. */
export interface PageInfo {
  page: number;
  pages: number;
  total: number;
}

export function pageWindow(page: number, size = STAFF_PAGE_SIZE): PageWindow {
  return { limit: size, offset: (page - 1) * size };
}

export function pageInfo(total: number, page: number, size = STAFF_PAGE_SIZE): PageInfo {
  return { page, pages: Math.max(1, Math.ceil(total / size)), total };
}

/** The page asked for, or the last one when it lies beyond the end (a shared link after filters changed). */
export function clampedPage(total: number, page: number): PageInfo {
  const last = pageInfo(total, 1).pages;
  return pageInfo(total, Math.min(Math.max(1, page), last));
}

/**
 * Reads page `page` of a list; a page past the end (an old link, a list that shrank) reads the
 * last page instead, so nobody lands on "page 24 of 23" with an empty table.
 */
export function readPage<T>(page: number, read: (window: PageWindow) => { total: number; rows: T[] }): { rows: T[]; paging: PageInfo } {
  let result = read(pageWindow(page));
  const paging = clampedPage(result.total, page);
  if (paging.page !== page) result = read(pageWindow(paging.page));
  return { rows: result.rows, paging };
}

// ---------------------------------------------------------------------------
// Keyset paging of the public lists (/wishes, /activities; README D19): `after` the last card for the next page,
// `before` the first card for the previous one, and where the page stands from two COUNTs instead of an OFFSET.

/** Cards per page of a public list. */
export const PUBLIC_PAGE_SIZE = 12;

/** A card's place in its list: its sort key (a time, UTC ms) and id. */
export interface KeysetCursor {
  at: number;
  id: string;
}

export function encodeCursor(at: number, id: string): string {
  return `${at.toString(36)}.${id}`;
}

export function decodeCursor(text: string): KeysetCursor | undefined {
  const match = /^([0-9a-z]{1,12})\.([a-z0-9]{1,40})$/.exec(text);
  if (!match) return undefined;
  const at = parseInt(match[1], 36);
  return Number.isSafeInteger(at) ? { at, id: match[2] } : undefined;
}

/** Where a keyset page stands, and the cursors of the pages around it (null when there is none). */
export interface KeysetPaging {
  /** Where the page stands; pages are counted from the top in steps of the page size. */
  page: number;
  pages: number;
  total: number;
  /** The cards shown, counted from the top (first, last), or null for an empty page. */
  range: readonly [number, number] | null;
  prevCursor: string | null;
  nextCursor: string | null;
  /** Whether this is the top of the list (an empty page past a cursor is not). */
  isFirst: boolean;
}

export interface KeysetSource<R> {
  /** The cards after `after` (or from the top), or the cards just before `before` nearest first; `limit` + 1 at most. */
  read: (q: { after?: KeysetCursor; before?: KeysetCursor; limit: number }) => R[];
  /** How many cards the list has, and how many lie ahead of this card. */
  count: (first?: KeysetCursor) => { total: number; ahead: number };
  cursorOf: (row: R) => KeysetCursor;
}

/**
 * One page of a keyset list from the query string's `after` / `before` (already decoded; `before` wins). A cursor
 * with less than a page before it shows the first page, full.
 */
export function readKeysetPage<R>(
  source: KeysetSource<R>,
  cursors: { after?: KeysetCursor; before?: KeysetCursor },
  size = PUBLIC_PAGE_SIZE,
): { rows: R[]; paging: KeysetPaging } {
  const before = cursors.before;
  const after = before ? undefined : cursors.after;
  let rows = source.read({ before, after, limit: size });
  if (before) {
    // Fewer than a page lies before the card: that is the top of the list, shown as the first page, full.
    rows = rows.length > size ? rows.slice(0, size).reverse() : source.read({ limit: size });
  }
  const page = rows.slice(0, size);
  const first = page[0];
  const last = page[page.length - 1];
  const firstCursor = first ? source.cursorOf(first) : undefined;
  const lastCursor = last ? source.cursorOf(last) : undefined;
  const { total, ahead } = source.count(firstCursor);
  const shownUpTo = ahead + page.length;
  return {
    rows: page,
    paging: {
      page: Math.floor(ahead / size) + 1,
      pages: Math.max(1, Math.ceil(total / size)),
      total,
      range: page.length ? ([ahead + 1, shownUpTo] as const) : null,
      prevCursor: ahead > 0 && firstCursor ? encodeCursor(firstCursor.at, firstCursor.id) : null,
      nextCursor: shownUpTo < total && lastCursor ? encodeCursor(lastCursor.at, lastCursor.id) : null,
      isFirst: page.length ? ahead === 0 : !(before || after),
    },
  };
}

/** The `after` / `before` of a query string, decoded; a malformed cursor reads as none (the first page). */
export function keysetCursors(query: { after: string; before: string }): { after?: KeysetCursor; before?: KeysetCursor } {
  return {
    after: query.after ? decodeCursor(query.after) : undefined,
    before: query.before ? decodeCursor(query.before) : undefined,
  };
}

/**
 * The loader of a staff list filtered by status, a page at a time by keyset (README D19, as the public lists):
 * the staff member, the query's `?status=` (empty: all) and its `after` / `before` cursors, then the list, or its
 * failure thrown. An old `?page=` link is not read: it shows the first page.
 */
export function staffStatusListPage<S extends string, T>(
  request: Request,
  query: v.GenericSchema<unknown, { status: S | ''; after: string; before: string }>,
  list: (actor: Actor, status: S | null, cursors: { after?: KeysetCursor; before?: KeysetCursor }) => Result<T>,
): T {
  const viewer = requireStaff(request);
  const parsed = parseQuery(query, request);
  const result = list(viewer.actor, parsed.status || null, keysetCursors(parsed));
  if (!result.ok) throw failure(result.error);
  return result.value;
}
