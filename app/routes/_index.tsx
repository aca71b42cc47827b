import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import type { ReactNode } from 'react';
import { Link, useLoaderData } from '@remix-run/react';
import { WishCard } from '../components/cards';
import { SlotCard } from '../components/slot-card';
import { useT } from '../components/i18n';
import { homePage } from '../services/public.server';
import { metaTranslator, withDescription } from '../i18n/meta';

export const meta: MetaFunction = ({ matches }) => {
  const t = metaTranslator(matches);
  return withDescription(t, t('home.title'));
};

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
        <Stat testId="count-open-wishes" value={counts.openWishes}>
          <span className="stat-label">{t('home.open_wishes')}</span>
        </Stat>
        <Stat testId="count-upcoming-slots" value={counts.upcomingSlots}>
          <Link to="/activities" className="stat-label" data-testid="upcoming-slots-link">
            {t('home.upcoming_slots')}
          </Link>
        </Stat>
        <Stat testId="count-fulfilled-wishes" value={counts.fulfilledWishes}>
          <span className="stat-label">{t('home.fulfilled_wishes')}</span>
        </Stat>
      </section>
      <Latest title={t('home.latest_wishes')} empty={t('wishes.empty')} more={{ to: '/wishes', label: t('home.see_all_wishes') }}>
        {latestWishes.map((w) => (
          <WishCard key={w.id} wish={w} headingLevel={3} />
        ))}
      </Latest>
      <Latest title={t('home.latest_activities')} empty={t('actlist.empty')} more={{ to: '/activities', label: t('home.see_all_activities') }}>
        {upcomingSlots.map((slot) => (
          <SlotCard key={slot.slotId} slot={slot} headingLevel={3} />
        ))}
      </Latest>
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

/** One figure of the home page with its label (a link where there is a page of them). */
function Stat({ testId, value, children }: { testId: string; value: number; children: ReactNode }) {
  return (
    <div className="stat">
      <span className="stat-value" data-testid={testId}>
        {value}
      </span>
      {children}
    </div>
  );
}

/** A few of the latest of a kind as cards (or the empty text), and the link to all of them. */
function Latest({ title, empty, more, children }: { title: string; empty: string; more: { to: string; label: string }; children: ReactNode[] }) {
  return (
    <>
      <h2>{title}</h2>
      {children.length ? <ul className="cards">{children}</ul> : <p>{empty}</p>}
      <p>
        <Link to={more.to}>{more.label} →</Link>
      </p>
    </>
  );
}
