import { Link } from '@remix-run/react';
import { formatDate, formatDateTime } from '../i18n/index';
import { useLocale, useT } from './i18n';
import type { ChildPairingView, PairingAlertsView } from '../views/pairing-list';

/**
 * The top of /staff: concerns about a child nobody has acknowledged yet, marked urgent, each linked to its
 * pairing; then the pairings whose contact is overdue. Nothing at all when there is neither.
 */
export function PairingAlerts({ alerts }: { alerts: PairingAlertsView }) {
  const t = useT();
  const locale = useLocale();
  if (alerts.concerns.length === 0 && alerts.overdue.total === 0) return null;
  return (
    <>
      {alerts.concerns.length > 0 ? (
        <section className="notice notice-error" role="alert" aria-labelledby="pairing-concerns-title" data-testid="pairing-concerns">
          <h2 id="pairing-concerns-title">
            {t('pairlist.alerts.concerns')} <span className="badge badge-bad">{alerts.concerns.length}</span>
          </h2>
          <ul className="queue-list">
            {alerts.concerns.map((c) => (
              <li key={c.id}>
                <strong>{t('pairlist.alerts.urgent')}</strong> <Link to={c.url}>{`${t(`concern.kind.${c.kind}`)} · ${c.childAlias}`}</Link>
                <span className="meta">
                  <span>{locale === 'en' ? c.siteEn : c.siteZh}</span>
                  <span>{t('pairlist.alerts.by', { name: c.volunteerName })}</span>
                  <span>{t('pairlist.alerts.raised', { date: formatDateTime(c.raisedAt, locale) })}</span>
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {alerts.overdue.total > 0 ? (
        <section className="queue" aria-labelledby="pairing-overdue-title" data-testid="pairing-overdue">
          <h2 id="pairing-overdue-title">
            {t('pairlist.alerts.overdue')} <span className="badge badge-warn">{alerts.overdue.total}</span>
          </h2>
          <ul className="queue-list">
            {alerts.overdue.items.map((p) => (
              <li key={p.id}>
                <Link to={p.url}>{p.childAlias}</Link>
                <span className="meta">
                  <span>{p.volunteerName}</span>
                  <span>{locale === 'en' ? p.siteEn : p.siteZh}</span>
                  <span>{t('pairlist.alerts.since', { date: formatDate(p.since, locale) })}</span>
                </span>
              </li>
            ))}
          </ul>
          <p>
            <Link to={alerts.overdue.url}>{t('pairlist.alerts.overdue_all', { n: alerts.overdue.total })}</Link>
          </p>
        </section>
      ) : null}
    </>
  );
}

/** The pairing history on a child's staff page: every pairing, newest first, each linked to its page; a link to pair the child when none is live. */
export function ChildPairingHistory({ childId, pairings }: { childId: string; pairings: ChildPairingView[] }) {
  const t = useT();
  const locale = useLocale();
  return (
    <section aria-labelledby="child-pairings-title" data-testid="child-pairings">
      <h2 id="child-pairings-title">{t('pairlist.history.title')}</h2>
      {pairings.length === 0 ? (
        <p>{t('common.none')}</p>
      ) : (
        <ul className="queue-list">
          {pairings.map((p) => (
            <li key={p.id}>
              <Link to={p.url}>{p.volunteerName}</Link> <span className="badge">{t(`pairing.status.${p.status}`)}</span>
              <span className="meta">
                <span>
                  {p.startedAt !== null
                    ? t('pairlist.history.period', {
                        from: formatDate(p.startedAt, locale),
                        to: p.endedAt !== null ? formatDate(p.endedAt, locale) : t('pairlist.history.now'),
                      })
                    : t('pairlist.history.proposed', { date: formatDate(p.proposedAt, locale) })}
                </span>
                <span>{t('pairlist.history.visits', { n: p.confirmedVisits, hours: Math.round((p.confirmedMinutes / 60) * 10) / 10 })}</span>
              </span>
            </li>
          ))}
        </ul>
      )}
      {/* One live (proposed or active) pairing per child: a new one only once every earlier one has ended. */}
      {pairings.every((p) => p.status === 'ended') ? (
        <p>
          <Link to={`/staff/pairings/new?childId=${encodeURIComponent(childId)}`} className="button secondary">
            {t('pairlist.history.pair')}
          </Link>
        </p>
      ) : null}
    </section>
  );
}
