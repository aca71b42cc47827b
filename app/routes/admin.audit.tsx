import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useLocale, useT } from '../components/i18n';
import { requireAdmin } from '../auth/guards.server';
import { parseDay } from '../forms/admin';
import { formatDateTime } from '../i18n/index';
import { auditPage } from '../services/admin.server';
import { requestMeta } from '../services/auth.server';
import { failure } from '../services/http.server';

export const meta: MetaFunction = () => [{ title: '审计日志 · 心愿桥' }];

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
      <p>
        <Link to="/admin">← {t('admin.title')}</Link>
      </p>
      <h1>{t('admin.audit.title')}</h1>
      <Form method="get" className="filters">
        <label>
          {t('admin.audit.entity_type')}
          <select name="entityType" defaultValue={filter.entityType}>
            <option value="">{t('common.all')}</option>
            {ENTITY_TYPES.map((type) => (
              <option key={type} value={type}>
                {type}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('admin.audit.action')}
          <input name="action" defaultValue={filter.action} size={12} />
        </label>
        <label>
          {t('admin.audit.from')}
          <input type="date" name="from" defaultValue={filter.from} />
        </label>
        <label>
          {t('admin.audit.to')}
          <input type="date" name="to" defaultValue={filter.to} />
        </label>
        <button type="submit" className="secondary">
          {t('common.filter')}
        </button>
      </Form>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th>{t('admin.audit.at')}</th>
              <th>{t('admin.audit.who')}</th>
              <th>{t('admin.audit.entity_type')}</th>
              <th>{t('admin.audit.action')}</th>
              <th>{t('admin.audit.change')}</th>
              <th>{t('admin.audit.note')}</th>
            </tr>
          </thead>
          <tbody>
            {events.map((e) => (
              <tr key={e.id}>
                <td>{formatDateTime(e.at, locale)}</td>
                <td>{e.actorName ?? '—'}</td>
                <td>
                  {e.entityType === 'volunteer' || e.entityType === 'organization' ? (
                    <Link to={`/staff/helpers/${e.entityId}`}>{e.entityType}</Link>
                  ) : (
                    e.entityType
                  )}{' '}
                  <code>{e.entityId}</code>
                </td>
                <td>{e.action}</td>
                <td>{e.fromStatus || e.toStatus ? `${e.fromStatus ?? '—'} → ${e.toStatus ?? '—'}` : ''}</td>
                <td>{e.note}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {events.length === 0 ? <p>{t('common.none')}</p> : null}
    </>
  );
}
