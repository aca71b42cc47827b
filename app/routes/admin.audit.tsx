import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { AdminPageTitle, DateRangeFilter } from '../components/admin';
import { useLocale, useT } from '../components/i18n';
import { DataTable, FilterForm, SelectFilter } from '../components/lists';
import { requireAdmin } from '../auth/guards.server';
import { parseDay } from '../forms/admin';
import { formatDateTime } from '../i18n/index';
import { auditActionLabel, auditEntityLabel, auditStatusLabel } from '../i18n/labels';
import { pageTitle } from '../i18n/meta';
import { auditPage } from '../services/admin.server';
import { requestMeta } from '../services/auth.server';
import { failure } from '../services/http.server';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'admin.audit.title');

const ENTITY_TYPES = ['user', 'volunteer', 'organization', 'site', 'child', 'wish', 'claim', 'activity', 'slot', 'pairing'];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = requireAdmin(request, context);
  const q = new URL(request.url).searchParams;
  const filter = {
    entityType: q.get('entityType') || '',
    action: (q.get('action') ?? '').trim(),
    from: q.get('from') ?? '',
    to: q.get('to') ?? '',
  };
  const result = auditPage(
    viewer.actor,
    {
      entityType: filter.entityType || undefined,
      action: filter.action || undefined,
      from: parseDay(filter.from),
      to: parseDay(filter.to, true),
    },
    requestMeta(context),
  );
  if (!result.ok) throw failure(result.error);
  return { events: result.value.events, filter };
}

export default function AdminAudit() {
  const { events, filter } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <AdminPageTitle title={t('admin.audit.title')} />
      <FilterForm>
        <SelectFilter label={t('admin.audit.entity_type')} name="entityType" value={filter.entityType} options={ENTITY_TYPES} optionLabel={(type) => auditEntityLabel(t, type)} />
        <label>
          {t('admin.audit.action')}
          <input name="action" defaultValue={filter.action} size={12} />
        </label>
        <DateRangeFilter from={filter.from} to={filter.to} />
      </FilterForm>
      <DataTable
        label={t('admin.audit.title')}
        headers={[
          t('admin.audit.at'),
          t('admin.audit.who'),
          t('admin.audit.entity_type'),
          t('admin.audit.action'),
          t('admin.audit.change'),
          t('admin.audit.note'),
        ]}
      >
        {events.map((e) => (
          <tr key={e.id}>
            <td>{formatDateTime(e.at, locale)}</td>
            <td>{e.actorName ?? '—'}</td>
            <td>
              {e.entityType === 'volunteer' || e.entityType === 'organization' ? (
                <Link to={`/staff/helpers/${e.entityId}`}>{auditEntityLabel(t, e.entityType)}</Link>
              ) : (
                auditEntityLabel(t, e.entityType)
              )}{' '}
              <code>{e.entityId}</code>
            </td>
            <td title={e.action}>{auditActionLabel(t, e.action)}</td>
            <td>
              {e.fromStatus || e.toStatus
                ? `${e.fromStatus ? auditStatusLabel(t, e.entityType, e.fromStatus) : '—'} → ${e.toStatus ? auditStatusLabel(t, e.entityType, e.toStatus) : '—'}`
                : ''}
            </td>
            <td className="cell-wrap">{e.note}</td>
          </tr>
        ))}
      </DataTable>
      {events.length === 0 ? <p>{t('common.none')}</p> : null}
    </>
  );
}
