// The report page around the engine (app/domain/report.ts): the periods its picker offers, the same period a
// year earlier, where each record behind a figure is shown to staff, and the two CSV exports (the figures
// with the year-earlier column, and the records behind one figure). No I/O, no packages.

import { CSV_BOM, csvLine, FIGURE_KEYS, FIGURES, type FigureKey, type Period, type ReportFigures, type ReportLocale, type CountyRef } from './report';

// ---- periods ----------------------------------------------------------------------------------------

export type PeriodPreset = 'this_half' | 'last_half' | 'this_year';
export const PERIOD_PRESETS: readonly PeriodPreset[] = ['this_half', 'last_half', 'this_year'];

const half = (year: number, second: boolean): Period =>
  second ? { from: `${year}-07-01`, to: `${year}-12-31` } : { from: `${year}-01-01`, to: `${year}-06-30` };

/** The picker's periods, for `today` ('YYYY-MM-DD' in Shanghai). */
export function presetPeriod(preset: PeriodPreset, today: string): Period {
  const year = Number(today.slice(0, 4));
  const second = today.slice(5) >= '07-01';
  if (preset === 'this_half') return half(year, second);
  if (preset === 'last_half') return second ? half(year, false) : half(year - 1, true);
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/** Which preset a period is, if any (so the picker shows it as chosen). */
export function presetOf(period: Period, today: string): PeriodPreset | null {
  return PERIOD_PRESETS.find((p) => {
    const q = presetPeriod(p, today);
    return q.from === period.from && q.to === period.to;
  }) ?? null;
}

/** A date a year earlier; 29 February becomes 28 February. */
export function yearEarlier(date: string): string {
  const y = Number(date.slice(0, 4)) - 1;
  const md = date.slice(5) === '02-29' ? '02-28' : date.slice(5);
  return `${String(y).padStart(4, '0')}-${md}`;
}

export const periodYearEarlier = (p: Period): Period => ({ from: yearEarlier(p.from), to: yearEarlier(p.to) });

/** A period can be issued once it is over: its last day is before today (both Shanghai dates). */
export const periodClosed = (p: Period, today: string) => p.to < today;

/** The first and last day of a month 'YYYY-MM', clipped to the period. */
export function monthWithin(month: string, p: Period): Period {
  const [y, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const from = `${month}-01`;
  const to = `${month}-${String(last).padStart(2, '0')}`;
  return { from: from < p.from ? p.from : from, to: to > p.to ? p.to : to };
}

/** Every month 'YYYY-MM' the period touches, in order. */
export function monthsOf(p: Period): string[] {
  const out: string[] = [];
  let y = Number(p.from.slice(0, 4));
  let m = Number(p.from.slice(5, 7));
  const end = p.to.slice(0, 7);
  for (;;) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    if (month > end) break;
    out.push(month);
    m += 1;
    if (m === 13) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

// ---- records ------------------------------------------------------------------------------------------

/** What a record behind a figure is, and so which staff page shows it. */
export type RecordKind = 'wish' | 'claim' | 'slot' | 'signup' | 'visit' | 'child' | 'org' | 'volunteer';

/** The staff page of a record (`linkId` is the record the page is about: a sign-up's slot, a visit's pairing). */
export function recordHref(kind: RecordKind, linkId: string): string {
  switch (kind) {
    case 'wish':
      return `/staff/wishes/${linkId}`;
    case 'claim':
      return `/staff/claims/${linkId}`;
    case 'slot':
    case 'signup':
      return `/staff/slots/${linkId}`;
    case 'visit':
      return `/staff/pairings/${linkId}`;
    case 'child':
      return `/staff/children/${linkId}`;
    case 'org':
    case 'volunteer':
      return `/staff/helpers/${linkId}`;
  }
}

/** Figures whose records each count one (a wish, a distinct child, person or organization): records listed = figure. */
export const ONE_PER_RECORD: readonly FigureKey[] = [
  'wishesFulfilled',
  'wishesPublished',
  'wishesClaimed',
  'childrenCareServed',
  'socialOrganizations',
  'companies',
  'caringParents',
  'activeVolunteers',
];

export const isFigureKey = (key: string): key is FigureKey => (FIGURE_KEYS as readonly string[]).includes(key);

// ---- CSV ----------------------------------------------------------------------------------------------

type T = (key: string) => string;

/**
 * The figures table as CSV (UTF-8 with BOM): one row per figure for the whole scope, then one per county,
 * with the same period a year earlier beside the value. Columns: figure key, label, county, value, the
 * year-earlier value, unit, definition.
 */
export function figuresWithPriorCsv(
  report: { scopeName: string; figures: ReportFigures; prior: ReportFigures },
  t: T,
  locale: ReportLocale,
): string {
  const countyName = (c: CountyRef) => (locale === 'en' ? c.nameEn : c.nameZh);
  const priorOf = new Map(report.prior.byCounty.map((c) => [c.county.id, c.figures]));
  const header = ['report.csv.figure', 'report.csv.label', 'report.csv.county', 'report.csv.value', 'reports.csv.prior', 'report.csv.unit', 'report.csv.definition'];
  const lines = [csvLine(header.map(t))];
  for (const key of FIGURE_KEYS) {
    const f = FIGURES[key];
    const row = (county: string, value: number, prior: number | string) => csvLine([key, t(f.labelKey), county, value, prior, t(f.unitKey), t(f.definitionKey)]);
    lines.push(row(`${report.scopeName}${t('report.csv.total_suffix')}`, report.figures.total[key], report.prior.total[key]));
    for (const c of report.figures.byCounty) lines.push(row(countyName(c.county), c.figures[key], priorOf.get(c.county.id)?.[key] ?? ''));
  }
  return CSV_BOM + lines.join('\r\n') + '\r\n';
}

export interface RecordLine {
  kind: RecordKind;
  id: string;
  label: string;
  site: string;
  /** 'YYYY-MM-DD HH:mm' in Shanghai, or '' for a record without a date (a person, an organization). */
  at: string;
  weight: number;
}

/**
 * The records behind one figure as CSV (UTF-8 with BOM), for staff. Columns: kind, record id, record
 * (a wish's title, an activity's title, a helper's or organization's name, a child's alias: never a real
 * name), site, date, what it adds to the figure.
 */
export function recordsCsv(records: readonly RecordLine[], t: T): string {
  const header = ['reports.records.kind', 'reports.records.id', 'reports.records.record', 'reports.records.site', 'reports.records.date', 'reports.records.weight'];
  const lines = [csvLine(header.map(t))];
  for (const r of records) lines.push(csvLine([t(`reports.kind.${r.kind}`), r.id, r.label, r.site, r.at, Math.round(r.weight * 100) / 100]));
  return CSV_BOM + lines.join('\r\n') + '\r\n';
}
