import { Link } from '@remix-run/react';
import { hoursOf } from '../domain/certificate';
import { formatMoney } from '../i18n/index';
import { useT } from './i18n';

/** /org: what the organization did on the platform, all years together, with a printable receipt per year it gave. */
export function OrgTotals({
  totals,
  orgId,
  years,
}: {
  totals: { wishesFulfilled: number; valueFen: number; activitiesRun: number; volunteerMinutes: number };
  orgId: string;
  years: number[];
}) {
  const t = useT();
  return (
    <section aria-labelledby="org-totals-heading" data-testid="org-totals">
      <h2 id="org-totals-heading">{t('orgtotals.heading')}</h2>
      <dl className="facts">
        <dt>{t('orgtotals.wishes')}</dt>
        <dd data-testid="org-total-wishes">{t('orgtotals.wishes_value', { n: totals.wishesFulfilled })}</dd>
        <dt>{t('orgtotals.value')}</dt>
        <dd data-testid="org-total-value">{formatMoney(totals.valueFen)}</dd>
        <dt>{t('orgtotals.activities')}</dt>
        <dd data-testid="org-total-activities">{t('orgtotals.activities_value', { n: totals.activitiesRun })}</dd>
        <dt>{t('orgtotals.hours')}</dt>
        <dd data-testid="org-total-hours">{t('orgtotals.hours_value', { hours: hoursOf(totals.volunteerMinutes) })}</dd>
      </dl>
      <p className="hint">{t('orgtotals.hint')}</p>
      {years.length ? (
        <ul className="plain section-links">
          {years.map((year) => (
            <li key={year}>
              <Link to={`/org/receipt/${year}?org=${orgId}`}>{t('orgtotals.receipt', { year })}</Link>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
