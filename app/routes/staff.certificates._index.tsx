import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { CertificatesTable } from '../components/certificates';
import { useT } from '../components/i18n';
import { BackLink } from '../components/page';
import { requireStaff } from '../auth/guards.server';
import { StaffCertificateQuery } from '../forms/certificates';
import { parseQuery } from '../forms/parse';
import { pageTitle } from '../i18n/meta';
import { failure } from '../server/http.server';
import { staffCertificates } from '../services/certificates.server';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'staffcert.title');

/** Staff: the certificates they answer for, newest first (the latest 100), or the one with a number. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = requireStaff(request, context);
  const { code } = parseQuery(StaffCertificateQuery, request);
  const result = staffCertificates(viewer.actor, code);
  if (!result.ok) throw failure(result.error);
  return { code, certificates: result.value };
}

export default function StaffCertificates() {
  const { code, certificates } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <BackLink to="/staff" label={t('nav.staff')} className="meta" />
      <h1>{t('staffcert.title')}</h1>
      <p>{t('staffcert.intro')}</p>
      <Form method="get" className="filters" role="search" aria-label={t('staffcert.search')}>
        <label>
          {t('staffcert.search')}
          <input name="code" defaultValue={code} maxLength={40} autoComplete="off" />
        </label>
        <button type="submit" className="secondary">
          {t('common.filter')}
        </button>
      </Form>
      {certificates.length === 0 ? (
        <p>{t('staffcert.none')}</p>
      ) : (
        <CertificatesTable certificates={certificates} base="/staff/certificates" label={t('staffcert.table')} masked />
      )}
    </>
  );
}
