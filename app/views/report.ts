import type { CountyRef, Period, PeriodBounds, ReportFigures } from '../domain/report';

/** A report as services hand it to pages, the command line and (later) frozen snapshots. */
export interface ReportView {
  period: Period;
  bounds: PeriodBounds;
  /** The subtree reported on; null for the whole platform (an admin without a site). */
  site: { code: string; nameZh: string; nameEn: string; path: string } | null;
  figures: ReportFigures;
  /** How long the statement took, in milliseconds (for the note; never shown as a figure). */
  tookMs: number;
  /** When the figures shown were computed, if a table changed since and they are being brought up to date (README D35); null: current. */
  asOf: number | null;
}

export type { CountyRef };
