import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, redirect, useLoaderData } from '@remix-run/react';
import { CertificatesTable, EntriesTable } from '../components/certificates';
import { FormMessage, SubmitButton, useFormPage } from '../components/auth';
import { BackLink } from '../components/page';
import { requireViewer } from '../auth/guards.server';
import { hoursOf, periodOf, thisYear } from '../domain/certificate';
import { CertificatePeriodQuery, IssueCertificateForm } from '../forms/certificates';
import { parseQuery } from '../forms/parse';
import { pageTitle } from '../i18n/meta';
import { failure, formAction } from '../server/http.server';
import { issueCertificate, myCertificatePage } from '../services/certificates.server';
import { localeFromRequest } from '../i18n/locale';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'cert.page_title');

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = requireViewer(request);
  const q = parseQuery(CertificatePeriodQuery, request);
  const period = (q.from && q.to ? periodOf(q.from, q.to) : null) ?? thisYear(Date.now());
  return myCertificatePage(viewer.actor, period, localeFromRequest(request).locale);
}

/** Issue the certificate of one organizer for the period shown; the printable page comes next. */
export async function action({ request }: ActionFunctionArgs) {
  const viewer = requireViewer(request);
  return formAction(
    request,
    IssueCertificateForm,
    (input) => {
      const period = periodOf(input.from, input.to);
      if (!period) return { ok: false, error: { kind: 'validation', fields: { from: ['cert.error.period'] }, message: { key: 'cert.error.period' } } };
      return issueCertificate(viewer.actor, period, input.organizer, Date.now());
    },
    ({ id }) => redirect(`/me/certificate/${id}`),
  );
}

export default function MyCertificates() {
  const { period, groups, issued } = useLoaderData<typeof loader>();
  const { result, t } = useFormPage();
  return (
    <>
      <BackLink to="/me" label={t('nav.me')} className="meta" />
      <h1>{t('cert.page_title')}</h1>
      <p>{t('cert.intro')}</p>
      <FormMessage result={result} />
      <Form method="get" className="filters" aria-label={t('cert.period')}>
        <label>
          {t('cert.period.from')}
          <input type="date" name="from" defaultValue={period.from} required />
        </label>
        <label>
          {t('cert.period.to')}
          <input type="date" name="to" defaultValue={period.to} required />
        </label>
        <button type="submit" className="secondary">
          {t('cert.period.show')}
        </button>
      </Form>
      {groups.length === 0 ? <p data-testid="cert-none">{t('cert.none')}</p> : null}
      {groups.map((g, i) => (
        <section key={g.organizer} className="card" aria-labelledby={`group-${i}`} data-testid="cert-group">
          <h2 id={`group-${i}`}>{t('cert.group.heading', { issuer: g.issuer.name })}</h2>
          <EntriesTable entries={g.entries} totalMinutes={g.totalMinutes} label={g.issuer.name} />
          <p>{t('cert.total_hours', { hours: hoursOf(g.totalMinutes) })}</p>
          <Form method="post" className="stack">
            <input type="hidden" name="from" value={period.from} />
            <input type="hidden" name="to" value={period.to} />
            <input type="hidden" name="organizer" value={g.organizer} />
            <p className="hint">{t('cert.issue_hint')}</p>
            <div>
              <SubmitButton>{t('cert.issue')}</SubmitButton>
            </div>
          </Form>
        </section>
      ))}
      <section aria-labelledby="issued-heading">
        <h2 id="issued-heading">{t('cert.issued.heading')}</h2>
        {issued.length === 0 ? (
          <p>{t('cert.issued.none')}</p>
        ) : (
          <CertificatesTable certificates={issued} base="/me/certificate" label={t('cert.issued.table')} />
        )}
      </section>
    </>
  );
}
