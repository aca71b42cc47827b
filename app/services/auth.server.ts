import type { Locale } from '../i18n/locale';
import { deviceCookieAfterSignIn, isKnownDevice, type DeviceCookie } from '../auth/device.server';
import { hashPassword, verifyPassword } from '../auth/password.server';
import { blankSessionCookie, createSession, invalidateSession, sessionCookie, type ValidSession } from '../auth/session.server';
import { loadActor } from '../data/actors.server';
import { hasSignedInFrom, logSecurityEvent, logSecurityEventOnItsOwn } from '../data/security-log.server';
import { findUserByEmail, setUserLocale } from '../data/users.server';
import type { Actor } from '../domain/actor';
import { err, ok, type Result } from '../domain/errors';
import type { LoginInput } from '../forms/auth';
import { chargeSignInAttempt, refundRateLimits } from '../server/rate-limit.server';
import { transact } from '../server/tx.server';

/** Who is asking and when: every service that logs or rate-limits takes it. */
export interface RequestMeta {
  ip: string;
  now: number;
}

export function requestMeta(context: { clientIp?: string } | undefined, now = Date.now()): RequestMeta {
  return { ip: context?.clientIp || 'unknown', now };
}

/** Where a person lands after signing in when no page asked for them. */
export function landingPath(actor: Actor): string {
  if (actor.admin) return '/admin';
  if (actor.staff) return '/staff';
  if (actor.orgs.length > 0 && !actor.volunteer) return '/org';
  if (actor.volunteer) return '/me';
  return '/';
}

// Verifying against a throwaway hash when the account does not exist keeps the answer time the same.
let dummyHash: Promise<string> | null = null;
const dummy = () => (dummyHash ??= hashPassword('wishbridge-timing-equalizer-not-a-password'));

export interface SignedIn {
  cookie: string;
  /** The device cookie, which makes this browser known to the account (README D15). */
  deviceCookie: string;
  landing: string;
}

/** A network the account signed in from within this time counts as known. */
const KNOWN_NETWORK_MS = 90 * 24 * 60 * 60 * 1000;

/**
 * Checks the password and opens a new session (a new token at every sign-in). A wrong email and a wrong
 * password get the same answer. Failed attempts count per IP, per account per IP (or per known browser)
 * and against the account's ceiling, which slows strangers but never a browser or network that signed in
 * to the account before (README D15).
 *
 * `locale` is the language the person is using while signing in; it becomes their mail language,
 * so a helper who reads the site in English also gets English mail. `device` is the browser's device cookie.
 */
export async function signIn(
  input: LoginInput,
  meta: RequestMeta,
  previous: ValidSession | null = null,
  locale: Locale | null = null,
  device: DeviceCookie | null = null,
): Promise<Result<SignedIn>> {
  const email = input.email.toLowerCase();
  const user = findUserByEmail(email);
  const limit = chargeSignInAttempt(
    {
      email,
      knownDeviceId: user && isKnownDevice(device, user.id) ? device!.id : null,
      fromKnownNetwork: () => user !== undefined && hasSignedInFrom(user.id, meta.ip, meta.now - KNOWN_NETWORK_MS),
    },
    meta,
  );
  if (!limit.ok) return limit;

  const valid = user ? await verifyPassword(user.passwordHash, input.password) : (await verifyPassword(await dummy(), input.password), false);
  if (!user || !valid || user.disabledAt !== null) {
    logSecurityEventOnItsOwn({ at: meta.now, type: 'sign_in_failed', userId: user?.id ?? null, ip: meta.ip, detail: user ? 'wrong password' : 'unknown account' });
    return err({ kind: 'validation', fields: {}, message: { key: 'auth.login.failed' } });
  }
  transact((tx) => {
    refundRateLimits(tx, limit.hits);
    logSecurityEvent({ at: meta.now, type: 'sign_in', userId: user.id, ip: meta.ip }, tx);
    if (locale && locale !== user.locale) setUserLocale(tx, user.id, locale);
  });
  // The browser's earlier session (perhaps someone else's account) ends with the new sign-in.
  if (previous) invalidateSession(previous.session.id);
  const { token, session } = createSession(user, meta.now);
  return ok({ cookie: sessionCookie(token, session.expiresAt, meta.now), deviceCookie: deviceCookieAfterSignIn(device, user.id), landing: landingPath(loadActor(user)) });
}

/** Ends this session only; the cookie is blanked. */
export function signOut(viewer: ValidSession | null, meta: RequestMeta): string {
  if (viewer) {
    transact((tx) => {
      invalidateSession(viewer.session.id, tx);
      logSecurityEvent({ at: meta.now, type: 'sign_out', userId: viewer.user.id, ip: meta.ip }, tx);
    });
  }
  return blankSessionCookie();
}
