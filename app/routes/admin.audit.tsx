import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { LogPage } from '../components/admin';
import { useLocale, useT } from '../components/i18n';
import { SelectFilter } from '../components/lists';
import { requireAdmin } from '../auth/guards.server';
import { AUDIT_ENTITY_TYPES, AuditQuery, logPeriod } from '../forms/logs';
import { parseQuery } from '../forms/parse';
import { formatDateTime, translator } from '../i18n/index';
import { auditActionLabel, auditEntityLabel, auditNoteText, auditObjectName, auditStatusLabel } from '../i18n/labels';
import { localeFromRequest } from '../i18n/locale';
import { pageTitle } from '../i18n/meta';
import { auditPage } from '../services/admin.server';
import { requestMeta } from '../services/auth.server';
import { failure } from '../server/http.server';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'admin.audit.title');

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = requireAdmin(request, context);
  const filter = parseQuery(AuditQuery, request);
  const wanted = { entityType: filter.entityType || undefined, action: filter.action || undefined, ...logPeriod(filter) };
  const result = auditPage(viewer.actor, wanted, requestMeta(context));
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
    <LogPage
      title={t('admin.audit.title')}
      filters={
        <>
          <SelectFilter label={t('admin.audit.entity_type')} name="entityType" value={filter.entityType} options={AUDIT_ENTITY_TYPES} optionLabel={(type) => auditEntityLabel(t, type)} />
          <SelectFilter label={t('admin.audit.action')} name="action" value={filter.action} options={actions} optionLabel={(action) => auditActionLabel(t, action)} />
        </>
      }
      from={filter.from}
      to={filter.to}
      headers={[t('admin.audit.at'), t('admin.audit.who'), t('admin.audit.entity_type'), t('admin.audit.action'), t('admin.audit.change'), t('admin.audit.note')]}
      empty={events.length === 0}
      paging={paging}
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
    </LogPage>
  );
}
