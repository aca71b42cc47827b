import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, redirect, useLoaderData } from '@remix-run/react';
import { useLocale, useT } from '../components/i18n';
import { hoursOf } from '../domain/certificate';
import { formatDate } from '../i18n/index';
import { pageTitle } from '../i18n/meta';
import { notFound } from '../server/http.server';
import { verifyCertificate } from '../services/certificates.server';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'verify.title');

/**
 * /verify/:code (public, the address in a certificate's QR code): the issuer, the period, the hours and the masked
 * name, and whether it was revoked — nothing else. An unknown number is a plain not-found page.
 */
export async function loader({ params }: LoaderFunctionArgs) {
  const code = params.code ?? '';
  const found = verifyCertificate(code);
  if (!found) notFound();
  if (found.code !== code) throw redirect(`/verify/${found.code}`);
  return found;
}

export default function VerifiedCertificate() {
  const v = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <h1>{t('verify.title')}</h1>
      <section className="card" aria-labelledby="verify-result">
        <h2 id="verify-result">{t('verify.result', { code: v.code })}</h2>
        {v.revokedAt ? (
          <p className="notice notice-error" data-testid="verify-status">
            {t('verify.revoked', { date: formatDate(v.revokedAt, locale) })}
          </p>
        ) : (
          <p className="notice notice-ok" data-testid="verify-status">
            {t('verify.valid')}
          </p>
        )}
        <dl className="facts">
          <dt>{t('verify.issuer')}</dt>
          <dd>{v.issuerName}</dd>
          <dt>{t('verify.period')}</dt>
          <dd>
            {v.period.from} – {v.period.to}
          </dd>
          <dt>{t('verify.hours')}</dt>
          <dd data-testid="verify-hours">{t('verify.hours_value', { hours: hoursOf(v.totalMinutes) })}</dd>
          <dt>{t('verify.name')}</dt>
          <dd data-testid="verify-name">{v.maskedName}</dd>
        </dl>
      </section>
      <p className="hint">{t('verify.privacy')}</p>
      <p>
        <Link to="/verify">{t('verify.again')}</Link>
      </p>
    </>
  );
}
