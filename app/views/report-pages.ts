import type { CountyRef, FigureKey, Period, ReportFigures, Segment } from '../domain/report';
import type { PeriodPreset, RecordKind } from '../domain/report-pages';

export interface ReportSiteOption {
  code: string;
  nameZh: string;
  nameEn: string;
  /** How deep under the root of the picker (0 for the root), for indenting. */
  depth: number;
}

/** What /reports shows whether or not its figures are computed yet: the period, its picker and the subtree. */
interface ReportPickerView {
  period: Period;
  /** The picker's period this one is, if any. */
  preset: PeriodPreset | null;
  presets: Array<{ preset: PeriodPreset } & Period>;
  /** A catalogue key when the period asked for was refused (the page then shows the default period). */
  problem: string | null;
  /** The subtree reported on (null: the whole platform, for an admin). */
  site: { code: string; nameZh: string; nameEn: string } | null;
  /** The sites the viewer may report on; '' (everything) is offered to admins only. */
  sites: ReportSiteOption[];
  allSites: boolean;
}

/** /reports before any figures of the period were computed: the page says they are being computed (README D35). */
export interface PendingReportPageView extends ReportPickerView {
  pending: true;
}

/** /reports as its service hands it to the page. */
export interface ReportPageView extends ReportPickerView {
  pending: false;
  figures: ReportFigures;
  priorPeriod: Period;
  prior: ReportFigures;
  paragraph: { zh: Segment[]; en: Segment[] };
  /** null: not computed yet (an issued period's figures come from its snapshot, its charts from the records). */
  charts: {
    fulfilledPerMonth: Array<{ month: string; value: number } & Period>;
    heldPerType: Array<{ type: string; value: number }>;
    servedPerCounty: Array<{ county: CountyRef; value: number }>;
  } | null;
  /** When the oldest of the figures shown was computed, if they are out of date and being brought up to date; null: current. */
  asOf: number | null;
  /** The live issued report of exactly this period and site, whose frozen figures are shown. */
  issued: { id: string; issuedAt: number } | null;
  /** The period is over, so it may be issued (/reports/issued). */
  canIssue: boolean;
}

export interface ReportRecordView {
  kind: RecordKind;
  id: string;
  href: string;
  label: string;
  siteZh: string | null;
  siteEn: string | null;
  at: number | null;
  weight: number;
}

/** /reports/records: the records behind one figure. */
export interface ReportRecordsView {
  figure: FigureKey;
  period: Period;
  site: { code: string; nameZh: string; nameEn: string } | null;
  /** The figure as the report gives it (null while the report's figures are being computed, README D35), and what the records listed add up to. */
  value: number | null;
  total: number;
  sum: number;
  records: ReportRecordView[];
  paging: { page: number; pages: number; total: number };
}
