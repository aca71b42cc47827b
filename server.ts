import express from 'express';
import compression from 'compression';
import { createRequestHandler, writeReadableStreamToWritable, type ServerBuild } from '@remix-run/node';
import crypto from 'node:crypto';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type http from 'node:http';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { config } from './app/platform/config.server';
import { newNonce, securityHeaders } from './app/server/security-headers.server';
import { formBodyGate, localeOf, methodGate, needsNoStore, originGate, plainPage, requestLineGate } from './app/server/request-gate.server';
import { startBackgroundJobs } from './app/server/jobs.server';
import { storageRefusal } from './app/server/storage-guard.server';
import { logger } from './app/platform/logger.server';
import { sourceWorkerScript, useReportWorker } from './app/data/report-background.server';

/** Set when this file is compiled into build/start.js (scripts/build-if-stale.ts, README D34). */
declare const __COMPILED__: boolean | undefined;
const compiled = typeof __COMPILED__ !== 'undefined';
/** Compiled, the server serves the Remix build of the directory it sits in; from source, ./build. */
const here = path.dirname(fileURLToPath(import.meta.url));
const buildDir = compiled ? here : path.join(here, 'build');

import type { LoadContext } from './app/load-context';

export async function createApp({ dev }: { dev: boolean }) {
  const app = express();
  app.disable('x-powered-by');
  const { trustProxy, appUrl } = config();
  if (trustProxy !== false) app.set('trust proxy', trustProxy);
  const https = appUrl.startsWith('https://');

  app.use((req, res, next) => {
    const nonce = newNonce();
    res.locals.cspNonce = nonce;
    res.locals.requestId = crypto.randomUUID().slice(0, 8);
    res.set(securityHeaders(nonce, dev, https));
    next();
  });
  // HTML, JavaScript, CSS and JSON go out gzipped (or brotli) when the client accepts it; Remix flushes each
  // streamed chunk through it (res.flush), so streaming still streams.
  app.use(compression());
  // Refused before any page sees them, each with a 4xx plain page (app/server/request-gate.server.ts).
  app.use(methodGate, requestLineGate);

  // A write to a database file deleted or replaced under the server would be lost: 503 (README D23).
  app.use((req, res, next) => {
    const refusal = storageRefusal(req.method);
    if (refusal) res.status(refusal.status).set('Retry-After', '60').type('html').send(refusal.html);
    else next();
  });

  let build: ServerBuild | (() => Promise<ServerBuild>);
  let close = async () => {};
  if (dev) {
    const vite = await import('vite');
    const viteServer = await vite.createServer({ server: { middlewareMode: true } });
    app.use(viteServer.middlewares);
    build = () => viteServer.ssrLoadModule('virtual:remix/server-build') as Promise<ServerBuild>;
    close = () => viteServer.close();
  } else {
    const serverBuild = path.join(buildDir, 'server/index.js');
    build = (await import(pathToFileURL(serverBuild).href)) as ServerBuild;
    app.use('/assets', express.static(path.join(buildDir, 'client/assets'), { immutable: true, maxAge: '1y' }));
    app.use(express.static(path.join(buildDir, 'client'), { maxAge: '1h' }));
  }

  app.use(originGate, formBodyGate);
  app.all('*', remixHandler(build, dev ? 'development' : 'production'));

  // Errors that escape Remix (it answers its own): one JSON log line and the plain error page, never a stack on stderr.
  app.use((error: unknown, req: express.Request, res: express.Response, next: express.NextFunction) => {
    logger.error('unexpected error', {
      requestId: res.locals.requestId,
      method: req.method,
      path: req.path,
      error: error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ''}` : String(error),
    });
    if (res.headersSent) return next(error);
    res.status(500).set({ 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    res.send(plainPage(localeOf(req), 'error.title', 'error.body', res.locals.requestId));
  });
  return { app, close };
}

/**
 * @remix-run/express's handler, with the request built from what the gates checked: the host from
 * requestLineGate (so an absolute-form request line or a forged X-Forwarded-Host never reaches URL
 * parsing), the body read by formBodyGate, and no-store where needsNoStore says so.
 */
function remixHandler(build: ServerBuild | (() => Promise<ServerBuild>), mode: string) {
  const handleRequest = createRequestHandler(build, mode);
  return async (req: express.Request, res: express.Response, next: express.NextFunction) => {
    try {
      const host = res.locals.host as string;
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) {
        if (name === 'x-forwarded-host' || value === undefined) continue;
        for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
      }
      // Remix's own origin check compares Origin's host with Host; originGate has already compared all of Origin.
      headers.set('host', (res.locals.originHost as string | undefined) ?? host);
      let controller: AbortController | null = new AbortController();
      res.on('finish', () => (controller = null));
      res.on('close', () => controller?.abort());
      const body = res.locals.formBody as Buffer | undefined;
      const request = new Request(`${req.protocol}://${host}${req.originalUrl}`, {
        method: req.method,
        headers,
        signal: controller.signal,
        body: req.method === 'GET' || req.method === 'HEAD' ? undefined : new Uint8Array(body ?? Buffer.alloc(0)),
      });
      const context: LoadContext = {
        cspNonce: res.locals.cspNonce,
        requestId: res.locals.requestId,
        clientIp: (req.ip ?? req.socket.remoteAddress ?? '').replace(/^::ffff:/, ''),
      };
      const response = await handleRequest(request, context);
      res.statusMessage = response.statusText;
      res.status(response.status);
      for (const [name, value] of response.headers.entries()) res.append(name, value);
      if (needsNoStore(req)) res.set('Cache-Control', 'no-store');
      if (response.body) await writeReadableStreamToWritable(response.body, res);
      else res.end();
    } catch (error) {
      next(error);
    }
  };
}

export async function startServer(options: { dev: boolean; port?: number; host?: string; jobs?: boolean }) {
  const { app, close } = await createApp({ dev: options.dev });
  // The report's figures are recomputed in a worker thread, never in the one serving pages (README D35).
  useReportWorker(compiled ? { compiled: path.join(here, 'report-worker.js') } : sourceWorkerScript(here));
  const port = options.port ?? config().port;
  const host = options.host ?? config().host;
  const server: http.Server = await new Promise((resolve, reject) => {
    const s = app.listen(port, host, () => resolve(s));
    s.on('error', reject);
  });
  const stopJobs = options.jobs === false ? () => {} : startBackgroundJobs();
  const address = server.address() as AddressInfo;
  return {
    url: `http://${host === '0.0.0.0' ? 'localhost' : host}:${address.port}`,
    async stop() {
      stopJobs();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await close();
    },
  };
}

// `tsx server.ts --dev` for development; production goes through scripts/start.ts.
if (!compiled && process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dev = process.argv.includes('--dev');
  const { migrateDatabase, seedDemoData } = await import('./app/server/maintenance.server');
  const { wasNew } = migrateDatabase();
  if (wasNew && config().seedDemo) await seedDemoData();
  startServer({ dev }).then(({ url }) => logger.info(`WishBridge ${dev ? 'development' : 'production'} server on ${url}`));
}
