import { Link } from '@remix-run/react';
import { CLAIM_DELIVERY_DAYS } from '../domain/claim';
import { formatDate } from '../i18n/index';
import type { HelperClaim } from '../views/types';
import { useLocale, useT } from './i18n';
import { ClaimStatusBadge, WishChildLine } from './wish-ui';

/**
 * When a live claim is due, as the helper should read it: once approved, the date to deliver by;
 * while it waits for approval, the delivery window that approval will open (and the wish's deadline).
 */
export function ClaimDue({ status, dueAt }: { status: string; dueAt: number | null }) {
  const t = useT();
  const locale = useLocale();
  if (status === 'approved' && dueAt !== null) return <>{t('my_claims.due', { date: formatDate(dueAt, locale) })}</>;
  if (status !== 'pending') return null;
  return dueAt === null
    ? <>{t('my_claims.due_after_approval', { days: CLAIM_DELIVERY_DAYS })}</>
    : <>{t('my_claims.due_after_approval_by', { days: CLAIM_DELIVERY_DAYS, date: formatDate(dueAt, locale) })}</>;
}

/** A helper's claims, each linked to its wish page, with its state and what happens next. */
export function MyClaims({ claims }: { claims: HelperClaim[] }) {
  const t = useT();
  const locale = useLocale();
  return (
    <section className="my-claims" aria-labelledby="my-claims-title">
      <h2 id="my-claims-title">{t('my_claims.title')}</h2>
      {claims.length === 0 ? (
        <p>
          {t('my_claims.empty')} <Link to="/wishes?open=1">{t('my_claims.browse')}</Link>
        </p>
      ) : (
        <ul className="cards">
          {claims.map((c) => (
            <li key={c.id} className="card" data-testid="my-claim">
              <h3>
                <Link to={c.url}>{c.title}</Link>
              </h3>
              <WishChildLine wish={c}>{c.orgName ? <span>{t('my_claims.for_org', { org: c.orgName })}</span> : null}</WishChildLine>
              <p>
                <ClaimStatusBadge status={c.status} /> {t(c.nextStep)}
                {' '}
                <ClaimDue status={c.status} dueAt={c.dueAt} />
              </p>
              {c.status === 'approved' ? (
                <p>
                  <Link to={c.url} className="button secondary">
                    {t('my_claims.open_to_deliver')}
                  </Link>
                </p>
              ) : null}
              {c.reason ? <p className="meta">{t('claim.reason_label')}: {c.reason}</p> : null}
              {c.thanks ? <p className="meta">{t('claim.thanks_label')}: {c.thanks}</p> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
