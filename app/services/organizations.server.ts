import { isCommonPassword } from '../auth/common-passwords';
import { hashPassword } from '../auth/password.server';
import { createSession, sessionCookie, type ValidSession } from '../auth/session.server';
import { generateMailToken, hashMailToken } from '../auth/tokens.server';
import { config } from '../platform/config.server';
import { recordAudit } from '../data/audit.server';
import { writeTx } from '../data/db.server';
import { newId } from '../data/ids.server';
import {
  findOrganization,
  givingByYear,
  insertOrganizationMember,
  isMemberOf,
  membersOfOrganization,
  organizationsOfUser,
  updateOrganizationProfile,
} from '../data/organizations.server';
import { logSecurityEvent } from '../data/security-log.server';
import { consumeToken, findLiveToken, insertToken, openInvitations, retireInvitationsTo } from '../data/tokens.server';
import { findUserByEmail, findUserById, insertUser } from '../data/users.server';
import { can } from '../domain/policy';
import { err, ok, type DomainError, type Result } from '../domain/errors';
import type { OrganizationProfileInput } from '../forms/profile';
import type { Locale } from '../i18n/locale';
import { enqueueMail } from '../mail/send.server';
import type { RequestMeta } from './auth.server';
import { checkCounty, countyOptions, pendingSteps } from './profile.server';
import { takeRateLimits } from '../server/rate-limit.server';

const DAY = 24 * 60 * 60 * 1000;
export const INVITE_TOKEN_MS = 7 * DAY;

function denied(viewer: ValidSession | null, meta: RequestMeta, what: string): Result<never> {
  logSecurityEvent({ at: meta.now, type: 'permission_denied', userId: viewer?.user.id ?? null, ip: meta.ip, detail: what });
  return err({ kind: 'forbidden' });
}

/**
 * /org and its sections: the organization(s) of the signed-in member (`orgId` picks one when there are several),
 * what a pending organization still has to do, and what it gave per year (for a company's CSR report).
 */
export function orgPage(viewer: ValidSession, orgId: string | null, now: number) {
  const memberships = organizationsOfUser(viewer.user.id);
  if (memberships.length === 0) return null;
  const current = memberships.find((m) => m.org.id === orgId) ?? memberships[0];
  const org = current.org;
  const manager = can(viewer.actor, 'org.manage_members', { type: 'org', orgId: org.id });
  return {
    org: {
      id: org.id,
      name: org.name,
      kind: org.kind,
      status: org.status,
      statusReason: org.status === 'rejected' || org.status === 'suspended' ? org.statusReason : null,
      contactName: org.contactName,
      contactPhone: org.contactPhone,
      countySiteId: org.countySiteId,
      description: org.description,
    },
    role: current.role,
    canManage: manager,
    // D17: staff approve an organization once a manager's address is verified and the contact details are there.
    pendingSteps: pendingSteps(org.status, {
      verifyEmail: manager && viewer.user.emailVerifiedAt === null,
      completeProfile: !org.contactName || !org.contactPhone || !org.countySiteId,
    }),
    giving: givingByYear(org.id),
    members: membersOfOrganization(org.id).map((m) => ({ userId: m.userId, displayName: m.displayName, email: manager ? m.email : null, role: m.role, joinedAt: m.joinedAt })),
    invitations: manager ? openInvitations('org_invite', now, { orgId: org.id }).map((i) => ({ id: i.id, email: i.email, expiresAt: i.expiresAt })) : [],
    others: memberships.filter((m) => m.org.id !== org.id).map((m) => ({ id: m.org.id, name: m.org.name })),
    counties: countyOptions(),
  };
}

export function saveOrganizationProfile(viewer: ValidSession, orgId: string, input: OrganizationProfileInput, meta: RequestMeta): Result<{ saved: true }> {
  if (!can(viewer.actor, 'org.manage_members', { type: 'org', orgId })) return denied(viewer, meta, `org.edit ${orgId}`);
  const countyError = checkCounty(input.countySiteId);
  if (countyError) return err(countyError);
  writeTx((tx) => {
    updateOrganizationProfile(tx, orgId, input);
    recordAudit(tx, { at: meta.now, actorId: viewer.user.id, entityType: 'organization', entityId: orgId, action: 'profile_update', siteId: input.countySiteId });
  });
  return ok({ saved: true as const });
}

/** A manager invites a colleague by email: a single-use link, valid 7 days. */
export function inviteColleague(viewer: ValidSession, orgId: string, email: string, meta: RequestMeta): Result<{ invited: string }> {
  if (!can(viewer.actor, 'org.manage_members', { type: 'org', orgId })) return denied(viewer, meta, `org.invite ${orgId}`);
  const org = findOrganization(orgId);
  if (!org) return err({ kind: 'not_found' });
  const existing = findUserByEmail(email);
  if (existing && isMemberOf(orgId, existing.id)) return err({ kind: 'validation', fields: { email: ['org.invite.already_member'] } });
  const token = generateMailToken();
  return writeTx((tx) => {
    const limit = takeRateLimits(tx, [['invitePerUser', viewer.user.id]], { ...meta, userId: viewer.user.id });
    if (!limit.ok) return limit;
    // Inviting the same address again sends a fresh link and retires the earlier one: one open invitation per address.
    retireInvitationsTo(tx, 'org_invite', email, meta.now, orgId);
    insertToken(tx, {
      id: newId(),
      purpose: 'org_invite',
      tokenHash: hashMailToken(token),
      email,
      orgId,
      expiresAt: meta.now + INVITE_TOKEN_MS,
      createdAt: meta.now,
    });
    const locale: Locale = existing?.locale ?? viewer.user.locale;
    enqueueMail(
      tx,
      { to: email, template: 'org_invite', locale, params: { inviter: viewer.user.displayName, orgName: org.name, link: `${config().appUrl}/org/invite/${token}` } },
      meta.now,
    );
    recordAudit(tx, { at: meta.now, actorId: viewer.user.id, entityType: 'organization', entityId: orgId, action: 'invite_member', siteId: org.countySiteId });
    return ok({ invited: email });
  });
}

export interface OrgInvitationView {
  orgName: string;
  email: string;
  /** The signed-in person is the one invited. */
  viewerIsInvitee: boolean;
  /** An account with the invited address exists: the invitee signs in to accept. */
  accountExists: boolean;
}

/** What the invitation page shows. Reading it changes nothing. */
export function orgInvitation(token: string, viewer: ValidSession | null, now: number): OrgInvitationView | null {
  const row = findLiveToken(hashMailToken(token), 'org_invite', now);
  const org = row?.orgId ? findOrganization(row.orgId) : undefined;
  if (!row || !org || !row.email) return null;
  return {
    orgName: org.name,
    email: row.email,
    viewerIsInvitee: viewer !== null && viewer.user.email === row.email,
    accountExists: findUserByEmail(row.email) !== undefined,
  };
}

const invalidInvite = (): DomainError => ({ kind: 'conflict', message: { key: 'invite.invalid' } });

/** The invited person, signed in with the invited address, joins as a member. */
export function acceptOrgInvitation(token: string, viewer: ValidSession, meta: RequestMeta): Result<{ orgId: string }> {
  const hash = hashMailToken(token);
  return writeTx((tx) => {
    const row = findLiveToken(hash, 'org_invite', meta.now, tx);
    if (!row || !row.orgId) return err(invalidInvite());
    // The link went to one address; only the account with that address can use it.
    if (row.email !== viewer.user.email) return err({ kind: 'conflict', message: { key: 'invite.wrong_account', params: { email: row.email ?? '' } } });
    if (!consumeToken(tx, row.id, meta.now)) return err(invalidInvite());
    insertOrganizationMember(tx, { orgId: row.orgId, userId: viewer.user.id, role: 'member', createdAt: meta.now });
    recordAudit(tx, { at: meta.now, actorId: viewer.user.id, entityType: 'organization', entityId: row.orgId, action: 'join' });
    return ok({ orgId: row.orgId });
  });
}

/** The invited person has no account yet: create one with the invited address (verified by the link) and join. */
export async function acceptOrgInvitationWithNewAccount(
  token: string,
  input: { displayName: string; password: string },
  locale: Locale,
  meta: RequestMeta,
): Promise<Result<{ orgId: string; cookie: string }>> {
  const hash = hashMailToken(token);
  const row = findLiveToken(hash, 'org_invite', meta.now);
  if (!row || !row.orgId || !row.email) return err(invalidInvite());
  if (findUserByEmail(row.email)) return err({ kind: 'conflict', message: { key: 'invite.sign_in_first' } });
  if (isCommonPassword(input.password, row.email)) return err({ kind: 'validation', fields: { password: ['form.password.common'] } });
  const passwordHash = await hashPassword(input.password);
  const userId = newId();
  const email = row.email;
  const orgId = row.orgId;
  const result = writeTx((tx): Result<true> => {
    if (findUserByEmail(email, tx)) return err({ kind: 'conflict', message: { key: 'invite.sign_in_first' } });
    if (!consumeToken(tx, row.id, meta.now)) return err(invalidInvite());
    insertUser(tx, { id: userId, email, passwordHash, displayName: input.displayName, locale, emailVerifiedAt: meta.now, createdAt: meta.now });
    insertOrganizationMember(tx, { orgId, userId, role: 'member', createdAt: meta.now });
    recordAudit(tx, { at: meta.now, actorId: userId, entityType: 'user', entityId: userId, action: 'sign_up', note: 'org_invite' });
    recordAudit(tx, { at: meta.now, actorId: userId, entityType: 'organization', entityId: orgId, action: 'join' });
    logSecurityEvent({ at: meta.now, type: 'sign_up', userId, ip: meta.ip, detail: 'org_invite' }, tx);
    return ok(true);
  });
  if (!result.ok) return result;
  const { token: sessionToken, session } = createSession(findUserById(userId)!, meta.now);
  return ok({ orgId, cookie: sessionCookie(sessionToken, session.expiresAt, meta.now) });
}
