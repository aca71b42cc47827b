import { Link } from '@remix-run/react';
import type { ReactNode } from 'react';
import { formatDate, formatDateTime, formatTimeRange } from '../i18n/index';
import type { MyActivities, MySignup } from '../views/signups';
import { useLocale, useT } from './i18n';
import { ActionButton } from './settings';
import { SignupStatusBadge, SlotButton } from './slot-signup';

function SlotLine({ s }: { s: MySignup }) {
  const locale = useLocale();
  return (
    <>
      <Link to={`/activities/${s.activityId}#slot-${s.slotId}`}>{s.activityTitle}</Link>{' '}
      <span className="meta">
        {formatTimeRange(s.startsAt, s.endsAt, locale)} · {locale === 'en' ? s.siteEn : s.siteZh}
        {s.place ? ` ${s.place}` : ''}
      </span>
    </>
  );
}

/**
 * A titled list of the person's sign-ups, each its slot line and then what `children` adds. When there
 * are none: the title and `empty`, or nothing at all without it.
 */
function SlotList<S extends MySignup>({
  title,
  testId,
  signups,
  empty,
  children,
}: {
  title: string;
  testId: string;
  signups: S[];
  empty?: ReactNode;
  children?: (s: S) => ReactNode;
}) {
  if (!signups.length && empty === undefined) return null;
  return (
    <>
      <h3>{title}</h3>
      {signups.length ? (
        <ul>
          {signups.map((s) => (
            <li key={s.signupId} data-testid={testId}>
              <SlotLine s={s} />
              {children ? <> {children(s)}</> : null}
            </li>
          ))}
        </ul>
      ) : (
        empty
      )}
    </>
  );
}

const hours = (minutes: number) => Math.round((minutes / 60) * 10) / 10;

/** The activity section of /me: places, waiting list, offers, attended service with hours per year, the calendar feed. */
export function MyActivitiesSection({ mine }: { mine: MyActivities }) {
  const t = useT();
  const locale = useLocale();
  const nothing = !mine.upcoming.length && !mine.waiting.length && !mine.offers.length;
  return (
    <section className="card" aria-labelledby="my-activities-heading" data-testid="my-activities">
      <h2 id="my-activities-heading">{t('my_activities.title')}</h2>
      <SlotList title={t('my_activities.offers')} testId="my-offer" signups={mine.offers}>
        {(s) => (
          <>
            <SignupStatusBadge status={s.status} />{' '}
            {s.offerExpiresAt !== null ? t('signups.offer_until', { time: formatDateTime(s.offerExpiresAt, locale) }) : null}
            <div className="actions">
              <SlotButton action={`/activities/${s.activityId}`} intent="accept_offer" slotId={s.slotId} label={t('signups.accept_offer')} busy={false} />
              <SlotButton action={`/activities/${s.activityId}`} intent="decline_offer" slotId={s.slotId} label={t('signups.decline_offer')} busy={false} className="secondary" />
            </div>
          </>
        )}
      </SlotList>
      <SlotList
        title={t('my_activities.upcoming')}
        testId="my-upcoming"
        signups={mine.upcoming}
        empty={<p>{nothing ? <Link to="/activities">{t('my_activities.none')}</Link> : t('common.none')}</p>}
      />
      <SlotList title={t('my_activities.waiting')} testId="my-waiting" signups={mine.waiting}>
        {(s) => (s.position !== null ? t('signups.position', { n: s.position }) : null)}
      </SlotList>
      <h3>{t('my_activities.attended')}</h3>
      {mine.attended.length ? (
        <>
          <ul>
            {mine.minutesByYear.map((y) => (
              <li key={y.year} data-testid="hours-year">
                {t('my_activities.hours_year', { year: y.year, hours: hours(y.minutes) })}
              </li>
            ))}
          </ul>
          <ul>
            {mine.attended.map((a, i) => (
              <li key={i}>
                <Link to={`/activities/${a.activityId}`}>{a.activityTitle}</Link>{' '}
                <span className="meta">
                  {formatDate(a.startsAt, locale)} · {locale === 'en' ? a.siteEn : a.siteZh} · {t('my_activities.hours', { hours: hours(a.minutes) })}
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>{t('my_activities.no_attended')}</p>
      )}
      {mine.feedUrl ? (
        <>
          <h3>{t('my_activities.feed')}</h3>
          <p className="hint">{t('my_activities.feed_hint')}</p>
          <p>
            <code data-testid="feed-url">{mine.feedUrl}</code>
          </p>
          <ActionButton action="/me/calendar" label={t('my_activities.rotate')} hint={t('my_activities.rotate_hint')} className="secondary">
            <input type="hidden" name="intent" value="rotate_feed" />
          </ActionButton>
        </>
      ) : null}
    </section>
  );
}
