import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../../db/client';
import { tablesVersion } from './count-cache.server';
import { useDatabase } from './db.server';
import { computeReportJob, type ReportJob } from './report-jobs.server';
import { REPORT_TABLES } from './reports.server';

// A recomputation of the report's figures off the server's main thread (README D35): its own connection to the
// same file (the pragmas of every connection), one read transaction so that the versions it answers with are
// those of the records it read, then it ends. Compiled to build/report-worker.js (scripts/build-if-stale.ts).

const { file, job } = workerData as { file: string; job: ReportJob };
const handle = openDatabase(file);
handle.$client.pragma('query_only = ON');
useDatabase(handle);
try {
  handle.$client.exec('begin');
  const computedAt = Date.now();
  const version = tablesVersion(REPORT_TABLES);
  const value = computeReportJob(job);
  handle.$client.exec('commit');
  parentPort?.postMessage({ ok: true, version, value, computedAt });
} catch (error) {
  parentPort?.postMessage({ ok: false, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
} finally {
  handle.$client.close();
}
