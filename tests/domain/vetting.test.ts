import { describe, it, expect } from 'vitest';
import type { Actor } from '../../app/domain/actor';
import { can } from '../../app/domain/policy';
import {
  RECHECK_INTERVAL_MS,
  VETTING_STATUSES,
  VETTING_TRANSITIONS,
  decideReapply,
  availableSteps,
  decideVetting,
  helperResource,
  isVettingTransition,
  REAPPLY,
  recheckOverdue,
  type VettingStatus,
  type VettingTransition,
} from '../../app/domain/vetting';

const NOW = Date.UTC(2025, 2, 1, 9, 0, 0);
const DAY = 24 * 60 * 60 * 1000;
const complete = {
  reason: '资料不全',
  checkNote: '无犯罪记录证明 seen on 2025-03-01',
  now: NOW,
  caringParentOrOneToOne: false,
};

const TRANSITIONS = Object.keys(VETTING_TRANSITIONS) as VettingTransition[];

/** Every step the lifecycle allows, written out by hand; everything else in the matrix is refused. */
const ALLOWED: Array<[VettingStatus, VettingTransition, VettingStatus]> = [
  ['pending', 'approve', 'approved'],
  ['pending', 'reject', 'rejected'],
  ['approved', 'suspend', 'suspended'],
  ['suspended', 'reinstate', 'approved'],
  ['approved', 'recheck', 'approved'],
];

const matrix = VETTING_STATUSES.flatMap((from) =>
  TRANSITIONS.map((transition) => {
    const allowed = ALLOWED.find(([f, t]) => f === from && t === transition);
    return { from, transition, expected: allowed ? allowed[2] : null };
  }),
);

describe('vetting transition matrix (every status × every transition)', () => {
  it('covers 4 statuses × 5 transitions', () => {
    expect(matrix).toHaveLength(20);
  });

  it.each(matrix)('$from --$transition--> $expected', ({ from, transition, expected }) => {
    const result = decideVetting(from, transition, complete);
    if (expected) {
      // A recorded re-check restarts the yearly clock; the other steps start none without one-to-one contact.
      expect(result).toEqual({ ok: true, value: { to: expected, recheckDueAt: transition === 'recheck' ? NOW + RECHECK_INTERVAL_MS : null } });
    } else {
      expect(result).toEqual({
        ok: false,
        error: {
          kind: 'bad_transition',
          from,
          to: VETTING_TRANSITIONS[transition].to,
          message: { key: 'error.bad_transition', params: { from, transition } },
        },
      });
    }
  });

  it('refuses re-approving a rejected helper in place (a new application starts at pending)', () => {
    const result = decideVetting('rejected', 'approve', complete);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.kind).toBe('bad_transition');
  });

  it('brings a suspended helper back only through reinstate', () => {
    expect(decideVetting('suspended', 'approve', complete).ok).toBe(false);
    expect(decideVetting('suspended', 'reinstate', complete).ok).toBe(true);
  });

  it('refuses an unknown transition name (e.g. a forged intent)', () => {
    const result = decideVetting('pending', 'delete' as VettingTransition, complete);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ kind: 'bad_transition', from: 'pending', to: 'delete' });
    expect(isVettingTransition('delete')).toBe(false);
    expect(TRANSITIONS.every(isVettingTransition)).toBe(true);
    expect(isVettingTransition('toString')).toBe(false);
  });
});

describe('the helper applies again after a rejection', () => {
  it.each(VETTING_STATUSES)('from %s', (from) => {
    const result = decideReapply(from);
    if (from === 'rejected') {
      expect(result).toEqual({ ok: true, value: { to: 'pending' } });
    } else {
      // Pending is already waiting, approved has nothing to ask, and only staff lift a suspension.
      expect(result).toEqual({
        ok: false,
        error: { kind: 'bad_transition', from, to: 'pending', message: { key: 'error.bad_transition', params: { from, transition: 'reapply' } } },
      });
    }
  });
});

describe('what each step needs', () => {
  it.each([
    { transition: 'reject' as const, from: 'pending' as const, reason: undefined },
    { transition: 'reject' as const, from: 'pending' as const, reason: '' },
    { transition: 'reject' as const, from: 'pending' as const, reason: '  \n ' },
    { transition: 'suspend' as const, from: 'approved' as const, reason: undefined },
    { transition: 'suspend' as const, from: 'approved' as const, reason: '   ' },
  ])('$transition without a reason ($reason) is a validation error on reason', ({ transition, from, reason }) => {
    expect(decideVetting(from, transition, { ...complete, reason })).toEqual({
      ok: false,
      error: { kind: 'validation', fields: { reason: ['reason_required'] } },
    });
  });

  it.each([
    { transition: 'approve' as const, from: 'pending' as const, checkNote: undefined },
    { transition: 'approve' as const, from: 'pending' as const, checkNote: ' ' },
    { transition: 'reinstate' as const, from: 'suspended' as const, checkNote: undefined },
    { transition: 'reinstate' as const, from: 'suspended' as const, checkNote: '' },
  ])('$transition without a check note ($checkNote) is a validation error on checkNote', ({ transition, from, checkNote }) => {
    expect(decideVetting(from, transition, { ...complete, checkNote })).toEqual({
      ok: false,
      error: { kind: 'validation', fields: { checkNote: ['check_note_required'] } },
    });
  });

  it('does not ask for a check note to reject or suspend, nor a reason to approve', () => {
    expect(decideVetting('pending', 'reject', { now: NOW, caringParentOrOneToOne: false, reason: 'x' }).ok).toBe(true);
    expect(decideVetting('approved', 'suspend', { now: NOW, caringParentOrOneToOne: true, reason: 'x' }).ok).toBe(true);
    expect(
      decideVetting('pending', 'approve', { now: NOW, caringParentOrOneToOne: false, checkNote: 'seen' }).ok,
    ).toBe(true);
  });

  it('reports a wrong state before missing input (the state is what the user must fix first)', () => {
    const result = decideVetting('approved', 'reject', { now: NOW, caringParentOrOneToOne: false });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.kind).toBe('bad_transition');
  });
});

describe('yearly re-check for caring parents and one-to-one contact', () => {
  it.each([
    { from: 'pending' as const, transition: 'approve' as const, caring: true, due: NOW + 365 * DAY },
    { from: 'pending' as const, transition: 'approve' as const, caring: false, due: null },
    { from: 'suspended' as const, transition: 'reinstate' as const, caring: true, due: NOW + 365 * DAY },
    { from: 'suspended' as const, transition: 'reinstate' as const, caring: false, due: null },
    { from: 'pending' as const, transition: 'reject' as const, caring: true, due: null },
    { from: 'approved' as const, transition: 'suspend' as const, caring: true, due: null },
    { from: 'approved' as const, transition: 'recheck' as const, caring: true, due: NOW + 365 * DAY },
    { from: 'approved' as const, transition: 'recheck' as const, caring: false, due: NOW + 365 * DAY },
  ])('$transition (caring parent: $caring) → recheckDueAt $due', ({ from, transition, caring, due }) => {
    const result = decideVetting(from, transition, { ...complete, caringParentOrOneToOne: caring });
    expect(result).toEqual({ ok: true, value: { to: VETTING_TRANSITIONS[transition].to, recheckDueAt: due } });
  });

  it('needs a check note to record a re-check', () => {
    expect(decideVetting('approved', 'recheck', { ...complete, checkNote: ' ' })).toEqual({
      ok: false,
      error: { kind: 'validation', fields: { checkNote: ['check_note_required'] } },
    });
  });

  it('is overdue only for an approved helper, strictly after the due time', () => {
    expect(recheckOverdue({ status: 'approved', recheckDueAt: NOW }, NOW)).toBe(false);
    expect(recheckOverdue({ status: 'approved', recheckDueAt: NOW }, NOW + 1)).toBe(true);
    expect(recheckOverdue({ status: 'approved', recheckDueAt: null }, NOW + 1000 * DAY)).toBe(false);
    expect(recheckOverdue({ status: 'suspended', recheckDueAt: NOW }, NOW + 1)).toBe(false);
  });

  it('is exactly 365 days', () => {
    expect(RECHECK_INTERVAL_MS).toBe(365 * DAY);
  });
});

describe('who may vet a helper (policy helper.vet), by role', () => {
  const lt: Actor['staff'] = { siteId: 'lt', sitePath: '/wz/lt/' };
  const yc: Actor['staff'] = { siteId: 'yc', sitePath: '/wz/yc/' };
  const base = { admin: false, staff: null, volunteer: null, orgs: [] };
  const roles: Array<[string, Actor | null]> = [
    ['admin', { ...base, userId: 'admin', admin: true }],
    ['staff in subtree', { ...base, userId: 'staff-lt', staff: lt }],
    ['staff of another county', { ...base, userId: 'staff-yc', staff: yc }],
    ['approved volunteer', { ...base, userId: 'vol', volunteer: { status: 'approved', caringParent: false } }],
    ['pending volunteer', { ...base, userId: 'vol-p', volunteer: { status: 'pending', caringParent: false } }],
    ['approved org manager', { ...base, userId: 'mgr', orgs: [{ orgId: 'org-a', role: 'manager', orgStatus: 'approved' }] }],
    ['member of another org', { ...base, userId: 'mem', orgs: [{ orgId: 'org-b', role: 'member', orgStatus: 'approved' }] }],
    ['visitor', null],
  ];
  const mayVetInLitong = ['admin', 'staff in subtree'];
  const mayVetWithoutCounty = ['admin', 'staff in subtree', 'staff of another county'];

  it.each(roles)('%s is offered the steps of the table only where helper.vet allows', (name, actor) => {
    const approvedInLitong = { status: 'approved' as const, sitePath: '/wz/lt/', userId: 'applicant' };
    expect(availableSteps(approvedInLitong, actor)).toEqual(mayVetInLitong.includes(name) ? ['suspend', 'recheck'] : []);
    expect(availableSteps({ status: 'pending', sitePath: null, orgId: 'org-new' }, actor)).toEqual(
      mayVetWithoutCounty.includes(name) ? ['approve', 'reject'] : [],
    );
  });

  it.each(roles)('%s', (name, actor) => {
    expect(can(actor, 'helper.vet', { type: 'helper', sitePath: '/wz/lt/', userId: 'applicant' })).toBe(
      mayVetInLitong.includes(name),
    );
    expect(can(actor, 'helper.vet', { type: 'helper', sitePath: null, orgId: 'org-new' })).toBe(
      mayVetWithoutCounty.includes(name),
    );
  });
});

describe('the helper as can() sees it', () => {
  it('names the volunteer or the organization, and nothing it was not given', () => {
    expect(helperResource({ status: 'pending', sitePath: '/wz/lt/', userId: 'u1' })).toStrictEqual({ type: 'helper', sitePath: '/wz/lt/', userId: 'u1' });
    expect(helperResource({ status: 'pending', sitePath: null, orgId: 'o1' })).toStrictEqual({ type: 'helper', sitePath: null, orgId: 'o1' });
    expect(helperResource({ status: 'pending', sitePath: null })).toStrictEqual({ type: 'helper', sitePath: null });
  });

  it('lists every status of the tables, and no other', () => {
    const inTables = new Set([...Object.values(VETTING_TRANSITIONS), REAPPLY].flatMap((t) => [...t.from, t.to]));
    expect([...VETTING_STATUSES].sort()).toEqual([...inTables].sort());
    expect(new Set(VETTING_STATUSES).size).toBe(VETTING_STATUSES.length);
  });
});
