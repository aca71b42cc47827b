import type { ValidSession } from '../auth/session.server';
import { recordAudit } from '../data/audit.server';
import { organizationsOfUser } from '../data/organizations.server';
import { logSecurityEventOnItsOwn } from '../data/security-log.server';
import { findSiteById, listCountySites } from '../data/sites.server';
import { findVolunteer, insertVolunteer, updateUserNameAndLocale, updateVolunteerProfile } from '../data/users.server';
import { can } from '../domain/policy';
import { err, ok, type DomainError, type Result } from '../domain/errors';
import type { AccountSettingsInput, VolunteerProfileInput } from '../forms/profile';
import type { RequestMeta } from './auth.server';
import { transact } from '../server/tx.server';

export interface CountyOption {
  id: string;
  nameZh: string;
  nameEn: string;
}

export function countyOptions(): CountyOption[] {
  return listCountySites().map((s) => ({ id: s.id, nameZh: s.nameZh, nameEn: s.nameEn }));
}

/** What a pending helper (a volunteer, an organization) still has to do before staff can approve them (PRODUCT.md §2, D17). */
export type PendingStep = 'verify_email' | 'complete_profile' | 'wait';

export function pendingSteps(status: string, todo: { verifyEmail: boolean; completeProfile: boolean }): PendingStep[] {
  if (status !== 'pending') return [];
  const steps: PendingStep[] = [];
  if (todo.verifyEmail) steps.push('verify_email');
  if (todo.completeProfile) steps.push('complete_profile');
  return steps.length ? steps : ['wait'];
}

/** Everything /me shows: the account, the volunteer profile and its vetting state. No staff-only notes. */
export function mePage(viewer: ValidSession, now: number) {
  const volunteer = findVolunteer(viewer.user.id);
  const emailVerified = viewer.user.emailVerifiedAt !== null;
  return {
    account: {
      displayName: viewer.user.displayName,
      email: viewer.user.email,
      emailVerified,
    },
    volunteer: volunteer
      ? {
          status: volunteer.status,
          statusReason: volunteer.status === 'rejected' || volunteer.status === 'suspended' ? volunteer.statusReason : null,
          caringParent: volunteer.caringParent,
          realName: volunteer.realName,
          phone: volunteer.phone,
          countySiteId: volunteer.countySiteId,
          availability: volunteer.availability,
          skills: volunteer.skills,
          vettedAt: volunteer.vettedAt,
          recheckDueAt: volunteer.recheckDueAt,
          recheckOverdue: volunteer.status === 'approved' && volunteer.recheckDueAt !== null && volunteer.recheckDueAt < now,
          pendingSteps: pendingSteps(volunteer.status, {
            verifyEmail: !emailVerified,
            completeProfile: !volunteer.realName || !volunteer.phone || !volunteer.countySiteId,
          }),
        }
      : null,
    orgs: organizationsOfUser(viewer.user.id).map(({ org, role }) => ({ id: org.id, name: org.name, status: org.status, role })),
    counties: countyOptions(),
  };
}

export function checkCounty(countySiteId: string | null, field = 'countySiteId'): DomainError | null {
  if (countySiteId === null) return null;
  const site = findSiteById(countySiteId);
  return site && site.kind === 'county' ? null : { kind: 'validation', fields: { [field]: ['form.county.invalid'] } };
}

function denied(viewer: ValidSession, meta: RequestMeta, what: string): Result<never> {
  logSecurityEventOnItsOwn({ at: meta.now, type: 'permission_denied', userId: viewer.user.id, ip: meta.ip, detail: what });
  return err({ kind: 'forbidden' });
}

export function saveVolunteerProfile(viewer: ValidSession, input: VolunteerProfileInput, meta: RequestMeta): Result<{ saved: true }> {
  const userId = viewer.user.id;
  if (!can(viewer.actor, 'profile.edit', { type: 'user', userId })) return denied(viewer, meta, 'profile.edit');
  const current = findVolunteer(userId);
  if (!current) return err({ kind: 'not_found' });
  const countyError = checkCounty(input.countySiteId);
  if (countyError) return err(countyError);
  // An approved volunteer who becomes a caring parent needs the one-to-one check now, not in a year.
  const newlyCaring = input.caringParent && !current.caringParent && current.status === 'approved';
  transact((tx) => {
    updateVolunteerProfile(tx, userId, { ...input, ...(newlyCaring ? { recheckDueAt: meta.now } : {}) });
    recordAudit(tx, {
      at: meta.now,
      actorId: userId,
      entityType: 'volunteer',
      entityId: userId,
      action: 'profile_update',
      note: newlyCaring ? 'caring parent: re-check due' : null,
      siteId: input.countySiteId,
    });
  });
  return ok({ saved: true as const });
}

/** The account's own settings: the name shown to others. */
export function saveAccountSettings(viewer: ValidSession, input: AccountSettingsInput, meta: RequestMeta): Result<{ saved: true }> {
  const userId = viewer.user.id;
  if (!can(viewer.actor, 'profile.edit', { type: 'user', userId })) return denied(viewer, meta, 'profile.edit');
  transact((tx) => {
    updateUserNameAndLocale(tx, userId, input);
    recordAudit(tx, { at: meta.now, actorId: userId, entityType: 'user', entityId: userId, action: 'account_update' });
  });
  return ok({ saved: true as const });
}

/** Someone who signed up for an organization (or staff) may also volunteer personally. */
export function becomeVolunteer(viewer: ValidSession, meta: RequestMeta): Result<{ created: boolean }> {
  const userId = viewer.user.id;
  if (findVolunteer(userId)) return ok({ created: false });
  transact((tx) => {
    insertVolunteer(tx, { userId, status: 'pending', createdAt: meta.now });
    recordAudit(tx, { at: meta.now, actorId: userId, entityType: 'volunteer', entityId: userId, action: 'apply', toStatus: 'pending' });
  });
  return ok({ created: true });
}
