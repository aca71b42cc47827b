import type { PeriodBounds } from '../domain/report';
import { loadReportCharts } from './report-records.server';
import { countiesUnder, loadReportMeasures } from './reports.server';

/** A computation of the report's kept figures, by the main thread or a worker (README D35). */
export type ReportJob = { kind: 'measures' | 'charts'; rootPath: string; bounds: PeriodBounds };

export function reportJobKey(job: ReportJob): string {
  return `${job.kind === 'measures' ? 'report' : 'charts'}:${job.rootPath}:${job.bounds.fromMs}:${job.bounds.toMs}`;
}

export function computeReportJob(job: ReportJob): unknown {
  return job.kind === 'measures'
    ? { counties: countiesUnder(job.rootPath), rows: loadReportMeasures(job.rootPath, job.bounds) }
    : loadReportCharts(job.rootPath, job.bounds);
}
