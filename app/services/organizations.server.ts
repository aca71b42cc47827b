import type { ValidSession } from '../auth/session.server';
import { recordAudit } from '../data/audit.server';
import { givingByYear, membersOfOrganization, organizationsOfUser, updateOrganizationProfile } from '../data/organizations.server';
import { logSecurityEventOnItsOwn } from '../data/security-log.server';
import { openInvitations } from '../data/tokens.server';
import { can } from '../domain/policy';
import { err, ok, type Result } from '../domain/errors';
import type { OrganizationProfileInput } from '../forms/profile';
import type { RequestMeta } from './auth.server';
import { checkCounty, countyOptions, pendingSteps } from './profile.server';
import { transact } from '../server/tx.server';

function denied(viewer: ValidSession | null, meta: RequestMeta, what: string): Result<never> {
  logSecurityEventOnItsOwn({ at: meta.now, type: 'permission_denied', userId: viewer?.user.id ?? null, ip: meta.ip, detail: what });
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
  transact((tx) => {
    updateOrganizationProfile(tx, orgId, input);
    recordAudit(tx, { at: meta.now, actorId: viewer.user.id, entityType: 'organization', entityId: orgId, action: 'profile_update', siteId: input.countySiteId });
  });
  return ok({ saved: true as const });
}
