import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { MailedLinkPage, useFormPage } from '../components/auth';
import { getViewer } from '../auth/guards.server';
import { TokenQuery, TokenSchema } from '../forms/auth';
import { parseForm, parseQuery } from '../forms/parse';
import { verificationLinkIsLive, verifyEmail } from '../services/accounts.server';
import { requestMeta } from '../services/auth.server';
import { failure } from '../server/http.server';
import { pageTitle } from '../i18n/meta';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'auth.verify.title');

// Opening the link only shows a button: mail scanners and link previews fetch URLs, and a GET must
// never change anything. The button POSTs the token.
export async function loader({ request }: LoaderFunctionArgs) {
  const { token } = parseQuery(TokenQuery, request);
  const live = token !== null && verificationLinkIsLive(token, Date.now());
  return { token: live ? token : null, signedIn: getViewer(request) !== null };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = parseForm(TokenSchema, await request.formData());
  if (!parsed.ok) return failure({ kind: 'conflict', message: { key: 'auth.verify.invalid' } });
  const result = verifyEmail(parsed.value.token, requestMeta(context));
  if (!result.ok) return failure(result.error);
  return { ok: true as const, message: { key: 'auth.verify.done' } };
}

export default function VerifyEmail() {
  const { token, signedIn } = useLoaderData<typeof loader>();
  const { result, t } = useFormPage();
  return (
    <MailedLinkPage title={t('auth.verify.title')} result={result} token={token} signedIn={signedIn} submit={t('auth.verify.submit')} invalid={t('auth.verify.invalid')}>
      <p>{t('auth.verify.intro')}</p>
    </MailedLinkPage>
  );
}
