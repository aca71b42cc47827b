import { describe, expect, it } from 'vitest';
import { approvedOrgs, canSeeSite, isApprovedVolunteer, isClaimant, isInSubtree, type Actor } from '../../app/domain/actor';

// The pages ask these of the visitor too (null), not only through can().
const base = { admin: false, staff: null, volunteer: null, orgs: [] };
const volunteer: Actor = { ...base, userId: 'vol', volunteer: { status: 'approved', caringParent: false } };
const member: Actor = {
  ...base,
  userId: 'mem',
  orgs: [
    { orgId: 'org-a', role: 'member', orgStatus: 'approved' },
    { orgId: 'org-p', role: 'manager', orgStatus: 'pending' },
  ],
};
const staff: Actor = { ...base, userId: 'st', staff: { siteId: 'lt', sitePath: '/wz/lt/' } };

describe('the actor helpers', () => {
  it('answer no for the visitor', () => {
    expect(canSeeSite(null, '/wz/lt/')).toBe(false);
    expect(isApprovedVolunteer(null)).toBe(false);
    expect(approvedOrgs(null)).toEqual([]);
    expect(isClaimant(null, { claimantUserId: 'vol', orgId: null })).toBe(false);
  });

  it('answer for a signed-in actor', () => {
    expect(canSeeSite(staff, '/wz/lt/gc/')).toBe(true);
    expect(canSeeSite(staff, '/wz/yc/')).toBe(false);
    expect(canSeeSite(volunteer, '/wz/lt/')).toBe(false);
    expect(isInSubtree('/wz/lt/gc/', '/wz/lt/')).toBe(true);
    expect(isApprovedVolunteer(volunteer)).toBe(true);
    expect(isApprovedVolunteer(member)).toBe(false);
    expect(approvedOrgs(member).map((m) => m.orgId)).toEqual(['org-a']);
    expect(isClaimant(volunteer, { claimantUserId: 'vol', orgId: null })).toBe(true);
    expect(isClaimant(member, { claimantUserId: 'someone', orgId: 'org-a' })).toBe(true);
    expect(isClaimant(member, { claimantUserId: 'mem', orgId: 'org-b' })).toBe(false);
  });
});
