import { formatMoney } from '../i18n/index';
import { useT } from './i18n';
import { DataTable } from './lists';

/** A signed-in person who belongs to no organization. */
export function OrgMissing() {
  const t = useT();
  return (
    <>
      <h1>{t('org.title')}</h1>
      <p>{t('org.none')}</p>
    </>
  );
}

/** What the organization gave per year: the figures a company's CSR report asks for. */
export function GivingByYear({ giving }: { giving: { year: number; wishes: number; valueFen: number }[] }) {
  const t = useT();
  return (
    <section aria-labelledby="giving-heading">
      <h2 id="giving-heading">{t('org.giving')}</h2>
      {giving.length === 0 ? (
        <p>{t('org.giving.none')}</p>
      ) : (
        <DataTable label={t('org.giving.table')} headers={[t('org.giving.year'), t('org.giving.wishes'), t('org.giving.value')]}>
          {giving.map((g) => (
            <tr key={g.year}>
              <td>{g.year}</td>
              <td data-testid={`giving-wishes-${g.year}`}>{g.wishes}</td>
              <td data-testid={`giving-value-${g.year}`}>{formatMoney(g.valueFen)}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <p className="hint">{t('org.giving.hint')}</p>
    </section>
  );
}
