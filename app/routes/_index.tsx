import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { WishCard } from '../components/cards';
import { SlotCard } from '../components/slot-card';
import { useT } from '../components/i18n';
import { homePage } from '../services/public.server';
import { metaTranslator } from '../i18n/meta';

export const meta: MetaFunction = ({ matches }) => [{ title: metaTranslator(matches)('home.title') }];

export async function loader(_: LoaderFunctionArgs) {
  return homePage(Date.now());
}

export default function Home() {
  const { counts, latestWishes, upcomingSlots } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <section className="hero">
        <h1>{t('home.title')}</h1>
        <p>{t('home.intro')}</p>
      </section>
      <section className="stats" aria-label={t('home.title')}>
        <div className="stat">
          <span className="stat-value" data-testid="count-open-wishes">
            {counts.openWishes}
          </span>
          <span className="stat-label">{t('home.open_wishes')}</span>
        </div>
        <div className="stat">
          <span className="stat-value" data-testid="count-upcoming-slots">
            {counts.upcomingSlots}
          </span>
          <Link to="/activities" className="stat-label" data-testid="upcoming-slots-link">
            {t('home.upcoming_slots')}
          </Link>
        </div>
        <div className="stat">
          <span className="stat-value" data-testid="count-fulfilled-wishes">
            {counts.fulfilledWishes}
          </span>
          <span className="stat-label">{t('home.fulfilled_wishes')}</span>
        </div>
      </section>
      <h2>{t('home.latest_wishes')}</h2>
      {latestWishes.length ? (
        <ul className="cards">
          {latestWishes.map((w) => (
            <WishCard key={w.id} wish={w} headingLevel={3} />
          ))}
        </ul>
      ) : (
        <p>{t('wishes.empty')}</p>
      )}
      <p>
        <Link to="/wishes">{t('home.see_all_wishes')} →</Link>
      </p>
      <h2>{t('home.latest_activities')}</h2>
      {upcomingSlots.length ? (
        <ul className="cards">
          {upcomingSlots.map((slot) => (
            <SlotCard key={slot.slotId} slot={slot} headingLevel={3} />
          ))}
        </ul>
      ) : (
        <p>{t('actlist.empty')}</p>
      )}
      <p>
        <Link to="/activities">{t('home.see_all_activities')} →</Link>
      </p>
      <section className="hero">
        <h2>{t('home.how.title')}</h2>
        <ol>
          <li>{t('home.how.1')}</li>
          <li>{t('home.how.2')}</li>
          <li>
            {t('home.how.3')} <Link to="/activities">{t('actlist.see_activities')}</Link>
          </li>
        </ol>
      </section>
    </>
  );
}
