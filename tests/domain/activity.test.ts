import { describe, expect, it } from 'vitest';
import type { Actor } from '../../app/domain/actor';
import {
  ACTIVITY_STATUSES,
  ACTIVITY_TRANSITIONS,
  ACTIVITY_STEP_RULES,
  CONTACT_TIERS,
  MINUTE_MS,
  availableSteps,
  completionDue,
  decideActivityStep,
  decideSlotCancel,
  decideSlotClose,
  decideSlotDraft,
  isActivityTransition,
  isPublicActivity,
  reminderDue,
  type ActivityFacts,
  type ActivityStatus,
  type ActivityStepInput,
  type ActivityTransition,
  type SlotDraft,
  type SlotOutcome,
  type SlotStatus,
} from '../../app/domain/activity';

const SITE = '/wz/lt/gc/';
const HOUR = 60 * MINUTE_MS;
const NOW = Date.UTC(2026, 0, 10, 2, 0);
const base = { admin: false, staff: null, volunteer: null, orgs: [] };
const admin: Actor = { ...base, userId: 'admin', admin: true };
const staffOfSite: Actor = { ...base, userId: 'staff-lt', staff: { siteId: 'lt', sitePath: '/wz/lt/' } };
const staffOtherCounty: Actor = { ...base, userId: 'staff-yc', staff: { siteId: 'yc', sitePath: '/wz/yc/' } };
const proposer: Actor = { ...base, userId: 'mgr', orgs: [{ orgId: 'org-a', role: 'manager', orgStatus: 'approved' }] };
const colleague: Actor = { ...base, userId: 'colleague', orgs: [{ orgId: 'org-a', role: 'member', orgStatus: 'approved' }] };
const otherOrg: Actor = { ...base, userId: 'mem-b', orgs: [{ orgId: 'org-b', role: 'manager', orgStatus: 'approved' }] };
const volunteer: Actor = { ...base, userId: 'vol', volunteer: { status: 'approved', caringParent: false } };

const TRANSITIONS = Object.keys(ACTIVITY_TRANSITIONS) as ActivityTransition[];

/** Every step the lifecycle allows, by hand; everything else in the matrix is refused. */
const ALLOWED: Array<[ActivityStatus, ActivityTransition, ActivityStatus]> = [
  ['draft', 'submit', 'submitted'],
  ['draft', 'approve', 'approved'],
  ['submitted', 'approve', 'approved'],
  ['submitted', 'reject', 'rejected'],
  ['draft', 'cancel', 'cancelled'],
  ['submitted', 'cancel', 'cancelled'],
  ['approved', 'cancel', 'cancelled'],
  ['approved', 'complete', 'completed'],
];

const REASON = { reason: '场地临时不能使用' };

describe('activity transition matrix (every status × every transition)', () => {
  const matrix = ACTIVITY_STATUSES.flatMap((from) =>
    TRANSITIONS.map((step) => ({ from, step, expected: ALLOWED.find(([f, t]) => f === from && t === step)?.[2] ?? null })),
  );

  it('covers 6 statuses × 5 transitions', () => {
    expect(matrix).toHaveLength(30);
  });

  it.each(matrix)('$from --$step--> $expected', ({ from, step, expected }) => {
    const result = decideActivityStep({ status: from, orgId: null }, step, REASON);
    if (expected === null) {
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.kind).toBe('bad_transition');
        expect(result.error).toMatchObject({ from, message: { key: 'error.bad_transition', params: { from, transition: step } } });
      }
    } else {
      expect(result).toEqual({ ok: true, value: { to: expected } });
    }
  });

  it('refuses an unknown step name', () => {
    expect(isActivityTransition('publish')).toBe(false);
    expect(isActivityTransition('toString')).toBe(false);
    expect(isActivityTransition('approve')).toBe(true);
    const result = decideActivityStep({ status: 'draft' }, 'publish' as ActivityTransition);
    expect(result.ok).toBe(false);
  });

  it('names an action for every step but complete, which only the system takes', () => {
    expect(ACTIVITY_STEP_RULES).toEqual({
      submit: 'activity.edit',
      approve: 'activity.review',
      reject: 'activity.review',
      cancel: 'activity.cancel',
      complete: null,
    });
  });
});

describe('activity steps: reasons and slots', () => {
  it.each([undefined, '', '   '])('reject needs a reason (%j)', (reason) => {
    expect(decideActivityStep({ status: 'submitted' }, 'reject', { reason })).toEqual({
      ok: false,
      error: { kind: 'validation', fields: { reason: ['reason_required'] } },
    });
  });

  it.each([undefined, '', ' \n'])('cancelling an approved activity needs a reason (%j): the people signed up read it', (reason) => {
    expect(decideActivityStep({ status: 'approved' }, 'cancel', { reason })).toEqual({
      ok: false,
      error: { kind: 'validation', fields: { reason: ['reason_required'] } },
    });
  });

  it.each(['draft', 'submitted'] as const)('cancelling a %s activity needs no reason (nobody signed up yet)', (status) => {
    expect(decideActivityStep({ status }, 'cancel', {})).toEqual({ ok: true, value: { to: 'cancelled' } });
  });

  it('approving and submitting need no reason', () => {
    expect(decideActivityStep({ status: 'submitted' }, 'approve', {})).toEqual({ ok: true, value: { to: 'approved' } });
    expect(decideActivityStep({ status: 'draft' }, 'submit', {})).toEqual({ ok: true, value: { to: 'submitted' } });
  });

  it.each(['submit', 'approve'] as const)('%s needs at least one slot', (step) => {
    expect(decideActivityStep({ status: 'draft' }, step, { slotCount: 0 })).toEqual({
      ok: false,
      error: { kind: 'validation', fields: { slots: ['slot_required'] } },
    });
    expect(decideActivityStep({ status: 'draft' }, step, { slotCount: 1 }).ok).toBe(true);
  });

  it("staff approve their own draft directly, but an organization's draft only once it is submitted", () => {
    expect(decideActivityStep({ status: 'draft', orgId: null }, 'approve').ok).toBe(true);
    const orgDraft = decideActivityStep({ status: 'draft', orgId: 'org-a' }, 'approve');
    expect(orgDraft.ok).toBe(false);
    if (!orgDraft.ok) expect(orgDraft.error.kind).toBe('bad_transition');
    expect(decideActivityStep({ status: 'submitted', orgId: 'org-a' }, 'approve').ok).toBe(true);
  });

  it('only approved and completed activities are public', () => {
    expect(ACTIVITY_STATUSES.filter(isPublicActivity)).toEqual(['approved', 'completed']);
  });
});

describe('availableSteps by role (the table and can() together)', () => {
  const orgActivity = (status: ActivityStatus): ActivityFacts => ({ status, sitePath: SITE, proposerId: proposer.userId, orgId: 'org-a' });
  const staffActivity = (status: ActivityStatus): ActivityFacts => ({ status, sitePath: SITE, proposerId: staffOfSite.userId, orgId: null });

  const ROLES: Array<[string, Actor | null]> = [
    ['proposer (org manager)', proposer],
    ['colleague in the proposing org', colleague],
    ['member of another org', otherOrg],
    ['staff of the site', staffOfSite],
    ['staff of another county', staffOtherCounty],
    ['admin', admin],
    ['volunteer', volunteer],
    ['visitor', null],
  ];

  // An organization's proposal: expected steps per status and role.
  const EXPECTED_ORG: Record<string, Partial<Record<ActivityStatus, ActivityTransition[]>>> = {
    'proposer (org manager)': { draft: ['submit', 'cancel'], submitted: ['cancel'], approved: ['cancel'] },
    'colleague in the proposing org': { draft: ['submit', 'cancel'], submitted: ['cancel'], approved: ['cancel'] },
    'member of another org': {},
    // Staff see no approve on an organization's draft: it is theirs to submit first.
    'staff of the site': { draft: ['submit', 'cancel'], submitted: ['approve', 'reject', 'cancel'], approved: ['cancel'] },
    'staff of another county': {},
    admin: { draft: ['submit', 'cancel'], submitted: ['approve', 'reject', 'cancel'], approved: ['cancel'] },
    volunteer: {},
    visitor: {},
  };

  const rows = ROLES.flatMap(([role, actor]) => ACTIVITY_STATUSES.map((status) => ({ role, actor, status })));

  it.each(rows)("an organization's $status activity: $role", ({ role, actor, status }) => {
    expect(availableSteps(orgActivity(status), actor)).toEqual(EXPECTED_ORG[role][status] ?? []);
  });

  it('completed, rejected and cancelled activities offer nobody any step', () => {
    for (const [, actor] of ROLES) {
      for (const status of ['completed', 'rejected', 'cancelled'] as const) {
        expect(availableSteps(orgActivity(status), actor)).toEqual([]);
        expect(availableSteps(staffActivity(status), actor)).toEqual([]);
      }
    }
  });

  it("staff approve a staff draft directly (create-and-approve); staff elsewhere see nothing", () => {
    expect(availableSteps(staffActivity('draft'), staffOfSite)).toEqual(['submit', 'approve', 'cancel']);
    expect(availableSteps(staffActivity('draft'), admin)).toEqual(['submit', 'approve', 'cancel']);
    expect(availableSteps(staffActivity('draft'), staffOtherCounty)).toEqual([]);
    expect(availableSteps(staffActivity('draft'), proposer)).toEqual([]);
  });

  it('an organization whose vetting is not approved still sees its own proposals, but cannot propose (can())', () => {
    const pendingOrg: Actor = { ...base, userId: 'mgr', orgs: [{ orgId: 'org-a', role: 'manager', orgStatus: 'pending' }] };
    expect(availableSteps(orgActivity('draft'), pendingOrg)).toEqual(['submit', 'cancel']);
  });

  it('never offers complete', () => {
    for (const [, actor] of ROLES) expect(availableSteps(orgActivity('approved'), actor)).not.toContain('complete');
  });
});

describe('decideSlotDraft', () => {
  const start = NOW + 48 * HOUR;
  const good = { startsAt: start, endsAt: start + 2 * HOUR, capacity: 10, childrenExpected: 20 };

  it('defaults the scheduled minutes to the length of the slot', () => {
    expect(decideSlotDraft(good, NOW)).toEqual({ ok: true, value: { scheduledMinutes: 120 } });
  });

  it('keeps scheduled minutes shorter than the slot', () => {
    expect(decideSlotDraft({ ...good, scheduledMinutes: 90 }, NOW)).toEqual({ ok: true, value: { scheduledMinutes: 90 } });
    expect(decideSlotDraft({ ...good, scheduledMinutes: 120 }, NOW)).toEqual({ ok: true, value: { scheduledMinutes: 120 } });
  });

  const refused: Array<[string, Partial<typeof good> & { scheduledMinutes?: number }, Record<string, string[]>]> = [
    ['end before start', { endsAt: start - HOUR }, { endsAt: ['slot_ends_before_start'] }],
    ['end equal to start', { endsAt: start }, { endsAt: ['slot_ends_before_start'] }],
    ['start in the past', { startsAt: NOW - HOUR, endsAt: NOW + HOUR }, { startsAt: ['slot_in_past'] }],
    ['start right now', { startsAt: NOW, endsAt: NOW + HOUR }, { startsAt: ['slot_in_past'] }],
    ['capacity 0', { capacity: 0 }, { capacity: ['capacity_invalid'] }],
    ['capacity negative', { capacity: -3 }, { capacity: ['capacity_invalid'] }],
    ['capacity fractional', { capacity: 1.5 }, { capacity: ['capacity_invalid'] }],
    ['children expected negative', { childrenExpected: -1 }, { childrenExpected: ['number_invalid'] }],
    ['scheduled minutes longer than the slot', { scheduledMinutes: 121 }, { scheduledMinutes: ['scheduled_minutes_invalid'] }],
    ['scheduled minutes 0', { scheduledMinutes: 0 }, { scheduledMinutes: ['scheduled_minutes_invalid'] }],
    ['scheduled minutes fractional', { scheduledMinutes: 30.5 }, { scheduledMinutes: ['scheduled_minutes_invalid'] }],
    ['a start that is not a time', { startsAt: Number.NaN }, { endsAt: ['slot_ends_before_start'] }],
  ];

  it.each(refused)('refuses %s', (_name, change, fields) => {
    expect(decideSlotDraft({ ...good, ...change }, NOW)).toEqual({ ok: false, error: { kind: 'validation', fields } });
  });

  it('names every faulty field at once', () => {
    const result = decideSlotDraft({ ...good, capacity: 0, childrenExpected: -1, scheduledMinutes: 500 }, NOW);
    expect(result).toEqual({
      ok: false,
      error: { kind: 'validation', fields: { capacity: ['capacity_invalid'], childrenExpected: ['number_invalid'], scheduledMinutes: ['scheduled_minutes_invalid'] } },
    });
  });
});

describe('decideSlotClose', () => {
  const startsAt = NOW - 3 * HOUR;
  const outcome: SlotOutcome = { childrenServed: 12, childIds: ['c1', 'c2'], moneyFen: 0, goodsFen: 50_000, materials: 30, sessions: 1 };

  it('closes an open slot that has started', () => {
    expect(decideSlotClose({ status: 'open', startsAt }, outcome, NOW)).toEqual({ ok: true, value: { to: 'closed', correction: false } });
  });

  it('closes at the very start', () => {
    expect(decideSlotClose({ status: 'open', startsAt: NOW }, outcome, NOW).ok).toBe(true);
  });

  it('refuses a slot that has not started', () => {
    expect(decideSlotClose({ status: 'open', startsAt: NOW + 1 }, outcome, NOW)).toEqual({
      ok: false,
      error: { kind: 'conflict', message: { key: 'slot.error.not_started' } },
    });
  });

  const numbers: Array<[keyof SlotOutcome, number]> = [
    ['childrenServed', -1],
    ['moneyFen', -100],
    ['goodsFen', -1],
    ['materials', -5],
    ['childrenServed', 1.5],
    ['moneyFen', Number.NaN],
    ['sessions', 0],
    ['sessions', -1],
  ];
  it.each(numbers)('refuses %s = %s', (field, value) => {
    expect(decideSlotClose({ status: 'open', startsAt }, { ...outcome, [field]: value }, NOW)).toEqual({
      ok: false,
      error: { kind: 'validation', fields: { [field]: ['number_invalid'] } },
    });
  });

  it('accepts zero of everything but sessions', () => {
    const zero = { childrenServed: 0, childIds: [], moneyFen: 0, goodsFen: 0, materials: 0, sessions: 1 };
    expect(decideSlotClose({ status: 'open', startsAt }, zero, NOW).ok).toBe(true);
  });

  it('refuses the same child twice', () => {
    expect(decideSlotClose({ status: 'open', startsAt }, { ...outcome, childIds: ['c1', 'c1'] }, NOW)).toEqual({
      ok: false,
      error: { kind: 'validation', fields: { childIds: ['duplicate_child'] } },
    });
  });

  it('corrects a closed slot with a reason', () => {
    expect(decideSlotClose({ status: 'closed', startsAt }, outcome, NOW, { reason: '人次少记了 2' })).toEqual({
      ok: true,
      value: { to: 'closed', correction: true },
    });
  });

  it.each([undefined, '', '  '])('a correction needs a reason (%j)', (reason) => {
    expect(decideSlotClose({ status: 'closed', startsAt }, outcome, NOW, { reason })).toEqual({
      ok: false,
      error: { kind: 'validation', fields: { reason: ['reason_required'] } },
    });
  });

  it('refuses closing a closed slot again (that is a correction)', () => {
    const result = decideSlotClose({ status: 'closed', startsAt }, outcome, NOW);
    expect(result).toMatchObject({ ok: false, error: { kind: 'bad_transition', from: 'closed', message: { params: { transition: 'close' } } } });
  });

  it('refuses a correction of an open slot', () => {
    const result = decideSlotClose({ status: 'open', startsAt }, outcome, NOW, { reason: 'x' });
    expect(result).toMatchObject({ ok: false, error: { kind: 'bad_transition', from: 'open', message: { params: { transition: 'correct' } } } });
  });

  it.each([
    [undefined, 'close'],
    [{ reason: 'x' }, 'correct'],
  ] as const)('refuses a cancelled slot (correction %j names %s)', (correction, transition) => {
    const result = decideSlotClose({ status: 'cancelled', startsAt }, outcome, NOW, correction);
    expect(result).toMatchObject({ ok: false, error: { kind: 'bad_transition', from: 'cancelled', to: 'closed', message: { params: { transition } } } });
  });
});

describe('decideSlotCancel', () => {
  it('cancels an open slot with a reason', () => {
    expect(decideSlotCancel({ status: 'open' }, '天气原因')).toEqual({ ok: true, value: { to: 'cancelled' } });
  });
  it.each([undefined, '', ' '])('needs a reason (%j)', (reason) => {
    expect(decideSlotCancel({ status: 'open' }, reason)).toEqual({ ok: false, error: { kind: 'validation', fields: { reason: ['reason_required'] } } });
  });
  it.each(['closed', 'cancelled'] as const)('refuses a %s slot', (status) => {
    expect(decideSlotCancel({ status }, 'x')).toMatchObject({ ok: false, error: { kind: 'bad_transition', from: status } });
  });
});

describe('completionDue', () => {
  const s = (...statuses: SlotStatus[]) => statuses.map((status) => ({ status }));
  const cases: Array<[ActivityStatus, SlotStatus[], boolean]> = [
    ['approved', ['closed'], true],
    ['approved', ['closed', 'cancelled'], true],
    ['approved', ['closed', 'closed'], true],
    ['approved', ['closed', 'open'], false],
    ['approved', ['open'], false],
    ['approved', ['cancelled'], false],
    ['approved', ['cancelled', 'cancelled'], false],
    ['approved', [], false],
    ['submitted', ['closed'], false],
    ['completed', ['closed'], false],
    ['cancelled', ['closed'], false],
  ];
  it.each(cases)('%s with slots %j → %s', (status, statuses, expected) => {
    expect(completionDue({ status }, s(...statuses))).toBe(expected);
  });
});

describe('activity steps: what each input part changes, in both forms', () => {
  const ok = (to: ActivityStatus) => ({ ok: true, value: { to } });
  const noSlot = { ok: false, error: { kind: 'validation', fields: { slots: ['slot_required'] } } };
  const noReason = { ok: false, error: { kind: 'validation', fields: { reason: ['reason_required'] } } };
  const cases: Array<[ActivityStatus, ActivityTransition, ActivityStepInput | undefined, unknown]> = [
    ['approved', 'complete', undefined, ok('completed')],
    ['approved', 'complete', {}, ok('completed')],
    ['approved', 'complete', { reason: '' }, ok('completed')],
    ['draft', 'submit', undefined, ok('submitted')],
    ['draft', 'submit', { slotCount: 1 }, ok('submitted')],
    ['draft', 'submit', { slotCount: 0 }, noSlot],
    ['draft', 'submit', { slotCount: -1 }, noSlot],
    ['submitted', 'approve', { slotCount: 0.5 }, noSlot],
    ['submitted', 'approve', { slotCount: 3 }, ok('approved')],
    ['draft', 'cancel', { slotCount: 0 }, ok('cancelled')],
    ['submitted', 'reject', { slotCount: 0, reason: 'r' }, ok('rejected')],
    ['submitted', 'reject', { slotCount: 0 }, noReason],
    ['approved', 'cancel', { slotCount: 0, reason: 'r' }, ok('cancelled')],
  ];
  it.each(cases)('%s --%s (%j)--> %j', (status, step, input, expected) => {
    expect(decideActivityStep({ status, orgId: null }, step, input)).toEqual(expected);
  });
});

describe('activity vocabulary', () => {
  it('has two contact tiers, group first (the form default)', () => {
    expect(CONTACT_TIERS).toEqual(['group', 'one_to_one']);
  });
});

describe('decideSlotDraft: boundaries and the scheduled minutes in both forms', () => {
  const start = NOW + 48 * HOUR;
  const good = { startsAt: start, endsAt: start + 2 * HOUR, capacity: 10, childrenExpected: 20 };
  const cases: Array<[string, Partial<SlotDraft>, unknown]> = [
    ['capacity 1', { capacity: 1 }, { ok: true, value: { scheduledMinutes: 120 } }],
    ['no children expected', { childrenExpected: 0 }, { ok: true, value: { scheduledMinutes: 120 } }],
    ['one scheduled minute', { scheduledMinutes: 1 }, { ok: true, value: { scheduledMinutes: 1 } }],
    ['a start one ms from now', { startsAt: NOW + 1, endsAt: NOW + 1 + HOUR }, { ok: true, value: { scheduledMinutes: 60 } }],
    ['a slot of one minute and a bit, defaulted', { endsAt: start + MINUTE_MS + 59_999 }, { ok: true, value: { scheduledMinutes: 1 } }],
    ['a slot shorter than a minute, defaulted', { endsAt: start + 59_999 }, { ok: false, error: { kind: 'validation', fields: { scheduledMinutes: ['scheduled_minutes_invalid'] } } }],
    ['an end before the start, defaulted: one mistake', { endsAt: start - HOUR }, { ok: false, error: { kind: 'validation', fields: { endsAt: ['slot_ends_before_start'] } } }],
    ['an end before the start, given a valid count: one mistake', { endsAt: start - HOUR, scheduledMinutes: 30 }, { ok: false, error: { kind: 'validation', fields: { endsAt: ['slot_ends_before_start'] } } }],
    ['an end at the start, given a valid count: one mistake', { endsAt: start, scheduledMinutes: 30 }, { ok: false, error: { kind: 'validation', fields: { endsAt: ['slot_ends_before_start'] } } }],
    [
      'an end before the start, given 0 minutes: two mistakes',
      { endsAt: start - HOUR, scheduledMinutes: 0 },
      { ok: false, error: { kind: 'validation', fields: { endsAt: ['slot_ends_before_start'], scheduledMinutes: ['scheduled_minutes_invalid'] } } },
    ],
  ];
  it.each(cases)('%s', (_name, change, expected) => {
    expect(decideSlotDraft({ ...good, ...change }, NOW)).toEqual(expected);
  });
});

describe('slot refusals name the step and where it leads', () => {
  const outcome: SlotOutcome = { childrenServed: 1, childIds: [], moneyFen: 0, goodsFen: 0, materials: 0, sessions: 1 };
  const bad = (from: SlotStatus, transition: string, to: SlotStatus) => ({
    ok: false,
    error: { kind: 'bad_transition', from, to, message: { key: 'error.bad_transition', params: { from, transition } } },
  });
  it('a correction of an open slot', () => {
    expect(decideSlotClose({ status: 'open', startsAt: NOW - HOUR }, outcome, NOW, { reason: 'x' })).toEqual(bad('open', 'correct', 'closed'));
  });
  it('closing a closed slot without a correction', () => {
    expect(decideSlotClose({ status: 'closed', startsAt: NOW - HOUR }, outcome, NOW)).toEqual(bad('closed', 'close', 'closed'));
  });
  it.each(['closed', 'cancelled'] as const)('cancelling a %s slot', (status) => {
    expect(decideSlotCancel({ status }, 'x')).toEqual(bad(status, 'cancel_slot', 'cancelled'));
  });
});

describe('reminderDue (the 24-hour reminder of a slot)', () => {
  const startsAt = NOW + 24 * HOUR;
  const cases: Array<[string, SlotStatus, number | null, number, boolean]> = [
    ['one ms before the 24 hours', 'open', null, startsAt - 24 * HOUR - 1, false],
    ['at exactly 24 hours before', 'open', null, startsAt - 24 * HOUR, true],
    ['one ms into the 24 hours', 'open', null, startsAt - 24 * HOUR + 1, true],
    ['one ms before the start', 'open', null, startsAt - 1, true],
    ['at the start', 'open', null, startsAt, false],
    ['one ms after the start', 'open', null, startsAt + 1, false],
    ['already reminded', 'open', NOW - HOUR, startsAt - HOUR, false],
    ['reminded at the epoch (0 is a time)', 'open', 0, startsAt - HOUR, false],
    ['a closed slot', 'closed', null, startsAt - HOUR, false],
    ['a cancelled slot', 'cancelled', null, startsAt - HOUR, false],
  ];
  it.each(cases)('%s (%s, reminded %s, now %s) → %s', (_name, status, remindedAt, now, expected) => {
    expect(reminderDue({ status, startsAt, remindedAt }, now)).toBe(expected);
  });
});
