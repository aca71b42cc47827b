import { describe, it, expect } from 'vitest';
import type { Actor } from '../../app/domain/actor';
import {
  CLAIM_DELIVERY_DAYS,
  CLAIM_LIVE_STATUSES,
  CLAIM_STATUSES,
  CLAIM_TRANSITIONS,
  CLAIM_TRANSITION_ACTORS,
  canClaim,
  decideClaimTransition,
  deliveryDueAt,
  expiryDue,
  isClaimTransition,
  type ClaimStatus,
  type ClaimTransition,
} from '../../app/domain/claim';
import { WISH_STATUSES, type WishStatus } from '../../app/domain/wish';

const WISH_SITE = '/wz/lt/gc/';
const DAY = 24 * 60 * 60 * 1000;
const base = { admin: false, staff: null, volunteer: null, orgs: [] };
const admin: Actor = { ...base, userId: 'admin', admin: true };
const staffIn: Actor = { ...base, userId: 'staff-lt', staff: { siteId: 'lt', sitePath: '/wz/lt/' } };
const staffOther: Actor = { ...base, userId: 'staff-yc', staff: { siteId: 'yc', sitePath: '/wz/yc/' } };
const volunteer: Actor = { ...base, userId: 'vol', volunteer: { status: 'approved', caringParent: false } };
const pendingVolunteer: Actor = { ...base, userId: 'vol-p', volunteer: { status: 'pending', caringParent: false } };
const orgManager: Actor = { ...base, userId: 'mgr', orgs: [{ orgId: 'org-a', role: 'manager', orgStatus: 'approved' }] };
const otherOrgMember: Actor = { ...base, userId: 'mem', orgs: [{ orgId: 'org-b', role: 'member', orgStatus: 'approved' }] };

const ROLES: Array<[string, Actor | null]> = [
  ['admin', admin],
  ['staff in subtree', staffIn],
  ['staff of another county', staffOther],
  ['approved volunteer', volunteer],
  ['pending volunteer', pendingVolunteer],
  ['approved org manager', orgManager],
  ['member of another org', otherOrgMember],
  ['visitor / system (null)', null],
];

const personalClaim = (status: ClaimStatus) => ({
  status,
  claimantUserId: volunteer.userId,
  orgId: null,
  wishSitePath: WISH_SITE,
});
const orgClaim = (status: ClaimStatus) => ({
  status,
  claimantUserId: orgManager.userId,
  orgId: 'org-a',
  wishSitePath: WISH_SITE,
});
const complete = { reason: '不符合心愿内容', valueReceivedFen: 25_000 };
const TRANSITIONS = Object.keys(CLAIM_TRANSITIONS) as ClaimTransition[];

/** Every step the lifecycle allows, by hand; everything else in the matrix is refused. */
const ALLOWED: Array<[ClaimStatus, ClaimTransition, ClaimStatus]> = [
  ['pending', 'approve', 'approved'],
  ['pending', 'reject', 'rejected'],
  ['pending', 'release', 'released'],
  ['approved', 'release', 'released'],
  ['approved', 'deliver', 'delivered'],
  ['delivered', 'confirm', 'confirmed'],
  ['pending', 'expire', 'expired'],
  ['approved', 'expire', 'expired'],
];

const entitled: Record<ClaimTransition, Actor | null> = {
  approve: staffIn,
  reject: staffIn,
  confirm: staffIn,
  release: volunteer,
  deliver: volunteer,
  expire: null,
};

const matrix = CLAIM_STATUSES.flatMap((from) =>
  TRANSITIONS.map((transition) => {
    const allowed = ALLOWED.find(([f, t]) => f === from && t === transition);
    return { from, transition, expected: allowed ? allowed[2] : null };
  }),
);

describe('claim transition matrix (every status × every transition)', () => {
  it('covers 7 statuses × 6 transitions', () => {
    expect(matrix).toHaveLength(42);
  });

  it.each(matrix)('$from --$transition--> $expected', ({ from, transition, expected }) => {
    const result = decideClaimTransition(personalClaim(from), transition, entitled[transition], complete);
    if (expected) {
      expect(result).toEqual({ ok: true, value: { to: expected } });
    } else {
      expect(result).toEqual({
        ok: false,
        error: {
          kind: 'bad_transition',
          from,
          to: CLAIM_TRANSITIONS[transition].to,
          message: { key: 'error.bad_transition', params: { from, transition } },
        },
      });
    }
  });

  it('lists as live exactly the statuses a claim can still move out of', () => {
    const movable = CLAIM_STATUSES.filter((s) => TRANSITIONS.some((t) => CLAIM_TRANSITIONS[t].from.includes(s)));
    expect([...CLAIM_LIVE_STATUSES].sort()).toEqual([...movable].sort());
    expect([...CLAIM_LIVE_STATUSES].sort()).toEqual(['approved', 'delivered', 'pending']);
  });

  it('refuses an unknown transition name', () => {
    const result = decideClaimTransition(personalClaim('pending'), 'cancel' as ClaimTransition, volunteer);
    expect(result).toMatchObject({ ok: false, error: { kind: 'bad_transition', to: 'cancel' } });
    expect(isClaimTransition('cancel')).toBe(false);
    expect(isClaimTransition('hasOwnProperty')).toBe(false);
    expect(TRANSITIONS.every(isClaimTransition)).toBe(true);
  });
});

describe('who may take each claim step, by role', () => {
  const STAFF = ['admin', 'staff in subtree'];
  const SYSTEM = ['visitor / system (null)'];
  const fromState: Record<ClaimTransition, ClaimStatus> = {
    approve: 'pending',
    reject: 'pending',
    release: 'approved',
    deliver: 'approved',
    confirm: 'delivered',
    expire: 'approved',
  };
  const allowedOnPersonal: Record<ClaimTransition, string[]> = {
    approve: STAFF,
    reject: STAFF,
    confirm: STAFF,
    release: ['approved volunteer'],
    deliver: ['approved volunteer'],
    expire: SYSTEM,
  };
  const allowedOnOrg: Record<ClaimTransition, string[]> = {
    ...allowedOnPersonal,
    release: ['approved org manager'],
    deliver: ['approved org manager'],
  };

  const cases = (['personal', 'org'] as const).flatMap((kind) =>
    TRANSITIONS.flatMap((transition) =>
      ROLES.map(([role, actor]) => ({
        kind,
        transition,
        role,
        actor,
        allowed: (kind === 'personal' ? allowedOnPersonal : allowedOnOrg)[transition].includes(role),
      })),
    ),
  );

  it('covers 2 claim kinds × 6 transitions × 8 roles', () => {
    expect(cases).toHaveLength(96);
  });

  it.each(cases)('$kind claim: $transition by $role → allowed $allowed', ({ kind, transition, actor, allowed }) => {
    const claim = (kind === 'personal' ? personalClaim : orgClaim)(fromState[transition]);
    const result = decideClaimTransition(claim, transition, actor, complete);
    if (allowed) {
      expect(result).toEqual({ ok: true, value: { to: CLAIM_TRANSITIONS[transition].to } });
    } else {
      expect(result).toEqual({ ok: false, error: { kind: 'forbidden', message: undefined } });
    }
  });

  it('names the kind of actor each transition needs', () => {
    expect(CLAIM_TRANSITION_ACTORS).toEqual({
      approve: 'staff',
      reject: 'staff',
      confirm: 'staff',
      release: 'claimant',
      deliver: 'claimant',
      expire: 'system',
    });
  });

  it('lets any current colleague of the claiming organization (a plain member) deliver or release', () => {
    const colleague: Actor = { ...base, userId: 'colleague', orgs: [{ orgId: 'org-a', role: 'member', orgStatus: 'approved' }] };
    expect(decideClaimTransition(orgClaim('approved'), 'deliver', colleague).ok).toBe(true);
    expect(decideClaimTransition(orgClaim('pending'), 'release', colleague).ok).toBe(true);
  });

  it('does not let someone who left the organization act on its claim, even the one who made it', () => {
    const leaver: Actor = { ...base, userId: orgManager.userId, volunteer: { status: 'approved', caringParent: false } };
    expect(decideClaimTransition(orgClaim('approved'), 'deliver', leaver)).toEqual({
      ok: false,
      error: { kind: 'forbidden', message: undefined },
    });
  });

  it('counts membership, not the claimant user id, on an organization claim', () => {
    const claim = { ...orgClaim('approved'), claimantUserId: volunteer.userId };
    expect(decideClaimTransition(claim, 'deliver', volunteer).ok).toBe(false);
  });

  it.each([
    ['approve' as const, 'pending' as const],
    ['reject' as const, 'pending' as const],
    ['confirm' as const, 'delivered' as const],
  ])('refuses staff who %s their own claim', (transition, from) => {
    const staffVolunteer: Actor = { ...staffIn, volunteer: { status: 'approved', caringParent: false } };
    const own = { ...personalClaim(from), claimantUserId: staffVolunteer.userId };
    expect(decideClaimTransition(own, transition, staffVolunteer, complete)).toEqual({
      ok: false,
      error: { kind: 'forbidden', message: { key: 'claim.error.own_claim' } },
    });
    const orgStaff: Actor = { ...staffIn, orgs: [{ orgId: 'org-a', role: 'member', orgStatus: 'approved' }] };
    expect(decideClaimTransition(orgClaim(from), transition, orgStaff, complete)).toEqual({
      ok: false,
      error: { kind: 'forbidden', message: { key: 'claim.error.own_claim' } },
    });
  });
});

describe('what each claim step needs', () => {
  it.each([undefined, '', '   '])('reject with reason %j is a validation error on reason', (reason) => {
    expect(decideClaimTransition(personalClaim('pending'), 'reject', staffIn, { reason })).toEqual({
      ok: false,
      error: { kind: 'validation', fields: { reason: ['reason_required'] } },
    });
  });

  it('release needs no reason', () => {
    expect(decideClaimTransition(personalClaim('approved'), 'release', volunteer, {}).ok).toBe(true);
    expect(decideClaimTransition(personalClaim('approved'), 'release', volunteer).ok).toBe(true);
  });

  it.each([
    [undefined, 'value_received_required'],
    [-1, 'value_received_invalid'],
    [12.5, 'value_received_invalid'],
    [Number.NaN, 'value_received_invalid'],
    [Number.POSITIVE_INFINITY, 'value_received_invalid'],
  ])('confirm with valueReceivedFen %s → %s', (valueReceivedFen, code) => {
    expect(decideClaimTransition(personalClaim('delivered'), 'confirm', staffIn, { valueReceivedFen })).toEqual({
      ok: false,
      error: { kind: 'validation', fields: { valueReceived: [code] } },
    });
  });

  it.each([0, 1, 30_000, 45_000])('confirm accepts %s fen (more than the cap is recorded as received)', (value) => {
    expect(decideClaimTransition(personalClaim('delivered'), 'confirm', admin, { valueReceivedFen: value })).toEqual({
      ok: true,
      value: { to: 'confirmed' },
    });
  });

  it('checks the actor before the input, so a stranger learns nothing about what is missing', () => {
    expect(decideClaimTransition(personalClaim('pending'), 'reject', staffOther, {})).toEqual({
      ok: false,
      error: { kind: 'forbidden', message: undefined },
    });
  });
});

describe('canClaim, by role and target', () => {
  const forbiddenNotApproved = { ok: false, error: { kind: 'forbidden', message: { key: 'claim.error.not_approved' } } };
  const targets = [
    { target: 'for themselves', forOrgId: undefined },
    { target: 'for org-a', forOrgId: 'org-a' },
    { target: 'for org-b', forOrgId: 'org-b' },
  ];
  /** role → target → the claim it yields (null = refused as not approved). */
  const expected: Record<string, Record<string, { claimantUserId: string; orgId: string | null } | null>> = {
    admin: { 'for themselves': null, 'for org-a': null, 'for org-b': null },
    'staff in subtree': { 'for themselves': null, 'for org-a': null, 'for org-b': null },
    'staff of another county': { 'for themselves': null, 'for org-a': null, 'for org-b': null },
    'approved volunteer': { 'for themselves': { claimantUserId: 'vol', orgId: null }, 'for org-a': null, 'for org-b': null },
    'pending volunteer': { 'for themselves': null, 'for org-a': null, 'for org-b': null },
    'approved org manager': {
      'for themselves': null,
      'for org-a': { claimantUserId: 'mgr', orgId: 'org-a' },
      'for org-b': null,
    },
    'member of another org': {
      'for themselves': null,
      'for org-a': null,
      'for org-b': { claimantUserId: 'mem', orgId: 'org-b' },
    },
    'visitor / system (null)': { 'for themselves': null, 'for org-a': null, 'for org-b': null },
  };

  const cases = ROLES.flatMap(([role, actor]) =>
    targets.map(({ target, forOrgId }) => ({ role, actor, target, forOrgId, claim: expected[role]![target]! })),
  );

  it('covers 8 roles × 3 targets', () => {
    expect(cases).toHaveLength(24);
  });

  it.each(cases)('$role claiming $target on a published wish', ({ actor, forOrgId, claim }) => {
    const result = canClaim(actor, { wishStatus: 'published', forOrgId });
    expect(result).toEqual(claim ? { ok: true, value: claim } : forbiddenNotApproved);
  });

  it.each(['pending', 'rejected', 'suspended'] as const)('refuses a member of a %s organization', (orgStatus) => {
    const member: Actor = { ...base, userId: 'm', orgs: [{ orgId: 'org-c', role: 'manager', orgStatus }] };
    expect(canClaim(member, { wishStatus: 'published', forOrgId: 'org-c' })).toEqual(forbiddenNotApproved);
  });

  it.each(['rejected', 'suspended'] as const)('refuses a %s volunteer', (status) => {
    const v: Actor = { ...base, userId: 'v', volunteer: { status, caringParent: true } };
    expect(canClaim(v, { wishStatus: 'published' })).toEqual(forbiddenNotApproved);
  });

  const byWishStatus: Record<WishStatus, 'ok' | 'claim.error.already_claimed' | 'claim.error.not_open'> = {
    draft: 'claim.error.not_open',
    in_review: 'claim.error.not_open',
    published: 'ok',
    claimed: 'claim.error.already_claimed',
    delivered: 'claim.error.already_claimed',
    fulfilled: 'claim.error.already_claimed',
    withdrawn: 'claim.error.not_open',
  };

  it.each(WISH_STATUSES.map((s) => [s, byWishStatus[s]] as const))('an approved volunteer on a %s wish → %s', (s, outcome) => {
    const result = canClaim(volunteer, { wishStatus: s });
    expect(result).toEqual(
      outcome === 'ok'
        ? { ok: true, value: { claimantUserId: 'vol', orgId: null } }
        : { ok: false, error: { kind: 'conflict', message: { key: outcome, params: undefined } } },
    );
  });

  it('tells an unvetted helper about vetting before telling them the wish is taken', () => {
    expect(canClaim(pendingVolunteer, { wishStatus: 'claimed' })).toEqual(forbiddenNotApproved);
  });
});

describe('expiryDue', () => {
  const NOW = Date.UTC(2025, 4, 20, 12);
  const past = NOW - 1;
  const future = NOW + DAY;
  it.each([
    // status, approvedAt, deadline, expected, why
    ['pending', null, null, false, 'no deadline, not approved'],
    ['pending', null, future, false, 'deadline ahead'],
    ['pending', null, NOW, false, 'deadline is this instant'],
    ['pending', null, past, true, 'deadline passed'],
    ['approved', NOW - 1 * DAY, past, true, 'deadline passed'],
    ['approved', NOW - 1 * DAY, future, false, 'approved yesterday'],
    ['approved', NOW - 14 * DAY, null, false, 'exactly 14 days after approval'],
    ['approved', NOW - 14 * DAY - 1, null, true, 'more than 14 days after approval'],
    ['approved', NOW - 30 * DAY, future, true, 'undelivered for a month, deadline ahead'],
    ['approved', null, null, false, 'approval time unknown'],
    ['delivered', NOW - 30 * DAY, past, false, 'delivered: waits for staff, never expires'],
    ['confirmed', NOW - 30 * DAY, past, false, 'ended'],
    ['rejected', null, past, false, 'ended'],
    ['released', NOW - 30 * DAY, past, false, 'ended'],
    ['expired', NOW - 30 * DAY, past, false, 'ended'],
  ] as const)('%s, approvedAt %s, deadline %s → %s (%s)', (status, approvedAt, deadline, expected, _why) => {
    expect(expiryDue({ status, approvedAt }, deadline, NOW)).toBe(expected);
  });

  it('gives helpers 14 days to deliver', () => {
    expect(CLAIM_DELIVERY_DAYS).toBe(14);
    expect(deliveryDueAt(NOW)).toBe(NOW + 14 * DAY);
  });

  it('is consistent with the table: everything it expires can be expired', () => {
    for (const status of CLAIM_STATUSES) {
      const due = expiryDue({ status, approvedAt: 0 }, 0, 100 * DAY);
      expect(due).toBe(CLAIM_TRANSITIONS.expire.from.includes(status));
    }
  });
});
