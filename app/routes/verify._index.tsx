import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, redirect, useLoaderData } from '@remix-run/react';
import { useT } from '../components/i18n';
import { normalizeCode } from '../domain/certificate';
import { VerifyQuery } from '../forms/certificates';
import { parseQuery } from '../forms/parse';
import { pageTitle } from '../i18n/meta';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'verify.title');

/** /verify: type a certificate's number (public). A number that reads as one goes to its page; anything else is answered here. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { code } = parseQuery(VerifyQuery, request);
  if (!code) return { code: '', unknown: false };
  const canonical = normalizeCode(code);
  if (canonical) throw redirect(`/verify/${canonical}`);
  return { code, unknown: true };
}

function VerifyForm({ code }: { code: string }) {
  const t = useT();
  return (
    <Form method="get" action="/verify" className="stack" role="search" aria-label={t('verify.title')}>
      <label htmlFor="verify-code">{t('verify.code')}</label>
      <input id="verify-code" name="code" defaultValue={code} required maxLength={40} autoComplete="off" spellCheck={false} autoCapitalize="characters" />
      <div>
        <button type="submit">{t('verify.submit')}</button>
      </div>
    </Form>
  );
}

export default function Verify() {
  const { code, unknown } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <h1>{t('verify.title')}</h1>
      <p>{t('verify.intro')}</p>
      {unknown ? (
        <p className="notice notice-error" role="alert">
          {t('verify.not_found')}
        </p>
      ) : null}
      <VerifyForm code={code} />
      <p className="hint">{t('verify.privacy')}</p>
    </>
  );
}
