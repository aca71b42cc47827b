import { Link } from '@remix-run/react';
import { formatDate } from '../i18n/index';
import type { HelperClaim } from '../services/types';
import { useLocale, useT } from './i18n';
import { ClaimStatusBadge, WishChildLine } from './wish-ui';

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
                {c.dueAt !== null && (c.status === 'pending' || c.status === 'approved') ? (
                  <> {t('my_claims.due', { date: formatDate(c.dueAt, locale) })}</>
                ) : null}
              </p>
              {c.reason ? <p className="meta">{t('claim.reason_label')}: {c.reason}</p> : null}
              {c.thanks ? <p className="meta">{t('claim.thanks_label')}: {c.thanks}</p> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
