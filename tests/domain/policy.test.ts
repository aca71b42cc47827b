import { describe, it, expect } from 'vitest';
import type { Actor } from '../../app/domain/actor';
import { availableSteps as claimSteps, CLAIM_STEP_RULES, type ClaimStatus, type ClaimTransition } from '../../app/domain/claim';
import { ACTIONS, can, type Action, type Resource } from '../../app/domain/policy';
import { availableSteps as wishSteps, WISH_STEP_RULES, type StaffWishStep } from '../../app/domain/wish';

const base = { admin: false, staff: null, volunteer: null, orgs: [] };

/** The roles, by a one-letter code used in the expectation table below. */
const ROLES = {
  A: { name: 'admin', actor: { ...base, userId: 'admin', admin: true } },
  S: { name: 'staff in subtree (利通区)', actor: { ...base, userId: 'staff-lt', staff: { siteId: 'lt', sitePath: '/wz/lt/' } } },
  O: { name: 'staff of another county (盐池县)', actor: { ...base, userId: 'staff-yc', staff: { siteId: 'yc', sitePath: '/wz/yc/' } } },
  V: { name: 'approved volunteer', actor: { ...base, userId: 'vol', volunteer: { status: 'approved', caringParent: true, oneToOne: true } } },
  P: { name: 'pending volunteer', actor: { ...base, userId: 'vol-p', volunteer: { status: 'pending', caringParent: false } } },
  M: {
    name: 'approved org manager (org-a)',
    actor: { ...base, userId: 'mgr', orgs: [{ orgId: 'org-a', role: 'manager', orgStatus: 'approved' }] },
  },
  B: {
    name: 'member of another org (org-b)',
    actor: { ...base, userId: 'mem', orgs: [{ orgId: 'org-b', role: 'member', orgStatus: 'approved' }] },
  },
  X: { name: 'visitor', actor: null },
} satisfies Record<string, { name: string; actor: Actor | null }>;
type Role = keyof typeof ROLES;
const ROLE_CODES = Object.keys(ROLES) as Role[];

const wish = (status: 'draft' | 'in_review' | 'published', authorId = 'staff-author'): Resource => ({
  type: 'wish',
  sitePath: '/wz/lt/gc/',
  authorId,
  status,
});

const RESOURCES = {
  'site in 利通区': { type: 'site', sitePath: '/wz/lt/gc/' },
  'city (above 利通区)': { type: 'site', sitePath: '/wz/' },
  'site in 盐池县': { type: 'site', sitePath: '/wz/yc/x/' },
  'draft wish': wish('draft'),
  'wish in review': wish('in_review'),
  'wish in review written by staff-lt': wish('in_review', 'staff-lt'),
  'published wish': wish('published'),
  'claiming for oneself': { type: 'claimant', orgId: null },
  'claiming for org-a': { type: 'claimant', orgId: 'org-a' },
  'claim by the volunteer': { type: 'claim', claimantUserId: 'vol', orgId: null, wishSitePath: '/wz/lt/gc/' },
  'claim by org-a': { type: 'claim', claimantUserId: 'mgr', orgId: 'org-a', wishSitePath: '/wz/lt/gc/' },
  'helper in 利通区': { type: 'helper', sitePath: '/wz/lt/', userId: 'applicant' },
  'helper without county': { type: 'helper', sitePath: null, orgId: 'org-new' },
  'staff-lt as a helper': { type: 'helper', sitePath: '/wz/lt/', userId: 'staff-lt' },
  'org-a': { type: 'org', orgId: 'org-a' },
  'org-b': { type: 'org', orgId: 'org-b' },
  "the volunteer's account": { type: 'user', userId: 'vol' },
  "the pending volunteer's account": { type: 'user', userId: 'vol-p' },
  'draft activity of org-a': { type: 'activity', sitePath: '/wz/lt/gc/', proposerId: 'someone-of-org-a', orgId: 'org-a', status: 'draft' },
  'submitted activity of org-a': { type: 'activity', sitePath: '/wz/lt/gc/', proposerId: 'someone-of-org-a', orgId: 'org-a', status: 'submitted' },
  'approved activity of org-a': { type: 'activity', sitePath: '/wz/lt/gc/', proposerId: 'someone-of-org-a', orgId: 'org-a', status: 'approved' },
  'group slot in 利通区': { type: 'slot', sitePath: '/wz/lt/gc/', contactTier: 'group' },
  'one-to-one slot in 利通区': { type: 'slot', sitePath: '/wz/lt/gc/', contactTier: 'one_to_one' },
  "the volunteer's sign-up": { type: 'signup', userId: 'vol', orgId: null, sitePath: '/wz/lt/gc/' },
  'a sign-up made for org-a': { type: 'signup', userId: 'someone-of-org-a', orgId: 'org-a', sitePath: '/wz/lt/gc/' },
  "the volunteer's pairing in 利通区": { type: 'pairing', sitePath: '/wz/lt/gc/', volunteerUserId: 'vol' },
  "staff-lt's own pairing (as a volunteer)": { type: 'pairing', sitePath: '/wz/lt/gc/', volunteerUserId: 'staff-lt' },
  'certificate issued in 利通区': { type: 'certificate', sitePath: '/wz/lt/gc/', holderUserId: 'vol' },
  "staff-lt's own certificate": { type: 'certificate', sitePath: '/wz/lt/gc/', holderUserId: 'staff-lt' },
  'certificate of an organization without county': { type: 'certificate', sitePath: null, holderUserId: 'vol' },
  global: { type: 'global' },
} satisfies Record<string, Resource>;
type ResourceName = keyof typeof RESOURCES;
const RESOURCE_NAMES = Object.keys(RESOURCES) as ResourceName[];

/**
 * Who may do what, written out by hand. Each entry lists the roles allowed;
 * every action × resource pair not listed is allowed to nobody.
 */
const SITES_ONLY = { 'site in 利通区': 'AS', 'city (above 利通区)': 'A', 'site in 盐池县': 'AO' } as const;
const EXPECTED: Record<Action, Partial<Record<ResourceName, string>>> = {
  'child.read': { ...SITES_ONLY },
  'child.write': { ...SITES_ONLY },
  'wish.write': { ...SITES_ONLY, 'draft wish': 'AS' },
  'wish.review': {
    ...SITES_ONLY,
    'draft wish': 'AS',
    'wish in review': 'AS',
    'wish in review written by staff-lt': 'A',
    'published wish': 'AS',
  },
  'wish.return_to_draft': {
    'draft wish': 'AS',
    'wish in review': 'AS',
    'wish in review written by staff-lt': 'AS',
    'published wish': 'AS',
  },
  'wish.withdraw': {
    'draft wish': 'AS',
    'wish in review': 'AS',
    'wish in review written by staff-lt': 'AS',
    'published wish': 'AS',
  },
  'wish.claim': {
    'draft wish': 'VMB',
    'wish in review': 'VMB',
    'wish in review written by staff-lt': 'VMB',
    'published wish': 'VMB',
    'claiming for oneself': 'V',
    'claiming for org-a': 'M',
  },
  'claim.review': { ...SITES_ONLY, 'claim by the volunteer': 'AS', 'claim by org-a': 'AS' },
  'claim.confirm': { 'claim by the volunteer': 'AS', 'claim by org-a': 'AS' },
  'claim.act_as_claimant': { 'claim by the volunteer': 'V', 'claim by org-a': 'M' },
  'helper.vet': {
    ...SITES_ONLY,
    'helper in 利通区': 'AS',
    'helper without county': 'ASO',
    'staff-lt as a helper': 'A',
  },
  'helper.read_private': { 'helper in 利通区': 'AS', 'helper without county': 'ASO', 'staff-lt as a helper': 'AS' },
  'helper.reapply': { 'staff-lt as a helper': 'S' },
  // The matrix's volunteer is a caring parent whose re-check is not overdue.
  'one_to_one.contact': { 'site in 利通区': 'V', 'city (above 利通区)': 'V', 'site in 盐池县': 'V' },
  'site.manage': { 'site in 利通区': 'A', 'city (above 利通区)': 'A', 'site in 盐池县': 'A', global: 'A' },
  'staff.manage': { 'site in 利通区': 'A', 'city (above 利通区)': 'A', 'site in 盐池县': 'A', global: 'A' },
  'outbox.read': { global: 'A' },
  'audit.read': { ...SITES_ONLY, global: 'A' },
  'report.read': { ...SITES_ONLY, global: 'A' },
  'activity.propose': { ...SITES_ONLY, 'org-a': 'M', 'org-b': 'B' },
  'activity.edit': { 'draft activity of org-a': 'ASM' },
  'activity.review': { 'draft activity of org-a': 'AS', 'submitted activity of org-a': 'AS', 'approved activity of org-a': 'AS' },
  'activity.cancel': { 'draft activity of org-a': 'ASM', 'submitted activity of org-a': 'ASM', 'approved activity of org-a': 'ASM' },
  // An organization's draft is its own until it is submitted; any member reads the organization's activities section.
  'activity.read': { 'org-a': 'M', 'org-b': 'B', 'draft activity of org-a': 'M', 'submitted activity of org-a': 'ASM', 'approved activity of org-a': 'ASM' },
  'activity.read_contact': { 'draft activity of org-a': 'ASM', 'submitted activity of org-a': 'ASM', 'approved activity of org-a': 'ASM' },
  // The matrix's volunteer is vetted for one-to-one contact; organization members are not.
  'slot.signup': { 'group slot in 利通区': 'VMB', 'one-to-one slot in 利通区': 'V' },
  'slot.signup_colleague': { 'org-a': 'M', 'org-b': 'B' },
  'slot.manage': {
    ...SITES_ONLY,
    'group slot in 利通区': 'AS',
    'one-to-one slot in 利通区': 'AS',
    "the volunteer's sign-up": 'AS',
    'a sign-up made for org-a': 'AS',
  },
  'signup.act_as_helper': { "the volunteer's sign-up": 'V', 'a sign-up made for org-a': 'M' },
  'pairing.manage': {
    ...SITES_ONLY,
    "the volunteer's pairing in 利通区": 'AS',
    "staff-lt's own pairing (as a volunteer)": 'A',
  },
  'pairing.act_as_volunteer': { "the volunteer's pairing in 利通区": 'V', "staff-lt's own pairing (as a volunteer)": 'S' },
  'pairing.read': { "the volunteer's pairing in 利通区": 'ASV', "staff-lt's own pairing (as a volunteer)": 'AS' },
  'org.manage_members': { 'org-a': 'M' },
  'profile.edit': { "the volunteer's account": 'V', "the pending volunteer's account": 'P' },
  'certificate.revoke': {
    'certificate issued in 利通区': 'AS',
    "staff-lt's own certificate": 'A',
    'certificate of an organization without county': 'A',
  },
};

const cells = ACTIONS.flatMap((action) =>
  RESOURCE_NAMES.map((resource) => ({ action, resource, allowed: EXPECTED[action][resource] ?? '' })),
);

describe('permission matrix: roles × actions × resources', () => {
  it('covers every action of the Action type and nothing else', () => {
    expect([...ACTIONS].sort()).toEqual(Object.keys(EXPECTED).sort());
    expect(ACTIONS).toHaveLength(35);
    expect(cells).toHaveLength(35 * 31);
  });

  it.each(cells)('$action on $resource: allowed to [$allowed]', ({ action, resource, allowed }) => {
    const actual = ROLE_CODES.filter((code) => can(ROLES[code].actor, action, RESOURCES[resource])).join('');
    expect(actual).toBe(allowed);
  });

  it('allows something to every role except the visitor (the matrix is not vacuous)', () => {
    for (const code of ROLE_CODES) {
      const any = cells.some((c) => can(ROLES[code].actor, c.action, RESOURCES[c.resource]));
      expect(any).toBe(code !== 'X');
    }
  });
});

describe('rules the matrix roles do not reach', () => {
  const staffInOrg: Actor = {
    ...base,
    userId: 'staff-lt-2',
    staff: { siteId: 'lt', sitePath: '/wz/lt/' },
    orgs: [{ orgId: 'org-a', role: 'member', orgStatus: 'pending' }],
  };

  it('does not let staff vet an organization they belong to', () => {
    expect(can(staffInOrg, 'helper.vet', { type: 'helper', sitePath: '/wz/lt/', orgId: 'org-a' })).toBe(false);
    expect(can(staffInOrg, 'helper.vet', { type: 'helper', sitePath: '/wz/lt/', orgId: 'org-z' })).toBe(true);
  });

  it('lets the manager of a not-yet-approved organization invite colleagues but not propose activities or claim', () => {
    const pendingManager: Actor = { ...base, userId: 'pm', orgs: [{ orgId: 'org-p', role: 'manager', orgStatus: 'pending' }] };
    expect(can(pendingManager, 'org.manage_members', { type: 'org', orgId: 'org-p' })).toBe(true);
    expect(can(pendingManager, 'activity.propose', { type: 'org', orgId: 'org-p' })).toBe(false);
    expect(can(pendingManager, 'wish.claim', RESOURCES['published wish'])).toBe(false);
  });

  it.each(['rejected', 'suspended'] as const)('refuses claiming to a %s volunteer', (status) => {
    const v: Actor = { ...base, userId: 'v', volunteer: { status, caringParent: false } };
    expect(can(v, 'wish.claim', RESOURCES['published wish'])).toBe(false);
  });

  it('treats a staff member who is also an approved volunteer as a helper too', () => {
    const both: Actor = { ...ROLES.S.actor, volunteer: { status: 'approved', caringParent: false } };
    expect(can(both, 'wish.claim', RESOURCES['published wish'])).toBe(true);
    expect(can(both, 'wish.review', RESOURCES['wish in review'])).toBe(true);
  });

  it('lets the proposer act on their activity without the organization, and a helper holding a place read the organizer contact', () => {
    const proposer: Actor = { ...base, userId: 'proposer', volunteer: { status: 'approved', caringParent: false } };
    const own = { type: 'activity', sitePath: '/wz/lt/gc/', proposerId: 'proposer', orgId: 'org-z', status: 'draft' } as const;
    expect(can(proposer, 'activity.edit', own)).toBe(true);
    expect(can(proposer, 'activity.cancel', { ...own, status: 'approved' })).toBe(true);
    expect(can(proposer, 'activity.edit', { ...own, proposerId: 'someone-else' })).toBe(false);
    const approved = { type: 'activity', sitePath: '/wz/lt/gc/', proposerId: 'someone', orgId: null, status: 'approved' } as const;
    const helper = ROLES.V.actor;
    expect(can(helper, 'activity.read_contact', { ...approved, viewerSignedUp: true })).toBe(true);
    expect(can(helper, 'activity.read_contact', { ...approved, viewerSignedUp: false })).toBe(false);
    expect(can(helper, 'activity.read_contact', approved)).toBe(false);
  });

  it('lets staff of the site read a staff draft and a cancelled activity, the proposer without the organization read their own, and a pending organization read its own section', () => {
    const staffDraft = { type: 'activity', sitePath: '/wz/lt/gc/', proposerId: 'staff-gc', orgId: null, status: 'draft' } as const;
    expect(ROLE_CODES.filter((c) => can(ROLES[c].actor, 'activity.read', staffDraft)).join('')).toBe('AS');
    const cancelled = { ...RESOURCES['approved activity of org-a'], status: 'cancelled' } as const;
    expect(ROLE_CODES.filter((c) => can(ROLES[c].actor, 'activity.read', cancelled)).join('')).toBe('ASM');
    const proposer: Actor = { ...base, userId: 'proposer' };
    expect(can(proposer, 'activity.read', { type: 'activity', sitePath: '/wz/yc/x/', proposerId: 'proposer', orgId: 'org-z', status: 'draft' })).toBe(true);
    const pendingMember: Actor = { ...base, userId: 'pm', orgs: [{ orgId: 'org-p', role: 'member', orgStatus: 'pending' }] };
    expect(can(pendingMember, 'activity.read', { type: 'org', orgId: 'org-p' })).toBe(true);
    expect(can(pendingMember, 'activity.read', { type: 'org', orgId: 'org-a' })).toBe(false);
  });

  it('denies by default an action asked about a resource type it has no rule for', () => {
    expect(can(ROLES.A.actor, 'outbox.read', { type: 'site', sitePath: '/wz/' })).toBe(false);
    expect(can(ROLES.A.actor, 'profile.edit', { type: 'user', userId: 'vol' })).toBe(false);
    expect(can(ROLES.A.actor, 'not.an.action' as Action, { type: 'global' })).toBe(false);
  });
});

describe('the pages offer exactly what can() allows, for every role (availableSteps)', () => {
  const wishFacts = (status: 'draft' | 'in_review' | 'published') => ({
    status,
    authorId: 'staff-author',
    sitePath: '/wz/lt/gc/',
  });
  const wishCases: Array<[StaffWishStep, 'draft' | 'in_review' | 'published']> = [
    ['submit', 'draft'],
    ['publish', 'in_review'],
    ['return_to_draft', 'in_review'],
    ['withdraw', 'published'],
  ];
  const claimCases: Array<[ClaimTransition, ClaimStatus]> = [
    ['approve', 'pending'],
    ['reject', 'pending'],
    ['confirm', 'delivered'],
    ['release', 'approved'],
    ['deliver', 'approved'],
  ];

  it.each(ROLE_CODES.flatMap((code) => wishCases.map(([t, from]) => ({ code, t, from }))))(
    'wish $t by role $code ⇔ can(its action)',
    ({ code, t, from }) => {
      const actor = ROLES[code].actor;
      const offered = wishSteps(wishFacts(from), actor).includes(t);
      expect(offered).toBe(can(actor, WISH_STEP_RULES[t].permission, { type: 'wish', ...wishFacts(from) }));
    },
  );

  it.each(
    ROLE_CODES.flatMap((code) =>
      claimCases.flatMap(([t, from]) =>
        (['claim by the volunteer', 'claim by org-a'] as const).map((claimName) => ({ code, t, from, claimName })),
      ),
    ),
  )('$claimName: $t by role $code ⇔ can(its action)', ({ code, t, from, claimName }) => {
    const actor = ROLES[code].actor;
    const resource = RESOURCES[claimName];
    const facts = { status: from, claimantUserId: resource.claimantUserId, orgId: resource.orgId, wishSitePath: resource.wishSitePath };
    expect(claimSteps(facts, actor).includes(t)).toBe(can(actor, CLAIM_STEP_RULES[t].permission!, resource));
  });

  it.each(ROLE_CODES)('role %s may claim as someone ⇔ may claim wishes at all', (code) => {
    const actor = ROLES[code].actor;
    const targets = [null, ...(actor?.orgs.map((m) => m.orgId) ?? [])];
    const someClaim = targets.some((orgId) => can(actor, 'wish.claim', { type: 'claimant', orgId }));
    expect(someClaim).toBe(can(actor, 'wish.claim', RESOURCES['published wish']));
  });
});

describe('one-to-one contact (pairings, one-to-one activities) and the yearly re-check', () => {
  const site: Resource = { type: 'site', sitePath: '/wz/lt/gc/' };
  const parent = (extra: Partial<NonNullable<Actor['volunteer']>>): Actor => ({
    ...base,
    userId: 'parent',
    volunteer: { status: 'approved', caringParent: true, oneToOne: true, ...extra },
  });

  it('is suspended while the re-check is overdue, and donate-only claiming stays open', () => {
    const overdue = parent({ recheckOverdue: true });
    expect(can(overdue, 'one_to_one.contact', site)).toBe(false);
    expect(can(overdue, 'wish.claim', { type: 'claimant', orgId: null })).toBe(true);
    expect(can(parent({ recheckOverdue: false }), 'one_to_one.contact', site)).toBe(true);
  });

  it('needs a helper vetted for one-to-one contact, and approved', () => {
    expect(can(parent({ oneToOne: false }), 'one_to_one.contact', site)).toBe(false);
    expect(can(parent({ status: 'suspended' }), 'one_to_one.contact', site)).toBe(false);
    expect(can(parent({ status: 'pending' }), 'one_to_one.contact', site)).toBe(false);
  });
});
