import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, redirect, useLoaderData } from '@remix-run/react';
import { AuthCard, FormMessage, useFormPage, SubmitButton } from '../components/auth';
import { getViewer } from '../auth/guards.server';
import { TokenSchema } from '../forms/auth';
import { parseForm } from '../forms/parse';
import { requestMeta } from '../services/auth.server';
import { confirmEmailChange, emailChangeLink } from '../services/email-change.server';
import { failure } from '../server/http.server';
import { pageTitle } from '../i18n/meta';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'auth.change_email.title');

// The link mailed to the new address (D16): opening it only shows a button, the button POSTs the token.
export async function loader({ request }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get('token') ?? '';
  const link = /^[a-z2-7]{32}$/.test(token) ? emailChangeLink(token, Date.now()) : null;
  return { token: link ? token : null, email: link?.email ?? null, signedIn: getViewer(request) !== null };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = parseForm(TokenSchema, await request.formData());
  if (!parsed.ok) return failure({ kind: 'conflict', message: { key: 'auth.change_email.invalid' } });
  const result = confirmEmailChange(parsed.value.token, getViewer(request), requestMeta(context));
  if (!result.ok) return failure(result.error);
  // Signed in as this account: this browser stays signed in. Nobody signed in: log in with the new
  // address. Signed in as someone else: say so here, that browser's own account is untouched.
  if (result.value.keptSession) return redirect('/me?done=email_changed');
  if (getViewer(request) === null) return redirect('/login?notice=email_changed');
  return { ok: true as const, message: { key: 'auth.change_email.done' } };
}

export default function ChangeEmail() {
  const { token, email, signedIn } = useLoaderData<typeof loader>();
  const { result, t } = useFormPage();
  return (
    <AuthCard title={t('auth.change_email.title')}>
      <FormMessage result={result} />
      {result?.ok ? (
        <p>
          <Link to={signedIn ? '/me' : '/login'}>{t(signedIn ? 'auth.verify.continue' : 'nav.login')} →</Link>
        </p>
      ) : token && email ? (
        <Form method="post" className="stack">
          <p>{t('auth.change_email.intro', { email })}</p>
          <p className="hint">{t('auth.change_email.effect')}</p>
          <input type="hidden" name="token" value={token} />
          <SubmitButton>{t('auth.change_email.submit')}</SubmitButton>
        </Form>
      ) : (
        <p className="notice notice-error" role="alert">
          {t('auth.change_email.invalid')}
        </p>
      )}
    </AuthCard>
  );
}
