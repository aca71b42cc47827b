import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { HelperStatusBadge } from '../components/auth';
import { useLocale, useT } from '../components/i18n';
import { MyClaims } from '../components/my-claims';
import { MyActivitiesSection } from '../components/my-activities';
import { MyPairingsSection } from '../components/my-pairings';
import { ActionButton, PendingSteps, SectionLinks } from '../components/settings';
import { DoneNotice, OkNotice } from '../components/wish-ui';
import { requireViewer } from '../auth/guards.server';
import { doneParam } from '../forms/parse';
import { formatDate } from '../i18n/index';
import { pageTitle } from '../i18n/meta';
import { claimsOfHelper } from '../services/my-claims.server';
import { mePage } from '../services/profile.server';
import { myActivities } from '../services/my-signups.server';
import { myPairings } from '../services/pairing-me-page.server';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'nav.me');

/** The notices of /me and of its sections, which come back here after saving. */
const DONE = ['account', 'profile', 'password', 'verification_sent', 'volunteer', 'reapply', 'email_change_sent', 'email_changed', 'feed_rotated'] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = requireViewer(request);
  return {
    ...mePage(viewer, Date.now()),
    claims: claimsOfHelper(viewer.actor, 'personal'),
    activities: myActivities(viewer.actor, Date.now()),
    pairings: myPairings(viewer.actor, Date.now()),
    welcome: new URL(request.url).searchParams.has('welcome'),
    done: doneParam(request, DONE),
  };
}

/** /me lists the account's sections; each form has its own page (/me/profile, /me/password…). */
export default function Me() {
  const { account, volunteer, orgs, welcome, done, claims, activities, pairings } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const sections = [
    ...(volunteer ? [{ to: '/me/profile', label: t('me.profile') }] : []),
    ...(volunteer ? [{ to: '/me/certificate', label: t('me.certificate_link') }] : []),
    { to: '/me/account', label: t('me.account_name') },
    { to: '/me/email', label: t('me.email') },
    { to: '/me/password', label: t('me.password') },
  ];
  return (
    <>
      <h1>{t('me.title', { name: account.displayName })}</h1>
      <OkNotice text={welcome ? t('me.welcome') : null} />
      <DoneNotice done={done} prefix="me.done" />

      <section className="card" aria-labelledby="account-heading">
        <h2 id="account-heading">{t('me.account')}</h2>
        <p>
          {account.email}{' '}
          {account.emailVerified ? (
            <span className="badge badge-ok">{t('me.email_verified')}</span>
          ) : (
            <span className="badge badge-warn">{t('me.email_unverified')}</span>
          )}
        </p>
        {account.emailVerified ? null : <ActionButton action="/me/verification" hint={t('me.verify_hint')} label={t('me.resend_verification')} className="secondary" />}
        {orgs.length ? (
          <p>
            {t('me.orgs')}:{' '}
            {orgs.map((o) => (
              <span key={o.id}>
                <Link to={`/org?org=${o.id}`}>{o.name}</Link> <HelperStatusBadge status={o.status} />{' '}
              </span>
            ))}
          </p>
        ) : null}
        <SectionLinks label={t('me.sections')} links={sections} />
      </section>

      {volunteer ? (
        <section className="card" aria-labelledby="vetting-heading">
          <h2 id="vetting-heading">{t('me.vetting')}</h2>
          <p data-testid="vetting-status">
            <HelperStatusBadge status={volunteer.status} /> {t(`me.vetting.${volunteer.status}`)}
          </p>
          {volunteer.status === 'approved' ? (
            <p data-testid="activities-link">
              <Link to="/activities">{t('actlist.see_activities')}</Link>
            </p>
          ) : null}
          <PendingSteps steps={volunteer.pendingSteps} prefix="me.vetting.step" links={{ verify_email: '/me/verification', complete_profile: '/me/profile' }} />
          {volunteer.statusReason ? (
            <p className="notice notice-error">
              {t('me.vetting.reason')}: {volunteer.statusReason}
            </p>
          ) : null}
          {volunteer.status === 'rejected' ? <ActionButton action="/me/reapply" hint={t('me.vetting.reapply_hint')} label={t('me.vetting.reapply')} /> : null}
          {volunteer.status === 'approved' && volunteer.recheckDueAt ? (
            volunteer.recheckOverdue ? (
              <p className="notice notice-warn" data-testid="recheck-overdue">
                {t('me.vetting.recheck_overdue', { date: formatDate(volunteer.recheckDueAt, locale) })}
              </p>
            ) : (
              <p className="meta">{t('me.vetting.recheck', { date: formatDate(volunteer.recheckDueAt, locale) })}</p>
            )
          ) : null}
        </section>
      ) : (
        <section className="card" aria-labelledby="volunteer-heading">
          <h2 id="volunteer-heading">{t('me.volunteer')}</h2>
          <ActionButton action="/me/volunteer" hint={t('me.become_volunteer_intro')} label={t('me.become_volunteer')} />
        </section>
      )}

      <MyPairingsSection pairings={pairings} />
      {volunteer && (volunteer.status === 'approved' || claims.length > 0) ? <MyClaims claims={claims} /> : null}
      {volunteer?.status === 'approved' || orgs.some((o) => o.status === 'approved') || activities.feedUrl || activities.attended.length ? (
        <MyActivitiesSection mine={activities} />
      ) : null}
    </>
  );
}
