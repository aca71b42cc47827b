import { countFigureRecords, keptReportCharts, listFigureRecords } from '../data/report-records.server';
import { listSites } from '../data/sites.server';
import type { Actor } from '../domain/actor';
import { shanghaiDate } from '../domain/calendar';
import { ok, type Result } from '../domain/errors';
import { can } from '../domain/policy';
import { periodProblem, reportParagraph, type FigureKey, type Period } from '../domain/report';
import {
  figuresWithPriorCsv,
  monthsOf,
  monthWithin,
  PERIOD_PRESETS,
  periodClosed,
  periodYearEarlier,
  presetOf,
  presetPeriod,
  recordHref,
  recordsCsv,
  type RecordLine,
} from '../domain/report-pages';
import { formatDateTime, translator, type Locale } from '../i18n/index';
import { clampedPage, pageWindow } from '../server/paging.server';
import type { ReportView } from '../views/report';
import type { ReportPageView, ReportRecordsView, ReportSiteOption } from '../views/report-pages';
import type { RequestMeta } from './auth.server';
import { reportFor } from './reports.server';

// /reports, /reports/records and the CSV exports: the report reportFor computes and guards (report.read on the
// subtree), with the same period a year earlier, the charts, the paragraph, and the records behind each figure.

export interface ReportPageRequest {
  /** '' when not given: the current half-year. */
  from: string;
  to: string;
  /** '' for the viewer's own subtree (everything, for an admin). */
  site: string;
}

const siteOf = (r: ReportView) => (r.site ? { code: r.site.code, nameZh: r.site.nameZh, nameEn: r.site.nameEn } : null);

/** The period asked for, or the current half-year when none (or a malformed one) was given. */
function choosePeriod(request: ReportPageRequest, today: string): { period: Period; problem: string | null } {
  if (!request.from && !request.to) return { period: presetPeriod('this_half', today), problem: null };
  const asked = { from: request.from, to: request.to };
  const problem = periodProblem(asked);
  return problem ? { period: presetPeriod('this_half', today), problem: `report.error.${problem}` } : { period: asked, problem: null };
}

/** The sites the actor may report on: their own site (every site for an admin) and the cities and counties under it. */
function siteOptions(actor: Actor | null): { sites: ReportSiteOption[]; allSites: boolean } {
  const all = listSites();
  const admin = can(actor, 'report.read', { type: 'global' });
  const own = admin ? null : all.find((s) => s.id === actor?.staff?.siteId);
  const rootPath = own?.path ?? '/';
  const rootDepth = rootPath.split('/').length;
  const sites = all
    .filter((s) => s.path.startsWith(rootPath) && (s.id === own?.id || s.kind === 'city' || s.kind === 'county'))
    .map((s) => ({ code: s.code, nameZh: s.nameZh, nameEn: s.nameEn, depth: s.path.split('/').length - rootDepth - (own ? 0 : 1) }));
  return { sites, allSites: admin };
}

/** /reports: the figures of a period over a subtree, a year earlier, per county, the charts and the paragraph. */
export function reportPage(actor: Actor | null, request: ReportPageRequest, meta: RequestMeta): Result<ReportPageView> {
  const today = shanghaiDate(meta.now);
  const { period, problem } = choosePeriod(request, today);
  const siteCode = request.site || undefined;
  const current = reportFor(actor, { ...period, siteCode }, meta);
  if (!current.ok) return current;
  const priorPeriod = periodYearEarlier(period);
  const prior = reportFor(actor, { ...priorPeriod, siteCode }, meta);
  if (!prior.ok) return prior;
  const report = current.value;
  const rows = keptReportCharts(report.site?.path ?? '/', report.bounds);
  const perMonth = new Map(rows.fulfilledPerMonth.map((r) => [r.month, r.value]));
  const perCounty = new Map(rows.servedPerCounty.map((r) => [r.countyId, r.value]));
  return ok({
    period,
    preset: presetOf(period, today),
    presets: PERIOD_PRESETS.map((preset) => ({ preset, ...presetPeriod(preset, today) })),
    problem,
    site: siteOf(report),
    ...siteOptions(actor),
    figures: report.figures,
    priorPeriod,
    prior: prior.value.figures,
    paragraph: { zh: reportParagraph(report.figures.total, period, 'zh-CN'), en: reportParagraph(report.figures.total, period, 'en') },
    charts: {
      fulfilledPerMonth: monthsOf(period).map((month) => ({ month, value: perMonth.get(month) ?? 0, ...monthWithin(month, period) })),
      heldPerType: rows.heldPerType,
      servedPerCounty: report.figures.byCounty.map((c) => ({ county: c.county, value: perCounty.get(c.county.id) ?? 0 })),
    },
    canIssue: periodClosed(period, today),
  });
}

export interface ReportRecordsRequest extends ReportPageRequest {
  figure: FigureKey;
  page: number;
}

/** /reports/records: one page of the records behind a figure, with the figure they add up to. */
export function reportRecords(actor: Actor | null, request: ReportRecordsRequest, meta: RequestMeta): Result<ReportRecordsView> {
  const { period } = choosePeriod(request, shanghaiDate(meta.now));
  const current = reportFor(actor, { ...period, siteCode: request.site || undefined }, meta);
  if (!current.ok) return current;
  const report = current.value;
  const rootPath = report.site?.path ?? '/';
  const { total, sum } = countFigureRecords(rootPath, request.figure, report.bounds);
  const paging = clampedPage(total, request.page);
  const records = listFigureRecords(rootPath, request.figure, report.bounds, pageWindow(paging.page)).map((r) => ({ ...r, href: recordHref(r.kind, r.linkId) }));
  return ok({ figure: request.figure, period, site: siteOf(report), value: report.figures.total[request.figure], total, sum, records, paging });
}

export interface CsvFile {
  filename: string;
  body: string;
}

const scopeName = (report: ReportView, locale: Locale) =>
  report.site ? (locale === 'en' ? report.site.nameEn : report.site.nameZh) : translator(locale)('reports.all_sites');

/** /reports/export.csv: the figures table with the same period a year earlier. */
export function figuresCsvFile(actor: Actor | null, request: ReportPageRequest, meta: RequestMeta, locale: Locale): Result<CsvFile> {
  const { period } = choosePeriod(request, shanghaiDate(meta.now));
  const siteCode = request.site || undefined;
  const current = reportFor(actor, { ...period, siteCode }, meta);
  if (!current.ok) return current;
  const prior = reportFor(actor, { ...periodYearEarlier(period), siteCode }, meta);
  if (!prior.ok) return prior;
  const report = current.value;
  const body = figuresWithPriorCsv({ scopeName: scopeName(report, locale), figures: report.figures, prior: prior.value.figures }, translator(locale), locale);
  return ok({ filename: `report-${report.site?.code ?? 'all'}-${period.from}-${period.to}.csv`, body });
}

/** /reports/records.csv: every record behind one figure (staff only: report.read). */
export function recordsCsvFile(actor: Actor | null, request: ReportPageRequest & { figure: FigureKey }, meta: RequestMeta, locale: Locale): Result<CsvFile> {
  const { period } = choosePeriod(request, shanghaiDate(meta.now));
  const current = reportFor(actor, { ...period, siteCode: request.site || undefined }, meta);
  if (!current.ok) return current;
  const report = current.value;
  const lines: RecordLine[] = listFigureRecords(report.site?.path ?? '/', request.figure, report.bounds).map((r) => ({
    kind: r.kind,
    id: r.id,
    label: r.label,
    site: (locale === 'en' ? r.siteEn : r.siteZh) ?? '',
    at: r.at === null ? '' : formatDateTime(r.at, locale),
    weight: r.weight,
  }));
  return ok({ filename: `records-${request.figure}-${report.site?.code ?? 'all'}-${period.from}-${period.to}.csv`, body: recordsCsv(lines, translator(locale)) });
}
