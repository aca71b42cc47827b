import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, redirect, useLoaderData } from '@remix-run/react';
import { EntriesTable } from '../components/certificates';
import { Field, FormMessage, SubmitButton, useFormPage } from '../components/auth';
import { BackLink } from '../components/page';
import { DoneNotice } from '../components/wish-ui';
import { requireStaff } from '../auth/guards.server';
import { hoursOf } from '../domain/certificate';
import { RevokeCertificateForm } from '../forms/certificates';
import { formConstraints } from '../forms/constraints';
import { doneParam } from '../forms/parse';
import { formatDate } from '../i18n/index';
import { pageTitle } from '../i18n/meta';
import { failure, formAction } from '../server/http.server';
import { revokeCertificate, staffCertificate } from '../services/certificates.server';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'staffcert.title');

const revokeFields = formConstraints(RevokeCertificateForm);

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const viewer = requireStaff(request, context);
  const result = staffCertificate(viewer.actor, params.id ?? '');
  if (!result.ok) throw failure(result.error);
  return { ...result.value, done: doneParam(request, ['revoked'] as const) };
}

/** Staff of the issuer's subtree (or an admin) revoke, with a reason: `intent=revoke`. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const viewer = requireStaff(request, context);
  const id = params.id ?? '';
  return formAction(
    request,
    RevokeCertificateForm,
    (input) => revokeCertificate(viewer.actor, id, input.reason, Date.now()),
    () => redirect(`/staff/certificates/${id}?done=revoked`),
  );
}

export default function StaffCertificate() {
  const c = useLoaderData<typeof loader>();
  const { result, t, locale, form } = useFormPage(revokeFields);
  return (
    <>
      <BackLink to="/staff/certificates" label={t('staffcert.back')} className="meta" />
      <h1>
        {t('cert.title')} {c.code}
      </h1>
      <DoneNotice done={c.done} prefix="staffcert.done" />
      <FormMessage result={result} />
      <dl className="facts">
        <dt>{t('cert.col.status')}</dt>
        <dd data-testid="cert-status">
          {c.revokedAt ? `${t('cert.status.revoked')} (${formatDate(c.revokedAt, locale)})` : t('cert.status.valid')}
        </dd>
        {c.revokeReason ? (
          <>
            <dt>{t('staffcert.revoked_reason')}</dt>
            <dd>{c.revokeReason}</dd>
          </>
        ) : null}
        <dt>{t('cert.issuer')}</dt>
        <dd>{c.issuer.name}</dd>
        <dt>{t('cert.holder')}</dt>
        <dd>{c.holderName}</dd>
        <dt>{t('cert.col.period')}</dt>
        <dd>
          {c.period.from} – {c.period.to}
        </dd>
        <dt>{t('cert.col.hours')}</dt>
        <dd>{hoursOf(c.totalMinutes)}</dd>
        <dt>{t('cert.issue_date')}</dt>
        <dd>{formatDate(c.issuedAt, locale)}</dd>
      </dl>
      <section aria-labelledby="entries-heading">
        <h2 id="entries-heading">{t('staffcert.entries')}</h2>
        <EntriesTable entries={c.entries} totalMinutes={c.totalMinutes} label={t('staffcert.entries')} />
      </section>
      {c.revokedAt ? null : (
        <section className="card" aria-labelledby="revoke-heading">
          <h2 id="revoke-heading">{t('staffcert.revoke_heading')}</h2>
          {c.canRevoke ? (
            <Form method="post" className="stack">
              <p className="hint">{t('staffcert.revoke_hint')}</p>
              <Field form={form} name="reason" label={t('staffcert.reason')} multiline />
              <div>
                <SubmitButton className="danger">{t('staffcert.revoke')}</SubmitButton>
              </div>
              <input type="hidden" name="intent" value="revoke" />
            </Form>
          ) : (
            <p>{t('staffcert.cannot_revoke')}</p>
          )}
        </section>
      )}
    </>
  );
}
