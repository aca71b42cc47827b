import { keptInBackground } from '../data/report-background.server';
import { countFigureRecords, listFigureRecords, type ReportChartRows } from '../data/report-records.server';
import { findLiveSnapshotOf, topSites } from '../data/report-snapshots.server';
import { findSiteByCode, listSites } from '../data/sites.server';
import type { Actor } from '../domain/actor';
import { shanghaiDate } from '../domain/calendar';
import { ok, type Result } from '../domain/errors';
import { can } from '../domain/policy';
import { periodBounds, periodProblem, reportParagraph, type FigureKey, type Period, type ReportFigures } from '../domain/report';
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
import type { PendingReportPageView, ReportPageView, ReportRecordsView, ReportSiteOption } from '../views/report-pages';
import type { RequestMeta } from './auth.server';
import { keptReportFor, reportFor } from './reports.server';

// /reports, /reports/records and the CSV exports: the report reportFor computes and guards (report.read on the
// subtree), with the same period a year earlier, the charts, the paragraph, and the records behind each figure.

export interface ReportPageRequest {
  /** '' when not given: the current half-year. */
  from: string;
  to: string;
  /** '' for the viewer's own subtree (everything, for an admin). */
  site: string;
}

const siteRef = (site: ReportView['site']) => (site ? { code: site.code, nameZh: site.nameZh, nameEn: site.nameEn } : null);
const siteOf = (r: ReportView) => siteRef(r.site);

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

/**
 * The live issued report of exactly this period over this subtree (the site named; staff: their own; an admin's
 * whole platform: the one site at the top, where issuing files it), with its frozen figures (README D35).
 */
function issuedFor(period: Period, scope: ReportView['site']): { id: string; issuedAt: number; figures: ReportFigures } | null {
  const tops = scope ? [] : topSites();
  const site = scope ? findSiteByCode(scope.code) : tops.length === 1 ? tops[0] : undefined;
  if (!site) return null;
  const row = findLiveSnapshotOf(site.id, period.from, period.to);
  return row ? { id: row.id, issuedAt: row.issuedAt, figures: JSON.parse(row.figures) as ReportFigures } : null;
}

/**
 * /reports: the figures of a period over a subtree, a year earlier, per county, the charts and the paragraph. An
 * issued period shows its issued figures; otherwise the kept figures, never computed in the serving thread (README
 * D35): out of date, they are shown with the instant they were computed while a worker brings them up to date;
 * not computed yet, the page says so (pending) and reloads.
 */
export function reportPage(actor: Actor | null, request: ReportPageRequest, meta: RequestMeta): Result<ReportPageView | PendingReportPageView> {
  const today = shanghaiDate(meta.now);
  const { period, problem } = choosePeriod(request, today);
  const siteCode = request.site || undefined;
  const current = keptReportFor(actor, { ...period, siteCode }, meta);
  if (!current.ok) return current;
  const priorPeriod = periodYearEarlier(period);
  const prior = keptReportFor(actor, { ...priorPeriod, siteCode }, meta);
  if (!prior.ok) return prior;
  const shell = {
    period,
    preset: presetOf(period, today),
    presets: PERIOD_PRESETS.map((preset) => ({ preset, ...presetPeriod(preset, today) })),
    problem,
    ...siteOptions(actor),
  };
  const scopeSite = current.value.site;
  const issued = issuedFor(period, scopeSite);
  const issuedPrior = issuedFor(priorPeriod, scopeSite);
  const figures = issued?.figures ?? current.value.report?.figures;
  const priorFigures = issuedPrior?.figures ?? prior.value.report?.figures;
  const rootPath = scopeSite?.path ?? '/';
  const charts = keptInBackground<ReportChartRows>({ kind: 'charts', rootPath, bounds: periodBounds(period) });
  if (!figures || !priorFigures || (!charts && !issued)) return ok({ pending: true, ...shell, site: siteRef(scopeSite) });
  const perMonth = new Map((charts?.value.fulfilledPerMonth ?? []).map((r) => [r.month, r.value]));
  const perCounty = new Map((charts?.value.servedPerCounty ?? []).map((r) => [r.countyId, r.value]));
  const stale = [issued ? null : current.value.report?.asOf, issuedPrior ? null : prior.value.report?.asOf, charts && !charts.current ? charts.computedAt : null].filter(
    (at): at is number => typeof at === 'number',
  );
  return ok({
    pending: false,
    ...shell,
    site: siteRef(scopeSite),
    figures,
    priorPeriod,
    prior: priorFigures,
    paragraph: { zh: reportParagraph(figures.total, period, 'zh-CN'), en: reportParagraph(figures.total, period, 'en') },
    charts: charts
      ? {
          fulfilledPerMonth: monthsOf(period).map((month) => ({ month, value: perMonth.get(month) ?? 0, ...monthWithin(month, period) })),
          heldPerType: charts.value.heldPerType,
          servedPerCounty: figures.byCounty.map((c) => ({ county: c.county, value: perCounty.get(c.county.id) ?? 0 })),
        }
      : null,
    asOf: stale.length > 0 ? Math.min(...stale) : null,
    issued: issued ? { id: issued.id, issuedAt: issued.issuedAt } : null,
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
  // The figure from the kept figures (README D35): never recomputed here; null while none are computed yet.
  const current = keptReportFor(actor, { ...period, siteCode: request.site || undefined }, meta);
  if (!current.ok) return current;
  const { site, report } = current.value;
  const rootPath = site?.path ?? '/';
  const bounds = periodBounds(period);
  const { total, sum } = countFigureRecords(rootPath, request.figure, bounds);
  const paging = clampedPage(total, request.page);
  const records = listFigureRecords(rootPath, request.figure, bounds, pageWindow(paging.page)).map((r) => ({ ...r, href: recordHref(r.kind, r.linkId) }));
  return ok({ figure: request.figure, period, site: siteRef(site), value: report ? report.figures.total[request.figure] : null, total, sum, records, paging });
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
  // The kept figures (README D35); a download cannot wait for a reload, so figures never computed are computed here.
  const kept = (p: Period) => {
    const found = keptReportFor(actor, { ...p, siteCode }, meta);
    return found.ok && !found.value.report ? reportFor(actor, { ...p, siteCode }, meta) : found.ok ? ok(found.value.report as ReportView) : found;
  };
  const current = kept(period);
  if (!current.ok) return current;
  const prior = kept(periodYearEarlier(period));
  if (!prior.ok) return prior;
  const report = current.value;
  const body = figuresWithPriorCsv({ scopeName: scopeName(report, locale), figures: report.figures, prior: prior.value.figures }, translator(locale), locale);
  // Out of date figures say so in the file's name: when they were computed (UTC).
  const stale = [report.asOf, prior.value.asOf].filter((at): at is number => at !== null);
  const asOf = stale.length > 0 ? `-as-of-${new Date(Math.min(...stale)).toISOString().slice(0, 16).replace(/[-:]/g, '')}Z` : '';
  return ok({ filename: `report-${report.site?.code ?? 'all'}-${period.from}-${period.to}${asOf}.csv`, body });
}

/** /reports/records.csv: every record behind one figure (staff only: report.read). */
export function recordsCsvFile(actor: Actor | null, request: ReportPageRequest & { figure: FigureKey }, meta: RequestMeta, locale: Locale): Result<CsvFile> {
  const { period } = choosePeriod(request, shanghaiDate(meta.now));
  // Only the subtree and its permission: the records are listed, no figure is needed (README D35).
  const current = keptReportFor(actor, { ...period, siteCode: request.site || undefined }, meta);
  if (!current.ok) return current;
  const site = current.value.site;
  const lines: RecordLine[] = listFigureRecords(site?.path ?? '/', request.figure, periodBounds(period)).map((r) => ({
    kind: r.kind,
    id: r.id,
    label: r.label,
    site: (locale === 'en' ? r.siteEn : r.siteZh) ?? '',
    at: r.at === null ? '' : formatDateTime(r.at, locale),
    weight: r.weight,
  }));
  return ok({ filename: `records-${request.figure}-${site?.code ?? 'all'}-${period.from}-${period.to}.csv`, body: recordsCsv(lines, translator(locale)) });
}
