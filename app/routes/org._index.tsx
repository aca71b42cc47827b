import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, redirect, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { CountySelect, Field, FieldErrors, FormMessage, HelperStatusBadge, asFormResult } from '../components/auth';
import { useLocale, useT } from '../components/i18n';
import { DoneNotice } from '../components/wish-ui';
import { DataTable } from '../components/lists';
import { MyClaims } from '../components/my-claims';
import { claimsOfHelper } from '../services/my-claims.server';
import { requireViewer } from '../auth/guards.server';
import { parseForm, doneParam } from '../forms/parse';
import { InviteSchema, OrganizationProfileSchema } from '../forms/profile';
import { formatDate } from '../i18n/index';
import { requestMeta } from '../services/auth.server';
import { failure, keepRetryAfter } from '../server/http.server';
import { inviteColleague, orgPage, saveOrganizationProfile } from '../services/organizations.server';
import { reapply } from '../services/vetting.server';
import { pageTitle } from '../i18n/meta';

/** A 429's Retry-After reaches the browser, for the HTML page and the .data request alike. */
export const headers = keepRetryAfter;

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'org.title');

const DONE = ['profile', 'invite', 'reapply'] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = requireViewer(request);
  const url = new URL(request.url);
  const page = orgPage(viewer, url.searchParams.get('org'), Date.now());
  return {
    page,
    claims: claimsOfHelper(viewer.actor, 'org'),
    welcome: url.searchParams.has('welcome'),
    done: doneParam(request, DONE),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = requireViewer(request);
  const meta = requestMeta(context);
  const form = await request.formData();
  const orgId = String(form.get('orgId') ?? '');
  switch (form.get('intent')) {
    case 'profile': {
      const parsed = parseForm(OrganizationProfileSchema, form);
      if (!parsed.ok) return failure({ kind: 'validation', fields: parsed.fieldErrors });
      const result = saveOrganizationProfile(viewer, orgId, parsed.value, meta);
      if (!result.ok) return failure(result.error);
      return redirect(`/org?org=${orgId}&done=profile`);
    }
    case 'invite': {
      const parsed = parseForm(InviteSchema, form);
      if (!parsed.ok) return failure({ kind: 'validation', fields: parsed.fieldErrors });
      const result = inviteColleague(viewer, orgId, parsed.value.email, meta);
      if (!result.ok) return failure(result.error);
      return redirect(`/org?org=${orgId}&done=invite`);
    }
    case 'reapply': {
      const result = reapply(viewer.actor, 'organization', orgId, meta);
      if (!result.ok) return failure(result.error);
      return redirect(`/org?org=${orgId}&done=reapply`);
    }
    default:
      return failure({ kind: 'validation', fields: { intent: ['form.intent.invalid'] } });
  }
}

export default function Organization() {
  const { page, claims, welcome, done } = useLoaderData<typeof loader>();
  const result = asFormResult(useActionData<typeof action>());
  const busy = useNavigation().state === 'submitting';
  const t = useT();
  const locale = useLocale();
  if (!page) {
    return (
      <>
        <h1>{t('org.title')}</h1>
        <p>{t('org.none')}</p>
      </>
    );
  }
  const { org, canManage, members, invitations, others, counties, role } = page;
  return (
    <>
      <h1>
        {org.name} <HelperStatusBadge status={org.status} />
      </h1>
      {welcome ? (
        <p className="notice notice-ok" role="status">
          {t('org.welcome')}
        </p>
      ) : null}
      <DoneNotice done={done} prefix="org.done" />
      <FormMessage result={result} />
      <p data-testid="vetting-status">{t(`org.vetting.${org.status}`)}</p>
      {org.statusReason ? (
        <p className="notice notice-error">
          {t('me.vetting.reason')}: {org.statusReason}
        </p>
      ) : null}
      {org.status === 'rejected' && canManage ? (
        <Form method="post" className="stack">
          <input type="hidden" name="intent" value="reapply" />
          <input type="hidden" name="orgId" value={org.id} />
          <p className="hint">{t('me.vetting.reapply_hint')}</p>
          <button type="submit" disabled={busy}>
            {t('me.vetting.reapply')}
          </button>
        </Form>
      ) : null}
      <p className="meta">
        <span className="badge">{t(`org.kind.${org.kind}`)}</span>
        <span>{t(`org.role.${role}`)}</span>
      </p>
      {others.length ? (
        <p>
          {t('org.others')}:{' '}
          {others.map((o) => (
            <Link key={o.id} to={`/org?org=${o.id}`}>
              {o.name}{' '}
            </Link>
          ))}
        </p>
      ) : null}

      {org.status === 'approved' ? (
        <p>
          <Link to="/wishes?open=1" className="button">
            {t('org.basket_link')}
          </Link>
        </p>
      ) : null}
      <MyClaims claims={claims} />

      <section aria-labelledby="members-heading">
        <h2 id="members-heading">{t('org.members')}</h2>
        <DataTable label={t('org.members')} headers={[t('org.member.name'), canManage ? t('auth.field.email') : null, t('org.member.role'), t('org.member.joined')]}>
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
            <Form method="post" className="stack">
              <input type="hidden" name="intent" value="invite" />
              <input type="hidden" name="orgId" value={org.id} />
              <Field name="email" label={t('org.invite.email')} type="email" result={result} hint={t('org.invite.hint')} required />
              <button type="submit" disabled={busy}>
                {t('org.invite.submit')}
              </button>
            </Form>
          </>
        ) : null}
      </section>

      <section aria-labelledby="org-profile-heading">
        <h2 id="org-profile-heading">{t('org.profile')}</h2>
        {canManage ? (
          <Form method="post" className="stack">
            <input type="hidden" name="intent" value="profile" />
            <input type="hidden" name="orgId" value={org.id} />
            <Field name="name" label={t('auth.field.organization_name')} result={result} defaultValue={org.name} required maxLength={100} />
            <label htmlFor="kind">
              {t('auth.field.organization_kind')}
              <select id="kind" name="kind" defaultValue={org.kind}>
                <option value="social_org">{t('org.kind.social_org')}</option>
                <option value="company">{t('org.kind.company')}</option>
              </select>
              <FieldErrors result={result} name="kind" />
            </label>
            <Field name="contactName" label={t('org.field.contact_name')} result={result} defaultValue={org.contactName} maxLength={40} />
            <Field name="contactPhone" label={t('org.field.contact_phone')} type="tel" result={result} defaultValue={org.contactPhone} maxLength={20} />
            <CountySelect counties={counties} defaultValue={org.countySiteId} result={result} />
            <Field name="description" label={t('org.field.description')} result={result} defaultValue={org.description} maxLength={500} multiline />
            <button type="submit" disabled={busy}>
              {t('common.save')}
            </button>
          </Form>
        ) : (
          <dl className="facts">
            <dt>{t('org.field.contact_name')}</dt>
            <dd>{org.contactName ?? '—'}</dd>
            <dt>{t('org.field.contact_phone')}</dt>
            <dd>{org.contactPhone ?? '—'}</dd>
            <dt>{t('org.field.description')}</dt>
            <dd>{org.description ?? '—'}</dd>
          </dl>
        )}
      </section>
    </>
  );
}
