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
  TRUST_PROXY: v.optional(v.picklist(['true', 'false', '1', '0'], 'TRUST_PROXY must be true or false'), 'false'),
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
});

export interface Config {
  production: boolean;
  port: number;
  host: string;
  databasePath: string;
  resendApiKey: string | null;
  mailFrom: string;
  seedDemo: boolean;
  trustProxy: boolean;
  appUrl: string;
  mailLinkKey: string | null;
  mailRetentionDays: number;
  minFreeDiskBytes: number;
}

export class ConfigError extends Error {}

const truthy = (s: string) => s === 'true' || s === '1';

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
    trustProxy: truthy(e.TRUST_PROXY),
    mailLinkKey: e.MAIL_LINK_KEY || null,
    mailRetentionDays: e.MAIL_RETENTION_DAYS as unknown as number,
    minFreeDiskBytes: (e.MIN_FREE_DISK_MB as unknown as number) * 1024 * 1024,
    appUrl: (e.APP_URL ?? `http://${e.HOST === '0.0.0.0' ? 'localhost' : e.HOST}:${port}`).replace(/\/$/, ''),
  };
}

let cached: Config | null = null;
export function config(): Config {
  cached ??= readConfig();
  return cached;
}
