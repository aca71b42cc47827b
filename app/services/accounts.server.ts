import { hashPassword, verifyPassword } from '../auth/password.server';
import { createSession, sessionCookie, type ValidSession } from '../auth/session.server';
import { generateMailToken, hashMailToken } from '../auth/tokens.server';
import { config } from '../platform/config.server';
import { recordAudit } from '../data/audit.server';
import type { Tx } from '../data/db.server';
import { newId } from '../data/ids.server';
import { deleteSessionsOfUser } from '../data/sessions.server';
import { insertOrganization, insertOrganizationMember } from '../data/organizations.server';
import { logSecurityEvent, logSecurityEventOnItsOwn } from '../data/security-log.server';
import { consumeToken, findLiveToken, insertToken, retireTokensOfUser } from '../data/tokens.server';
import { findUserByEmail, findUserById, insertUser, insertVolunteer, markEmailVerified, updatePasswordHash } from '../data/users.server';
import { err, ok, type DomainError, type Result } from '../domain/errors';
import { HONEYPOT_FIELD, type SignUpInput } from '../forms/auth';
import { weakPasswordMessages, type PasswordOwner } from '../forms/password-strength';
import type { Locale } from '../i18n/locale';
import { enqueueMail } from '../mail/send.server';
import type { RequestMeta } from './auth.server';
import { chargeRateLimits, giveBackRateLimits, withinRateLimit } from '../server/rate-limit.server';
import { Refusal, transact } from '../server/tx.server';

const HOUR = 60 * 60 * 1000;
export const VERIFY_TOKEN_MS = 48 * HOUR;
export const RESET_TOKEN_MS = 1 * HOUR;

/** A password too easy to guess (zxcvbn score under 3), with zxcvbn's feedback, refused at the field `field`. */
export function weakPassword(password: string, owner: PasswordOwner, field = 'password'): DomainError | null {
  const messages = weakPasswordMessages(password, owner);
  return messages ? { kind: 'validation', fields: { [field]: messages } } : null;
}
/** Every sign-up gets this answer, whether or not the address already had an account (README D24). */
export type SignUpOutcome = { kind: 'check_mail' };

/**
 * A new volunteer (pending, optionally a caring parent) or a new organization (pending) with the signer as
 * its manager, and a verification link by mail. The answer never tells whether the address already has an
 * account: for a taken address nothing is created, the owner is mailed that someone tried (at most one
 * such notice per address per 12 hours), and the page says "check your mail" all the same. Nobody is signed
 * in by signing up: the person opens the link, then logs in.
 */
export async function signUp(input: SignUpInput, locale: Locale, meta: RequestMeta): Promise<Result<SignUpOutcome>> {
  const answer = ok({ kind: 'check_mail' as const });
  if (input[HONEYPOT_FIELD]) {
    // A bot filled in the field people cannot see: answer as if it worked, create nothing.
    logSecurityEventOnItsOwn({ at: meta.now, type: 'honeypot', userId: null, ip: meta.ip, detail: 'signup' });
    return answer;
  }
  const weak = weakPassword(input.password, { email: input.email, name: input.displayName });
  if (weak) return err(weak);
  const limit = chargeRateLimits([['signUpIp', meta.ip]], meta);
  if (!limit.ok) return limit;

  // Hashed whether or not the address is free, so that the answer takes as long either way.
  const passwordHash = await hashPassword(input.password);
  const userId = newId();
  const token = generateMailToken();
  transact((tx) => {
    const now = meta.now;
    const existing = findUserByEmail(input.email, tx);
    if (existing) {
      // The notice is limited per address so that sign-up cannot be used to flood someone's mailbox; past
      // the limit it is quietly not sent (a 429 here would tell that the address has an account).
      if (withinRateLimit(tx, 'signUpTakenNotice', existing.email, now)) {
        enqueueMail(
          tx,
          { to: existing.email, template: 'signup_taken', locale: existing.locale, params: { name: existing.displayName, link: `${config().appUrl}/forgot-password` } },
          now,
        );
      }
      return;
    }
    insertUser(tx, { id: userId, email: input.email, passwordHash, displayName: input.displayName, locale, createdAt: now });
    recordAudit(tx, { at: now, actorId: userId, entityType: 'user', entityId: userId, action: 'sign_up', note: input.accountType });
    if (input.accountType === 'volunteer') {
      insertVolunteer(tx, { userId, status: 'pending', caringParent: input.caringParent, createdAt: now });
      recordAudit(tx, { at: now, actorId: userId, entityType: 'volunteer', entityId: userId, action: 'apply', toStatus: 'pending' });
    } else {
      const orgId = newId();
      insertOrganization(tx, {
        id: orgId,
        name: input.organizationName!,
        kind: input.organizationKind!,
        status: 'pending',
        contactName: input.displayName,
        createdAt: now,
      });
      insertOrganizationMember(tx, { orgId, userId, role: 'manager', createdAt: now });
      recordAudit(tx, { at: now, actorId: userId, entityType: 'organization', entityId: orgId, action: 'apply', toStatus: 'pending' });
    }
    queueVerificationMail(tx, { userId, email: input.email, name: input.displayName, locale }, token, now);
    logSecurityEvent({ at: now, type: 'sign_up', userId, ip: meta.ip, detail: input.accountType }, tx);
  });
  return answer;
}

function queueVerificationMail(
  tx: Tx,
  user: { userId: string; email: string; name: string; locale: Locale },
  token: string,
  now: number,
): void {
  retireTokensOfUser(tx, user.userId, 'verify_email', now);
  insertToken(tx, {
    id: newId(),
    purpose: 'verify_email',
    tokenHash: hashMailToken(token),
    userId: user.userId,
    email: user.email,
    expiresAt: now + VERIFY_TOKEN_MS,
    createdAt: now,
  });
  enqueueMail(
    tx,
    { to: user.email, template: 'verify_email', locale: user.locale, params: { name: user.name, link: `${config().appUrl}/verify-email?token=${token}` } },
    now,
  );
}

/** Whether a verification link is still good; reading it changes nothing. */
export function verificationLinkIsLive(token: string, now: number): boolean {
  return findLiveToken(hashMailToken(token), 'verify_email', now) !== undefined;
}

export function verifyEmail(token: string, meta: RequestMeta): Result<{ userId: string }> {
  const hash = hashMailToken(token);
  return transact((tx) => {
    const row = findLiveToken(hash, 'verify_email', meta.now, tx);
    if (!row || !row.userId || !consumeToken(tx, row.id, meta.now)) throw new Refusal({ kind: 'conflict', message: { key: 'auth.verify.invalid' } });
    markEmailVerified(tx, row.userId, meta.now);
    recordAudit(tx, { at: meta.now, actorId: row.userId, entityType: 'user', entityId: row.userId, action: 'verify_email' });
    logSecurityEvent({ at: meta.now, type: 'email_verified', userId: row.userId, ip: meta.ip }, tx);
    return { userId: row.userId };
  });
}

export function resendVerification(viewer: ValidSession, meta: RequestMeta): Result<{ sent: boolean }> {
  const user = viewer.user;
  if (user.emailVerifiedAt !== null) return ok({ sent: false });
  const token = generateMailToken();
  // The count commits on its own (chargeRateLimits), before the mail is queued.
  const limit = chargeRateLimits([['mailPerEmail', user.email], ['mailPerIp', meta.ip]], { ...meta, userId: user.id });
  if (!limit.ok) return limit;
  return transact((tx) => {
    queueVerificationMail(tx, { userId: user.id, email: user.email, name: user.displayName, locale: user.locale }, token, meta.now);
    return { sent: true };
  });
}

/**
 * Mails a reset link when the account exists. The answer is the same either way (and the rate limit
 * is keyed by the address typed, so it does not tell either).
 */
export function requestPasswordReset(email: string, meta: RequestMeta): Result<{ done: true }> {
  const address = email.toLowerCase();
  const token = generateMailToken();
  const limit = chargeRateLimits([['mailPerEmail', address], ['mailPerIp', meta.ip]], meta);
  if (!limit.ok) return limit;
  return transact((tx) => {
    const user = findUserByEmail(address, tx);
    if (user && user.disabledAt === null) {
      retireTokensOfUser(tx, user.id, 'reset_password', meta.now);
      insertToken(tx, {
        id: newId(),
        purpose: 'reset_password',
        tokenHash: hashMailToken(token),
        userId: user.id,
        email: user.email,
        expiresAt: meta.now + RESET_TOKEN_MS,
        createdAt: meta.now,
      });
      enqueueMail(
        tx,
        { to: user.email, template: 'reset_password', locale: user.locale, params: { name: user.displayName, link: `${config().appUrl}/reset-password?token=${token}` } },
        meta.now,
      );
      logSecurityEvent({ at: meta.now, type: 'password_reset_requested', userId: user.id, ip: meta.ip }, tx);
    }
    return { done: true as const };
  });
}

export function resetLinkIsLive(token: string, now: number): boolean {
  return findLiveToken(hashMailToken(token), 'reset_password', now) !== undefined;
}

const invalidReset = (): DomainError => ({ kind: 'conflict', message: { key: 'auth.reset.invalid' } });

/** Sets a new password from a mailed link (single use, 1 hour) and signs the account out everywhere. */
export async function resetPassword(input: { token: string; password: string }, meta: RequestMeta): Promise<Result<{ userId: string }>> {
  const hash = hashMailToken(input.token);
  const row = findLiveToken(hash, 'reset_password', meta.now);
  const user = row?.userId ? findUserById(row.userId) : undefined;
  if (!row || !user) return err(invalidReset());
  const weak = weakPassword(input.password, { email: user.email, name: user.displayName });
  if (weak) return err(weak);
  const passwordHash = await hashPassword(input.password);
  return transact((tx) => {
    if (!consumeToken(tx, row.id, meta.now)) throw new Refusal(invalidReset());
    updatePasswordHash(tx, user.id, passwordHash);
    // Whoever holds the link reads the mailbox: that verifies the address too.
    if (user.emailVerifiedAt === null) markEmailVerified(tx, user.id, meta.now);
    retireTokensOfUser(tx, user.id, 'reset_password', meta.now);
    // A pending email change may be someone else's doing (the notice mail says to reset the password).
    retireTokensOfUser(tx, user.id, 'email_change', meta.now);
    const revoked = deleteSessionsOfUser(user.id, tx);
    recordAudit(tx, { at: meta.now, actorId: user.id, entityType: 'user', entityId: user.id, action: 'password_reset' });
    logSecurityEvent({ at: meta.now, type: 'password_reset', userId: user.id, ip: meta.ip }, tx);
    logSecurityEvent({ at: meta.now, type: 'sessions_revoked', userId: user.id, ip: meta.ip, detail: `password reset (${revoked})` }, tx);
    return { userId: user.id };
  });
}

/**
 * Changes the password of the signed-in person: every session ends (other devices too),
 * and this browser gets a fresh one.
 */
export async function changePassword(
  viewer: ValidSession,
  input: { currentPassword: string; newPassword: string },
  meta: RequestMeta,
): Promise<Result<{ cookie: string }>> {
  const user = viewer.user;
  // The current password is checked like a sign-in from this network: counted first, given back when right.
  const limit = chargeRateLimits([['signInAccountIp', `${user.email}|${meta.ip}`]], { ...meta, userId: user.id });
  if (!limit.ok) return limit;
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    return err({ kind: 'validation', fields: { currentPassword: ['form.password.current_wrong'] } });
  }
  giveBackRateLimits(limit.hits);
  const weak = weakPassword(input.newPassword, { email: user.email, name: user.displayName }, 'newPassword');
  if (weak) return err(weak);
  const passwordHash = await hashPassword(input.newPassword);
  transact((tx) => {
    updatePasswordHash(tx, user.id, passwordHash);
    retireTokensOfUser(tx, user.id, 'email_change', meta.now);
    const revoked = deleteSessionsOfUser(user.id, tx);
    recordAudit(tx, { at: meta.now, actorId: user.id, entityType: 'user', entityId: user.id, action: 'password_change' });
    logSecurityEvent({ at: meta.now, type: 'password_changed', userId: user.id, ip: meta.ip }, tx);
    logSecurityEvent({ at: meta.now, type: 'sessions_revoked', userId: user.id, ip: meta.ip, detail: `password change (${revoked})` }, tx);
  });
  const fresh = findUserById(user.id)!;
  const { token, session } = createSession(fresh, meta.now);
  return ok({ cookie: sessionCookie(token, session.expiresAt, meta.now) });
}
