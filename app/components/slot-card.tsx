import { Link } from '@remix-run/react';
import { formatDate, formatTimeRange } from '../i18n/index';
import { useLocale, useT } from './i18n';

/** One slot of an approved activity as the public sees it: activity and slot fields only (an activity names no child). */
export interface PublicSlotCard {
  slotId: string;
  activityId: string;
  title: string;
  type: string;
  contactTier: string;
  startsAt: number;
  endsAt: number;
  placesLeft: number;
  siteZh: string;
  siteEn: string;
  countyZh: string;
  countyEn: string;
  /** The slot has taken place (the past list). */
  ended: boolean;
}

/** A card's title is a heading one level under the list's: h2 on /activities, h3 under a section's h2 on the home page. */
export function SlotCard({ slot, headingLevel = 2 }: { slot: PublicSlotCard; headingLevel?: 2 | 3 }) {
  const t = useT();
  const locale = useLocale();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const en = locale === 'en';
  return (
    <li className="card" data-testid="slot-card" data-slot={slot.slotId}>
      <Heading>
        <Link to={`/activities/${slot.activityId}`}>{slot.title}</Link>
      </Heading>
      <p className="meta">
        <span className="badge">{t(`activity.type.${slot.type}`)}</span>
        <span>{en ? slot.countyEn : slot.countyZh}</span>
        <span data-testid="slot-tier">{t(`actlist.tier.${slot.contactTier}`)}</span>
      </p>
      <p className="meta">
        <span>
          {t('actlist.time')}: <span data-testid="slot-time">{formatTimeRange(slot.startsAt, slot.endsAt, locale)}</span>
        </span>
        <span>
          {t('actlist.site')}: {en ? slot.siteEn : slot.siteZh}
        </span>
      </p>
      <p className="meta">
        {slot.ended ? (
          <span className="badge" data-testid="slot-ended">
            {t('actlist.ended_on', { date: formatDate(slot.startsAt, locale) })}
          </span>
        ) : (
          <span className="badge" data-testid="slot-places">
            {slot.placesLeft > 0 ? t('activities.places_left', { n: slot.placesLeft }) : t('activities.full')}
          </span>
        )}
      </p>
    </li>
  );
}
