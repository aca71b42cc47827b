import { Link } from '@remix-run/react';
import { formatDate } from '../i18n/index';
import type { MyPairingRow } from '../views/pairing-me';
import { useLocale, useT } from './i18n';
import { DataTable } from './lists';

/** Confirmed minutes as hours with one decimal. */
export function hoursOf(minutes: number): string {
  return (Math.round(minutes / 6) / 10).toString();
}

/** The "My pairings" section of /me: each pairing linked to its page, with its credited hours and last confirmed contact. */
export function MyPairingsSection({ pairings }: { pairings: MyPairingRow[] }) {
  const t = useT();
  const locale = useLocale();
  if (!pairings.length) return null;
  return (
    <section className="card" aria-labelledby="pairings-heading" data-testid="my-pairings">
      <h2 id="pairings-heading">{t('pairme.my_pairings')}</h2>
      <p className="meta">{t('pairme.my_pairings_intro')}</p>
      <DataTable label={t('pairme.my_pairings')} headers={[t('pairme.col.child'), t('pairme.col.status'), t('pairme.col.hours'), t('pairme.col.last_contact')]}>
        {pairings.map((p) => (
          <tr key={p.id} data-testid="my-pairing">
            <td>
              <Link to={`/me/pairings/${p.id}`}>
                {t('pairme.child_face', { alias: p.childAlias, band: p.ageBand, county: locale === 'en' ? p.countyEn : p.countyZh })}
              </Link>
            </td>
            <td>
              <span className={`badge ${p.status === 'proposed' ? 'badge-warn' : p.status === 'active' ? 'badge-ok' : ''}`}>{t(`pairing.status.${p.status}`)}</span>
              {p.overdue ? <span className="badge badge-bad"> {t('pairme.overdue')}</span> : null}
            </td>
            <td>{t('pairme.hours', { hours: hoursOf(p.creditedMinutes) })}</td>
            <td>{p.lastContactAt === null ? t('pairme.never') : formatDate(p.lastContactAt, locale)}</td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}
