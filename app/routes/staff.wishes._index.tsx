import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useLocale, useT } from '../components/i18n';
import { StatusFilter, PagedTable } from '../components/lists';
import { StatusTitleCells } from '../components/wish-ui';
import { formatDateTime, formatMoney } from '../i18n/index';
import { staffStatusListPage } from '../server/paging.server';
import { StaffWishQuery } from '../forms/queries';
import { staffWishList } from '../services/wish-pages.server';
import { pageTitle } from '../i18n/meta';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'staff.wishes.title');

export async function loader({ request }: LoaderFunctionArgs) {
  return staffStatusListPage(request, StaffWishQuery, staffWishList);
}

export default function StaffWishes() {
  const { wishes, status, statuses, paging } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <h1>{t('staff.wishes.title')}</h1>
      <p>
        <Link to="/staff/wishes/new" className="button">
          {t('staff.wishes.new')}
        </Link>{' '}
        <Link to="/staff/children">{t('staff.children.title')}</Link> · <Link to="/staff/claims">{t('staff.claims.title')}</Link>
      </p>
      <StatusFilter status={status} statuses={statuses} statusLabel={(s) => t(`wish.status.${s}`)} />
      {/* The status comes first: on a phone the table scrolls sideways, and a reviewer looks for the status. */}
      <PagedTable label={t('staff.wishes.title')} headers={[t('common.status'), t('wish.form.title'), t('child.alias'), t('child.site'), t('wishes.value'), t('staff.wishes.updated')]} rows={wishes} paging={paging}>
        {(w) => (
          <>
            <StatusTitleCells kind="wish" status={w.status} to={`/staff/wishes/${w.id}`} title={w.title} />
            <td>{w.alias}</td>
            <td className="cell-wrap">{locale === 'en' ? w.siteEn : w.siteZh}</td>
            <td>{formatMoney(w.valueFen)}</td>
            <td>{formatDateTime(w.updatedAt, locale)}</td>
          </>
        )}
      </PagedTable>
    </>
  );
}
