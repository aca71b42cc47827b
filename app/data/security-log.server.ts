import { and, count, eq, getTableColumns, gte, type SQL } from 'drizzle-orm';
import { schema } from '../../db/client';
import { db, writeTx, type Tx } from './db.server';
import { logWhere, newestFirst, type LogWindow } from './logs.server';
import { newId } from './ids.server';

/** Every kind of security event; the admin log's filter and its labels (security.type.*) follow this list. */
export const SECURITY_EVENT_TYPES = [
  'sign_up',
  'sign_in',
  'sign_in_failed',
  'sign_out',
  'sessions_revoked',
  'password_changed',
  'password_reset',
  'password_reset_requested',
  'email_verified',
  'email_change_requested',
  'email_changed',
  'permission_denied',
  'rate_limited',
  'honeypot',
  'vetting_decision',
  'role_changed',
] as const;
export type SecurityEventType = (typeof SECURITY_EVENT_TYPES)[number];

export interface SecurityEventInput {
  at: number;
  type: SecurityEventType;
  userId: string | null;
  ip: string | null;
  /** Short and factual. Never a password, a token, or anything about a child. */
  detail?: string | null;
}

/** Append-only. Written inside the change's transaction (`transact(tx => …)`), so it commits with it. */
export function logSecurityEvent(event: SecurityEventInput, tx: Tx): void {
  tx.insert(schema.securityEvents)
    .values({ id: newId(), at: event.at, type: event.type, userId: event.userId, ip: event.ip, detail: event.detail?.slice(0, 300) ?? null })
    .run();
}

/**
 * The security events written on their own, outside any transaction, each with its reason: each records an
 * attempt that is refused or dropped, so there is no change to commit with, and the record must stay whatever
 * the request does next. Every other event is written with logSecurityEvent inside the change's transaction
 * (tests/write-idiom.test.ts holds app/ to it); `rate_limited` is written inside the rate-limit charge.
 */
export const SECURITY_EVENTS_ON_THEIR_OWN = {
  permission_denied: 'the request is refused before it writes anything; the refusal itself must be on record',
  sign_in_failed: 'the sign-in is refused and writes nothing else; failed attempts must be on record',
  honeypot: 'the bot\'s sign-up is answered as if it worked but creates nothing; the attempt must be on record',
} as const satisfies Partial<Record<SecurityEventType, string>>;
export type SecurityEventOnItsOwn = keyof typeof SECURITY_EVENTS_ON_THEIR_OWN;

/** One of SECURITY_EVENTS_ON_THEIR_OWN, in a write transaction of its own. */
export function logSecurityEventOnItsOwn(event: SecurityEventInput & { type: SecurityEventOnItsOwn }): void {
  writeTx((tx) => logSecurityEvent(event, tx));
}

export interface SecurityEventFilter extends LogWindow {
  type?: string;
  userId?: string;
}

function securityWhere(filter: SecurityEventFilter): SQL | undefined {
  const e = schema.securityEvents;
  return logWhere(e.at, [[e.type, filter.type], [e.userId, filter.userId]], filter);
}

/** How many events the filter matches. */
export function countSecurityEvents(filter: SecurityEventFilter = {}): number {
  return db().select({ n: count() }).from(schema.securityEvents).where(securityWhere(filter)).get()?.n ?? 0;
}

/** The newest events first, each with the display name of its user (null when none or deleted), in one query. */
export function searchSecurityEvents(filter: SecurityEventFilter = {}) {
  const e = schema.securityEvents;
  const query = db()
    .select({ ...getTableColumns(e), userName: schema.users.displayName })
    .from(e)
    .leftJoin(schema.users, eq(schema.users.id, e.userId))
    .where(securityWhere(filter))
    .$dynamic();
  return newestFirst(query, e.at, e.id, filter).all();
}

/** Whether the account signed in successfully from this address since `since` (a known network for it). */
export function hasSignedInFrom(userId: string, ip: string, since: number): boolean {
  const e = schema.securityEvents;
  const row = db()
    .select({ id: e.id })
    .from(e)
    .where(and(gte(e.at, since), eq(e.type, 'sign_in'), eq(e.userId, userId), eq(e.ip, ip)))
    .limit(1)
    .get();
  return row !== undefined;
}
