import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { redirect } from '@remix-run/react';
import { useFormPage } from '../components/auth';
import { ActionButton, SettingsPage } from '../components/settings';
import { requireViewer } from '../auth/guards.server';
import { ButtonForm } from '../forms/parse';
import { pageTitle } from '../i18n/meta';
import { requestMeta } from '../services/auth.server';
import { becomeVolunteer } from '../services/profile.server';
import { formAction } from '../server/http.server';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'me.volunteer');

export async function loader({ request }: LoaderFunctionArgs) {
  requireViewer(request);
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = requireViewer(request);
  return formAction(request, ButtonForm, () => becomeVolunteer(viewer, requestMeta(context)), () => redirect('/me?done=volunteer'));
}

export default function MeVolunteer() {
  const { result, t } = useFormPage();
  return (
    <SettingsPage back="/me" backLabel={t('nav.me')} title={t('me.volunteer')} result={result}>
      <ActionButton action="/me/volunteer" hint={t('me.become_volunteer_intro')} label={t('me.become_volunteer')} />
    </SettingsPage>
  );
}
