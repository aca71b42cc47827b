import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { redirect, useLoaderData } from '@remix-run/react';
import { useFormPage } from '../components/auth';
import { ActionButton, SettingsPage } from '../components/settings';
import { requireViewer } from '../auth/guards.server';
import { ButtonForm } from '../forms/parse';
import { pageTitle } from '../i18n/meta';
import { resendVerification } from '../services/accounts.server';
import { requestMeta } from '../services/auth.server';
import { formAction, keepRetryAfter } from '../server/http.server';

/** A 429's Retry-After reaches the browser, for the HTML page and the .data request alike. */
export const headers = keepRetryAfter;

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'me.resend_verification');

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = requireViewer(request);
  if (viewer.user.emailVerifiedAt !== null) throw redirect('/me');
  return { email: viewer.user.email };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = requireViewer(request);
  return formAction(request, ButtonForm, () => resendVerification(viewer, requestMeta(context)), () => redirect('/me?done=verification_sent'));
}

export default function MeVerification() {
  const { email } = useLoaderData<typeof loader>();
  const { result, t } = useFormPage();
  return (
    <SettingsPage back="/me" backLabel={t('nav.me')} title={t('me.resend_verification')} result={result}>
      <p>{email}</p>
      <ActionButton action="/me/verification" hint={t('me.verify_hint')} label={t('me.resend_verification')} />
    </SettingsPage>
  );
}
