import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import crypto from 'node:crypto';
import { config } from '../platform/config.server';
import type { Tx } from '../data/db.server';
import { loadActor, type UserRow } from '../data/actors.server';
import {
  deleteExpiredSessions,
  deleteSession,
  deleteSessionsOfUser,
  findSessionWithUser,
  insertSession,
  touchSession,
  type SessionRow,
} from '../data/sessions.server';
import type { Actor } from '../domain/actor';

// Sessions as Lucia's guide teaches: a random token in the cookie, only its SHA-256 in the database.
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
export const HELPER_SESSION_MS = 7 * DAY;
/** A helper's session ends 30 days after sign-in however busy; the 7 days above slide within it. */
export const HELPER_ABSOLUTE_MS = 30 * DAY;
export const STAFF_IDLE_MS = 30 * MINUTE;
export const STAFF_ABSOLUTE_MS = 12 * 60 * MINUTE;

export function cookieName(): string {
  return secureCookies() ? '__Host-wb_session' : 'wb_session';
}

/** Secure cookies need https; a deployment behind TLS sets APP_URL=https://… */
export function secureCookies(): boolean {
  const c = config();
  return c.production && c.appUrl.startsWith('https://');
}

export function generateSessionToken(): string {
  return encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(20)));
}

export function sessionIdFromToken(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

const isPrivileged = (user: UserRow) => user.isAdmin || user.staffSiteId !== null;

export function createSession(user: UserRow, now: number): { token: string; session: SessionRow } {
  const token = generateSessionToken();
  const privileged = isPrivileged(user);
  const session: SessionRow = {
    id: sessionIdFromToken(token),
    userId: user.id,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: now + (privileged ? STAFF_IDLE_MS : HELPER_SESSION_MS),
    absoluteExpiresAt: now + (privileged ? STAFF_ABSOLUTE_MS : HELPER_ABSOLUTE_MS),
  };
  insertSession(session);
  return { token, session };
}

export interface ValidSession {
  session: SessionRow;
  user: UserRow;
  actor: Actor;
  /** A fresh cookie to send when the expiry slid forward. */
  refreshedCookie: string | null;
}

export function validateSessionToken(token: string, now: number): ValidSession | null {
  const id = sessionIdFromToken(token);
  const row = findSessionWithUser(id);
  if (!row) return null;
  const { session, user } = row;
  // Staff-ness is the user's now: a helper made staff gets staff limits on the session already open.
  const privileged = isPrivileged(user);
  const absolute = privileged ? Math.min(session.absoluteExpiresAt, session.createdAt + STAFF_ABSOLUTE_MS) : session.absoluteExpiresAt;
  if (now >= session.expiresAt || now >= absolute || user.disabledAt !== null) {
    deleteSession(id);
    return null;
  }
  let refreshedCookie: string | null = null;
  if (privileged) {
    // Staff: 30 idle minutes, never past the absolute limit. Write at most once a minute.
    if (now - session.lastSeenAt >= MINUTE) {
      session.lastSeenAt = now;
      session.expiresAt = Math.min(now + STAFF_IDLE_MS, absolute);
      touchSession(id, session.lastSeenAt, session.expiresAt);
      refreshedCookie = sessionCookie(token, session.expiresAt, now);
    }
  } else if (session.expiresAt - now < HELPER_SESSION_MS / 2 && session.expiresAt < absolute) {
    // Helpers: 7 days from the last visit, refreshed past half-life, never past the absolute limit.
    session.lastSeenAt = now;
    session.expiresAt = Math.min(now + HELPER_SESSION_MS, absolute);
    touchSession(id, now, session.expiresAt);
    refreshedCookie = sessionCookie(token, session.expiresAt, now);
  }
  return { session, user, actor: loadActor(user), refreshedCookie };
}

/** Inside a transaction when given one, so that it commits with what goes with it (sign-out's log entry). */
export function invalidateSession(sessionId: string, tx?: Tx): void {
  deleteSession(sessionId, tx);
}

export function invalidateAllSessions(userId: string): number {
  return deleteSessionsOfUser(userId);
}

export function sessionCookie(token: string, expiresAt: number, now: number): string {
  const maxAge = Math.max(0, Math.floor((expiresAt - now) / 1000));
  return [`${cookieName()}=${token}`, 'Path=/', 'HttpOnly', 'SameSite=Lax', `Max-Age=${maxAge}`, secureCookies() ? 'Secure' : '']
    .filter(Boolean)
    .join('; ');
}

export function blankSessionCookie(): string {
  return [`${cookieName()}=`, 'Path=/', 'HttpOnly', 'SameSite=Lax', 'Max-Age=0', secureCookies() ? 'Secure' : ''].filter(Boolean).join('; ');
}

export function readSessionToken(request: Request): string | null {
  const cookie = request.headers.get('cookie');
  if (!cookie) return null;
  const name = cookieName();
  for (const part of cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=') || null;
  }
  return null;
}

export function pruneExpiredSessions(now: number): number {
  return deleteExpiredSessions(now);
}
