import { writeTx, type Tx } from '../data/db.server';
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
 * process and every concurrent request sees the same count (README D15).
 *
 * Sign-in counts attempts before the password is checked and gives them back when it was right, so only
 * failures stay counted. Three limits, none of which lets a stranger lock someone out:
 * - per address (signInIp): one network guessing across many accounts;
 * - per account per address (signInAccountIp), or per account per known browser: one network guessing one
 *   account, which locks out that network only;
 * - a per-account ceiling (signInAccount) over all addresses: past it, browsers and networks the account
 *   has never signed in from are slowed to one attempt a minute (signInSlow), while a browser that signed
 *   in before (device cookie, app/auth/device.server.ts) or a network it signed in from goes straight to
 *   the password check.
 */
export const RATE_LIMITS = {
  signInIp: { limit: 50, windowMs: 15 * MINUTE },
  signInAccountIp: { limit: 10, windowMs: 15 * MINUTE },
  signInAccount: { limit: 30, windowMs: 15 * MINUTE },
  signInSlow: { limit: 1, windowMs: MINUTE },
  signUpIp: { limit: 20, windowMs: HOUR },
  /** The "someone tried to sign up with your address" mail: one per address per 12 hours. */
  signUpTakenNotice: { limit: 1, windowMs: 12 * HOUR },
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

interface Counted extends Hit {
  name: RateRuleName;
  exceeded: boolean;
  retryAfterMs: number;
}

function count(tx: Tx, name: RateRuleName, subject: string, now: number): Counted {
  const rule = RATE_LIMITS[name];
  const key = `${name}:${subject.toLowerCase()}`;
  const window = hitWindow(tx, key, rule.windowMs, now);
  return { name, key, windowStart: window.windowStart, exceeded: window.count > rule.limit, retryAfterMs: window.windowStart + rule.windowMs - now };
}

function refuse(tx: Tx, over: Counted[], meta: { ip: string; now: number; userId?: string | null }): RateCheck & { ok: false } {
  // The detail names the rules, never the subject (an email address is personal data).
  logSecurityEvent({ at: meta.now, type: 'rate_limited', userId: meta.userId ?? null, ip: meta.ip, detail: over.map((c) => c.name).join(',') }, tx);
  return { ok: false, error: rateLimited(Math.max(...over.map((c) => c.retryAfterMs))) };
}

/**
 * Counts one attempt against each (rule, subject) pair. Any pair over its limit refuses the attempt,
 * which is logged as rate_limited. Runs in the transaction given; callers charge through chargeRateLimits,
 * whose transaction commits on its own, so that a refused attempt still counts.
 */
export function takeRateLimits(tx: Tx, checks: Array<[RateRuleName, string]>, meta: { ip: string; now: number; userId?: string | null }): RateCheck {
  const counted = checks.map(([name, subject]) => count(tx, name, subject, meta.now));
  const over = counted.filter((c) => c.exceeded);
  return over.length === 0 ? { ok: true, hits: counted } : refuse(tx, over, meta);
}

/**
 * Counts one hit and says whether it is within the limit, without logging: for what is quietly skipped
 * rather than refused (a notice mail whose refusal would tell something).
 */
export function withinRateLimit(tx: Tx, name: RateRuleName, subject: string, now: number): boolean {
  return !count(tx, name, subject, now).exceeded;
}

/**
 * The one named exception to "a refusal rolls back everything": an attempt is counted in a transaction of
 * its own, committed before the work starts, so that a refused, failed or rolled-back attempt still counts.
 */
export function chargeRateLimits(checks: Array<[RateRuleName, string]>, meta: { ip: string; now: number; userId?: string | null }): RateCheck {
  return writeTx((tx) => takeRateLimits(tx, checks, meta));
}

export interface SignInAttempt {
  /** The address typed (lower case); the account need not exist. */
  email: string;
  /** The device id when this browser's cookie proves an earlier sign-in to this account. */
  knownDeviceId: string | null;
  /** Whether the account signed in successfully from this network before (asked only when needed). */
  fromKnownNetwork: () => boolean;
}

/**
 * Counts a sign-in attempt (committed on its own, like chargeRateLimits) and says whether it may go on to
 * the password check. The hits to give back when the password is right are returned; a slot of the slowed
 * pace is spent either way.
 */
export function chargeSignInAttempt(attempt: SignInAttempt, meta: { ip: string; now: number; userId?: string | null }): RateCheck {
  return writeTx((tx) => {
    const { email, knownDeviceId } = attempt;
    const counted = knownDeviceId
      ? [count(tx, 'signInAccountIp', `${email}|device:${knownDeviceId}`, meta.now)]
      : [count(tx, 'signInIp', meta.ip, meta.now), count(tx, 'signInAccountIp', `${email}|${meta.ip}`, meta.now)];
    const ceiling = count(tx, 'signInAccount', email, meta.now);
    const hits: Hit[] = [...counted, ceiling];
    const over = counted.filter((c) => c.exceeded);
    if (over.length > 0) return refuse(tx, over, meta);
    if (ceiling.exceeded && !knownDeviceId && !attempt.fromKnownNetwork()) {
      const slow = count(tx, 'signInSlow', email, meta.now);
      if (slow.exceeded) return refuse(tx, [slow], meta);
    }
    return { ok: true, hits };
  });
}

export function refundRateLimits(tx: Tx, hits: Hit[]): void {
  for (const hit of hits) refundHit(tx, hit.key, hit.windowStart);
}

/**
 * Gives back the hits of an earlier charge in a transaction of its own (the password was right, and what
 * follows may still be refused): part of the named exception with chargeRateLimits.
 */
export function giveBackRateLimits(hits: Hit[]): void {
  writeTx((tx) => refundRateLimits(tx, hits));
}

export function rateLimited(retryAfterMs: number): DomainError & { kind: 'rate_limited' } {
  const retryAfterSeconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return {
    kind: 'rate_limited',
    retryAfterSeconds,
    message: { key: 'error.too_many', params: { minutes: Math.max(1, Math.ceil(retryAfterSeconds / 60)) } },
  };
}

/** Housekeeping: windows are at most 12 hours long, so counters older than a day are only clutter. */
export function pruneRateLimitWindows(now: number): number {
  return pruneRateLimits(now - 24 * HOUR);
}
