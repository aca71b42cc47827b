import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { AuthCard, FormMessage, useFormPage, SubmitButton } from '../components/auth';
import { getViewer } from '../auth/guards.server';
import { TokenSchema } from '../forms/auth';
import { parseForm } from '../forms/parse';
import { verificationLinkIsLive, verifyEmail } from '../services/accounts.server';
import { requestMeta } from '../services/auth.server';
import { failure } from '../server/http.server';
import { pageTitle } from '../i18n/meta';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'auth.verify.title');

// Opening the link only shows a button: mail scanners and link previews fetch URLs, and a GET must
// never change anything. The button POSTs the token.
export async function loader({ request }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get('token') ?? '';
  const live = /^[a-z2-7]{32}$/.test(token) && verificationLinkIsLive(token, Date.now());
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
  const next = signedIn ? '/me' : '/login';
  return (
    <AuthCard title={t('auth.verify.title')}>
      <FormMessage result={result} />
      {result?.ok ? (
        <p>
          <Link to={next}>{t(signedIn ? 'auth.verify.continue' : 'nav.login')} →</Link>
        </p>
      ) : token ? (
        <Form method="post" className="stack">
          <p>{t('auth.verify.intro')}</p>
          <input type="hidden" name="token" value={token} />
          <SubmitButton>{t('auth.verify.submit')}</SubmitButton>
        </Form>
      ) : (
        <p className="notice notice-error" role="alert">
          {t('auth.verify.invalid')}
        </p>
      )}
    </AuthCard>
  );
}
