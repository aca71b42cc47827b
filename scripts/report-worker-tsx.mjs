// Starts the report's worker from its TypeScript source (app/data/report-worker.ts) under tsx: the dev server and
// the tests. The compiled server starts build/report-worker.js instead (README D35).
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
