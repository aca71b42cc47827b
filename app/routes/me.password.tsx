import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { redirect } from '@remix-run/react';
import { Field, NewPasswordField, useFormPage } from '../components/auth';
import { SettingsPage, PostForm } from '../components/settings';
import { requireViewer } from '../auth/guards.server';
import { ChangePasswordSchema } from '../forms/auth';
import { formConstraints } from '../forms/constraints';
import { pageTitle } from '../i18n/meta';
import { changePassword } from '../services/accounts.server';
import { requestMeta } from '../services/auth.server';
import { formAction, keepRetryAfter } from '../server/http.server';

const fields = formConstraints(ChangePasswordSchema);

/** A 429's Retry-After reaches the browser, for the HTML page and the .data request alike. */
export const headers = keepRetryAfter;

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'me.password');

export async function loader({ request }: LoaderFunctionArgs) {
  requireViewer(request);
  return null;
}

/** Every other session ends; this one is renewed (its cookie comes back with the redirect). */
export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = requireViewer(request);
  return formAction(
    request,
    ChangePasswordSchema,
    (input) => changePassword(viewer, input, requestMeta(context)),
    ({ cookie }) => redirect('/me?done=password', { headers: { 'Set-Cookie': cookie } }),
  );
}

export default function MePassword() {
  const { result, t, form } = useFormPage(fields);
  return (
    <SettingsPage back="/me" backLabel={t('nav.me')} title={t('me.password')} result={result}>
      <PostForm submit={t('me.change_password')}>
        <Field form={form} name="currentPassword" label={t('me.field.current_password')} type="password" autoComplete="current-password" />
        <NewPasswordField name="newPassword" label={t('auth.field.new_password')} hint={t('me.password_hint')} result={result} />
      </PostForm>
    </SettingsPage>
  );
}
