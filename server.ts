import express from 'express';
import { createRequestHandler } from '@remix-run/express';
import type { ServerBuild } from '@remix-run/node';
import crypto from 'node:crypto';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type http from 'node:http';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { config } from './app/platform/config.server';
import { newNonce, securityHeaders } from './app/server/security-headers.server';
import { isCrossSiteWrite } from './app/auth/origin.server';
import { startBackgroundJobs } from './app/server/jobs.server';
import { storageRefusal } from './app/server/storage-guard.server';
import { logger } from './app/platform/logger.server';

const root = path.dirname(fileURLToPath(import.meta.url));

import type { LoadContext } from './app/load-context';

export async function createApp({ dev }: { dev: boolean }) {
  const app = express();
  app.disable('x-powered-by');
  if (config().trustProxy) app.set('trust proxy', true);

  app.use((req, res, next) => {
    const nonce = newNonce();
    res.locals.cspNonce = nonce;
    res.locals.requestId = crypto.randomUUID().slice(0, 8);
    res.set(securityHeaders(nonce, dev));
    next();
  });

  app.use((req, res, next) => {
    const headers = new Headers();
    for (const name of ['sec-fetch-site', 'origin']) {
      const value = req.get(name);
      if (value) headers.set(name, value);
    }
    if (isCrossSiteWrite(req.method, headers, req.get('host') ?? null)) {
      logger.warn('cross-site write refused', { path: req.path, ip: req.ip });
      res.status(403).type('text/plain; charset=utf-8').send('Forbidden: cross-site request / 跨站请求已拒绝');
      return;
    }
    next();
  });

  // A write to a database file deleted or replaced under the server would be lost: 503 (README D22).
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
    const serverBuild = path.join(root, 'build/server/index.js');
    build = (await import(pathToFileURL(serverBuild).href)) as ServerBuild;
    app.use('/assets', express.static(path.join(root, 'build/client/assets'), { immutable: true, maxAge: '1y' }));
    app.use(express.static(path.join(root, 'build/client'), { maxAge: '1h' }));
  }

  app.all(
    '*',
    createRequestHandler({
      build,
      mode: dev ? 'development' : 'production',
      getLoadContext: (req, res): LoadContext => ({
        cspNonce: res.locals.cspNonce,
        requestId: res.locals.requestId,
        clientIp: (req.ip ?? req.socket.remoteAddress ?? '').replace(/^::ffff:/, ''),
      }),
    }),
  );
  return { app, close };
}

export async function startServer(options: { dev: boolean; port?: number; host?: string; jobs?: boolean }) {
  const { app, close } = await createApp({ dev: options.dev });
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
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dev = process.argv.includes('--dev');
  const { migrateDatabase, seedDemoData } = await import('./app/server/maintenance.server');
  const { wasNew } = migrateDatabase();
  if (wasNew && config().seedDemo) await seedDemoData();
  startServer({ dev }).then(({ url }) => logger.info(`WishBridge ${dev ? 'development' : 'production'} server on ${url}`));
}
