import type { NextFunction, Request, Response } from 'express';
import { isCrossSiteWrite, originOf } from '../auth/origin.server';
import { cookieName } from '../auth/session.server';
import { asLocale, DEFAULT_LOCALE, translator, type Locale } from '../i18n/index';
import { config } from '../platform/config.server';
import { logger } from '../platform/logger.server';

// What a request must look like before it reaches Remix. Each refusal is a 4xx with a plain page in the
// visitor's language, logged as a warning with its reason (never as an unexpected error).

export const ALLOWED_METHODS = ['GET', 'HEAD', 'POST'] as const;

/**
 * Ordinary forms. The longest, a wish's title and story (60 + 1,000 characters), is 9.5 kB once
 * percent-encoded in Chinese (9 bytes a character); tests/server/request-gate.test.ts checks the figures.
 */
export const FORM_BODY_LIMIT = 16 * 1024;

/** Forms that need more than the ordinary limit, each with its reason. Paths without `.data`. */
export const LARGER_BODY_LIMITS: ReadonlyArray<{ path: RegExp; bytes: number; why: string }> = [
  {
    path: /^\/staff\/children(\/[^/]+)?\/?$/,
    bytes: 64 * 1024,
    why: "a child's record: notes of 2,000 characters with name, alias and guardian are 19.3 kB percent-encoded in Chinese",
  },
];

/** The body limit of a POST to this path (`/x.data`, the single-fetch form of `/x`, has the same limit). */
export function bodyLimitFor(pathname: string): number {
  const page = pathname === '/_root.data' ? '/' : pathname.replace(/\.data$/, '');
  return LARGER_BODY_LIMITS.find((entry) => entry.path.test(page))?.bytes ?? FORM_BODY_LIMIT;
}

const FORM_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data']);

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A page without scripts or styles, so it needs nothing from the build and satisfies the CSP. */
export function plainPage(locale: Locale, titleKey: string, bodyKey: string, requestId?: string): string {
  const t = translator(locale);
  return [
    '<!doctype html>',
    `<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${escapeHtml(t(titleKey))} | ${escapeHtml(t('app.name'))}</title></head>`,
    `<body><main><h1>${escapeHtml(t(titleKey))}</h1><p>${escapeHtml(t(bodyKey))}</p>`,
    requestId ? `<p>${escapeHtml(t('error.id'))}: <code>${escapeHtml(requestId)}</code></p>` : '',
    `<p><a href="/">${escapeHtml(t('error.home'))}</a></p></main></body></html>`,
  ].join('\n');
}

/** ?lang= wins, then the lang cookie, then zh-CN: as the pages decide (app/i18n/locale.ts), without building a URL. */
export function localeOf(req: Request): Locale {
  const query = typeof req.query.lang === 'string' ? asLocale(req.query.lang) : null;
  if (query) return query;
  const match = (req.get('cookie') ?? '').match(/(?:^|;\s*)lang=([^;]+)/);
  return asLocale(match?.[1]) ?? DEFAULT_LOCALE;
}

const PAGES = {
  400: ['http.bad_request.title', 'http.bad_request.body'],
  403: ['http.cross_site.title', 'http.cross_site.body'],
  405: ['http.method.title', 'http.method.body'],
  413: ['http.too_large.title', 'http.too_large.body'],
  415: ['http.unsupported.title', 'http.unsupported.body'],
} as const;

export type RefusalStatus = keyof typeof PAGES;

/** Answers a refused request at once and logs why. `close` ends the connection (the body is not read). */
export function refuse(req: Request, res: Response, status: RefusalStatus, reason: string, options: { close?: boolean; headers?: Record<string, string> } = {}) {
  logger.warn('request refused', {
    requestId: res.locals.requestId,
    status,
    reason,
    method: req.method,
    path: safePath(req),
    ip: req.ip,
  });
  const [title, body] = PAGES[status];
  res.status(status);
  res.set({ 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', ...options.headers });
  if (options.close) {
    res.set('Connection', 'close');
    lingeringClose(req);
  }
  res.send(req.method === 'HEAD' ? '' : plainPage(localeOf(req), title, body));
}

/** How long a refused upload's connection stays half-open, so the client reads the answer before the reset. */
const LINGER_MS = 1_000;

/**
 * The rest of a refused body is never read. Node would destroy the socket as soon as the answer is
 * written, and a client still sending gets a reset before it reads the 413; instead the answer is
 * followed by a FIN, the unread bytes wait in the kernel (the client is slowed by TCP, not read), and
 * the socket goes a second later.
 */
function lingeringClose(req: Request) {
  const socket = req.socket;
  req.pause();
  socket.destroySoon = () => {
    socket.end();
    setTimeout(() => socket.destroy(), LINGER_MS).unref();
  };
}

function safePath(req: Request): string {
  return req.originalUrl.startsWith('/') ? req.path : req.originalUrl.slice(0, 200);
}

/** GET, HEAD and POST only: PUT, PATCH and DELETE would otherwise run form actions. */
export function methodGate(req: Request, res: Response, next: NextFunction) {
  if ((ALLOWED_METHODS as readonly string[]).includes(req.method)) return next();
  refuse(req, res, 405, 'method', { headers: { Allow: ALLOWED_METHODS.join(', ') } });
}

const HOST = /^(?:[a-z0-9_-]+(?:\.[a-z0-9_-]+)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/**
 * The host the client asked for, port included: the trusted proxy's X-Forwarded-Host, else Host.
 * Null when it is missing or not a host name.
 */
export function requestHost(req: Request): string | null {
  const trust = req.app.get('trust proxy fn') as (address: string | undefined, hop: number) => boolean;
  const forwarded = req.get('x-forwarded-host');
  const raw = forwarded && trust(req.socket.remoteAddress, 0) ? forwarded.split(',')[0].trim() : req.get('host');
  if (!raw || !HOST.test(raw)) return null;
  return raw.toLowerCase();
}

/**
 * The request line and Host must make a URL of this site: origin-form paths only (`POST http://evil/login`
 * is refused), a well-formed Host, and no `?_data=` (the data protocol before single fetch, which this app
 * does not use: it would hand out a route's loader data outside any page).
 */
export function requestLineGate(req: Request, res: Response, next: NextFunction) {
  if (!req.originalUrl.startsWith('/') || req.originalUrl.startsWith('//')) return refuse(req, res, 400, 'request target not a path');
  const host = requestHost(req);
  if (!host) return refuse(req, res, 400, 'bad host');
  if (Object.prototype.hasOwnProperty.call(req.query, '_data')) return refuse(req, res, 400, 'legacy ?_data request');
  res.locals.host = host;
  next();
}

/** The origins a form may come from: the site as this request reached it (after requestLineGate), and APP_URL's. */
export function allowedOrigins(req: Request, host: string): string[] {
  return [`${req.protocol}://${host}`, config().appUrl];
}

export function originGate(req: Request, res: Response, next: NextFunction) {
  const headers = new Headers();
  for (const name of ['sec-fetch-site', 'origin']) {
    const value = req.get(name);
    if (value !== undefined) headers.set(name, value);
  }
  if (isCrossSiteWrite(req.method, headers, allowedOrigins(req, res.locals.host as string))) return refuse(req, res, 403, 'cross-site write');
  // Remix repeats a host-only origin check against Host (or X-Forwarded-Host) and throws on a mismatch;
  // it is handed the host of the origin accepted here (server.ts).
  const origin = req.get('origin');
  if (origin) res.locals.originHost = new URL(originOf(origin)!).host;
  next();
}

/**
 * Reads a POST body into memory, but only a form's and only up to its limit: a declared Content-Length
 * over the limit is answered 413 before a byte is read, a chunked body once its running count passes it.
 * A multipart body that does not parse is answered 400 here, not as a 500 from the page's action.
 */
export function formBodyGate(req: Request, res: Response, next: NextFunction) {
  if (req.method !== 'POST') return next();
  const contentType = req.get('content-type') ?? '';
  const mediaType = contentType.split(';')[0].trim().toLowerCase();
  if (!FORM_TYPES.has(mediaType)) return refuse(req, res, 415, `content type ${mediaType || 'missing'}`.slice(0, 80), { close: true });
  if (mediaType === 'multipart/form-data' && !/;\s*boundary=/i.test(contentType)) return refuse(req, res, 400, 'multipart without boundary', { close: true });
  const limit = bodyLimitFor(req.path);
  const declared = req.get('content-length');
  if (declared !== undefined && Number(declared) > limit) return refuse(req, res, 413, `declared ${declared} bytes, limit ${limit}`, { close: true });

  const chunks: Buffer[] = [];
  let size = 0;
  let over = false;
  const onData = (chunk: Buffer) => {
    size += chunk.length;
    if (size > limit) {
      over = true;
      req.off('data', onData);
      req.pause();
      refuse(req, res, 413, `streamed over ${limit} bytes`, { close: true });
      return;
    }
    chunks.push(chunk);
  };
  req.on('data', onData);
  req.once('error', () => {}); // an aborted upload: nothing to answer
  req.once('end', () => {
    if (over) return;
    const body = Buffer.concat(chunks);
    res.locals.formBody = body;
    if (mediaType !== 'multipart/form-data') return next();
    new globalThis.Response(body, { headers: { 'Content-Type': contentType } })
      .formData()
      .then(
        () => next(),
        () => refuse(req, res, 400, 'multipart body does not parse'),
      );
  });
}

/**
 * `Cache-Control: no-store` for what must not sit in a shared or browser cache: every response to a
 * request that carries a session cookie (signed in, or was), every `.data` reply, and the pages of
 * mailed links (their URL carries a token, the page names the address it was sent to).
 */
export function needsNoStore(req: Request): boolean {
  if (req.path.endsWith('.data')) return true;
  if (/^\/(invite|org\/invite)\//.test(req.path) || 'token' in req.query) return true;
  const cookie = req.get('cookie');
  if (!cookie) return false;
  const name = cookieName();
  return cookie.split(';').some((part) => part.trim().startsWith(`${name}=`));
}
