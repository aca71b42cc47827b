import { Link } from '@remix-run/react';
import { formatDate, formatDateTime } from '../i18n/index';
import type { WishQueuesData } from '../views/types';
import { useLocale, useT } from './i18n';

const SECTIONS = [
  ['returned', 'queues.returned', 'queues.returned.empty'],
  ['toReview', 'queues.to_review', 'queues.to_review.empty'],
  ['toApprove', 'queues.to_approve', 'queues.to_approve.empty'],
  ['toConfirm', 'queues.to_confirm', 'queues.to_confirm.empty'],
  ['expiringSoon', 'queues.expiring', 'queues.expiring.empty'],
] as const;

/** The staff's wish work: each item linked to the page where it is done (/staff/wishes/:id, /staff/claims/:id). */
export function WishQueues({ queues }: { queues: WishQueuesData }) {
  const t = useT();
  const locale = useLocale();
  return (
    <section className="wish-queues" aria-labelledby="wish-queues-title">
      <h2 id="wish-queues-title">{t('queues.title')}</h2>
      {SECTIONS.map(([key, title, empty]) => {
        const items = queues[key];
        return (
          <section key={key} className="queue" data-testid={`queue-${key}`}>
            <h3>
              {t(title)} <span className="badge">{items.length}</span>
            </h3>
            {items.length === 0 ? (
              <p className="meta">{t(empty)}</p>
            ) : (
              <ul className="queue-list">
                {items.map((item) => (
                  <li key={item.id}>
                    <Link to={item.url}>{item.title}</Link>
                    <span className="meta">
                      <span>{item.alias}</span>
                      <span>{locale === 'en' ? item.siteEn : item.siteZh}</span>
                      {item.who ? <span>{item.who}</span> : null}
                      <span>
                        {key === 'expiringSoon'
                          ? t('queues.due', { date: formatDate(item.at, locale) })
                          : formatDateTime(item.at, locale)}
                      </span>
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </section>
  );
}
