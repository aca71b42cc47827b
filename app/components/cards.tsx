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

/** `children` adds to the foot of the card (e.g. the basket's checkbox on /wishes). */
export function WishCard({ wish, children }: { wish: PublicWishCard; children?: ReactNode }) {
  return (
    <li className="card">
      <h3>
        <Link to={`/wishes/${wish.id}`}>{wish.title}</Link>
      </h3>
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

export function ActivityCard({ activity }: { activity: PublicActivityCard }) {
  const t = useT();
  const locale = useLocale();
  return (
    <li className="card">
      <h3>
        <Link to={`/activities/${activity.id}`}>{activity.title}</Link>
      </h3>
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
