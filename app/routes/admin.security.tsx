import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { AdminPageTitle, DateRangeFilter } from '../components/admin';
import { useLocale, useT } from '../components/i18n';
import { DataTable, FilterForm, SelectFilter } from '../components/lists';
import { Pager } from '../components/pager';
import { requireAdmin } from '../auth/guards.server';
import { parseDay } from '../forms/admin';
import { pageParam } from '../forms/parse';
import { formatDateTime } from '../i18n/index';
import { securityDetailText, securityEventLabel } from '../i18n/labels';
import { pageTitle } from '../i18n/meta';
import { securityLogPage } from '../services/admin.server';
import { requestMeta } from '../services/auth.server';
import { failure } from '../server/http.server';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'admin.security.title');

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = requireAdmin(request, context);
  const q = new URL(request.url).searchParams;
  const filter = { type: q.get('type') ?? '', from: q.get('from') ?? '', to: q.get('to') ?? '' };
  const result = securityLogPage(
    viewer.actor,
    { type: filter.type || undefined, from: parseDay(filter.from), to: parseDay(filter.to, true), page: pageParam(request) },
    requestMeta(context),
  );
  if (!result.ok) throw failure(result.error);
  const { events, types, paging, names } = result.value;
  return { events, types, paging, names, filter };
}

export default function AdminSecurityLog() {
  const { events, types, paging, names, filter } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <AdminPageTitle title={t('admin.security.title')} />
      <FilterForm>
        <SelectFilter label={t('admin.security.type')} name="type" value={filter.type} options={types} optionLabel={(type) => securityEventLabel(t, type)} />
        <DateRangeFilter from={filter.from} to={filter.to} />
      </FilterForm>
      <DataTable label={t('admin.security.title')} headers={[t('admin.audit.at'), t('admin.security.type'), t('admin.security.user'), t('admin.security.ip'), t('admin.audit.note')]}>
        {events.map((e) => {
          const detail = securityDetailText(t, e, names, locale);
          return (
            <tr key={e.id}>
              <td>{formatDateTime(e.at, locale)}</td>
              <td title={e.type}>{securityEventLabel(t, e.type)}</td>
              <td>{e.userId ? <span title={e.userId}>{e.userName ?? e.userId}</span> : '—'}</td>
              <td>{e.ip ?? '—'}</td>
              <td className="cell-wrap" title={e.detail && e.detail !== detail ? e.detail : undefined}>
                {detail}
              </td>
            </tr>
          );
        })}
      </DataTable>
      {events.length === 0 ? <p>{t('common.none')}</p> : null}
      <Pager {...paging} />
    </>
  );
}
