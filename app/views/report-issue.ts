import type { FigureKey, FigureValues, Period, ReportFigures } from '../domain/report';

/** A site as a report names it. */
export interface ReportSiteView {
  code: string;
  nameZh: string;
  nameEn: string;
}

/** One line of the list of issued reports. */
export interface IssuedReportItem {
  id: string;
  period: Period;
  site: ReportSiteView;
  issuedAt: number;
  issuedByName: string;
  supersededAt: number | null;
  supersedesId: string | null;
}

/** An issued report as its page shows it: the frozen figures and paragraphs, and how the live records compare. */
export interface IssuedReportView extends IssuedReportItem {
  figures: ReportFigures;
  paragraphZh: string;
  paragraphEn: string;
  supersededById: string | null;
  /** Corrections since issued (CORRECTION_EVENTS in app/domain/report-issue.ts). */
  corrections: number;
  /** The figures whose live value now differs from the issued one, with the live total. */
  changed: FigureKey[];
  live: FigureValues;
}

/** The dashboard at the top of /staff and /admin: the current half-year's letter figures over the viewer's subtree. */
export interface ReportDashboardView {
  period: Period;
  /** The subtree; null for everything (an admin). */
  site: ReportSiteView | null;
  /** No figures computed yet: a worker is computing them (README D35); figures and byCounty are empty. */
  pending: boolean;
  /** When the figures shown were computed, if they are out of date and being brought up to date; null: current. */
  asOf: number | null;
  figures: Array<{ key: FigureKey; value: number }>;
  /** Wishes fulfilled per county, for the one chart. */
  byCounty: Array<{ code: string; nameZh: string; nameEn: string; wishesFulfilled: number }>;
}
