import { Link, useLocation } from '@remix-run/react';
import { useT } from './i18n';

/**
 * Previous/next links under a staff list, keeping the page's filters in the URL, with where the
 * page stands ("第 2 / 7 页,共 320 条"). Links, not buttons: every page has an address to share.
 */
export function Pager({ page, pages, total }: { page: number; pages: number; total: number }) {
  const t = useT();
  const { search } = useLocation();
  const to = (n: number) => {
    const params = new URLSearchParams(search);
    params.delete('done');
    if (n === 1) params.delete('page');
    else params.set('page', String(n));
    const query = params.toString();
    return query ? `?${query}` : '?';
  };
  return (
    <nav className="pager" aria-label={t('common.pages')}>
      <span className="meta" data-testid="page-of">
        {t('common.page_of', { page, pages, total })}
      </span>{' '}
      {page > 1 ? (
        <Link to={to(Math.min(page - 1, pages))} className="button secondary" rel="prev">
          {t('common.prev_page')}
        </Link>
      ) : null}{' '}
      {page < pages ? (
        <Link to={to(page + 1)} className="button secondary" rel="next">
          {t('common.next_page')}
        </Link>
      ) : null}
    </nav>
  );
}

/** Where a keyset page stands and the cursors around it (the shape the server's readKeysetPage returns). */
export interface KeysetPagerState {
  page: number;
  pages: number;
  total: number;
  prevCursor: string | null;
  nextCursor: string | null;
  isFirst: boolean;
}

export type PagerCursor = { name: 'after' | 'before'; value: string } | null;

/**
 * The pager of a public list paged by keyset (README D19): where the page stands ("第 2 / 42 页,共 494 条") and the
 * way back, forward and to the top; `before` the first card shown, `after` the last. Links, or, inside a form that
 * must travel along (the wish basket, README D11), buttons submitting it by GET to `formAction`.
 */
export function KeysetPager({
  paging,
  href,
  label,
  firstLabel,
  formAction,
}: {
  paging: KeysetPagerState;
  /** The address of the page at this cursor (null: the top), keeping the list's filters. */
  href: (cursor: PagerCursor) => string;
  label: string;
  firstLabel: string;
  formAction?: string;
}) {
  const t = useT();
  const step = (rel: 'first' | 'prev' | 'next', text: string, cursor: PagerCursor) =>
    formAction ? (
      <button type="submit" formMethod="get" formAction={formAction} name={cursor?.name} value={cursor?.value} className="secondary" data-rel={rel}>
        {text}
      </button>
    ) : (
      <Link to={href(cursor)} className="button secondary" rel={rel} data-rel={rel}>
        {text}
      </Link>
    );
  return (
    <nav className="pager" aria-label={label}>
      <span className="meta" data-testid="page-of">
        {t('common.page_of', { page: paging.page, pages: paging.pages, total: paging.total })}
      </span>{' '}
      {/* Back to the top, when "previous" would not get there in one step (or the page is empty past a cursor). */}
      {!paging.isFirst && (paging.page > 2 || !paging.prevCursor) ? step('first', firstLabel, null) : null}{' '}
      {paging.prevCursor ? step('prev', t('common.prev_page'), { name: 'before', value: paging.prevCursor }) : null}{' '}
      {paging.nextCursor ? step('next', t('common.next_page'), { name: 'after', value: paging.nextCursor }) : null}
    </nav>
  );
}
