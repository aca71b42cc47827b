import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { PrintableCertificate } from '../components/certificates';
import { useT } from '../components/i18n';
import { BackLink } from '../components/page';
import { requireViewer } from '../auth/guards.server';
import { pageTitle } from '../i18n/meta';
import { failure } from '../server/http.server';
import { myCertificate } from '../services/certificates.server';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'cert.title');

/** The certificate to print: for the helper it certifies only (anyone else: not found). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = requireViewer(request);
  const result = myCertificate(viewer.actor, params.id ?? '');
  if (!result.ok) throw failure(result.error);
  return result.value;
}

export default function CertificatePage() {
  const c = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <BackLink to="/me/certificate" label={t('cert.back')} className="meta no-print" />
      <h1 className="no-print">
        {t('cert.title')} {c.code}
      </h1>
      <PrintableCertificate c={c} />
    </>
  );
}
