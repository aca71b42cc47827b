import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useLocale, useT } from '../components/i18n';
import { formatTimeRange } from '../i18n/index';
import { notFound } from '../server/http.server';
import { publicActivityPage } from '../services/public.server';
import { textTitle } from '../i18n/meta';

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => textTitle(matches, data?.activity.title, 'activities.title');

export async function loader({ params }: LoaderFunctionArgs) {
  const page = publicActivityPage(params.id ?? '');
  if (!page) notFound();
  return page;
}

export default function ActivityPage() {
  const { activity, slots } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <p>
        <Link to="/activities">← {t('activities.title')}</Link>
      </p>
      <h1>{activity.title}</h1>
      <p className="meta">
        <span className="badge">{t(`activity.type.${activity.type}`)}</span>
        <span>{locale === 'en' ? activity.siteEn : activity.siteZh}</span>
        {activity.orgName ? <span>{activity.orgName}</span> : null}
        {/* "Approved" is staff's word: the public only needs to know when an activity is over or off. */}
        {activity.status === 'approved' ? null : <span className="badge">{t(`activity.status.${activity.status}`)}</span>}
      </p>
      <p>{activity.description}</p>
      <p className="notice">{t('activities.signup_not_open')}</p>
      <h2>{t('activities.slots')}</h2>
      {slots.length ? (
        <ul className="cards">
          {slots.map((slot) => {
            const left = Math.max(0, slot.capacity - slot.confirmed);
            return (
              <li key={slot.id} className="card" id={`slot-${slot.id}`}>
                <p>
                  <strong>{formatTimeRange(slot.startsAt, slot.endsAt, locale)}</strong>
                </p>
                <p className="meta">
                  <span>{locale === 'en' ? slot.siteEn : slot.siteZh}</span>
                  {slot.status === 'closed' ? (
                    <span className="badge">{t('activities.slot_closed')}</span>
                  ) : left > 0 ? (
                    <span className="badge badge-ok">{t('activities.places_left', { n: left })}</span>
                  ) : (
                    <span className="badge badge-warn">{t('activities.full')}</span>
                  )}
                </p>
              </li>
            );
          })}
        </ul>
      ) : (
        <p>{t('common.none')}</p>
      )}
    </>
  );
}
