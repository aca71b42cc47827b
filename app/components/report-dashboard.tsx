import { Link } from '@remix-run/react';
import { Fragment } from 'react';
import { FIGURES, formatFigure } from '../domain/report';
import { formatDateTime } from '../i18n/index';
import type { ReportDashboardView } from '../views/report-issue';
import { BarChart } from './charts';
import { useLocale, useT } from './i18n';

/** The top of /staff and /admin: this half-year's letter figures over the viewer's subtree, one chart, and the way to /reports. */
export function ReportDashboard({ data }: { data: ReportDashboardView | null }) {
  const t = useT();
  const locale = useLocale();
  if (!data) return null;
  const name = (c: { nameZh: string; nameEn: string }) => (locale === 'en' ? c.nameEn : c.nameZh);
  const scope = data.site ? name(data.site) : t('report.dashboard.everything');
  return (
    <section aria-labelledby="report-dashboard-heading" className="report-dashboard" data-testid="report-dashboard">
      <h2 id="report-dashboard-heading">{t('report.dashboard.heading', { scope, from: data.period.from, to: data.period.to })}</h2>
      {data.pending ? (
        <p role="status" className="notice" data-testid="report-dashboard-pending">
          {t('reports.pending')}
        </p>
      ) : null}
      {data.asOf !== null ? (
        <p role="status" className="meta" data-testid="report-dashboard-as-of">
          {t('reports.as_of', { at: formatDateTime(data.asOf, locale) })}
        </p>
      ) : null}
      <dl className="facts">
        {data.figures.map((f) => (
          <Fragment key={f.key}>
            <dt>{t(FIGURES[f.key].labelKey)}</dt>
            <dd>
              {formatFigure(f.key, f.value, locale === 'en' ? 'en' : 'zh-CN')} {t(locale === 'en' || FIGURES[f.key].format !== 'yuan' ? FIGURES[f.key].unitKey : 'report.dashboard.wan_yuan')}
            </dd>
          </Fragment>
        ))}
      </dl>
      <BarChart
        title={t('report.dashboard.chart')}
        data={data.byCounty.map((c) => ({ label: name(c), value: c.wishesFulfilled }))}
        labelHeader={t('report.csv.county')}
        valueHeader={t('report.figure.wishesFulfilled')}
      />
      <p>
        <Link to="/reports">{t('report.dashboard.open')}</Link> · <Link to="/reports/issued">{t('report.issued.title')}</Link>
      </p>
    </section>
  );
}
