import net from 'node:net';
import * as v from 'valibot';

const Env = v.object({
  NODE_ENV: v.optional(v.string(), 'development'),
  PORT: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^\d+$/, 'PORT must be a whole number between 1 and 65535'),
      v.transform(Number),
      v.minValue(1, 'PORT must be a whole number between 1 and 65535'),
      v.maxValue(65535, 'PORT must be a whole number between 1 and 65535'),
    ),
    '3000',
  ),
  HOST: v.optional(v.pipe(v.string(), v.nonEmpty('HOST must not be empty')), '127.0.0.1'),
  DATABASE_PATH: v.optional(v.pipe(v.string(), v.nonEmpty('DATABASE_PATH must not be empty')), 'data/app.db'),
  RESEND_API_KEY: v.optional(v.string()),
  MAIL_FROM: v.optional(v.string(), 'WishBridge 心愿桥 <noreply@wishbridge.local>'),
  SEED_DEMO: v.optional(v.picklist(['true', 'false', '1', '0'], 'SEED_DEMO must be true or false'), 'true'),
  TRUST_PROXY: v.optional(v.string(), 'false'),
  /** Public base URL used in mailed links; defaults to http://HOST:PORT. */
  APP_URL: v.optional(v.pipe(v.string(), v.url('APP_URL must be a URL'))),
  /** Secret from which the key sealing mailed links in the outbox is derived; default: a key file next to the database. */
  MAIL_LINK_KEY: v.optional(v.pipe(v.string(), v.minLength(32, 'MAIL_LINK_KEY must be at least 32 characters'))),
  MAIL_RETENTION_DAYS: v.optional(
    v.pipe(v.string(), v.regex(/^\d+$/, 'MAIL_RETENTION_DAYS must be a whole number of days (1 or more)'), v.transform(Number), v.minValue(1, 'MAIL_RETENTION_DAYS must be a whole number of days (1 or more)')),
    '90',
  ),
  MIN_FREE_DISK_MB: v.optional(
    v.pipe(v.string(), v.regex(/^\d+$/, 'MIN_FREE_DISK_MB must be a whole number of megabytes'), v.transform(Number)),
    '64',
  ),
  PAIRING_MAX_ACTIVE: v.optional(
    v.pipe(v.string(), v.regex(/^\d+$/, 'PAIRING_MAX_ACTIVE must be a whole number of children (1 or more)'), v.transform(Number), v.minValue(1, 'PAIRING_MAX_ACTIVE must be a whole number of children (1 or more)')),
    '2',
  ),
});

export interface Config {
  production: boolean;
  port: number;
  host: string;
  databasePath: string;
  resendApiKey: string | null;
  mailFrom: string;
  seedDemo: boolean;
  /**
   * Which proxies' X-Forwarded-* headers to believe: none (false), the nearest N hops, or these addresses
   * and subnets. Handed to Express's `trust proxy` setting as it is.
   */
  trustProxy: false | number | string[];
  appUrl: string;
  mailLinkKey: string | null;
  mailRetentionDays: number;
  minFreeDiskBytes: number;
  /** How many children a volunteer may be paired with at once (active pairings). */
  pairingMaxActive: number;
}

export class ConfigError extends Error {}

const truthy = (s: string) => s === 'true' || s === '1';

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);
const TRUST_PROXY_HELP =
  'TRUST_PROXY must be false, the number of proxies in front of the server (TRUST_PROXY=1), or their addresses and subnets (TRUST_PROXY=10.0.0.0/8,127.0.0.1)';

/**
 * `true` trusted every hop, so the leftmost X-Forwarded-For (written by the client) became the client's
 * address. Only a hop count or the proxies' own addresses are accepted now.
 */
export function parseTrustProxy(raw: string): false | number | string[] {
  const value = raw.trim();
  if (value === '' || value === 'false' || value === '0') return false;
  if (value === 'true') {
    throw new ConfigError(
      'TRUST_PROXY=true would believe any address a client writes into X-Forwarded-For; set the number of proxies in front of the server (TRUST_PROXY=1) or their addresses (TRUST_PROXY=10.0.0.0/8)',
    );
  }
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops > 10) throw new ConfigError(TRUST_PROXY_HELP);
    return hops;
  }
  const entries = value.split(',').map((entry) => entry.trim());
  for (const entry of entries) {
    if (PROXY_NAMES.has(entry)) continue;
    const [address, prefix, ...rest] = entry.split('/');
    const family = net.isIP(address);
    const prefixOk = prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 6 ? 128 : 32));
    if (!family || !prefixOk || rest.length > 0) throw new ConfigError(`${TRUST_PROXY_HELP}; "${entry}" is none of these`);
  }
  return entries;
}

export function readConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = v.safeParse(Env, cleaned);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    throw new ConfigError(issue.message);
  }
  const e = parsed.output;
  const port = e.PORT as unknown as number;
  return {
    production: e.NODE_ENV === 'production',
    port,
    host: e.HOST,
    databasePath: e.DATABASE_PATH,
    resendApiKey: e.RESEND_API_KEY || null,
    mailFrom: e.MAIL_FROM,
    seedDemo: truthy(e.SEED_DEMO),
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
    mailLinkKey: e.MAIL_LINK_KEY || null,
    mailRetentionDays: e.MAIL_RETENTION_DAYS as unknown as number,
    minFreeDiskBytes: (e.MIN_FREE_DISK_MB as unknown as number) * 1024 * 1024,
    pairingMaxActive: e.PAIRING_MAX_ACTIVE as unknown as number,
    appUrl: (e.APP_URL ?? `http://${e.HOST === '0.0.0.0' ? 'localhost' : e.HOST}:${port}`).replace(/\/$/, ''),
  };
}

let cached: Config | null = null;
export function config(): Config {
  cached ??= readConfig();
  return cached;
}
