import { describe, it, expect } from 'vitest';
import type { Actor } from '../../app/domain/actor';
import type { SlotStatus } from '../../app/domain/activity';
import { can } from '../../app/domain/policy';
import {
  DEFAULT_CANCEL_CUTOFF_HOURS,
  MAX_SERVICE_MINUTES,
  NO_SHOW_FLAG_COUNT,
  OFFER_HOLD_MS,
  SIGNUP_HOLDING_STATUSES,
  SIGNUP_LIVE_STATUSES,
  SIGNUP_STATUSES,
  SIGNUP_TRANSITIONS,
  cancelCutoff,
  decideAttendance,
  decideCancel,
  decideFreedPlace,
  decideOfferAnswer,
  decideSignup,
  NO_SHOW_WINDOW_MS,
  openForSignup,
  noShowFlagDue,
  noShowsInWindow,
  offerDeadline,
  offerExpiryDue,
  placeLost,
  twelveMonthsBefore,
  waitingPosition,
  type SignupStatus,
  type SlotFacts,
} from '../../app/domain/signup';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const NOW = Date.UTC(2025, 5, 1, 2, 0); // 2025-06-01 10:00 in Shanghai
const START = NOW + 3 * DAY;

const slot = (over: Partial<SlotFacts> = {}): SlotFacts => ({
  status: 'open',
  activityStatus: 'approved',
  startsAt: START,
  capacity: 2,
  taken: 0,
  waiting: 0,
  ...over,
});

const errorKey = (r: { ok: boolean; error?: unknown }) => {
  if (r.ok) return 'ok';
  const e = r.error as { kind: string; message?: { key: string }; fields?: Record<string, string[]> };
  return e.kind === 'validation' ? `validation:${Object.values(e.fields ?? {}).flat().join(',')}` : e.kind === 'bad_transition' ? 'bad_transition' : e.message?.key ?? e.kind;
};

describe('the transition table', () => {
  it('lists each status once, live ⊇ holding, and every transition ends outside its own sources', () => {
    expect(new Set(SIGNUP_STATUSES).size).toBe(SIGNUP_STATUSES.length);
    for (const s of SIGNUP_HOLDING_STATUSES) expect(SIGNUP_LIVE_STATUSES).toContain(s);
    expect(SIGNUP_LIVE_STATUSES).not.toContain('cancelled');
    for (const [name, rule] of Object.entries(SIGNUP_TRANSITIONS)) expect(rule.from, name).not.toContain(rule.to);
  });
});

describe('decideSignup', () => {
  const cases: Array<[string, Partial<SlotFacts>, SignupStatus | null, number, string]> = [
    ['a free place, nobody waiting → confirmed', {}, null, NOW, 'confirmed'],
    ['the last place → confirmed', { taken: 1 }, null, NOW, 'confirmed'],
    ['full → waitlisted', { taken: 2 }, null, NOW, 'waitlisted'],
    ['full with people waiting → waitlisted', { taken: 2, waiting: 3 }, null, NOW, 'waitlisted'],
    ['a free place but people waiting, still time to offer → waitlisted behind them', { taken: 1, waiting: 1 }, null, NOW, 'waitlisted'],
    ['a free place freed too late to offer (2 h before start) → confirmed', { taken: 1, waiting: 1 }, null, START - 2 * HOUR, 'confirmed'],
    ['one ms before the offer limit, people waiting → waitlisted', { taken: 1, waiting: 1 }, null, START - 2 * HOUR - 1, 'waitlisted'],
    ['cancelled earlier → may sign up again', {}, 'cancelled', NOW, 'confirmed'],
    ['declined earlier → may sign up again (waits at the end)', { taken: 2 }, 'declined', NOW, 'waitlisted'],
    ['expired earlier → may sign up again', {}, 'expired', NOW, 'confirmed'],
    ['already confirmed → refused', {}, 'confirmed', NOW, 'signup.error.already_signed_up'],
    ['already waiting → refused', { taken: 2 }, 'waitlisted', NOW, 'signup.error.already_signed_up'],
    ['already offered → refused', {}, 'offered', NOW, 'signup.error.already_signed_up'],
    ['activity not approved → refused', { activityStatus: 'submitted' }, null, NOW, 'signup.error.activity_not_open'],
    ['activity completed → refused', { activityStatus: 'completed' }, null, NOW, 'signup.error.activity_not_open'],
    ['slot closed → refused', { status: 'closed' }, null, NOW, 'signup.error.slot_closed'],
    ['slot cancelled → refused', { status: 'cancelled' }, null, NOW, 'signup.error.slot_closed'],
    ['at the start instant → refused', {}, null, START, 'signup.error.started'],
    ['one ms before the start → allowed', {}, null, START - 1, 'confirmed'],
  ];
  it.each(cases)('%s', (_name, over, existing, now, expected) => {
    const r = decideSignup(slot(over), existing ? { status: existing } : null, now);
    expect(r.ok ? r.value.to : errorKey(r)).toBe(expected);
    if (r.ok) expect(r.value.mail).toBe(r.value.to === 'confirmed' ? 'signup.confirmed' : 'signup.waitlisted');
  });

  it('placeLost turns a lost race into the waiting list', () => {
    expect(placeLost()).toEqual({ to: 'waitlisted', mail: 'signup.waitlisted' });
  });
});

describe('decideCancel and the cut-off', () => {
  const cutoff = cancelCutoff(START, DEFAULT_CANCEL_CUTOFF_HOURS);
  it('the cut-off is the start minus the hours', () => {
    expect(cutoff).toBe(START - 24 * HOUR);
    expect(cancelCutoff(START, 48)).toBe(START - 48 * HOUR);
    expect(cancelCutoff(START, 0)).toBe(START);
  });

  const cases: Array<[string, SignupStatus, 'helper' | 'staff', number, string | undefined, SlotStatus, string, boolean?]> = [
    ['helper, confirmed, well before → cancelled, frees', 'confirmed', 'helper', NOW, undefined, 'open', 'cancelled', true],
    ['helper, confirmed, at the exact cut-off instant → allowed', 'confirmed', 'helper', cutoff, undefined, 'open', 'cancelled', true],
    ['helper, confirmed, one ms late → refused', 'confirmed', 'helper', cutoff + 1, undefined, 'open', 'signup.error.past_cutoff'],
    ['helper, offered, one ms late → refused (decline instead)', 'offered', 'helper', cutoff + 1, undefined, 'open', 'signup.error.past_cutoff'],
    ['helper, offered, before → cancelled, frees', 'offered', 'helper', NOW, undefined, 'open', 'cancelled', true],
    ['helper, waiting, after the cut-off → allowed, frees nothing', 'waitlisted', 'helper', cutoff + HOUR, undefined, 'open', 'cancelled', false],
    ['helper, waiting, at the start → refused', 'waitlisted', 'helper', START, undefined, 'open', 'signup.error.started'],
    ['staff, confirmed, after the cut-off with a reason → cancelled', 'confirmed', 'staff', cutoff + 1, '生病', 'open', 'cancelled', true],
    ['staff, after the start with a reason → cancelled', 'confirmed', 'staff', START + HOUR, '未到', 'open', 'cancelled', true],
    ['staff without a reason → refused', 'confirmed', 'staff', NOW, undefined, 'open', 'validation:reason_required'],
    ['staff with a blank reason → refused', 'confirmed', 'staff', NOW, '   ', 'open', 'validation:reason_required'],
    ['already cancelled → bad transition', 'cancelled', 'helper', NOW, undefined, 'open', 'bad_transition'],
    ['declined → bad transition', 'declined', 'staff', NOW, 'x', 'open', 'bad_transition'],
    ['expired → bad transition', 'expired', 'helper', NOW, undefined, 'open', 'bad_transition'],
    ['slot closed → refused', 'confirmed', 'staff', NOW, 'x', 'closed', 'signup.error.slot_closed'],
  ];
  it.each(cases)('%s', (_name, status, by, now, reason, slotStatus, expected, frees) => {
    const r = decideCancel({ status }, { startsAt: START, cutoffHours: 24, status: slotStatus }, by, now, reason);
    expect(r.ok ? r.value.to : errorKey(r)).toBe(expected);
    if (r.ok) {
      expect(r.value.freesPlace).toBe(frees);
      expect(r.value.mail).toBe(by === 'staff' ? 'signup.cancelled_by_staff' : null);
    }
  });

  it('a per-activity cut-off is honoured', () => {
    const slot48 = { startsAt: START, cutoffHours: 48, status: 'open' as const };
    expect(decideCancel({ status: 'confirmed' }, slot48, 'helper', START - 48 * HOUR).ok).toBe(true);
    expect(errorKey(decideCancel({ status: 'confirmed' }, slot48, 'helper', START - 48 * HOUR + 1))).toBe('signup.error.past_cutoff');
  });
});

describe('offerDeadline', () => {
  const cases: Array<[string, number, number, number]> = [
    ['far from the start: 24 h', NOW, NOW + 10 * DAY, NOW + OFFER_HOLD_MS],
    ['start in 26 h exactly: both rules agree', NOW, NOW + 26 * HOUR, NOW + 24 * HOUR],
    ['start in 25 h: 2 h before the start wins', NOW, NOW + 25 * HOUR, NOW + 23 * HOUR],
    ['start in 3 h: 1 h to answer', NOW, NOW + 3 * HOUR, NOW + HOUR],
    ['start in 2 h: no time at all', NOW, NOW + 2 * HOUR, NOW],
  ];
  it.each(cases)('%s', (_name, now, start, expected) => expect(offerDeadline(now, start)).toBe(expected));
});

describe('decideFreedPlace', () => {
  const open = { status: 'open' as const, startsAt: START };
  it('offers to the lowest queue number, whatever the order given', () => {
    const r = decideFreedPlace(
      [
        { id: 'c', queueNo: 7 },
        { id: 'a', queueNo: 3 },
        { id: 'b', queueNo: 5 },
      ],
      open,
      NOW,
    );
    expect(r).toEqual({ offerTo: 'a', expiresAt: NOW + 24 * HOUR, mail: 'signup.offered' });
  });
  it('breaks a tie of queue numbers by id, so the answer never depends on row order', () => {
    const waiting = [
      { id: 'z', queueNo: 1 },
      { id: 'm', queueNo: 1 },
    ];
    expect(decideFreedPlace(waiting, open, NOW)?.offerTo).toBe('m');
    expect(decideFreedPlace([...waiting].reverse(), open, NOW)?.offerTo).toBe('m');
  });
  const nobody: Array<[string, { id: string; queueNo: number }[], { status: SlotStatus; startsAt: number }, number]> = [
    ['nobody waits', [], open, NOW],
    ['too late: exactly 2 h before the start', [{ id: 'a', queueNo: 1 }], open, START - 2 * HOUR],
    ['too late: after the start', [{ id: 'a', queueNo: 1 }], open, START + 1],
    ['slot closed', [{ id: 'a', queueNo: 1 }], { status: 'closed', startsAt: START }, NOW],
    ['slot cancelled', [{ id: 'a', queueNo: 1 }], { status: 'cancelled', startsAt: START }, NOW],
  ];
  it.each(nobody)('nobody is offered it when %s', (_name, waiting, s, now) => expect(decideFreedPlace(waiting, s, now)).toBeNull());
  it('one ms before the 2 h limit there is still an offer, held 1 ms', () => {
    expect(decideFreedPlace([{ id: 'a', queueNo: 1 }], open, START - 2 * HOUR - 1)).toEqual({ offerTo: 'a', expiresAt: START - 2 * HOUR, mail: 'signup.offered' });
  });
});

describe('answering an offer and its expiry', () => {
  const deadline = NOW + 24 * HOUR;
  const cases: Array<[string, SignupStatus, number | null, 'accept_offer' | 'decline_offer', number, string, boolean?]> = [
    ['accept in time', 'offered', deadline, 'accept_offer', NOW, 'confirmed', false],
    ['accept at the exact deadline', 'offered', deadline, 'accept_offer', deadline, 'confirmed', false],
    ['accept one ms late', 'offered', deadline, 'accept_offer', deadline + 1, 'signup.error.offer_expired'],
    ['accept without a deadline', 'offered', null, 'accept_offer', NOW, 'signup.error.offer_expired'],
    ['decline frees the place', 'offered', deadline, 'decline_offer', NOW, 'declined', true],
    ['accept while waiting', 'waitlisted', null, 'accept_offer', NOW, 'bad_transition'],
    ['accept when confirmed', 'confirmed', null, 'accept_offer', NOW, 'bad_transition'],
    ['decline when expired', 'expired', deadline, 'decline_offer', NOW, 'bad_transition'],
  ];
  it.each(cases)('%s', (_name, status, expiresAt, answer, now, expected, frees) => {
    const r = decideOfferAnswer({ status, offerExpiresAt: expiresAt }, answer, now);
    expect(r.ok ? r.value.to : errorKey(r)).toBe(expected);
    if (r.ok) expect(r.value.freesPlace).toBe(frees);
  });

  const expiry: Array<[SignupStatus, number | null, number, boolean]> = [
    ['offered', deadline, deadline, false],
    ['offered', deadline, deadline + 1, true],
    ['offered', null, deadline + DAY, false],
    ['confirmed', deadline, deadline + 1, false],
    ['waitlisted', deadline, deadline + 1, false],
  ];
  it.each(expiry)('offerExpiryDue(%s, %s) at %s → %s', (status, expiresAt, now, due) =>
    expect(offerExpiryDue({ status, offerExpiresAt: expiresAt }, now)).toBe(due));

  it('an offer is either acceptable or due to expire, never both nor neither', () => {
    for (const now of [deadline - 1, deadline, deadline + 1]) {
      const accept = decideOfferAnswer({ status: 'offered', offerExpiresAt: deadline }, 'accept_offer', now).ok;
      expect(accept).toBe(!offerExpiryDue({ status: 'offered', offerExpiresAt: deadline }, now));
    }
  });
});

describe('waitingPosition', () => {
  const cases: Array<[number, number[], number]> = [
    [4, [4], 1],
    [4, [2, 4, 9], 2],
    [9, [2, 4, 9], 3],
    [5, [1, 2, 3], 4],
  ];
  it.each(cases)('queue no %s among %j → position %s', (q, all, pos) => expect(waitingPosition(q, all)).toBe(pos));
});

describe('decideAttendance', () => {
  const started: { status: SlotStatus; startsAt: number; scheduledMinutes: number } = { status: 'open', startsAt: NOW - HOUR, scheduledMinutes: 90 };
  const cases: Array<[string, SignupStatus, Partial<typeof started>, 'attended' | 'no_show', number | undefined, number, string | number]> = [
    ['attended, minutes default to the schedule', 'confirmed', {}, 'attended', undefined, NOW, 90],
    ['attended with actual minutes', 'confirmed', {}, 'attended', 45, NOW, 45],
    ['the longest day is allowed', 'confirmed', {}, 'attended', MAX_SERVICE_MINUTES, NOW, MAX_SERVICE_MINUTES],
    ['one minute over a day → refused', 'confirmed', {}, 'attended', MAX_SERVICE_MINUTES + 1, NOW, 'validation:minutes_invalid'],
    ['one minute is allowed', 'confirmed', {}, 'attended', 1, NOW, 1],
    ['zero minutes → refused', 'confirmed', {}, 'attended', 0, NOW, 'validation:minutes_invalid'],
    ['fractional minutes → refused', 'confirmed', {}, 'attended', 1.5, NOW, 'validation:minutes_invalid'],
    ['no-show credits nothing', 'confirmed', {}, 'no_show', 60, NOW, 0],
    ['on a closed slot (correction) → allowed', 'confirmed', { status: 'closed' }, 'attended', undefined, NOW, 90],
    ['at the start instant → allowed', 'confirmed', {}, 'attended', undefined, started.startsAt, 90],
    ['before the start → refused', 'confirmed', {}, 'attended', undefined, started.startsAt - 1, 'slot.error.not_started'],
    ['a cancelled slot → refused', 'confirmed', { status: 'cancelled' }, 'attended', undefined, NOW, 'signup.error.slot_closed'],
    ['a waiting sign-up → refused', 'waitlisted', {}, 'attended', undefined, NOW, 'attendance.error.not_confirmed'],
    ['an offer → refused', 'offered', {}, 'no_show', undefined, NOW, 'attendance.error.not_confirmed'],
    ['a cancelled sign-up → refused', 'cancelled', {}, 'attended', undefined, NOW, 'attendance.error.not_confirmed'],
  ];
  it.each(cases)('%s', (_name, status, over, outcome, minutes, now, expected) => {
    const r = decideAttendance({ status }, { ...started, ...over }, outcome, minutes, now);
    expect(r.ok ? r.value.serviceMinutes : errorKey(r)).toBe(expected);
    if (r.ok) expect(r.value.attendance).toBe(outcome);
  });
});

describe('no-shows within twelve months', () => {
  // Instants written on the Shanghai wall clock.
  const sh = (y: number, m: number, d: number, h = 10) => Date.UTC(y, m - 1, d, h - 8);
  const windows: Array<[string, number, number]> = [
    ['a plain year', sh(2025, 6, 1), sh(2024, 6, 1)],
    ['across a leap day (366 days)', sh(2024, 3, 1), sh(2023, 3, 1)],
    ['after a leap day (365 days)', sh(2025, 3, 1), sh(2024, 3, 1)],
    ['from 29 February', sh(2024, 2, 29), sh(2023, 2, 28)],
    ['just after Shanghai midnight (still the day before in UTC)', sh(2025, 1, 1, 0.5), sh(2024, 1, 1, 0.5)],
    ['just after Shanghai midnight on 1 March (28 February in UTC)', sh(2025, 3, 1, 0.5), sh(2024, 3, 1, 0.5)],
  ];
  it.each(windows)('twelve months before, %s', (_name, now, expected) => expect(twelveMonthsBefore(now)).toBe(expected));

  const now = sh(2024, 3, 1);
  const counts: Array<[string, number[], number]> = [
    ['exactly twelve months ago counts (across a leap day)', [sh(2023, 3, 1)], 1],
    ['twelve months and one ms ago does not', [sh(2023, 3, 1) - 1], 0],
    ['now counts', [now], 1],
    ['the future does not', [now + 1], 0],
    ['three in the window', [sh(2023, 4, 1), sh(2023, 9, 1), sh(2024, 2, 1)], 3],
    ['two in, one out', [sh(2023, 2, 28), sh(2023, 9, 1), sh(2024, 2, 1)], 2],
  ];
  it.each(counts)('%s', (_name, starts, expected) => expect(noShowsInWindow(starts, now)).toBe(expected));

  it('the third no-show in the window raises a flag, unless one is open', () => {
    const three = [sh(2023, 3, 1), sh(2023, 9, 1), sh(2024, 2, 1)];
    expect(NO_SHOW_FLAG_COUNT).toBe(3);
    expect(noShowFlagDue(three, now, false)).toBe(true);
    expect(noShowFlagDue(three, now, true)).toBe(false);
    expect(noShowFlagDue(three.slice(1), now, false)).toBe(false);
    expect(noShowFlagDue(three, now + 1, false)).toBe(false); // the oldest has just left the window
  });
});

describe('who may sign up (can slot.signup), by role and contact tier', () => {
  const base = { admin: false, staff: null, volunteer: null, orgs: [] };
  const vol = (over: Partial<NonNullable<Actor['volunteer']>>): Actor => ({ ...base, userId: 'v', volunteer: { status: 'approved', caringParent: false, ...over } });
  const actors: Array<[string, Actor | null, boolean, boolean]> = [
    // name, actor, group slot, one-to-one slot
    ['visitor', null, false, false],
    ['approved volunteer', vol({}), true, false],
    ['approved, one-to-one vetted, re-check current', vol({ oneToOne: true, recheckOverdue: false }), true, true],
    ['approved, one-to-one vetted, re-check overdue', vol({ oneToOne: true, recheckOverdue: true }), true, false],
    ['pending volunteer', vol({ status: 'pending' }), false, false],
    ['pending but one-to-one vetted', vol({ status: 'pending', oneToOne: true }), false, false],
    ['suspended volunteer', vol({ status: 'suspended', oneToOne: true }), false, false],
    ['rejected volunteer', vol({ status: 'rejected' }), false, false],
    ['member of an approved organization', { ...base, userId: 'm', orgs: [{ orgId: 'o', role: 'member', orgStatus: 'approved' }] }, true, false],
    ['member of a pending organization', { ...base, userId: 'm', orgs: [{ orgId: 'o', role: 'manager', orgStatus: 'pending' }] }, false, false],
    ['staff (not a helper)', { ...base, userId: 's', staff: { siteId: 'lt', sitePath: '/wz/lt/' } }, false, false],
    ['admin (not a helper)', { ...base, userId: 'a', admin: true }, false, false],
  ];
  it.each(actors)('%s: group %s, one-to-one %s', (_name, actor, group, oneToOne) => {
    expect(can(actor, 'slot.signup', { type: 'slot', sitePath: '/wz/lt/gc/', contactTier: 'group' })).toBe(group);
    expect(can(actor, 'slot.signup', { type: 'slot', sitePath: '/wz/lt/gc/', contactTier: 'one_to_one' })).toBe(oneToOne);
  });
});

describe('the transition table, exactly', () => {
  it('lists each step with its sources and its end', () => {
    expect(SIGNUP_TRANSITIONS).toEqual({
      cancel: { from: ['confirmed', 'waitlisted', 'offered'], to: 'cancelled' },
      accept_offer: { from: ['offered'], to: 'confirmed' },
      decline_offer: { from: ['offered'], to: 'declined' },
      offer: { from: ['waitlisted'], to: 'offered' },
      expire_offer: { from: ['offered'], to: 'expired' },
    });
  });
  it('the no-show window shown is 365 days', () => {
    expect(NO_SHOW_WINDOW_MS).toBe(31_536_000_000);
  });
});

describe('refusals name the step and where it leads', () => {
  const bad = (from: SignupStatus, transition: string, to: SignupStatus) => ({
    ok: false,
    error: { kind: 'bad_transition', from, to, message: { key: 'error.bad_transition', params: { from, transition } } },
  });
  const cases: Array<[string, () => unknown, unknown]> = [
    ['cancelling a cancelled sign-up', () => decideCancel({ status: 'cancelled' }, { startsAt: START, cutoffHours: 24, status: 'open' }, 'helper', NOW), bad('cancelled', 'cancel', 'cancelled')],
    ['accepting a confirmed place', () => decideOfferAnswer({ status: 'confirmed', offerExpiresAt: null }, 'accept_offer', NOW), bad('confirmed', 'accept_offer', 'confirmed')],
    ['declining a waiting place', () => decideOfferAnswer({ status: 'waitlisted', offerExpiresAt: null }, 'decline_offer', NOW), bad('waitlisted', 'decline_offer', 'declined')],
  ];
  it.each(cases)('%s', (_name, run, expected) => expect(run()).toEqual(expected));
  it('an open slot answers exactly ok(true)', () => {
    expect(openForSignup(slot(), NOW)).toEqual({ ok: true, value: true });
    expect(openForSignup(slot(), START - 1)).toEqual({ ok: true, value: true });
  });
});
