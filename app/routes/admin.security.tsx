import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useLocale, useT } from '../components/i18n';
import { requireAdmin } from '../auth/guards.server';
import { parseDay } from '../forms/admin';
import { formatDateTime } from '../i18n/index';
import { securityLogPage } from '../services/admin.server';
import { requestMeta } from '../services/auth.server';
import { failure } from '../services/http.server';

export const meta: MetaFunction = () => [{ title: '安全日志 · 心愿桥' }];

const TYPES = [
  'sign_up',
  'sign_in',
  'sign_in_failed',
  'sign_out',
  'sessions_revoked',
  'password_changed',
  'password_reset',
  'password_reset_requested',
  'email_verified',
  'permission_denied',
  'rate_limited',
  'honeypot',
  'vetting_decision',
  'role_changed',
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = requireAdmin(request, context);
  const q = new URL(request.url).searchParams;
  const filter = { type: q.get('type') ?? '', from: q.get('from') ?? '', to: q.get('to') ?? '' };
  const result = securityLogPage(
    viewer.actor,
    { type: filter.type || undefined, from: parseDay(filter.from), to: parseDay(filter.to, true) },
    requestMeta(context),
  );
  if (!result.ok) throw failure(result.error);
  return { events: result.value.events, filter };
}

export default function AdminSecurityLog() {
  const { events, filter } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <p>
        <Link to="/admin">← {t('admin.title')}</Link>
      </p>
      <h1>{t('admin.security.title')}</h1>
      <Form method="get" className="filters">
        <label>
          {t('admin.security.type')}
          <select name="type" defaultValue={filter.type}>
            <option value="">{t('common.all')}</option>
            {TYPES.map((type) => (
              <option key={type} value={type}>
                {type}
              </option>
            ))}
          </select>
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
              <th>{t('admin.security.type')}</th>
              <th>{t('admin.security.user')}</th>
              <th>{t('admin.security.ip')}</th>
              <th>{t('admin.audit.note')}</th>
            </tr>
          </thead>
          <tbody>
            {events.map((e) => (
              <tr key={e.id}>
                <td>{formatDateTime(e.at, locale)}</td>
                <td>{e.type}</td>
                <td>
                  <code>{e.userId ?? '—'}</code>
                </td>
                <td>{e.ip ?? '—'}</td>
                <td>{e.detail}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {events.length === 0 ? <p>{t('common.none')}</p> : null}
    </>
  );
}
