import { Link } from '@remix-run/react';
import type { ReactNode } from 'react';
import { formatDateTime } from '../i18n/index';
import { useLocale, useT } from './i18n';
import { WishChildLine, WishFactsLine, WishStatusBadge } from './wish-ui';

export interface PublicWishCard {
  id: string;
  title: string;
  category: string;
  ageBand: string;
  valueFen: number;
  deadlineAt: number | null;
  status: string;
  alias: string;
  countyZh: string;
  countyEn: string;
}

/** A card's title is a heading one level under the list's: h2 on a page of cards, h3 under a section's h2. */
type CardHeadingLevel = 2 | 3;

function CardTitle({ level, to, children }: { level: CardHeadingLevel; to: string; children: ReactNode }) {
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <Heading>
      <Link to={to}>{children}</Link>
    </Heading>
  );
}

/** `children` adds to the foot of the card (e.g. the basket's checkbox on /wishes). */
export function WishCard({ wish, headingLevel = 2, children }: { wish: PublicWishCard; headingLevel?: CardHeadingLevel; children?: ReactNode }) {
  return (
    <li className="card">
      <CardTitle level={headingLevel} to={`/wishes/${wish.id}`}>
        {wish.title}
      </CardTitle>
      <WishChildLine wish={wish} />
      <WishFactsLine wish={wish}>
        <WishStatusBadge status={wish.status} />
      </WishFactsLine>
      {children}
    </li>
  );
}

export interface PublicActivityCard {
  id: string;
  type: string;
  title: string;
  siteZh: string;
  siteEn: string;
  nextStart: number | null;
  slotCount: number;
}

export function ActivityCard({ activity, headingLevel = 2 }: { activity: PublicActivityCard; headingLevel?: CardHeadingLevel }) {
  const t = useT();
  const locale = useLocale();
  return (
    <li className="card">
      <CardTitle level={headingLevel} to={`/activities/${activity.id}`}>
        {activity.title}
      </CardTitle>
      <p className="meta">
        <span className="badge">{t(`activity.type.${activity.type}`)}</span>
        <span>{locale === 'en' ? activity.siteEn : activity.siteZh}</span>
      </p>
      <p className="meta">
        {activity.nextStart ? <span>{formatDateTime(activity.nextStart, locale)}</span> : null}
        <span>
          {t('activities.slots')}: {activity.slotCount}
        </span>
      </p>
    </li>
  );
}
