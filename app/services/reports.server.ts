import { performance } from 'node:perf_hooks';
import { keptInBackground } from '../data/report-background.server';
import { keptReportMeasures } from '../data/reports.server';
import { logSecurityEventOnItsOwn } from '../data/security-log.server';
import { findSiteByCode, findSiteById } from '../data/sites.server';
import type { Actor } from '../domain/actor';
import { err, notFound, ok, type Result } from '../domain/errors';
import { can } from '../domain/policy';
import {
  assembleFigures,
  figuresCsv,
  figuresTable,
  paragraphText,
  periodBounds,
  periodProblem,
  reportParagraph,
  type Period,
  type ReportLocale,
} from '../domain/report';
import { translator } from '../i18n/index';
import type { AggregateRow, CountyRef } from '../domain/report';
import type { ReportView } from '../views/report';
import type { RequestMeta } from './auth.server';

export interface ReportRequest extends Period {
  /** A site code; without it, staff get their own subtree and admins the whole platform. */
  siteCode?: string;
}

/** The report of a period over a subtree, from the records (no authorization: callers check). */
function computeReport(period: Period, site: ReportView['site']): ReportView {
  const bounds = periodBounds(period);
  const rootPath = site?.path ?? '/';
  const started = performance.now();
  const { counties, rows } = keptReportMeasures(rootPath, bounds);
  const figures = assembleFigures(counties, rows);
  return { period: { from: period.from, to: period.to }, bounds, site, figures, tookMs: performance.now() - started, asOf: null };
}

/**
 * The report from the figures kept for it, never computed in this thread when a worker can (README D35): the
 * figures last computed (asOf: when, if a table changed since and they are being brought up to date), or null when
 * none are kept yet (a worker is computing them).
 */
function keptReport(period: Period, site: ReportView['site']): ReportView | null {
  const bounds = periodBounds(period);
  const rootPath = site?.path ?? '/';
  const started = performance.now();
  const kept = keptInBackground<{ counties: CountyRef[]; rows: AggregateRow[] }>({ kind: 'measures', rootPath, bounds });
  if (!kept) return null;
  const figures = assembleFigures(kept.value.counties, kept.value.rows);
  const asOf = kept.current ? null : kept.computedAt;
  return { period: { from: period.from, to: period.to }, bounds, site, figures, tookMs: performance.now() - started, asOf };
}

const siteView = (s: { code: string; nameZh: string; nameEn: string; path: string } | undefined) =>
  s ? { code: s.code, nameZh: s.nameZh, nameEn: s.nameEn, path: s.path } : undefined;

/**
 * The report for staff (their subtree, or a site inside it) and admins (any site, or everything).
 * Refused: a period that is not two calendar dates in order (validation), a site not known (not found),
 * a subtree the actor does not hold (forbidden, logged as a security event).
 */
export function reportFor(actor: Actor | null, request: ReportRequest, meta: RequestMeta): Result<ReportView> {
  const scope = reportScope(actor, request, meta);
  return scope.ok ? ok(computeReport(request, scope.value)) : scope;
}

/** reportFor from the kept figures (the pages, the dashboards, the CSV): null when none are kept yet (README D35). */
export function keptReportFor(actor: Actor | null, request: ReportRequest, meta: RequestMeta): Result<{ site: ReportView['site']; report: ReportView | null }> {
  const scope = reportScope(actor, request, meta);
  return scope.ok ? ok({ site: scope.value, report: keptReport(request, scope.value) }) : scope;
}

/** The subtree a report request is for, refused as reportFor says. */
function reportScope(actor: Actor | null, request: ReportRequest, meta: RequestMeta): Result<ReportView['site']> {
  const problem = periodProblem(request);
  if (problem) return err({ kind: 'validation', fields: { [problem === 'from_invalid' ? 'from' : 'to']: [`report.error.${problem}`] } });
  let site: ReportView['site'];
  if (request.siteCode) {
    const found = siteView(findSiteByCode(request.siteCode));
    if (!found) return notFound();
    site = found;
  } else if (actor?.staff && !actor.admin) {
    const own = siteView(findSiteById(actor.staff.siteId));
    if (!own) return notFound();
    site = own;
  } else {
    site = null;
  }
  const allowed = site ? can(actor, 'report.read', { type: 'site', sitePath: site.path }) : can(actor, 'report.read', { type: 'global' });
  if (!allowed) {
    logSecurityEventOnItsOwn({ at: meta.now, type: 'permission_denied', userId: actor?.userId ?? null, ip: meta.ip, detail: 'report.read' });
    return err({ kind: 'forbidden' });
  }
  return ok(site);
}

// ---- the command line ---------------------------------------------------------------------------

export type ReportFormat = 'json' | 'text' | 'csv';
export const REPORT_FORMATS: readonly ReportFormat[] = ['json', 'text', 'csv'];

/** One object: every figure's key with its number (those of letter-figures.json among them), then the rest. */
export function reportJson(report: ReportView): Record<string, unknown> {
  return {
    ...report.figures.total,
    period: report.period,
    site: report.site?.code ?? null,
    byCounty: report.figures.byCounty.map((c) => ({ county: c.county.code, nameZh: c.county.nameZh, ...c.figures })),
  };
}

function reportText(report: ReportView, locale: ReportLocale): string {
  const t = translator(locale);
  const name = (c: { nameZh: string; nameEn: string }) => (locale === 'en' ? c.nameEn : c.nameZh);
  const scope = report.site ? name(report.site) : locale === 'en' ? 'All sites' : '全部站点';
  return [
    `${scope} ${report.period.from} … ${report.period.to}`,
    '',
    figuresTable(report.figures, t, locale),
    '',
    paragraphText(reportParagraph(report.figures.total, report.period, locale)),
  ].join('\n');
}

export type CliReportResult = { ok: true; output: string; tookMs: number } | { ok: false; message: string };

/**
 * `npm run cli -- report`: the operator's report of any subtree (the command line holds the database and acts
 * for the bureau, as user:create does). The text and CSV are in Chinese, the letter's language.
 */
export function reportFromCli(raw: { from?: string; to?: string; site?: string; format?: string }): CliReportResult {
  if (!raw.from || !raw.to) return { ok: false, message: 'report needs --from YYYY-MM-DD and --to YYYY-MM-DD' };
  const problem = periodProblem({ from: raw.from, to: raw.to });
  if (problem === 'from_invalid') return { ok: false, message: `--from ${raw.from} is not a date YYYY-MM-DD` };
  if (problem === 'to_invalid') return { ok: false, message: `--to ${raw.to} is not a date YYYY-MM-DD` };
  if (problem === 'to_before_from') return { ok: false, message: `--to ${raw.to} is before --from ${raw.from}` };
  const format = (raw.format ?? 'text') as ReportFormat;
  if (!REPORT_FORMATS.includes(format)) return { ok: false, message: `--format must be json, text or csv, not ${raw.format}` };
  let site: ReportView['site'] = null;
  if (raw.site) {
    const found = siteView(findSiteByCode(raw.site));
    if (!found) return { ok: false, message: `no site with code ${raw.site}` };
    site = found;
  }
  const report = computeReport({ from: raw.from, to: raw.to }, site);
  const output =
    format === 'json'
      ? JSON.stringify(reportJson(report))
      : format === 'csv'
        ? figuresCsv({ scopeName: site?.nameZh ?? '全部站点', figures: report.figures }, translator('zh-CN'), 'zh-CN')
        : reportText(report, 'zh-CN');
  return { ok: true, output, tookMs: report.tookMs };
}
