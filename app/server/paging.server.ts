import type { PageWindow } from '../data/scope.server';

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
