import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { redirect, useLoaderData } from '@remix-run/react';
import { CountySelect, Field, useFormPage } from '../components/auth';
import { SettingsPage, PostForm } from '../components/settings';
import { requireViewer } from '../auth/guards.server';
import { formConstraints } from '../forms/constraints';
import { VolunteerProfileSchema } from '../forms/profile';
import { pageTitle } from '../i18n/meta';
import { requestMeta } from '../services/auth.server';
import { mePage, saveVolunteerProfile } from '../services/profile.server';
import { formAction } from '../server/http.server';

const fields = formConstraints(VolunteerProfileSchema);

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'me.profile');

export async function loader({ request }: LoaderFunctionArgs) {
  const { volunteer, counties } = mePage(requireViewer(request), Date.now());
  // Only a volunteer has a profile; anyone else applies from /me first.
  if (!volunteer) throw redirect('/me');
  return { volunteer, counties };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = requireViewer(request);
  return formAction(request, VolunteerProfileSchema, (input) => saveVolunteerProfile(viewer, input, requestMeta(context)), () => redirect('/me?done=profile'));
}

export default function MeProfile() {
  const { volunteer, counties } = useLoaderData<typeof loader>();
  const { result, t, form } = useFormPage(fields);
  return (
    <SettingsPage back="/me" backLabel={t('nav.me')} title={t('me.profile')} result={result}>
      <p className="hint">{t('me.profile_privacy')}</p>
      <PostForm submit={t('common.save')}>
        <Field form={form} name="realName" label={t('me.field.real_name')} defaultValue={volunteer.realName} autoComplete="name" />
        <Field form={form} name="phone" label={t('me.field.phone')} type="tel" defaultValue={volunteer.phone} autoComplete="tel" />
        <CountySelect counties={counties} defaultValue={volunteer.countySiteId} result={result} />
        <Field
          form={form}
          name="availability"
          label={t('me.field.availability')}
          defaultValue={volunteer.availability}
          hint={t('me.field.availability_hint')}
        />
        <Field form={form} name="skills" label={t('me.field.skills')} defaultValue={volunteer.skills} multiline />
        <label className="checkbox">
          <input type="checkbox" name="caringParent" defaultChecked={volunteer.caringParent} />
          {t('auth.signup.caring_parent')}
        </label>
      </PostForm>
    </SettingsPage>
  );
}
