import { Link } from '@remix-run/react';
import { formatDate, formatDateTime } from '../i18n/index';
import type { VettingQueueData, VettingQueueItem } from '../views/types';
import { HelperStatusBadge } from './auth';
import { useLocale, useT } from './i18n';

function HelperCard({ item, asOf, showRecheck = false }: { item: VettingQueueItem; asOf: number; showRecheck?: boolean }) {
  const t = useT();
  const locale = useLocale();
  const county = locale === 'en' ? item.countyEn : item.countyZh;
  return (
    <li className="card">
      <h3>
        <Link to={`/staff/helpers/${item.id}`}>{item.name}</Link> <HelperStatusBadge status={item.status} />
      </h3>
      <p className="meta">
        <span className="badge">{t(`helper.kind.${item.kind}`)}</span>
        {item.caringParent ? <span className="badge">{t('helper.caring_parent')}</span> : null}
        <span>{county ?? t('helper.no_county')}</span>
        {item.emailVerified === false ? <span className="badge badge-warn">{t('me.email_unverified')}</span> : null}
        {showRecheck && item.recheckDueAt ? (
          <span className={item.recheckDueAt < asOf ? 'badge badge-bad' : 'badge badge-warn'}>
            {t(item.recheckDueAt < asOf ? 'vetting.recheck_overdue' : 'vetting.recheck_due', { date: formatDate(item.recheckDueAt, locale) })}
          </span>
        ) : (
          <span>{formatDate(item.since, locale)}</span>
        )}
      </p>
    </li>
  );
}

function HelperList({ items, asOf, empty, showRecheck }: { items: VettingQueueItem[]; asOf: number; empty: string; showRecheck?: boolean }) {
  if (items.length === 0) return <p className="meta">{empty}</p>;
  return (
    <ul className="cards">
      {items.map((item) => (
        <HelperCard key={`${item.kind}-${item.id}`} item={item} asOf={asOf} showRecheck={showRecheck} />
      ))}
    </ul>
  );
}

/** The vetting section of /staff: who waits for a decision, who is due for a re-check, recent decisions. */
export function VettingQueue({ queue }: { queue: VettingQueueData }) {
  const t = useT();
  return (
    <section aria-labelledby="vetting-queue-heading" className="queue-section">
      <h2 id="vetting-queue-heading">
        {t('vetting.queue.title')} <span className="badge">{queue.pending.length}</span>
      </h2>
      <HelperList asOf={queue.asOf} items={queue.pending} empty={t('vetting.queue.empty')} />
      <h3>{t('vetting.queue.recheck')}</h3>
      <HelperList asOf={queue.asOf} items={queue.recheckDue} empty={t('vetting.queue.recheck_empty')} showRecheck />
      <details>
        <summary>{t('vetting.queue.recent')}</summary>
        <HelperList asOf={queue.asOf} items={queue.recent} empty={t('common.none')} />
      </details>
    </section>
  );
}

export interface HelperTimelineEvent {
  id: string;
  at: number;
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  note: string | null;
  actorName: string | null;
}

/** The helper's audit trail, oldest first. */
export function HelperTimeline({ events }: { events: HelperTimelineEvent[] }) {
  const t = useT();
  const locale = useLocale();
  if (events.length === 0) return <p className="meta">{t('common.none')}</p>;
  return (
    <ol className="timeline">
      {events.map((e) => (
        <li key={e.id}>
          <strong>{t(`audit.action.${e.action}`)}</strong>
          {e.fromStatus && e.toStatus && e.fromStatus !== e.toStatus ? (
            <span className="meta">
              {' '}
              {t(`helper.status.${e.fromStatus}`)} → {t(`helper.status.${e.toStatus}`)}
            </span>
          ) : null}
          <div className="meta">
            <span>{formatDateTime(e.at, locale)}</span>
            {e.actorName ? <span>{e.actorName}</span> : null}
          </div>
          {e.note ? <p>{e.note}</p> : null}
        </li>
      ))}
    </ol>
  );
}
