import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { redirect, useLoaderData } from '@remix-run/react';
import { MailedLinkPage, useFormPage } from '../components/auth';
import { getViewer } from '../auth/guards.server';
import { TokenQuery, TokenSchema } from '../forms/auth';
import { parseForm, parseQuery } from '../forms/parse';
import { requestMeta } from '../services/auth.server';
import { confirmEmailChange, emailChangeLink } from '../services/email-change.server';
import { failure } from '../server/http.server';
import { pageTitle } from '../i18n/meta';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'auth.change_email.title');

// The link mailed to the new address (D16): opening it only shows a button, the button POSTs the token.
export async function loader({ request }: LoaderFunctionArgs) {
  const { token } = parseQuery(TokenQuery, request);
  const link = token !== null ? emailChangeLink(token, Date.now()) : null;
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
    <MailedLinkPage
      title={t('auth.change_email.title')}
      result={result}
      token={email ? token : null}
      signedIn={signedIn}
      submit={t('auth.change_email.submit')}
      invalid={t('auth.change_email.invalid')}
    >
      <p>{t('auth.change_email.intro', { email: email ?? '' })}</p>
      <p className="hint">{t('auth.change_email.effect')}</p>
    </MailedLinkPage>
  );
}
