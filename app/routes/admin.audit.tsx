import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { AdminPageTitle, DateRangeFilter } from '../components/admin';
import { useLocale, useT } from '../components/i18n';
import { DataTable, FilterForm, SelectFilter } from '../components/lists';
import { Pager } from '../components/pager';
import { requireAdmin } from '../auth/guards.server';
import { parseDay } from '../forms/admin';
import { pageParam } from '../forms/parse';
import { formatDateTime, translator } from '../i18n/index';
import { auditActionLabel, auditEntityLabel, auditNoteText, auditObjectName, auditStatusLabel } from '../i18n/labels';
import { localeFromRequest } from '../i18n/locale';
import { pageTitle } from '../i18n/meta';
import { auditPage } from '../services/admin.server';
import { requestMeta } from '../services/auth.server';
import { failure } from '../server/http.server';

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
      page: pageParam(request),
    },
    requestMeta(context),
  );
  if (!result.ok) throw failure(result.error);
  const { events, actions, paging, names } = result.value;
  // The select offers the actions in the log by their label in the page's language (sorted here, so the
  // server's and the browser's renderings agree); an old link's code that no event has stays offered.
  const { locale } = localeFromRequest(request);
  const t = translator(locale);
  const collator = new Intl.Collator(locale);
  const offered = filter.action && !actions.includes(filter.action) ? [...actions, filter.action] : actions;
  const actionOptions = [...offered].sort((a, b) => collator.compare(auditActionLabel(t, a), auditActionLabel(t, b)) || a.localeCompare(b));
  return { events, actions: actionOptions, paging, names, filter };
}

export default function AdminAudit() {
  const { events, actions, paging, names, filter } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <AdminPageTitle title={t('admin.audit.title')} />
      <FilterForm>
        <SelectFilter label={t('admin.audit.entity_type')} name="entityType" value={filter.entityType} options={ENTITY_TYPES} optionLabel={(type) => auditEntityLabel(t, type)} />
        <SelectFilter label={t('admin.audit.action')} name="action" value={filter.action} options={actions} optionLabel={(action) => auditActionLabel(t, action)} />
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
        {events.map((e) => {
          const name = auditObjectName(t, e, names, locale);
          const note = auditNoteText(t, e, names, locale);
          const type = auditEntityLabel(t, e.entityType);
          return (
            <tr key={e.id}>
              <td>{formatDateTime(e.at, locale)}</td>
              <td>{e.actorName ?? '—'}</td>
              <td className="cell-wrap">
                {e.entityType === 'volunteer' || e.entityType === 'organization' ? (
                  <Link to={`/staff/helpers/${e.entityId}`}>{type}</Link>
                ) : e.entityType === 'site' && e.entityId !== 'all' ? (
                  <Link to={`/admin/sites/${e.entityId}`}>{type}</Link>
                ) : (
                  type
                )}{' '}
                {name ? (
                  <span className="log-object" title={e.entityId}>
                    {name}
                  </span>
                ) : (
                  <code>{e.entityId}</code>
                )}
              </td>
              <td title={e.action}>{auditActionLabel(t, e.action)}</td>
              <td>
                {e.fromStatus || e.toStatus
                  ? `${e.fromStatus ? auditStatusLabel(t, e.entityType, e.fromStatus) : '—'} → ${e.toStatus ? auditStatusLabel(t, e.entityType, e.toStatus) : '—'}`
                  : ''}
              </td>
              <td className="cell-wrap" title={e.note && e.note !== note ? e.note : undefined}>
                {note}
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
