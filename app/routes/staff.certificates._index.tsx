import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useLocale, useT } from '../components/i18n';
import { DataTable } from '../components/lists';
import { BackLink } from '../components/page';
import { requireStaff } from '../auth/guards.server';
import { hoursOf } from '../domain/certificate';
import { StaffCertificateQuery } from '../forms/certificates';
import { parseQuery } from '../forms/parse';
import { formatDate } from '../i18n/index';
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
  const locale = useLocale();
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
        <DataTable
          label={t('staffcert.table')}
          headers={[t('cert.col.number'), t('cert.col.issuer'), t('verify.name'), t('cert.col.period'), t('cert.col.hours'), t('cert.col.issued_at'), t('cert.col.status')]}
        >
          {certificates.map((c) => (
            <tr key={c.id}>
              <td>
                <Link to={`/staff/certificates/${c.id}`}>{c.code}</Link>
              </td>
              <td className="cell-wrap">{c.issuerName}</td>
              <td>{c.maskedName}</td>
              <td>
                {c.periodFrom} – {c.periodTo}
              </td>
              <td className="num">{hoursOf(c.totalMinutes)}</td>
              <td>{formatDate(c.issuedAt, locale)}</td>
              <td>{c.revokedAt ? t('cert.status.revoked') : t('cert.status.valid')}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}
