import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useLocale, useT } from '../components/i18n';
import { FilterForm, PagedTable, SelectFilter } from '../components/lists';
import { requireStaff } from '../auth/guards.server';
import { parseQuery } from '../forms/parse';
import { StaffPairingQuery } from '../forms/pairing-list';
import { formatDate } from '../i18n/index';
import { pageTitle } from '../i18n/meta';
import { staffPairingList } from '../services/pairing-list.server';
import { failure } from '../server/http.server';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'pairlist.title');

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = requireStaff(request);
  const result = staffPairingList(viewer.actor, parseQuery(StaffPairingQuery, request), Date.now());
  if (!result.ok) throw failure(result.error);
  return result.value;
}

export default function StaffPairings() {
  const { pairings, status, statuses, site, sites, overdue, concern, paging } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const siteName = new Map(sites.map((s) => [s.id, locale === 'en' ? s.nameEn : s.nameZh]));
  return (
    <>
      <h1>{t('pairlist.title')}</h1>
      <p>
        <Link to="/staff/children">{t('staff.children.title')}</Link>
      </p>
      <FilterForm>
        <SelectFilter label={t('common.status')} name="status" value={status ?? ''} options={statuses} optionLabel={(s) => t(`pairing.status.${s}`)} />
        <SelectFilter label={t('pairlist.filter.site')} name="site" value={site} options={sites.map((s) => s.id)} optionLabel={(id) => siteName.get(id) ?? id} />
        <label className="checkbox">
          <input type="checkbox" name="overdue" value="1" defaultChecked={overdue} />
          {t('pairlist.filter.overdue')}
        </label>
        <label className="checkbox">
          <input type="checkbox" name="concern" value="1" defaultChecked={concern} />
          {t('pairlist.filter.concern')}
        </label>
      </FilterForm>
      {/* Status and flags first, so that a phone shows them without scrolling the table sideways. */}
      <PagedTable
        label={t('pairlist.title')}
        headers={[t('common.status'), t('pairlist.flags'), t('pairlist.child'), t('pairlist.volunteer'), t('pairlist.site'), t('pairlist.started'), t('pairlist.last_contact')]}
        rows={pairings}
        paging={paging}
      >
        {(p) => (
          <>
            <td>
              <span className="badge">{t(`pairing.status.${p.status}`)}</span>
            </td>
            <td className="cell-wrap" data-testid="pairing-flags">
              {p.openConcerns > 0 ? <span className="badge badge-bad">{t('pairlist.flag.concern_open', { n: p.openConcerns })}</span> : null}{' '}
              {p.unresolvedConcerns > p.openConcerns ? (
                <span className="badge badge-warn">{t('pairlist.flag.concern', { n: p.unresolvedConcerns - p.openConcerns })}</span>
              ) : null}{' '}
              {p.overdue ? <span className="badge badge-warn">{t('pairlist.flag.overdue')}</span> : null}{' '}
              {p.endRequested ? <span className="badge">{t('pairlist.flag.end_requested')}</span> : null}
            </td>
            <td>
              <Link to={p.url}>{p.childAlias}</Link>
            </td>
            <td className="cell-wrap">{p.volunteerName}</td>
            <td className="cell-wrap">{locale === 'en' ? p.siteEn : p.siteZh}</td>
            <td>{p.startedAt !== null ? formatDate(p.startedAt, locale) : '—'}</td>
            <td>{p.lastContactAt !== null ? formatDate(p.lastContactAt, locale) : t('pairlist.never')}</td>
          </>
        )}
      </PagedTable>
    </>
  );
}
