import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { redirect, useLoaderData } from '@remix-run/react';
import { Field, useFormPage } from '../components/auth';
import { DataTable } from '../components/lists';
import { OrgMissing } from '../components/org';
import { SettingsPage, PostForm } from '../components/settings';
import { requireViewer } from '../auth/guards.server';
import { formConstraints } from '../forms/constraints';
import { parseQuery } from '../forms/parse';
import { OrgQuery } from '../forms/queries';
import { InviteSchema } from '../forms/profile';
import { formatDate } from '../i18n/index';
import { pageTitle } from '../i18n/meta';
import { requestMeta } from '../services/auth.server';
import { inviteColleague } from '../services/invitations.server';
import { orgPage } from '../services/organizations.server';
import { formAction, keepRetryAfter } from '../server/http.server';

const fields = formConstraints(InviteSchema);

/** A 429's Retry-After reaches the browser, for the HTML page and the .data request alike. */
export const headers = keepRetryAfter;

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'org.members');

export async function loader({ request }: LoaderFunctionArgs) {
  return { page: orgPage(requireViewer(request), parseQuery(OrgQuery, request).org || null, Date.now()) };
}

/** A manager invites a colleague: a single-use link to that address (D16). */
export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = requireViewer(request);
  const orgId = String((await request.clone().formData()).get('orgId') ?? '');
  return formAction(request, InviteSchema, (input) => inviteColleague(viewer, orgId, input.email, requestMeta(context)), () => redirect(`/org?org=${orgId}&done=invite`));
}

export default function OrganizationMembers() {
  const { page } = useLoaderData<typeof loader>();
  const { result, t, locale, form } = useFormPage(fields);
  if (!page) return <OrgMissing />;
  const { org, canManage, members, invitations } = page;
  return (
    <SettingsPage back={`/org?org=${org.id}`} backLabel={org.name} title={t('org.members')} result={result}>
      <DataTable label={t('org.members.table')} headers={[t('org.member.name'), canManage ? t('auth.field.email') : null, t('org.member.role'), t('org.member.joined')]}>
        {members.map((m) => (
          <tr key={m.userId}>
            <td>{m.displayName}</td>
            {canManage ? <td>{m.email}</td> : null}
            <td>{t(`org.role.${m.role}`)}</td>
            <td>{formatDate(m.joinedAt, locale)}</td>
          </tr>
        ))}
      </DataTable>
      {canManage ? (
        <>
          {invitations.length ? (
            <p className="meta">
              {t('org.invitations_open')}: {invitations.map((i) => i.email).join(', ')}
            </p>
          ) : null}
          <PostForm submit={t('org.invite.submit')}>
            <input type="hidden" name="orgId" value={org.id} />
            <Field form={form} name="email" label={t('org.invite.email')} type="email" hint={t('org.invite.hint')} />
          </PostForm>
        </>
      ) : null}
    </SettingsPage>
  );
}
