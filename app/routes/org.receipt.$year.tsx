import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { useLocale, useT } from '../components/i18n';
import { DataTable } from '../components/lists';
import { BackLink } from '../components/page';
import { requireViewer } from '../auth/guards.server';
import { parseQuery } from '../forms/parse';
import { OrgQuery } from '../forms/queries';
import { formatDate, formatMoney } from '../i18n/index';
import { pageTitle } from '../i18n/meta';
import { failure } from '../server/http.server';
import { orgReceipt } from '../services/org-totals.server';

export const meta: MetaFunction = ({ matches, params }) => pageTitle(matches, 'receipt.title', { year: params.year ?? '' });

/** /org/receipt/:year?org=: the printable receipt of what the organization gave in a year (its members only). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = requireViewer(request);
  const year = /^\d{4}$/.test(params.year ?? '') ? Number(params.year) : NaN;
  const result = orgReceipt(viewer, parseQuery(OrgQuery, request).org || null, year);
  if (!result.ok) throw failure(result.error);
  return result.value;
}

export default function Receipt() {
  const r = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <BackLink to={`/org?org=${r.org.id}`} label={t('receipt.back')} className="meta no-print" />
      <article className="certificate" aria-labelledby="receipt-title">
        <h1 id="receipt-title" className="certificate-title">
          {t('receipt.title', { year: r.year })}
        </h1>
        <p>{t('receipt.body', { org: r.org.name, year: r.year })}</p>
        {r.lines.length === 0 ? (
          <p>{t('receipt.none')}</p>
        ) : (
          <DataTable label={t('receipt.table')} headers={[t('receipt.col.date'), t('receipt.col.wish'), t('receipt.col.site'), t('receipt.col.value')]}>
            {r.lines.map((l) => (
              <tr key={l.claimId}>
                <td>{formatDate(l.confirmedAt, locale)}</td>
                <td className="cell-wrap">{l.title}</td>
                <td className="cell-wrap">{locale === 'en' ? l.siteEn : l.siteZh}</td>
                <td className="num">{formatMoney(l.valueFen)}</td>
              </tr>
            ))}
            <tr className="total-row">
              <th scope="row">{t('receipt.total')}</th>
              <td />
              <td />
              <td className="num" data-testid="receipt-total">
                {formatMoney(r.totalFen)}
              </td>
            </tr>
          </DataTable>
        )}
        <p className="hint">{t('receipt.issued_by')}</p>
      </article>
    </>
  );
}
