import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useLocale, useT } from '../components/i18n';
import { PagedTable } from '../components/lists';
import { reportQuery, tableNumber } from '../components/reports';
import { requireStaff } from '../auth/guards.server';
import { FIGURES } from '../domain/report';
import { ReportRecordsQuery } from '../forms/reports';
import { parseQuery } from '../forms/parse';
import { formatDateTime } from '../i18n/index';
import { pageTitle } from '../i18n/meta';
import { failure, notFound } from '../server/http.server';
import { requestMeta } from '../services/auth.server';
import { reportRecords } from '../services/report-pages.server';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'reports.records.title');

/** /reports/records?figure=&from=&to=&site=: the records a figure counts, each linked to its staff page. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = requireStaff(request, context);
  const { figure, ...query } = parseQuery(ReportRecordsQuery, request);
  if (!figure) notFound();
  const result = reportRecords(viewer.actor, { ...query, figure }, requestMeta(context));
  if (!result.ok) throw failure(result.error);
  return result.value;
}

export default function ReportRecords() {
  const view = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const f = FIGURES[view.figure];
  const scope = { ...view.period, site: view.site?.code ?? '' };
  const siteName = view.site ? (locale === 'en' ? view.site.nameEn : view.site.nameZh) : t('reports.all_sites');
  return (
    <>
      <p>
        <Link to={`/reports?${reportQuery(scope)}#figure-${view.figure}`}>{t('reports.records.back')}</Link>
      </p>
      <h1>
        {t('reports.records.title')}:{t(f.labelKey)}
      </h1>
      <p className="meta">{t('reports.scope', { site: siteName, from: view.period.from, to: view.period.to })}</p>
      <p data-testid="figure-value">
        {view.value === null ? t('reports.pending') : t('reports.records.figure_value', { value: tableNumber(view.figure, view.value), unit: t(f.unitKey) })}
      </p>
      <p className="meta definition">{t(f.definitionKey)}</p>
      <p data-testid="records-count">{t('reports.records.count', { total: view.total, sum: Math.round(view.sum * 100) / 100 })}</p>
      <p>
        <a href={`/reports/records.csv?${reportQuery(scope, { figure: view.figure })}`} download>
          {t('reports.export.records')}
        </a>
      </p>
      {view.total === 0 ? (
        <p className="meta">{t('reports.records.empty')}</p>
      ) : (
        <PagedTable
          label={t(f.labelKey)}
          headers={[t('reports.records.kind'), t('reports.records.record'), t('reports.records.site'), t('reports.records.date'), t('reports.records.weight')]}
          rows={view.records}
          paging={view.paging}
        >
          {(r) => (
            <>
              <td>{t(`reports.kind.${r.kind}`)}</td>
              <td className="cell-wrap">
                <Link to={r.href}>{r.label || r.id}</Link>
              </td>
              <td className="cell-wrap">{(locale === 'en' ? r.siteEn : r.siteZh) ?? ''}</td>
              <td>{r.at === null ? '' : formatDateTime(r.at, locale)}</td>
              <td>{Math.round(r.weight * 100) / 100}</td>
            </>
          )}
        </PagedTable>
      )}
    </>
  );
}
