import type { Tx } from '../data/db.server';
import { hitWindow, pruneRateLimits, refundHit } from '../data/rate-limits.server';
import { logSecurityEvent } from '../data/security-log.server';
import type { DomainError } from '../domain/errors';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export interface RateRule {
  limit: number;
  windowMs: number;
}

/**
 * Fixed windows, counted in the rate_limits table inside a write transaction, so every server
 * process and every concurrent request sees the same count.
 * Sign-in counts failed attempts only (a success gives its attempt back), so people who sign in
 * often are never locked out while a guesser gets ten tries per account per quarter hour.
 */
export const RATE_LIMITS = {
  signInAccount: { limit: 10, windowMs: 15 * MINUTE },
  signInIp: { limit: 50, windowMs: 15 * MINUTE },
  signUpIp: { limit: 20, windowMs: HOUR },
  mailPerEmail: { limit: 3, windowMs: HOUR },
  mailPerIp: { limit: 20, windowMs: HOUR },
  invitePerUser: { limit: 30, windowMs: HOUR },
} satisfies Record<string, RateRule>;

export type RateRuleName = keyof typeof RATE_LIMITS;

export interface Hit {
  key: string;
  windowStart: number;
}

export type RateCheck = { ok: true; hits: Hit[] } | { ok: false; error: DomainError & { kind: 'rate_limited' } };

/**
 * Counts one attempt against each (rule, subject) pair. Any pair over its limit refuses the attempt,
 * which is logged as rate_limited. Runs inside the caller's write transaction.
 */
export function takeRateLimits(
  tx: Tx,
  checks: Array<[RateRuleName, string]>,
  meta: { ip: string; now: number; userId?: string | null },
): RateCheck {
  const hits: Hit[] = [];
  let retryAfterMs = 0;
  const exceeded: string[] = [];
  for (const [name, subject] of checks) {
    const rule = RATE_LIMITS[name];
    const key = `${name}:${subject.toLowerCase()}`;
    const window = hitWindow(tx, key, rule.windowMs, meta.now);
    hits.push({ key, windowStart: window.windowStart });
    if (window.count > rule.limit) {
      exceeded.push(name);
      retryAfterMs = Math.max(retryAfterMs, window.windowStart + rule.windowMs - meta.now);
    }
  }
  if (exceeded.length === 0) return { ok: true, hits };
  // The detail names the rule, never the subject (an email address is personal data).
  logSecurityEvent({ at: meta.now, type: 'rate_limited', userId: meta.userId ?? null, ip: meta.ip, detail: exceeded.join(',') }, tx);
  return { ok: false, error: rateLimited(retryAfterMs) };
}

export function refundRateLimits(tx: Tx, hits: Hit[]): void {
  for (const hit of hits) refundHit(tx, hit.key, hit.windowStart);
}

export function rateLimited(retryAfterMs: number): DomainError & { kind: 'rate_limited' } {
  const retryAfterSeconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return {
    kind: 'rate_limited',
    retryAfterSeconds,
    message: { key: 'error.too_many', params: { minutes: Math.max(1, Math.ceil(retryAfterSeconds / 60)) } },
  };
}

/** Housekeeping: windows are at most an hour long, so counters older than a day are only clutter. */
export function pruneRateLimitWindows(now: number): number {
  return pruneRateLimits(now - 24 * HOUR);
}
