import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { redirect, useLoaderData } from '@remix-run/react';
import { CountySelect, Field, formKit, SelectField, useFormPage } from '../components/auth';
import { OrgMissing } from '../components/org';
import { SettingsPage, PostForm } from '../components/settings';
import { requireViewer } from '../auth/guards.server';
import { formConstraints } from '../forms/constraints';
import { parseQuery } from '../forms/parse';
import { OrgQuery } from '../forms/queries';
import { ORGANIZATION_KINDS, OrganizationProfileSchema } from '../forms/profile';
import { pageTitle } from '../i18n/meta';
import { requestMeta } from '../services/auth.server';
import { orgPage, saveOrganizationProfile } from '../services/organizations.server';
import { formAction } from '../server/http.server';
import { Facts } from '../components/lists';

const fields = formConstraints(OrganizationProfileSchema);

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'org.profile');

export async function loader({ request }: LoaderFunctionArgs) {
  return { page: orgPage(requireViewer(request), parseQuery(OrgQuery, request).org || null, Date.now()) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = requireViewer(request);
  const orgId = String((await request.clone().formData()).get('orgId') ?? '');
  return formAction(
    request,
    OrganizationProfileSchema,
    (input) => saveOrganizationProfile(viewer, orgId, input, requestMeta(context)),
    () => redirect(`/org?org=${orgId}&done=profile`),
  );
}

/** The organization's profile: managers edit it, members read it. */
export default function OrganizationProfile() {
  const { page } = useLoaderData<typeof loader>();
  const { result, t } = useFormPage();
  if (!page) return <OrgMissing />;
  const { org, canManage, counties } = page;
  const form = formKit(fields, result);
  return (
    <SettingsPage back={`/org?org=${org.id}`} backLabel={org.name} title={t('org.profile')} result={result}>
      {canManage ? (
        <PostForm submit={t('common.save')}>
          <input type="hidden" name="orgId" value={org.id} />
          <Field form={form} name="name" label={t('auth.field.organization_name')} defaultValue={org.name} />
          <SelectField form={form} name="kind" label={t('auth.field.organization_kind')} defaultValue={org.kind} choices={ORGANIZATION_KINDS} choiceLabel="org.kind" />
          <Field form={form} name="contactName" label={t('org.field.contact_name')} defaultValue={org.contactName} />
          <Field form={form} name="contactPhone" label={t('org.field.contact_phone')} type="tel" defaultValue={org.contactPhone} />
          <CountySelect counties={counties} defaultValue={org.countySiteId} result={result} />
          <Field form={form} name="description" label={t('org.field.description')} defaultValue={org.description} multiline />
        </PostForm>
      ) : (
        <dl className="facts">
          <Facts
            facts={[
              [t('org.field.contact_name'), org.contactName],
              [t('org.field.contact_phone'), org.contactPhone],
              [t('org.field.description'), org.description],
            ]}
          />
        </dl>
      )}
    </SettingsPage>
  );
}
