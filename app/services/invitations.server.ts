import { weakPasswordMessages } from '../forms/password-strength';
import { hashPassword } from '../auth/password.server';
import { createSession, sessionCookie, type ValidSession } from '../auth/session.server';
import { generateMailToken, hashMailToken } from '../auth/tokens.server';
import { recordAudit } from '../data/audit.server';
import type { Tx } from '../data/db.server';
import { newId } from '../data/ids.server';
import { findOrganization, insertOrganizationMember, isMemberOf } from '../data/organizations.server';
import { logSecurityEvent, logSecurityEventOnItsOwn } from '../data/security-log.server';
import { deleteSessionsOfUser } from '../data/sessions.server';
import { findSiteById } from '../data/sites.server';
import { consumeToken, findLiveToken, insertToken, retireInvitationsTo, type TokenRecord } from '../data/tokens.server';
import { findUserByEmail, findUserById, insertUser, setStaffSite } from '../data/users.server';
import type { Actor } from '../domain/actor';
import { err, ok, type DomainError, type Result } from '../domain/errors';
import { can } from '../domain/policy';
import type { Locale } from '../i18n/locale';
import { enqueueMail } from '../mail/send.server';
import { config } from '../platform/config.server';
import { chargeRateLimits } from '../server/rate-limit.server';
import { Refusal, transact } from '../server/tx.server';
import type { RequestMeta } from './auth.server';

// One invitation flow for both kinds: an admin invites staff to a site, an organization's manager invites a
// colleague. Both are a single-use link bound to the invited address (D16), valid 7 days, one open per address;
// both are accepted at /invite/:token, by the invitee signed in or by creating the account there.

const DAY = 24 * 60 * 60 * 1000;
export const INVITE_TOKEN_MS = 7 * DAY;

type Purpose = 'staff_invite' | 'org_invite';
const PURPOSES: readonly Purpose[] = ['staff_invite', 'org_invite'];

function denied(actor: Actor | null, meta: RequestMeta, what: string): Result<never> {
  logSecurityEventOnItsOwn({ at: meta.now, type: 'permission_denied', userId: actor?.userId ?? null, ip: meta.ip, detail: what });
  return err({ kind: 'forbidden' });
}

/** Writes the link and its mail, retiring any earlier link to the same address; rate-limited per inviter. */
function issue(
  inviter: Actor,
  invite: { purpose: Purpose; email: string; siteId?: string; orgId?: string; locale: Locale; mail: (locale: Locale, link: string) => Record<string, string> },
  audit: { entityType: 'site' | 'organization'; entityId: string; action: string; siteId: string | null },
  meta: RequestMeta,
): Result<{ invited: string }> {
  const token = generateMailToken();
  // The count commits on its own (chargeRateLimits), before the invitation is written.
  const limit = chargeRateLimits([['invitePerUser', inviter.userId]], { ...meta, userId: inviter.userId });
  if (!limit.ok) return limit;
  return transact((tx) => {
    retireInvitationsTo(tx, invite.purpose, invite.email, meta.now, invite.orgId);
    insertToken(tx, {
      id: newId(),
      purpose: invite.purpose,
      tokenHash: hashMailToken(token),
      email: invite.email,
      siteId: invite.siteId,
      orgId: invite.orgId,
      expiresAt: meta.now + INVITE_TOKEN_MS,
      createdAt: meta.now,
    });
    const locale = findUserByEmail(invite.email)?.locale ?? invite.locale;
    const params = invite.mail(locale, `${config().appUrl}/invite/${token}`);
    enqueueMail(tx, { to: invite.email, template: invite.purpose, locale, params }, meta.now);
    recordAudit(tx, { at: meta.now, actorId: inviter.userId, ...audit });
    return { invited: invite.email };
  });
}

export function inviteStaff(actor: Actor, input: { email: string; siteId: string }, locale: Locale, meta: RequestMeta): Result<{ invited: string }> {
  if (!can(actor, 'staff.manage', { type: 'global' })) return denied(actor, meta, 'staff.invite');
  const site = findSiteById(input.siteId);
  if (!site) return err({ kind: 'validation', fields: { siteId: ['form.site.required'] } });
  if (findUserByEmail(input.email)?.staffSiteId === site.id) return err({ kind: 'validation', fields: { email: ['admin.staff.already_staff'] } });
  return issue(
    actor,
    { purpose: 'staff_invite', email: input.email, siteId: site.id, locale, mail: (l, link) => ({ siteName: l === 'en' ? site.nameEn : site.nameZh, link }) },
    { entityType: 'site', entityId: site.id, action: 'invite_staff', siteId: site.id },
    meta,
  );
}

/** A manager invites a colleague by email. */
export function inviteColleague(viewer: ValidSession, orgId: string, email: string, meta: RequestMeta): Result<{ invited: string }> {
  if (!can(viewer.actor, 'org.manage_members', { type: 'org', orgId })) return denied(viewer.actor, meta, `org.invite ${orgId}`);
  const org = findOrganization(orgId);
  if (!org) return err({ kind: 'not_found' });
  const existing = findUserByEmail(email);
  if (existing && isMemberOf(orgId, existing.id)) return err({ kind: 'validation', fields: { email: ['org.invite.already_member'] } });
  return issue(
    viewer.actor,
    { purpose: 'org_invite', email, orgId, locale: viewer.user.locale, mail: (_l, link) => ({ inviter: viewer.user.displayName, orgName: org.name, link }) },
    { entityType: 'organization', entityId: orgId, action: 'invite_member', siteId: org.countySiteId },
    meta,
  );
}

/** What /invite/:token shows of a live invitation: to what, for which address, and how it can be accepted. */
export type InvitationView = ({ kind: 'staff'; siteZh: string; siteEn: string } | { kind: 'org'; orgName: string }) & {
  email: string;
  /** The signed-in person is the one invited. */
  viewerIsInvitee: boolean;
  /** An account with the invited address exists: the invitee signs in to accept. */
  accountExists: boolean;
};

function liveInvitation(token: string, now: number, tx?: Tx): TokenRecord | undefined {
  const hash = hashMailToken(token);
  for (const purpose of PURPOSES) {
    const row = findLiveToken(hash, purpose, now, tx);
    if (row?.email && (row.siteId || row.orgId)) return row;
  }
  return undefined;
}

/** Reading it changes nothing (D16). */
export function invitation(token: string, viewer: ValidSession | null, now: number): InvitationView | null {
  const row = liveInvitation(token, now);
  if (!row?.email) return null;
  const who = { email: row.email, viewerIsInvitee: viewer !== null && viewer.user.email === row.email, accountExists: findUserByEmail(row.email) !== undefined };
  if (row.purpose === 'staff_invite') {
    const site = findSiteById(row.siteId!);
    return site ? { kind: 'staff', siteZh: site.nameZh, siteEn: site.nameEn, ...who } : null;
  }
  const org = findOrganization(row.orgId!);
  return org ? { kind: 'org', orgName: org.name, ...who } : null;
}

const invalidInvite = (): DomainError => ({ kind: 'conflict', message: { key: 'invite.invalid' } });
const signInFirst = (): DomainError => ({ kind: 'conflict', message: { key: 'invite.sign_in_first' } });

/** Where the new member or staff member lands, and whether their sessions must be renewed (a role change). */
interface Joined {
  landing: string;
  renewSessions: boolean;
}

/** The invitation's effect, inside the accepting transaction. */
function join(tx: Tx, row: TokenRecord, userId: string, meta: RequestMeta): Joined {
  if (row.purpose === 'staff_invite') {
    setStaffSite(tx, userId, row.siteId!);
    recordAudit(tx, { at: meta.now, actorId: userId, entityType: 'user', entityId: userId, action: 'staff_join', note: row.siteId, siteId: row.siteId });
    logSecurityEvent({ at: meta.now, type: 'role_changed', userId, ip: meta.ip, detail: 'staff invitation accepted' }, tx);
    return { landing: '/staff', renewSessions: true };
  }
  insertOrganizationMember(tx, { orgId: row.orgId!, userId, role: 'member', createdAt: meta.now });
  recordAudit(tx, { at: meta.now, actorId: userId, entityType: 'organization', entityId: row.orgId!, action: 'join' });
  return { landing: `/org?org=${row.orgId}&welcome=1`, renewSessions: false };
}

function newSessionCookie(userId: string, now: number): string {
  const { token, session } = createSession(findUserById(userId)!, now);
  return sessionCookie(token, session.expiresAt, now);
}

/** The invited person, signed in with the invited address, accepts. A role change renews their sessions. */
export function acceptInvitation(token: string, viewer: ValidSession, meta: RequestMeta): Result<{ landing: string; cookie: string | null }> {
  const userId = viewer.user.id;
  const result = transact((tx): Joined => {
    const row = liveInvitation(token, meta.now, tx);
    if (!row) throw new Refusal(invalidInvite());
    // The link went to one address; only the account with that address can use it.
    if (row.email !== viewer.user.email) throw new Refusal({ kind: 'conflict', message: { key: 'invite.wrong_account', params: { email: row.email ?? '' } } });
    if (!consumeToken(tx, row.id, meta.now)) throw new Refusal(invalidInvite());
    const joined = join(tx, row, userId, meta);
    if (joined.renewSessions) {
      const revoked = deleteSessionsOfUser(userId, tx);
      logSecurityEvent({ at: meta.now, type: 'sessions_revoked', userId, ip: meta.ip, detail: `role change (${revoked})` }, tx);
    }
    return joined;
  });
  if (!result.ok) return result;
  return ok({ landing: result.value.landing, cookie: result.value.renewSessions ? newSessionCookie(userId, meta.now) : null });
}

/** The invited person has no account yet: create one with the invited address (verified by the link) and accept. */
export async function acceptInvitationWithNewAccount(
  token: string,
  input: { displayName: string; password: string },
  locale: Locale,
  meta: RequestMeta,
): Promise<Result<{ landing: string; cookie: string }>> {
  const row = liveInvitation(token, meta.now);
  if (!row?.email) return err(invalidInvite());
  const email = row.email;
  if (findUserByEmail(email)) return err(signInFirst());
  const weak = weakPasswordMessages(input.password, { email, name: input.displayName });
  if (weak) return err({ kind: 'validation', fields: { password: weak } });
  const passwordHash = await hashPassword(input.password);
  const userId = newId();
  const result = transact((tx): Joined => {
    if (findUserByEmail(email, tx)) throw new Refusal(signInFirst());
    if (!consumeToken(tx, row.id, meta.now)) throw new Refusal(invalidInvite());
    insertUser(tx, { id: userId, email, passwordHash, displayName: input.displayName, locale, emailVerifiedAt: meta.now, createdAt: meta.now });
    recordAudit(tx, { at: meta.now, actorId: userId, entityType: 'user', entityId: userId, action: 'sign_up', note: row.purpose });
    logSecurityEvent({ at: meta.now, type: 'sign_up', userId, ip: meta.ip, detail: row.purpose }, tx);
    return join(tx, row, userId, meta);
  });
  if (!result.ok) return result;
  return ok({ landing: result.value.landing, cookie: newSessionCookie(userId, meta.now) });
}
