import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { LogPage } from '../components/admin';
import { useLocale, useT } from '../components/i18n';
import { SelectFilter } from '../components/lists';
import { requireAdmin } from '../auth/guards.server';
import { logPeriod, SecurityQuery } from '../forms/logs';
import { parseQuery } from '../forms/parse';
import { formatDateTime } from '../i18n/index';
import { securityDetailText, securityEventLabel } from '../i18n/labels';
import { pageTitle } from '../i18n/meta';
import { securityLogPage } from '../services/admin.server';
import { requestMeta } from '../services/auth.server';
import { failure } from '../server/http.server';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'admin.security.title');

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = requireAdmin(request, context);
  const filter = parseQuery(SecurityQuery, request);
  const result = securityLogPage(viewer.actor, { type: filter.type || undefined, ...logPeriod(filter) }, requestMeta(context));
  if (!result.ok) throw failure(result.error);
  const { events, types, paging, names } = result.value;
  return { events, types, paging, names, filter };
}

export default function AdminSecurityLog() {
  const { events, types, paging, names, filter } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <LogPage
      title={t('admin.security.title')}
      filters={<SelectFilter label={t('admin.security.type')} name="type" value={filter.type} options={types} optionLabel={(type) => securityEventLabel(t, type)} />}
      from={filter.from}
      to={filter.to}
      headers={[t('admin.audit.at'), t('admin.security.type'), t('admin.security.user'), t('admin.security.ip'), t('admin.audit.note')]}
      empty={events.length === 0}
      paging={paging}
    >
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
    </LogPage>
  );
}
