import { describe, it, expect } from 'vitest';
import type { Actor } from '../../app/domain/actor';
import {
  CLAIM_DELIVERY_DAYS,
  CLAIM_LIVE_STATUSES,
  CLAIM_STATUSES,
  CLAIM_TRANSITIONS,
  CLAIM_STEP_RULES,
  availableSteps,
  decideClaimTransition,
  deliveryDueAt,
  expiryDue,
  isClaimTransition,
  type ClaimStatus,
  type ClaimTransition,
} from '../../app/domain/claim';
import { can } from '../../app/domain/policy';
import { WISH_STATUSES, type WishStatus } from '../../app/domain/wish';
import { decideClaiming } from '../../app/domain/wish-claim';

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
    const result = decideClaimTransition(personalClaim(from), transition, complete);
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
    const result = decideClaimTransition(personalClaim('pending'), 'cancel' as ClaimTransition);
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

  // Who is can()'s question; availableSteps joins it to the table, as the pages and the actions do.
  // Expiry is the system's alone: no person is ever offered it (its rule names no action).
  const mayTake = (claim: ReturnType<typeof personalClaim> | ReturnType<typeof orgClaim>, transition: ClaimTransition, actor: Actor | null) => {
    const { permission: action } = CLAIM_STEP_RULES[transition];
    if (action === null) return actor === null;
    const resource = { type: 'claim' as const, ...claim };
    const offered = availableSteps(claim, actor).includes(transition);
    expect(offered).toBe(can(actor, action, resource));
    return offered;
  };

  it.each(cases)('$kind claim: $transition by $role → allowed $allowed', ({ kind, transition, actor, allowed }) => {
    const claim = (kind === 'personal' ? personalClaim : orgClaim)(fromState[transition]);
    expect(mayTake(claim, transition, actor)).toBe(allowed);
    if (allowed) expect(decideClaimTransition(claim, transition, complete)).toEqual({ ok: true, value: { to: CLAIM_TRANSITIONS[transition].to } });
  });

  it('never offers expiry to anyone', () => {
    for (const [, actor] of ROLES) expect(availableSteps(personalClaim('approved'), actor)).not.toContain('expire');
  });

  it('names the action each transition needs', () => {
    expect(Object.fromEntries(TRANSITIONS.map((t) => [t, CLAIM_STEP_RULES[t].permission]))).toEqual({
      approve: 'claim.review',
      reject: 'claim.review',
      confirm: 'claim.confirm',
      release: 'claim.act_as_claimant',
      deliver: 'claim.act_as_claimant',
      expire: null,
    });
  });

  it('lets any current colleague of the claiming organization (a plain member) deliver or release', () => {
    const colleague: Actor = { ...base, userId: 'colleague', orgs: [{ orgId: 'org-a', role: 'member', orgStatus: 'approved' }] };
    expect(availableSteps(orgClaim('approved'), colleague)).toContain('deliver');
    expect(availableSteps(orgClaim('pending'), colleague)).toContain('release');
  });

  it('does not let someone who left the organization act on its claim, even the one who made it', () => {
    const leaver: Actor = { ...base, userId: orgManager.userId, volunteer: { status: 'approved', caringParent: false } };
    expect(availableSteps(orgClaim('approved'), leaver)).toEqual([]);
  });

  it('counts membership, not the claimant user id, on an organization claim', () => {
    const claim = { ...orgClaim('approved'), claimantUserId: volunteer.userId };
    expect(availableSteps(claim, volunteer)).not.toContain('deliver');
  });

  it.each([
    ['approve' as const, 'pending' as const],
    ['reject' as const, 'pending' as const],
    ['confirm' as const, 'delivered' as const],
  ])('refuses staff who %s their own claim', (transition, from) => {
    const staffVolunteer: Actor = { ...staffIn, volunteer: { status: 'approved', caringParent: false } };
    const own = { ...personalClaim(from), claimantUserId: staffVolunteer.userId };
    expect(availableSteps(own, staffVolunteer)).not.toContain(transition);
    const orgStaff: Actor = { ...staffIn, orgs: [{ orgId: 'org-a', role: 'member', orgStatus: 'approved' }] };
    expect(availableSteps(orgClaim(from), orgStaff)).not.toContain(transition);
    // …and the refusal tells them why.
    expect(CLAIM_STEP_RULES[transition].refusal).toBe('claim.error.own_claim');
    // Staff of the subtree who are not the claimant may.
    expect(availableSteps(orgClaim(from), staffIn)).toContain(transition);
  });
});

describe('what each claim step needs', () => {
  it.each([undefined, '', '   '])('reject with reason %j is a validation error on reason', (reason) => {
    expect(decideClaimTransition(personalClaim('pending'), 'reject', { reason })).toEqual({
      ok: false,
      error: { kind: 'validation', fields: { reason: ['reason_required'] } },
    });
  });

  it('release needs no reason', () => {
    expect(decideClaimTransition(personalClaim('approved'), 'release', {}).ok).toBe(true);
    expect(decideClaimTransition(personalClaim('approved'), 'release').ok).toBe(true);
  });

  it.each([
    [undefined, 'value_received_required'],
    [-1, 'value_received_invalid'],
    [12.5, 'value_received_invalid'],
    [Number.NaN, 'value_received_invalid'],
    [Number.POSITIVE_INFINITY, 'value_received_invalid'],
  ])('confirm with valueReceivedFen %s → %s', (valueReceivedFen, code) => {
    expect(decideClaimTransition(personalClaim('delivered'), 'confirm', { valueReceivedFen })).toEqual({
      ok: false,
      error: { kind: 'validation', fields: { valueReceived: [code] } },
    });
  });

  it.each([0, 1, 30_000, 45_000])('confirm accepts %s fen (more than the cap is recorded as received)', (value) => {
    expect(decideClaimTransition(personalClaim('delivered'), 'confirm', { valueReceivedFen: value })).toEqual({
      ok: true,
      value: { to: 'confirmed' },
    });
  });

  it('offers a stranger no step at all, whatever the input would have been', () => {
    expect(availableSteps(personalClaim('pending'), staffOther)).toEqual([]);
  });
});

describe('who may claim (can wish.claim as a claimant), by role and target; when (decideClaiming)', () => {
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
    expect(can(actor, 'wish.claim', { type: 'claimant', orgId: forOrgId ?? null })).toBe(claim !== null);
  });

  it.each(['pending', 'rejected', 'suspended'] as const)('refuses a member of a %s organization', (orgStatus) => {
    const member: Actor = { ...base, userId: 'm', orgs: [{ orgId: 'org-c', role: 'manager', orgStatus }] };
    expect(can(member, 'wish.claim', { type: 'claimant', orgId: 'org-c' })).toBe(false);
  });

  it.each(['rejected', 'suspended'] as const)('refuses a %s volunteer', (status) => {
    const v: Actor = { ...base, userId: 'v', volunteer: { status, caringParent: true } };
    expect(can(v, 'wish.claim', { type: 'claimant', orgId: null })).toBe(false);
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

  it.each(WISH_STATUSES.map((s) => [s, byWishStatus[s]] as const))('claiming a %s wish → %s', (s, outcome) => {
    const result = decideClaiming({ status: s, deadlineAt: null }, DAY);
    expect(result).toEqual(
      outcome === 'ok'
        ? { ok: true, value: { claimTo: 'pending', wishStep: 'claim', wishTo: 'claimed', mails: ['claim.received'] } }
        : { ok: false, error: { kind: 'conflict', message: { key: outcome, params: undefined } } },
    );
  });

  it('refuses a wish whose claim deadline has passed (inclusive at the instant)', () => {
    expect(decideClaiming({ status: 'published', deadlineAt: DAY }, DAY).ok).toBe(true);
    expect(decideClaiming({ status: 'published', deadlineAt: DAY }, DAY + 1)).toEqual({
      ok: false,
      error: { kind: 'conflict', message: { key: 'claim.error.deadline_passed', params: undefined } },
    });
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
    ['pending', NOW - 30 * DAY, null, false, 'pending: the delivery window starts at approval'],
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

describe('the steps offered in each status', () => {
  const claimOf = (status: ClaimStatus) => ({ status, claimantUserId: 'vol', orgId: null, wishSitePath: WISH_SITE });
  it.each([
    ['pending', ['approve', 'reject'], ['release']],
    ['approved', [], ['release', 'deliver']],
    ['delivered', ['confirm'], []],
    ['confirmed', [], []],
    ['rejected', [], []],
    ['released', [], []],
    ['expired', [], []],
  ] as const)('%s: staff %j, the claimant %j', (status, staff, claimant) => {
    expect(availableSteps(claimOf(status), staffIn)).toEqual(staff);
    expect(availableSteps(claimOf(status), volunteer)).toEqual(claimant);
  });

  it('lists every status of the table, and no other', () => {
    const inTable = new Set(Object.values(CLAIM_TRANSITIONS).flatMap((t) => [...t.from, t.to]));
    expect([...CLAIM_STATUSES].sort()).toEqual([...inTable].sort());
    expect(new Set(CLAIM_STATUSES).size).toBe(CLAIM_STATUSES.length);
  });
});
