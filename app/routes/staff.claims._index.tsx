import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useLocale, useT } from '../components/i18n';
import { StatusFilter, PagedTable } from '../components/lists';
import { StatusTitleCells } from '../components/wish-ui';
import { formatDateTime } from '../i18n/index';
import { staffClaimList } from '../services/claims.server';
import { staffStatusListPage } from '../server/paging.server';
import { StaffClaimQuery } from '../forms/queries';
import { pageTitle } from '../i18n/meta';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'staff.claims.title');

export async function loader({ request }: LoaderFunctionArgs) {
  return staffStatusListPage(request, StaffClaimQuery, staffClaimList);
}

export default function StaffClaims() {
  const { claims, status, statuses, paging } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <h1>{t('staff.claims.title')}</h1>
      <p>
        <Link to="/staff/wishes">{t('staff.wishes.title')}</Link>
      </p>
      <StatusFilter status={status} statuses={statuses} statusLabel={(s) => t(`claim.status.${s}`)} />
      {/* The status comes first, so that a phone shows it without scrolling the table sideways. */}
      <PagedTable label={t('staff.claims.title')} headers={[t('common.status'), t('claim.wish'), t('claim.claimant'), t('staff.wishes.updated')]} rows={claims} paging={paging}>
        {(c) => (
          <>
            <StatusTitleCells kind="claim" status={c.status} to={c.url} title={c.wishTitle}>
              {' '}
              <span className="meta">{c.alias}</span>
            </StatusTitleCells>
            <td className="cell-wrap">
              {c.orgName ? `${c.orgName} · ` : ''}
              {c.claimantName}
            </td>
            <td>{formatDateTime(c.updatedAt, locale)}</td>
          </>
        )}
      </PagedTable>
    </>
  );
}
