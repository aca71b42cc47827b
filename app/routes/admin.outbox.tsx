import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { AdminPageTitle } from '../components/admin';
import { useLocale, useT } from '../components/i18n';
import { FilterForm } from '../components/lists';
import { requireAdmin } from '../auth/guards.server';
import { parseQuery } from '../forms/parse';
import { OutboxQuery } from '../forms/queries';
import { formatDateTime } from '../i18n/index';
import { mailTemplateLabel } from '../i18n/labels';
import { pageTitle } from '../i18n/meta';
import { outboxPage } from '../services/admin.server';
import { requestMeta } from '../services/auth.server';
import { failure } from '../server/http.server';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'admin.outbox.title');

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = requireAdmin(request, context);
  const { to } = parseQuery(OutboxQuery, request);
  const result = outboxPage(viewer.actor, { to }, requestMeta(context));
  if (!result.ok) throw failure(result.error);
  return { mail: result.value.mail, to };
}

const BADGE: Record<string, string> = { sent: 'badge-ok', kept: '', pending: 'badge-warn', failed: 'badge-bad' };

export default function AdminOutbox() {
  const { mail, to } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <AdminPageTitle title={t('admin.outbox.title')} />
      <p className="hint">{t('admin.outbox.intro')}</p>
      <FilterForm>
        <label>
          {t('admin.outbox.to')}
          <input type="email" name="to" defaultValue={to} />
        </label>
      </FilterForm>
      {mail.length === 0 ? <p>{t('common.none')}</p> : null}
      <ul className="cards outbox">
        {mail.map((m) => (
          <li className="card" key={m.id} data-to={m.toEmail}>
            <details>
              <summary>
                <span className={`badge ${BADGE[m.status] ?? ''}`}>{t(`admin.outbox.status.${m.status}`)}</span> <strong>{m.subject}</strong>
                <span className="meta">
                  <span>{m.toEmail}</span>
                  <span>{formatDateTime(m.createdAt, locale)}</span>
                  <span className="mail-template" title={m.template}>
                    {mailTemplateLabel(t, m.template)}
                  </span>
                </span>
              </summary>
              <pre className="mail-body">{m.bodyText}</pre>
              {m.lastError ? <p className="field-error">{m.lastError}</p> : null}
            </details>
          </li>
        ))}
      </ul>
    </>
  );
}
