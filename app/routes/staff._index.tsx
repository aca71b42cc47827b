import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useT } from '../components/i18n';
import { VettingQueue } from '../components/staff-vetting';
import { requireStaff } from '../auth/guards.server';
import { vettingQueue } from '../services/vetting.server';
import { WishQueues } from '../components/wish-queues';
import { wishQueues } from '../services/wish-queues.server';
import { pageTitle } from '../i18n/meta';
import { ActivityQueues } from '../components/activities';
import { DoneNotice } from '../components/wish-ui';
import { doneParam } from '../forms/parse';
import { staffActivityQueues } from '../services/activity-proposals.server';
import { PairingAlerts } from '../components/pairing-list';
import { staffPairingAlerts } from '../services/pairing-list.server';
import { ReportDashboard } from '../components/report-dashboard';
import { reportDashboard } from '../services/report-issue.server';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'staff.home.title');

// Work queues of the staff member's site subtree (everything for an admin). Each area adds its own
// queue here: one key in the loader, one section in the page.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = requireStaff(request, context);
  const now = Date.now();
  return {
    pairings: staffPairingAlerts(viewer.actor, now),
    vetting: vettingQueue(viewer.actor, now),
    wishes: wishQueues(viewer.actor, now),
    activities: staffActivityQueues(viewer.actor, now),
    done: doneParam(request, ['no_show_reviewed']),
    report: reportDashboard(viewer.actor, now),
  };
}

export default function StaffHome() {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <h1>{t('staff.home.title')}</h1>
      <PairingAlerts alerts={data.pairings} />
      <DoneNotice done={data.done} prefix="act.done" />
      <nav className="quick-links" aria-label={t('staff.home.shortcuts')}>
        <Link to="/staff/wishes/new" className="button">
          {t('staff.wishes.new')}
        </Link>
        <Link to="/staff/wishes">{t('staff.wishes.title')}</Link>
        <Link to="/staff/claims">{t('staff.claims.title')}</Link>
        <Link to="/staff/children">{t('staff.children.title')}</Link>
        <Link to="/staff/activities">{t('act.staff_title')}</Link>
        <Link to="/staff/pairings">{t('pairlist.title')}</Link>
        <Link to="/staff/certificates">{t('staffcert.title')}</Link>
      </nav>
      <ReportDashboard data={data.report} />
      <WishQueues queues={data.wishes} />
      <VettingQueue queue={data.vetting} />
      <ActivityQueues queues={data.activities} />
    </>
  );
}
