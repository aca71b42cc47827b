import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { redirect, useLoaderData } from '@remix-run/react';
import { Field, useFormPage } from '../components/auth';
import { SettingsPage, PostForm } from '../components/settings';
import { requireViewer } from '../auth/guards.server';
import { ChangeEmailSchema } from '../forms/auth';
import { formConstraints } from '../forms/constraints';
import { pageTitle } from '../i18n/meta';
import { requestMeta } from '../services/auth.server';
import { requestEmailChange } from '../services/email-change.server';
import { formAction, keepRetryAfter } from '../server/http.server';

const fields = formConstraints(ChangeEmailSchema);

/** A 429's Retry-After reaches the browser, for the HTML page and the .data request alike. */
export const headers = keepRetryAfter;

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'me.email');

export async function loader({ request }: LoaderFunctionArgs) {
  return { email: requireViewer(request).user.email };
}

/** A link to the new address; nothing changes until it is opened (D16). */
export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = requireViewer(request);
  return formAction(request, ChangeEmailSchema, (input) => requestEmailChange(viewer, input, requestMeta(context)), () => redirect('/me?done=email_change_sent'));
}

export default function MeEmail() {
  const { email } = useLoaderData<typeof loader>();
  const { result, t, form } = useFormPage(fields);
  return (
    <SettingsPage back="/me" backLabel={t('nav.me')} title={t('me.email')} result={result}>
      <p>{email}</p>
      <PostForm submit={t('me.change_email')}>
        <p className="hint">{t('me.email_hint')}</p>
        <Field form={form} name="newEmail" label={t('me.field.new_email')} type="email" autoComplete="email" />
        <Field form={form} name="password" label={t('me.field.current_password')} type="password" autoComplete="current-password" />
      </PostForm>
    </SettingsPage>
  );
}
