import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, redirect, useLoaderData } from '@remix-run/react';
import { MailedLinkPage, NewPasswordField, useFormPage } from '../components/auth';
import { blankSessionCookie } from '../auth/session.server';
import { ResetPasswordSchema, TokenQuery } from '../forms/auth';
import { parseForm, parseQuery } from '../forms/parse';
import { resetLinkIsLive, resetPassword } from '../services/accounts.server';
import { requestMeta } from '../services/auth.server';
import { failure } from '../server/http.server';
import { pageTitle } from '../i18n/meta';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'auth.reset.title');

export async function loader({ request }: LoaderFunctionArgs) {
  const { token } = parseQuery(TokenQuery, request);
  const live = token !== null && resetLinkIsLive(token, Date.now());
  return { token: live ? token : null };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = parseForm(ResetPasswordSchema, await request.formData());
  if (!parsed.ok) {
    if (parsed.fieldErrors.token) return failure({ kind: 'conflict', message: { key: 'auth.reset.invalid' } });
    return failure({ kind: 'validation', fields: parsed.fieldErrors });
  }
  const result = await resetPassword(parsed.value, requestMeta(context));
  if (!result.ok) return failure(result.error);
  // Every session of the account is gone, this browser's included.
  return redirect('/login?notice=reset', { headers: { 'Set-Cookie': blankSessionCookie() } });
}

export default function ResetPassword() {
  const { token } = useLoaderData<typeof loader>();
  const { result, t } = useFormPage();
  return (
    <MailedLinkPage
      title={t('auth.reset.title')}
      result={result}
      token={token}
      submit={t('auth.reset.submit')}
      invalid={t('auth.reset.invalid')}
      instead={
        <p>
          <Link to="/forgot-password">{t('auth.reset.again')}</Link>
        </p>
      }
    >
      <NewPasswordField label={t('auth.field.new_password')} result={result} />
    </MailedLinkPage>
  );
}
