import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { HelperStatusBadge } from '../components/auth';
import { useT } from '../components/i18n';
import { MyClaims } from '../components/my-claims';
import { GivingByYear, OrgMissing } from '../components/org';
import { ActionButton, PendingSteps, SectionLinks } from '../components/settings';
import { DoneNotice, OkNotice } from '../components/wish-ui';
import { requireViewer } from '../auth/guards.server';
import { doneParam, parseQuery } from '../forms/parse';
import { OrgQuery } from '../forms/queries';
import { pageTitle } from '../i18n/meta';
import { claimsOfHelper } from '../services/my-claims.server';
import { orgPage } from '../services/organizations.server';
import { OrgActivities } from '../components/activities';
import { organizationActivities } from '../services/activity-proposals.server';
import { OrgTotals } from '../components/org-totals';
import { orgTotals } from '../services/org-totals.server';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'org.title');

/** The notices of /org and of its sections, which come back here after saving. */
const DONE = ['profile', 'invite', 'reapply'] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = requireViewer(request);
  const url = new URL(request.url);
  const page = orgPage(viewer, parseQuery(OrgQuery, request).org || null, Date.now());
  const activities = page ? organizationActivities(viewer.actor, page.org.id) : null;
  return {
    page,
    activities: activities?.ok ? activities.value : null,
    claims: claimsOfHelper(viewer.actor, 'org'),
    totals: page ? orgTotals(viewer, page.org.id) : null,
    welcome: url.searchParams.has('welcome'),
    done: doneParam(request, DONE),
  };
}

/** /org lists the organization's state, what it gave and its sections; each form has its own page (/org/profile, /org/members). */
export default function Organization() {
  const { page, claims, welcome, done, activities, totals } = useLoaderData<typeof loader>();
  const t = useT();
  if (!page) return <OrgMissing />;
  const { org, canManage, others, role, giving } = page;
  const q = `?org=${org.id}`;
  return (
    <>
      <h1>
        {org.name} <HelperStatusBadge status={org.status} />
      </h1>
      <OkNotice text={welcome ? t('org.welcome') : null} />
      <DoneNotice done={done} prefix="org.done" />
      <p data-testid="vetting-status">{t(`org.vetting.${org.status}`)}</p>
      {org.status === 'approved' ? (
        <p data-testid="activities-link">
          <Link to="/activities">{t('actlist.see_activities')}</Link>
        </p>
      ) : null}
      <PendingSteps steps={page.pendingSteps} prefix="org.vetting.step" links={{ verify_email: '/me/verification', ...(canManage ? { complete_profile: `/org/profile${q}` } : {}) }} />
      {org.statusReason ? (
        <p className="notice notice-error">
          {t('me.vetting.reason')}: {org.statusReason}
        </p>
      ) : null}
      {org.status === 'rejected' && canManage ? (
        <ActionButton action="/org/reapply" hint={t('me.vetting.reapply_hint')} label={t('me.vetting.reapply')}>
          <input type="hidden" name="orgId" value={org.id} />
        </ActionButton>
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
      <SectionLinks
        label={t('org.sections')}
        links={[
          { to: `/org/profile${q}`, label: t('org.profile') },
          { to: `/org/members${q}`, label: t('org.members') },
        ]}
      />

      {org.status === 'approved' ? (
        <p>
          <Link to="/wishes?open=1" className="button">
            {t('org.basket_link')}
          </Link>
        </p>
      ) : null}
      {totals ? <OrgTotals totals={totals} orgId={org.id} years={giving.map((g) => g.year)} /> : null}
      <GivingByYear giving={giving} />
      {activities ? <OrgActivities data={activities} orgId={org.id} canPropose={org.status === 'approved'} /> : null}
      <MyClaims claims={claims} />
    </>
  );
}
