import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { StatusTitleCells } from '../components/wish-ui';
import { useLocale, useT } from '../components/i18n';
import { ActivitiesToReview } from '../components/activities';
import { CountedSection, DataTable } from '../components/lists';
import { requireStaff } from '../auth/guards.server';
import { formatDateTime, formatTimeRange } from '../i18n/index';
import { pageTitle } from '../i18n/meta';
import { failure } from '../server/http.server';
import { staffActivitiesOverview } from '../services/activity-proposals.server';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'act.staff_title');

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = requireStaff(request, context);
  const result = staffActivitiesOverview(viewer.actor, Date.now());
  if (!result.ok) throw failure(result.error);
  return result.value;
}

type SlotItem = ReturnType<typeof useLoaderData<typeof loader>>['upcoming'][number];

/** The activities of the staff member's subtree: to review, upcoming slots, slots to close, and all of them. */
export default function StaffActivities() {
  const { toReview, upcoming, toClose, all } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const site = (r: { siteZh: string; siteEn: string }) => (locale === 'en' ? r.siteEn : r.siteZh);
  const slotTable = (label: string, items: SlotItem[]) => (
    <DataTable label={label} headers={[t('act.col.when'), t('act.field.title'), t('act.field.site'), t('act.col.places'), t('act.col.waiting')]}>
      {items.map((s) => (
        <tr key={s.slotId}>
          <td>
            <Link to={`/staff/slots/${s.slotId}`}>{formatTimeRange(s.startsAt, s.endsAt, locale)}</Link>
          </td>
          <td className="cell-wrap">
            <Link to={`/staff/activities/${s.activityId}`}>{s.title}</Link>
          </td>
          <td>{site(s)}</td>
          <td>{t('act.places', { taken: s.confirmed + s.offered, capacity: s.capacity })}</td>
          <td>{s.waitlisted}</td>
        </tr>
      ))}
    </DataTable>
  );
  return (
    <>
      <h1>{t('act.staff_title')}</h1>
      <nav className="quick-links" aria-label={t('staff.home.shortcuts')}>
        <Link to="/staff/activities/new" className="button">
          {t('act.new_title')}
        </Link>
      </nav>

      <CountedSection heading="h2" id="act-to-review" title={t('act.queue.to_review')} count={toReview.length} empty={t('act.queue.to_review.empty')}>
        <ActivitiesToReview items={toReview} testId="activities-to-review" />
      </CountedSection>

      <CountedSection heading="h2" id="act-to-close" title={t('act.queue.to_close')} count={toClose.length} empty={t('act.queue.to_close.empty')}>
        {slotTable(t('act.queue.to_close'), toClose)}
      </CountedSection>

      <CountedSection heading="h2" id="act-upcoming" title={t('act.queue.upcoming')} count={upcoming.length} empty={t('act.queue.upcoming.empty')}>
        {slotTable(t('act.queue.upcoming'), upcoming)}
      </CountedSection>

      <section aria-labelledby="act-all">
        <h2 id="act-all">{t('act.all')}</h2>
        {all.length === 0 ? (
          <p className="meta">{t('act.none')}</p>
        ) : (
          <DataTable label={t('act.all')} headers={[t('act.col.status'), t('act.field.title'), t('act.field.site'), t('act.col.first_slot'), t('act.col.slots')]}>
            {all.map((a) => (
              <tr key={a.id}>
                <StatusTitleCells kind="activity" status={a.status} to={`/staff/activities/${a.id}`} title={a.title} />
                <td>{site(a)}</td>
                <td>{a.firstStart !== null ? formatDateTime(a.firstStart, locale) : '—'}</td>
                <td>{a.slotCount}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
    </>
  );
}
