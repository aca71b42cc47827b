import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData, useRevalidator } from '@remix-run/react';
import { useEffect } from 'react';
import { BarChart } from '../components/charts';
import { useLocale, useT } from '../components/i18n';
import { CopyButton, CountyTable, FiguresTable, recordsHref, reportQuery, ReportParagraph, type ReportScope } from '../components/reports';
import { requireStaff } from '../auth/guards.server';
import { ReportQuery } from '../forms/reports';
import { parseQuery } from '../forms/parse';
import { formatDateTime } from '../i18n/index';
import { pageTitle } from '../i18n/meta';
import { failure } from '../server/http.server';
import { requestMeta } from '../services/auth.server';
import { reportPage } from '../services/report-pages.server';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'reports.title');
/** /reports: staff see their subtree (or a site inside it), admins any site or everything. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = requireStaff(request, context);
  const result = reportPage(viewer.actor, parseQuery(ReportQuery, request), requestMeta(context));
  if (!result.ok) throw failure(result.error);
  return result.value;
}

export default function Reports() {
  const report = useLoaderData<typeof loader>();
  // Figures not computed yet (README D35): asked for again every two seconds until the worker has them; without
  // script, the notice's link reloads the page.
  const revalidator = useRevalidator();
  useEffect(() => {
    if (!report.pending || revalidator.state !== 'idle') return;
    const timer = setTimeout(() => revalidator.revalidate(), 2000);
    return () => clearTimeout(timer);
  }, [report, revalidator]);
  const t = useT();
  const locale = useLocale();
  const name = (s: { nameZh: string; nameEn: string }) => (locale === 'en' ? s.nameEn : s.nameZh);
  const scope: ReportScope = {
    ...report.period,
    site: report.site?.code ?? '',
  };
  const siteName = report.site ? name(report.site) : t('reports.all_sites');
  return (
    <>
      <h1>{t('reports.title')}</h1>
      <p className="meta" data-testid="report-scope">
        {t('reports.scope', {
          site: siteName,
          from: report.period.from,
          to: report.period.to,
        })}
      </p>

      <section aria-labelledby="report-picker">
        <h2 id="report-picker">{t('reports.picker.title')}</h2>
        {report.problem ? (
          <p role="alert" className="notice notice-error">
            {t(report.problem)}
          </p>
        ) : null}
        <nav aria-label={t('reports.picker.period')}>
          <ul className="plain report-presets">
            {report.presets.map((p) => (
              <li key={p.preset}>
                <Link
                  to={`/reports?${reportQuery({
                    from: p.from,
                    to: p.to,
                    site: scope.site,
                  })}`}
                  aria-current={report.preset === p.preset ? 'true' : undefined}
                >
                  {t(`reports.preset.${p.preset}`)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <Form method="get" className="filters">
          <fieldset>
            <legend>{t('reports.picker.custom')}</legend>
            <label>
              {t('reports.picker.from')}
              <input type="date" name="from" defaultValue={report.period.from} required />
            </label>
            <label>
              {t('reports.picker.to')}
              <input type="date" name="to" defaultValue={report.period.to} required />
            </label>
            <label>
              {t('reports.picker.site')}
              <select name="site" defaultValue={scope.site}>
                {report.allSites ? <option value="">{t('reports.all_sites')}</option> : null}
                {report.sites.map((s) => (
                  <option key={s.code} value={s.code}>
                    {`${'\u3000'.repeat(Math.max(0, s.depth))}${name(s)}`}
                  </option>
                ))}
              </select>
            </label>
          </fieldset>
          <button type="submit">{t('reports.picker.submit')}</button>
        </Form>
      </section>

      {report.pending ? (
        <p role="status" className="notice" data-testid="report-pending">
          {t('reports.pending')} <a href={`/reports?${reportQuery(scope)}`}>{t('reports.pending.reload')}</a>
        </p>
      ) : (
        <>
          {report.issued ? (
            <p role="status" className="notice" data-testid="report-issued">
              {t('reports.issued_figures', {
                at: formatDateTime(report.issued.issuedAt, locale),
              })}{' '}
              <Link to={`/reports/issued/${report.issued.id}`}>{t('reports.issued_link')}</Link>
            </p>
          ) : null}
          {report.asOf !== null ? (
            <p role="status" className="notice" data-testid="report-as-of">
              {t('reports.as_of', { at: formatDateTime(report.asOf, locale) })}
            </p>
          ) : null}
          <section aria-labelledby="report-figures">
            <h2 id="report-figures">{t('reports.figures.title')}</h2>
            <FiguresTable figures={report.figures.total} prior={report.prior.total} priorPeriod={report.priorPeriod} scope={scope} />
            <p>
              <a href={`/reports/export.csv?${reportQuery(scope)}`} download>
                {t('reports.export.figures')}
              </a>
            </p>
          </section>

          <section aria-labelledby="report-counties">
            <h2 id="report-counties">{t('reports.counties.title')}</h2>
            {report.figures.byCounty.length === 0 ? (
              <p className="meta">{t('reports.counties.empty')}</p>
            ) : (
              <CountyTable figures={report.figures} scope={scope} />
            )}
          </section>

          <section aria-labelledby="report-charts">
            <h2 id="report-charts">{t('reports.charts.title')}</h2>
            {report.charts === null ? (
              <p className="meta">{t('reports.charts.pending')}</p>
            ) : (
              <>
                <BarChart
                  title={t('reports.chart.per_month')}
                  labelHeader={t('reports.chart.month')}
                  valueHeader={t('reports.chart.count')}
                  data={report.charts.fulfilledPerMonth.map((m) => ({
                    label: m.month,
                    value: m.value,
                    href: recordsHref({ from: m.from, to: m.to, site: scope.site }, 'wishesFulfilled'),
                  }))}
                />
                {report.charts.heldPerType.length === 0 ? (
                  <p className="meta">{t('reports.chart.empty')}</p>
                ) : (
                  <BarChart
                    title={t('reports.chart.per_type')}
                    labelHeader={t('reports.chart.type')}
                    valueHeader={t('reports.chart.count')}
                    data={report.charts.heldPerType.map((r) => ({
                      label: t(`activity.type.${r.type}`),
                      value: r.value,
                    }))}
                  />
                )}
                <BarChart
                  title={t('reports.chart.per_county')}
                  labelHeader={t('reports.chart.county')}
                  valueHeader={t('reports.chart.count')}
                  data={report.charts.servedPerCounty.map((c) => ({
                    label: name(c.county),
                    value: c.value,
                  }))}
                />
              </>
            )}
          </section>

          <section aria-labelledby="report-paragraph">
            <h2 id="report-paragraph">{t('reports.paragraph.title')}</h2>
            <ReportParagraph segments={report.paragraph.zh} lang="zh-CN" id="paragraph-zh" />
            <CopyButton segments={report.paragraph.zh} />
            <h3>{t('reports.paragraph.en')}</h3>
            <ReportParagraph segments={report.paragraph.en} lang="en" id="paragraph-en" />
          </section>

          <section aria-labelledby="report-issue">
            <h2 id="report-issue">{t('reports.issue.title')}</h2>
            {report.canIssue ? (
              <form method="post" action="/reports/issued">
                <input type="hidden" name="intent" value="issue" />
                <input type="hidden" name="from" value={report.period.from} />
                <input type="hidden" name="to" value={report.period.to} />
                <input type="hidden" name="site" value={scope.site} />
                <p className="meta">{t('reports.issue.hint')}</p>
                <button type="submit">{t('reports.issue.submit')}</button>
              </form>
            ) : (
              <p className="meta">{t('reports.issue.open', { to: report.period.to })}</p>
            )}
            <p>
              <a href="/reports/issued">{t('reports.issue.list')}</a>
            </p>
          </section>
        </>
      )}
    </>
  );
}
