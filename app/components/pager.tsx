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
