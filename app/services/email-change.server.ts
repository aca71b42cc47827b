import { verifyPassword } from '../auth/password.server';
import type { ValidSession } from '../auth/session.server';
import { generateMailToken, hashMailToken } from '../auth/tokens.server';
import { config } from '../platform/config.server';
import { recordAudit } from '../data/audit.server';
import { newId } from '../data/ids.server';
import { logSecurityEvent } from '../data/security-log.server';
import { deleteOtherSessionsOfUser, deleteSessionsOfUser } from '../data/sessions.server';
import { consumeToken, findLiveToken, insertToken, retireTokensOfUser } from '../data/tokens.server';
import { findUserByEmail, findUserById, setVerifiedEmail } from '../data/users.server';
import { err, ok, type DomainError, type Result } from '../domain/errors';
import type { ChangeEmailInput } from '../forms/auth';
import { enqueueMail } from '../mail/send.server';
import type { RequestMeta } from './auth.server';
import { chargeRateLimits, giveBackRateLimits } from '../server/rate-limit.server';
import { Refusal, transact } from '../server/tx.server';

// Changing the account's address (D16): /me asks for the new address and the current password, mails a
// single-use link to the new address and a notice to the old one; nothing changes until the link's
// button is pressed (POST). The old mailbox keeps working until then, so its owner can still reset the
// password, which retires the pending change.

export const EMAIL_CHANGE_TOKEN_MS = 48 * 60 * 60 * 1000;

const field = (name: string, key: string): DomainError => ({ kind: 'validation', fields: { [name]: [key] } });
const invalidLink = (): DomainError => ({ kind: 'conflict', message: { key: 'auth.change_email.invalid' } });
const takenMeanwhile = (): DomainError => ({ kind: 'conflict', message: { key: 'auth.change_email.taken' } });

/** "zh***@example.org": enough for the owner to recognise, not the whole address. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return '***';
  const local = email.slice(0, at);
  const shown = local.length > 3 ? local.slice(0, 2) : local.slice(0, 1);
  return `${shown}***${email.slice(at)}`;
}

/**
 * Asks to move the account to a new address. Refuses the current address, an address another account
 * uses (as sign-up does) and a wrong password, writing nothing; otherwise mails the link and the notice.
 */
export async function requestEmailChange(viewer: ValidSession, input: ChangeEmailInput, meta: RequestMeta): Promise<Result<{ sent: true }>> {
  const user = viewer.user;
  const newEmail = input.newEmail.toLowerCase();
  if (newEmail === user.email) return err(field('newEmail', 'form.email.same'));

  // The password is checked like a sign-in from this network: counted first, given back when right.
  const limit = chargeRateLimits([['signInAccountIp', `${user.email}|${meta.ip}`]], { ...meta, userId: user.id });
  if (!limit.ok) return limit;
  if (!(await verifyPassword(user.passwordHash, input.password))) return err(field('password', 'form.password.current_wrong'));
  giveBackRateLimits(limit.hits);

  if (findUserByEmail(newEmail)) return err(field('newEmail', 'form.email.in_use'));

  // Like verification mail: a few per address (old and new) and per IP an hour. The counts commit on
  // their own (chargeRateLimits), even when what follows is refused.
  const mailLimit = chargeRateLimits(
    [
      ['mailPerEmail', user.email],
      ['mailPerEmail', newEmail],
      ['mailPerIp', meta.ip],
    ],
    { ...meta, userId: user.id },
  );
  if (!mailLimit.ok) return mailLimit;

  const token = generateMailToken();
  const appUrl = config().appUrl;
  return transact((tx) => {
    if (findUserByEmail(newEmail, tx)) throw new Refusal(field('newEmail', 'form.email.in_use'));
    retireTokensOfUser(tx, user.id, 'email_change', meta.now);
    insertToken(tx, {
      id: newId(),
      purpose: 'email_change',
      tokenHash: hashMailToken(token),
      userId: user.id,
      email: newEmail,
      expiresAt: meta.now + EMAIL_CHANGE_TOKEN_MS,
      createdAt: meta.now,
    });
    enqueueMail(
      tx,
      { to: newEmail, template: 'email_change', locale: user.locale, params: { name: user.displayName, email: newEmail, link: `${appUrl}/change-email?token=${token}` } },
      meta.now,
    );
    enqueueMail(
      tx,
      { to: user.email, template: 'email_change_notice', locale: user.locale, params: { name: user.displayName, masked: maskEmail(newEmail), link: `${appUrl}/forgot-password` } },
      meta.now,
    );
    // Never the addresses in the log: they are personal data.
    logSecurityEvent({ at: meta.now, type: 'email_change_requested', userId: user.id, ip: meta.ip }, tx);
    return { sent: true as const };
  });
}

/** The page behind the mailed link: the new address when the link is good. Reading it changes nothing. */
export function emailChangeLink(token: string, now: number): { email: string } | null {
  const row = findLiveToken(hashMailToken(token), 'email_change', now);
  return row?.email && row.userId ? { email: row.email } : null;
}

/**
 * The button on the mailed link: single use (compare-and-set), only while the address is still free.
 * The address becomes the account's, verified; every other session ends (the confirming browser stays
 * signed in when it is signed in as this account).
 */
export function confirmEmailChange(
  token: string,
  viewer: ValidSession | null,
  meta: RequestMeta,
): Result<{ userId: string; keptSession: boolean }> {
  const hash = hashMailToken(token);
  return transact(
    (tx) => {
      const row = findLiveToken(hash, 'email_change', meta.now, tx);
      const user = row?.userId ? findUserById(row.userId, tx) : undefined;
      if (!row || !row.email || !user || user.disabledAt !== null) throw new Refusal(invalidLink());
      const newEmail = row.email;
      // Another account took the address after the link was mailed: nothing changes.
      const holder = findUserByEmail(newEmail, tx);
      if (holder && holder.id !== user.id) throw new Refusal(takenMeanwhile());
      if (!consumeToken(tx, row.id, meta.now)) throw new Refusal(invalidLink());
      setVerifiedEmail(tx, user.id, newEmail, meta.now);
      // Links mailed to the old address (verification, reset) and other pending changes stop working.
      for (const purpose of ['email_change', 'verify_email', 'reset_password'] as const) retireTokensOfUser(tx, user.id, purpose, meta.now);
      const keep = viewer && viewer.user.id === user.id ? viewer.session.id : null;
      const revoked = keep ? deleteOtherSessionsOfUser(user.id, keep, tx) : deleteSessionsOfUser(user.id, tx);
      recordAudit(tx, { at: meta.now, actorId: user.id, entityType: 'user', entityId: user.id, action: 'email_change' });
      logSecurityEvent({ at: meta.now, type: 'email_changed', userId: user.id, ip: meta.ip }, tx);
      logSecurityEvent({ at: meta.now, type: 'sessions_revoked', userId: user.id, ip: meta.ip, detail: `email change (${revoked})` }, tx);
      return { userId: user.id, keptSession: keep !== null };
    },
    takenMeanwhile(),
  );
}
