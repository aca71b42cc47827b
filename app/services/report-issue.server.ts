import { recordAudit } from '../data/audit.server';
import { keptInBackground } from '../data/report-background.server';
import { keptReportMeasures } from '../data/reports.server';
import { countCorrectionsSince, findSnapshot, insertSnapshot, listSnapshots, supersedeSnapshot, topSites, type SnapshotRow } from '../data/report-snapshots.server';
import { logSecurityEventOnItsOwn } from '../data/security-log.server';
import { findSiteByCode, findSiteById, type SiteRow } from '../data/sites.server';
import type { Actor } from '../domain/actor';
import { conflict, err, notFound, ok, type Result } from '../domain/errors';
import { can } from '../domain/policy';
import {
  assembleFigures,
  figuresCsv,
  figuresTable,
  paragraphText,
  periodBounds,
  periodProblem,
  reportParagraph,
  type AggregateRow,
  type CountyRef,
  type Period,
  type ReportFigures,
  type ReportLocale,
} from '../domain/report';
import { currentHalfYear, DASHBOARD_FIGURES, figuresChanged, isClosedPeriod } from '../domain/report-issue';
import { formatDateTime, translator } from '../i18n/index';
import type { IssuedReportItem, IssuedReportView, ReportDashboardView } from '../views/report-issue';
import type { RequestMeta } from './auth.server';
import { refuseUnlessChanged, transact } from '../server/tx.server';

// Frozen half-year reports: staff of a site's subtree (or an admin) issue the report of a closed period as
// a snapshot; later corrections never change it, its page counts them and offers an audited re-issue that
// supersedes it. And the dashboards of /staff and /admin. Reading and issuing both ask can('report.read')
// of the report's site: whoever may read a subtree's report may issue it.

/** The figures of a period over a subtree, from the records (the same engine as /reports). */
function liveFigures(period: Period, rootPath: string): ReportFigures {
  const { counties, rows } = keptReportMeasures(rootPath, periodBounds(period));
  return assembleFigures(counties, rows);
}

const siteOf = (row: { siteCode: string; siteZh: string; siteEn: string }) => ({ code: row.siteCode, nameZh: row.siteZh, nameEn: row.siteEn });

function mayRead(actor: Actor | null, sitePath: string): boolean {
  return can(actor, 'report.read', { type: 'site', sitePath });
}

function denied(actor: Actor | null, meta: RequestMeta, what: string) {
  logSecurityEventOnItsOwn({ at: meta.now, type: 'permission_denied', userId: actor?.userId ?? null, ip: meta.ip, detail: what });
  return err({ kind: 'forbidden' as const });
}

export interface IssueRequest extends Period {
  /** The site code; without it, staff issue for their own site and an admin for the top of the tree. */
  siteCode?: string;
}

/** The site an issue is for: the one named, the staff member's own, or (admin) the one site at the top. */
function issueSite(actor: Actor | null, siteCode: string | undefined): Result<SiteRow> {
  if (siteCode) {
    const site = findSiteByCode(siteCode);
    return site ? ok(site) : notFound();
  }
  if (actor?.staff && !actor.admin) {
    const own = findSiteById(actor.staff.siteId);
    return own ? ok(own) : notFound();
  }
  const tops = topSites();
  if (tops.length === 1) return ok(tops[0]);
  return err({ kind: 'validation', fields: { site: ['report.issue.error.site_required'] } });
}

function snapshotOf(figures: ReportFigures, period: Period) {
  return {
    figures: JSON.stringify(figures),
    paragraphZh: paragraphText(reportParagraph(figures.total, period, 'zh-CN')),
    paragraphEn: paragraphText(reportParagraph(figures.total, period, 'en')),
  };
}

/**
 * Issues the report of a closed period over a site's subtree: the figures as they stand now, frozen, with
 * who issued it and when; audited (on the site, action 'report.issue'). Refused: a bad period, a period not
 * yet closed, an unknown site, a subtree the actor may not report on.
 */
export function issueReport(actor: Actor | null, request: IssueRequest, meta: RequestMeta): Result<{ id: string }> {
  const problem = periodProblem(request);
  if (problem) return err({ kind: 'validation', fields: { [problem === 'from_invalid' ? 'from' : 'to']: [`report.error.${problem}`] } });
  const period = { from: request.from, to: request.to };
  const found = issueSite(actor, request.siteCode);
  if (!found.ok) return found;
  const site = found.value;
  if (!actor || !mayRead(actor, site.path)) return denied(actor, meta, 'report.issue');
  if (!isClosedPeriod(period, meta.now))
    return err({ kind: 'validation', fields: { to: ['report.issue.error.not_closed'] }, message: { key: 'report.issue.error.not_closed' } });
  const figures = liveFigures(period, site.path);
  return transact((tx) => {
    const id = insertSnapshot(tx, { siteId: site.id, periodFrom: period.from, periodTo: period.to, ...snapshotOf(figures, period), issuedBy: actor.userId, issuedAt: meta.now });
    recordAudit(tx, { at: meta.now, actorId: actor.userId, entityType: 'site', entityId: site.id, action: 'report.issue', note: `${id} ${period.from}…${period.to}`, siteId: site.id });
    return { id };
  });
}

/** The issued report if the actor may see it (its site in their subtree); otherwise nothing, as if it did not exist. */
function visibleSnapshot(actor: Actor | null, id: string): SnapshotRow | undefined {
  const row = findSnapshot(id);
  return row && mayRead(actor, row.sitePath) ? row : undefined;
}

/**
 * Re-issues a report: a new snapshot of the same period and site from the records as they stand now,
 * superseding this one; audited with the reason (action 'report.reissue'). Only the current issue can be
 * re-issued.
 */
export function reissueReport(actor: Actor | null, id: string, reason: string, meta: RequestMeta): Result<{ id: string }> {
  const old = visibleSnapshot(actor, id);
  if (!old || !actor) return notFound();
  if (old.supersededAt !== null) return conflict('report.issue.error.superseded');
  const period = { from: old.periodFrom, to: old.periodTo };
  const figures = liveFigures(period, old.sitePath);
  return transact((tx) => {
    refuseUnlessChanged(supersedeSnapshot(tx, old.id, meta.now), 'report.issue.error.superseded');
    const newId = insertSnapshot(tx, {
      siteId: old.siteId,
      periodFrom: period.from,
      periodTo: period.to,
      ...snapshotOf(figures, period),
      issuedBy: actor.userId,
      issuedAt: meta.now,
      supersedesId: old.id,
    });
    recordAudit(tx, { at: meta.now, actorId: actor.userId, entityType: 'site', entityId: old.siteId, action: 'report.reissue', note: `${newId} ← ${old.id}: ${reason}`, siteId: old.siteId });
    return { id: newId };
  });
}

const LIST_LIMIT = 200;

/** The issued reports of the actor's subtree (everything for an admin), newest first. */
export function issuedReports(actor: Actor | null): Result<{ items: IssuedReportItem[] }> {
  if (!actor || (!actor.admin && !actor.staff)) return err({ kind: 'forbidden' });
  const root = actor.admin ? '/' : actor.staff!.sitePath;
  const items = listSnapshots(root, LIST_LIMIT)
    // The list's query is by path; the policy has the last word on each row.
    .filter((r) => mayRead(actor, r.sitePath))
    .map((r) => ({
      id: r.id,
      period: { from: r.periodFrom, to: r.periodTo },
      site: siteOf(r),
      issuedAt: r.issuedAt,
      issuedByName: r.issuedByName,
      supersededAt: r.supersededAt,
      supersedesId: r.supersedesId,
    }));
  return ok({ items });
}

/** An issued report as frozen, with the corrections since its issue and the figures that now differ. */
export function issuedReport(actor: Actor | null, id: string): Result<IssuedReportView> {
  const row = visibleSnapshot(actor, id);
  if (!row) return notFound();
  const period = { from: row.periodFrom, to: row.periodTo };
  const figures = JSON.parse(row.figures) as ReportFigures;
  const live = liveFigures(period, row.sitePath).total;
  return ok({
    id: row.id,
    period,
    site: siteOf(row),
    issuedAt: row.issuedAt,
    issuedByName: row.issuedByName,
    supersededAt: row.supersededAt,
    supersedesId: row.supersedesId,
    supersededById: row.supersededById,
    figures,
    paragraphZh: row.paragraphZh,
    paragraphEn: row.paragraphEn,
    corrections: countCorrectionsSince(row.sitePath, periodBounds(period), row.issuedAt),
    changed: figuresChanged(figures.total, live),
    live,
  });
}

export type IssuedFormat = 'csv' | 'txt';

/**
 * An issued report as a file: the frozen figures table as CSV (UTF-8 with BOM), or as plain text with the
 * header (site, period, who issued it and when) and the paragraph. Nothing about a child is in either.
 */
export function issuedReportFile(actor: Actor | null, id: string, format: IssuedFormat, locale: ReportLocale): Result<{ filename: string; contentType: string; body: string }> {
  const row = visibleSnapshot(actor, id);
  if (!row) return notFound();
  const t = translator(locale);
  const figures = JSON.parse(row.figures) as ReportFigures;
  const scopeName = locale === 'en' ? row.siteEn : row.siteZh;
  const filename = `report-${row.siteCode}-${row.periodFrom}-${row.periodTo}.${format}`;
  if (format === 'csv') return ok({ filename, contentType: 'text/csv; charset=utf-8', body: figuresCsv({ scopeName, figures }, t, locale) });
  const body = [
    t('report.issue.file_title', { site: scopeName, from: row.periodFrom, to: row.periodTo }),
    t('report.issue.file_issued', { name: row.issuedByName, at: formatDateTime(row.issuedAt, locale) }),
    '',
    figuresTable(figures, t, locale),
    '',
    locale === 'en' ? row.paragraphEn : row.paragraphZh,
    '',
  ].join('\n');
  return ok({ filename, contentType: 'text/plain; charset=utf-8', body });
}

/**
 * The dashboard of /staff and /admin: this half-year's letter figures over the staff member's subtree (the
 * whole platform for an admin), and wishes fulfilled per county for its chart. Null for anyone else.
 */
export function reportDashboard(actor: Actor | null, now: number): ReportDashboardView | null {
  if (!actor) return null;
  const period = currentHalfYear(now);
  let site: SiteRow | undefined;
  if (!actor.admin) {
    if (!actor.staff) return null;
    site = findSiteById(actor.staff.siteId);
    if (!site || !mayRead(actor, site.path)) return null;
  } else if (!can(actor, 'report.read', { type: 'global' })) return null;
  // From the kept figures, never computed in the serving thread (README D35): out of date, shown with when they were
  // computed while a worker brings them up to date; none yet, the dashboard says they are being computed.
  const kept = keptInBackground<{ counties: CountyRef[]; rows: AggregateRow[] }>({ kind: 'measures', rootPath: site?.path ?? '/', bounds: periodBounds(period) });
  const siteView = site ? { code: site.code, nameZh: site.nameZh, nameEn: site.nameEn } : null;
  if (!kept) return { period, site: siteView, pending: true, asOf: null, figures: [], byCounty: [] };
  const figures = assembleFigures(kept.value.counties, kept.value.rows);
  return {
    period,
    site: siteView,
    pending: false,
    asOf: kept.current ? null : kept.computedAt,
    figures: DASHBOARD_FIGURES.map((key) => ({ key, value: figures.total[key] })),
    byCounty: figures.byCounty.map((c) => ({ code: c.county.code, nameZh: c.county.nameZh, nameEn: c.county.nameEn, wishesFulfilled: c.figures.wishesFulfilled })),
  };
}
