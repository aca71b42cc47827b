import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { redirect, useLoaderData } from '@remix-run/react';
import { Field, useFormPage } from '../components/auth';
import { SettingsPage, PostForm } from '../components/settings';
import { requireViewer } from '../auth/guards.server';
import { formConstraints } from '../forms/constraints';
import { AccountSettingsSchema } from '../forms/profile';
import { pageTitle } from '../i18n/meta';
import { requestMeta } from '../services/auth.server';
import { saveAccountSettings } from '../services/profile.server';
import { formAction } from '../server/http.server';

const fields = formConstraints(AccountSettingsSchema);

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'me.account_name');

export async function loader({ request }: LoaderFunctionArgs) {
  return { displayName: requireViewer(request).user.displayName };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = requireViewer(request);
  return formAction(request, AccountSettingsSchema, (input) => saveAccountSettings(viewer, input, requestMeta(context)), () => redirect('/me?done=account'));
}

export default function MeAccount() {
  const { displayName } = useLoaderData<typeof loader>();
  const { result, t, form } = useFormPage(fields);
  return (
    <SettingsPage back="/me" backLabel={t('nav.me')} title={t('me.account_name')} result={result}>
      <PostForm submit={t('me.save_account')}>
        <Field form={form} name="displayName" label={t('auth.field.display_name')} defaultValue={displayName} autoComplete="nickname" />
      </PostForm>
    </SettingsPage>
  );
}
