import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { logger } from '../platform/logger.server';
import { keepComputed, keptAtAnyVersion } from './count-cache.server';
import { db } from './db.server';
import { computeReportJob, reportJobKey, type ReportJob } from './report-jobs.server';
import { REPORT_TABLES } from './reports.server';

// The report's figures recomputed off the main thread (README D35). SQLite calls are synchronous: a recomputation
// in the server's thread (seconds at a million wishes) would freeze every page for every user. So the pages are
// served the figures last computed, marked with the instant they were computed, while a worker thread with its own
// connection recomputes them; its result is kept at the versions it read. One recomputation at a time in all
// (the machine's cores serve the pages), never two of the same figures.

export interface KeptFigures<T> {
  value: T;
  /** When the computation of these figures started. */
  computedAt: number;
  /** False: a table the report reads changed since; a recomputation is under way. */
  current: boolean;
}

/** How to start the worker: the compiled script (build/report-worker.js), or the TypeScript source under tsx. */
export type WorkerScript = { compiled: string } | { source: string };

const SETTING = Symbol.for('wishbridge.reportWorker');
type Holder = { [SETTING]?: WorkerScript | null };

/**
 * Turns recomputation off the main thread on (the server at start; tests). It is held on globalThis because the
 * compiled server and the Remix build each carry their own copy of this module. Off (null): computed in the thread.
 */
export function useReportWorker(script: WorkerScript | null): void {
  (globalThis as Holder)[SETTING] = script;
}

function workerScript(): WorkerScript | null {
  return (globalThis as Holder)[SETTING] ?? null;
}

/** The TypeScript source of the worker, and the module that loads it under tsx (dev server, tests). */
export function sourceWorkerScript(root: string): WorkerScript {
  return { source: path.join(root, 'app/data/report-worker.ts') };
}

interface Queued {
  full: string;
  job: ReportJob;
  file: string;
}

const running = new Set<string>();
const queue: Queued[] = [];
let busy = false;
let idle: Array<() => void> = [];

/**
 * The figures of `job`: the kept ones at once (current or not), a recomputation started in a worker when they are
 * out of date or missing (null then: nothing to show yet). Without a worker (the command line, an in-memory
 * database), computed here when out of date, as cachedValue does.
 */
export function keptInBackground<T>(job: ReportJob): KeptFigures<T> | null {
  const key = reportJobKey(job);
  const { full, version, kept } = keptAtAnyVersion<T>(REPORT_TABLES, key);
  if (kept?.current) return kept;
  const script = workerScript();
  const file = db().$client.name;
  if (!script || file === ':memory:' || file === '') {
    const computedAt = Date.now();
    const value = computeReportJob(job) as T;
    keepComputed(full, version, value, computedAt);
    return { value, computedAt, current: true };
  }
  if (!running.has(full)) {
    running.add(full);
    queue.push({ full, job, file });
    next();
  }
  return kept;
}

function next(): void {
  if (busy) return;
  const item = queue.shift();
  if (!item) {
    const waiting = idle;
    idle = [];
    for (const resolve of waiting) resolve();
    return;
  }
  busy = true;
  const done = () => {
    running.delete(item.full);
    busy = false;
    next();
  };
  let answered = false;
  const failed = (error: string) => {
    logger.error('report recomputation failed', { key: item.full, error });
  };
  try {
    const script = workerScript();
    if (!script) throw new Error('no report worker');
    const worker =
      'compiled' in script
        ? new Worker(script.compiled, { workerData: { file: item.file, job: item.job } })
        : new Worker(path.join(path.dirname(script.source), '../../scripts/report-worker-tsx.mjs'), {
            workerData: { file: item.file, job: item.job, entry: pathToFileURL(script.source).href },
          });
    worker.unref();
    worker.on('message', (message: { ok: true; version: string; value: unknown; computedAt: number } | { ok: false; error: string }) => {
      answered = true;
      if (message.ok) keepComputed(item.full, message.version, message.value, message.computedAt);
      else failed(message.error);
    });
    worker.on('error', (error) => {
      answered = true;
      failed(`${error.name}: ${error.message}`);
    });
    worker.on('exit', (code) => {
      if (!answered) failed(`the worker ended (code ${code}) without an answer`);
      done();
    });
  } catch (error) {
    failed(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
    done();
  }
}

/** Resolves when no recomputation is running or waiting (tests; a server stopping). */
export function reportWorkersIdle(): Promise<void> {
  if (!busy && queue.length === 0) return Promise.resolve();
  return new Promise((resolve) => idle.push(resolve));
}
