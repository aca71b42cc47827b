import { describe, it, expect } from 'vitest';
import type { Actor } from '../../app/domain/actor';
import {
  CONCERN_TRANSITIONS,
  DEFAULT_MAX_ACTIVE_PAIRINGS,
  MAX_VISIT_MINUTES,
  PAIRING_STATUSES,
  PAIRING_TRANSITIONS,
  RECHECK_GRACE_MS,
  VISIT_STATUSES,
  VISIT_TRANSITIONS,
  availablePairingSteps,
  contactOverdue,
  countsAsHomeVisit,
  countsAsHours,
  creditedMinutes,
  decideConcern,
  decideConcernStep,
  decideEndRequest,
  decidePairingProposal,
  decidePairingStep,
  decideVisitCorrection,
  decideVisitLog,
  decideVisitReview,
  lapseDue,
  pairingShown,
  visitShown,
  overdueMailDue,
  volunteerEligible,
  type PairingStatus,
  type PairingTransition,
  type VisitInput,
  type VisitStatus,
  type VolunteerFacts,
} from '../../app/domain/pairing';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.UTC(2025, 5, 1, 2, 0); // 2025-06-01 10:00 in Shanghai
const TODAY = '2025-06-01';
const MAX = DEFAULT_MAX_ACTIVE_PAIRINGS;

const volunteer = (over: Partial<VolunteerFacts> = {}): VolunteerFacts => ({
  status: 'approved',
  caringParent: true,
  oneToOne: true,
  recheckDueAt: NOW + 100 * DAY,
  activePairings: 0,
  ...over,
});
const agreement = { signedOn: '2025-05-20', witness: '马老师' };
const ctx = { now: NOW, today: TODAY, maxActive: MAX };

const refusal = (r: { ok: boolean; error?: unknown }) => (r.ok ? null : (r as { error: { kind: string; message?: { key: string }; fields?: Record<string, string[]> } }).error);

describe('who may be paired: vetting, the yearly re-check, the limit', () => {
  it.each([
    ['approved caring parent, re-check current', {}, null],
    ['pending', { status: 'pending' as const }, 'pairing.error.volunteer_not_approved'],
    ['suspended', { status: 'suspended' as const }, 'pairing.error.volunteer_not_approved'],
    ['rejected', { status: 'rejected' as const }, 'pairing.error.volunteer_not_approved'],
    ['not a caring parent', { caringParent: false }, 'pairing.error.not_one_to_one'],
    ['not vetted for one-to-one', { oneToOne: false }, 'pairing.error.not_one_to_one'],
    ['re-check one minute overdue', { recheckDueAt: NOW - 60_000 }, 'pairing.error.recheck_overdue'],
    ['re-check due this very moment', { recheckDueAt: NOW }, null],
    ['no re-check date yet', { recheckDueAt: null }, null],
    ['one active pairing', { activePairings: 1 }, null],
    ['two active pairings (the limit)', { activePairings: 2 }, 'pairing.error.volunteer_limit'],
  ])('%s', (_name, over, key) => {
    const r = volunteerEligible(volunteer(over), NOW, MAX);
    expect(refusal(r)?.message?.key ?? null).toBe(key);
  });

  it('the limit is a parameter (configurable), and its refusal says it', () => {
    expect(volunteerEligible(volunteer({ activePairings: 2 }), NOW, 3).ok).toBe(true);
    const r = volunteerEligible(volunteer({ activePairings: 3 }), NOW, 3);
    expect(refusal(r)).toMatchObject({ kind: 'capacity', message: { key: 'pairing.error.volunteer_limit', params: { max: 3 } } });
  });
});

describe('proposing a pairing', () => {
  it('is proposed when the volunteer is eligible, the child free and the agreement recorded', () => {
    expect(decidePairingProposal(volunteer(), { livePairing: false }, agreement, ctx)).toEqual({ ok: true, value: { to: 'proposed' } });
  });
  it('refuses a child who already has a live pairing', () => {
    expect(refusal(decidePairingProposal(volunteer(), { livePairing: true }, agreement, ctx))?.message?.key).toBe('pairing.error.child_paired');
  });
  it.each([
    ['no date', { signedOn: '', witness: '马老师' }, { agreementSignedOn: ['date_required'] }],
    ['a date after today', { signedOn: '2025-06-02', witness: '马老师' }, { agreementSignedOn: ['date_in_future'] }],
    ['no witness', { signedOn: '2025-05-01', witness: '   ' }, { agreementWitness: ['required'] }],
  ])('refuses an agreement with %s', (_n, a, fields) => {
    expect(refusal(decidePairingProposal(volunteer(), { livePairing: false }, a, ctx))).toEqual({ kind: 'validation', fields });
  });
  it('an agreement signed today is fine', () => {
    expect(decidePairingProposal(volunteer(), { livePairing: false }, { signedOn: TODAY, witness: 'x' }, ctx).ok).toBe(true);
  });
  it('checks the volunteer before the child (the staff fix the volunteer first)', () => {
    const r = decidePairingProposal(volunteer({ recheckDueAt: NOW - DAY }), { livePairing: true }, agreement, ctx);
    expect(refusal(r)?.message?.key).toBe('pairing.error.recheck_overdue');
  });
});

describe('the pairing lifecycle table', () => {
  const expected: Record<PairingTransition, Partial<Record<PairingStatus, PairingStatus>>> = {
    accept: { proposed: 'active' },
    decline: { proposed: 'ended' },
    withdraw: { proposed: 'ended' },
    end: { active: 'ended' },
    lapse: { active: 'ended' },
  };
  const cases = (Object.keys(PAIRING_TRANSITIONS) as PairingTransition[]).flatMap((step) =>
    PAIRING_STATUSES.map((from) => ({ step, from, to: expected[step][from] ?? null })),
  );
  it.each(cases)('$step from $from → $to', ({ step, from, to }) => {
    const r = decidePairingStep(from, step, { reason: 'a reason', volunteer: volunteer(), now: NOW, maxActive: MAX });
    if (to === null) expect(refusal(r)).toMatchObject({ kind: 'bad_transition', from });
    else expect(r).toEqual({ ok: true, value: { to, reason: 'a reason' } });
  });

  it('ending and withdrawing need a reason; accepting and declining do not', () => {
    expect(refusal(decidePairingStep('active', 'end', { reason: ' ', now: NOW, maxActive: MAX }))).toEqual({ kind: 'validation', fields: { reason: ['reason_required'] } });
    expect(refusal(decidePairingStep('proposed', 'withdraw', { now: NOW, maxActive: MAX }))?.kind).toBe('validation');
    expect(decidePairingStep('proposed', 'decline', { now: NOW, maxActive: MAX })).toEqual({ ok: true, value: { to: 'ended', reason: null } });
  });

  it('accepting checks the volunteer again: a re-check lapsed since the proposal, or the limit reached, refuses', () => {
    const lapsed = decidePairingStep('proposed', 'accept', { volunteer: volunteer({ recheckDueAt: NOW - 1 }), now: NOW, maxActive: MAX });
    expect(refusal(lapsed)?.message?.key).toBe('pairing.error.recheck_overdue');
    const full = decidePairingStep('proposed', 'accept', { volunteer: volunteer({ activePairings: 2 }), now: NOW, maxActive: MAX });
    expect(refusal(full)?.message?.key).toBe('pairing.error.volunteer_limit');
    expect(decidePairingStep('proposed', 'accept', { volunteer: volunteer({ activePairings: 1 }), now: NOW, maxActive: MAX }).ok).toBe(true);
  });
});

describe('the pairing steps by role (the table and can() together)', () => {
  const base = { admin: false, staff: null, volunteer: null, orgs: [] };
  const actors: Record<string, Actor | null> = {
    'the paired volunteer': { ...base, userId: 'vol', volunteer: { status: 'approved', caringParent: true, oneToOne: true } },
    'another volunteer': { ...base, userId: 'vol2', volunteer: { status: 'approved', caringParent: true, oneToOne: true } },
    'staff of the site': { ...base, userId: 'staff', staff: { siteId: 'lt', sitePath: '/wz/lt/' } },
    'staff of another county': { ...base, userId: 'staff-yc', staff: { siteId: 'yc', sitePath: '/wz/yc/' } },
    admin: { ...base, userId: 'admin', admin: true },
    visitor: null,
  };
  const expected: Record<string, Record<PairingStatus, PairingTransition[]>> = {
    'the paired volunteer': { proposed: ['accept', 'decline'], active: [], ended: [] },
    'another volunteer': { proposed: [], active: [], ended: [] },
    'staff of the site': { proposed: ['withdraw'], active: ['end'], ended: [] },
    'staff of another county': { proposed: [], active: [], ended: [] },
    admin: { proposed: ['withdraw'], active: ['end'], ended: [] },
    visitor: { proposed: [], active: [], ended: [] },
  };
  const cases = Object.keys(actors).flatMap((who) => PAIRING_STATUSES.map((status) => ({ who, status })));
  it.each(cases)('$who on a $status pairing', ({ who, status }) => {
    expect(availablePairingSteps({ status, volunteerUserId: 'vol', sitePath: '/wz/lt/gc/' }, actors[who]!)).toEqual(expected[who]![status]);
  });
  it('no staff member manages a pairing of their own', () => {
    const staffVolunteer: Actor = { ...base, userId: 'sv', staff: { siteId: 'lt', sitePath: '/wz/lt/' } };
    expect(availablePairingSteps({ status: 'active', volunteerUserId: 'sv', sitePath: '/wz/lt/gc/' }, staffVolunteer)).toEqual([]);
  });
});

describe('asking to end', () => {
  it('is for an active pairing, once, with a reason', () => {
    expect(decideEndRequest({ status: 'active', endRequestedAt: null }, ' 搬家了 ')).toEqual({ ok: true, value: { reason: '搬家了' } });
    expect(refusal(decideEndRequest({ status: 'proposed', endRequestedAt: null }, 'x'))?.message?.key).toBe('pairing.error.not_active');
    expect(refusal(decideEndRequest({ status: 'active', endRequestedAt: NOW }, 'x'))?.message?.key).toBe('pairing.error.end_already_requested');
    expect(refusal(decideEndRequest({ status: 'active', endRequestedAt: null }, ''))?.kind).toBe('validation');
  });
});

describe('the re-check lapse ends a pairing 30 days after the due date', () => {
  it.each([
    ['active, due date 30 days ago exactly', 'active', NOW - RECHECK_GRACE_MS, false],
    ['active, due date 30 days and a minute ago', 'active', NOW - RECHECK_GRACE_MS - 60_000, true],
    ['active, re-check current', 'active', NOW + DAY, false],
    ['active, no re-check date', 'active', null, false],
    ['proposed, long lapsed', 'proposed', NOW - 100 * DAY, false],
    ['ended, long lapsed', 'ended', NOW - 100 * DAY, false],
  ] as const)('%s', (_n, status, due, expected) => {
    expect(lapseDue({ status }, { recheckDueAt: due }, NOW)).toBe(expected);
  });
});

describe('overdue contact', () => {
  const started = NOW - 90 * DAY;
  it('counts from the last confirmed contact, or the start when there is none', () => {
    expect(contactOverdue({ status: 'active', startedAt: started }, NOW - 30 * DAY, NOW, 30)).toBe(false);
    expect(contactOverdue({ status: 'active', startedAt: started }, NOW - 30 * DAY - 1, NOW, 30)).toBe(true);
    expect(contactOverdue({ status: 'active', startedAt: NOW - 10 * DAY }, null, NOW, 30)).toBe(false);
    expect(contactOverdue({ status: 'active', startedAt: NOW - 31 * DAY }, null, NOW, 30)).toBe(true);
  });
  it('uses the site’s own number of days', () => {
    expect(contactOverdue({ status: 'active', startedAt: started }, NOW - 20 * DAY, NOW, 14)).toBe(true);
    expect(contactOverdue({ status: 'active', startedAt: started }, NOW - 20 * DAY, NOW, 30)).toBe(false);
  });
  it('never flags a pairing that is not active', () => {
    expect(contactOverdue({ status: 'proposed', startedAt: null }, null, NOW, 30)).toBe(false);
    expect(contactOverdue({ status: 'ended', startedAt: started }, null, NOW, 30)).toBe(false);
  });
  it('mails once per overdue spell: not again until a new contact starts a new spell', () => {
    const p = { status: 'active' as const, startedAt: started, overdueMailedAt: null };
    const last = NOW - 40 * DAY;
    expect(overdueMailDue(p, last, NOW, 30)).toBe(true);
    expect(overdueMailDue({ ...p, overdueMailedAt: NOW - DAY }, last, NOW, 30)).toBe(false);
    // A contact after the mail, then silence again: a new spell, a new mail.
    expect(overdueMailDue({ ...p, overdueMailedAt: NOW - 50 * DAY }, last, NOW, 30)).toBe(true);
    expect(overdueMailDue({ ...p, overdueMailedAt: null }, NOW - DAY, NOW, 30)).toBe(false);
  });
});

describe('logging a contact', () => {
  const active = { status: 'active' as PairingStatus, startedOn: '2025-03-01', endedOn: null };
  const input = (over: Partial<VisitInput> = {}): VisitInput => ({ happenedOn: '2025-05-30', kind: 'home_visit', minutes: 90, staffAccompanied: false, note: '', ...over });
  it('accepts a contact of an active pairing, today or earlier, from its start', () => {
    expect(decideVisitLog(active, input(), TODAY).ok).toBe(true);
    expect(decideVisitLog(active, input({ happenedOn: TODAY }), TODAY).ok).toBe(true);
    expect(decideVisitLog(active, input({ happenedOn: '2025-03-01' }), TODAY).ok).toBe(true);
  });
  it.each([
    ['a day in the future', { happenedOn: '2025-06-02' }, { happenedOn: ['date_in_future'] }],
    ['a day before the pairing started', { happenedOn: '2025-02-28' }, { happenedOn: ['outside_pairing'] }],
    ['no day', { happenedOn: '' }, { happenedOn: ['date_required'] }],
    ['no minutes', { minutes: 0 }, { minutes: ['minutes_range'] }],
    ['more than 12 hours', { minutes: MAX_VISIT_MINUTES + 1 }, { minutes: ['minutes_range'] }],
    ['a fraction of a minute', { minutes: 1.5 }, { minutes: ['minutes_range'] }],
  ])('refuses %s', (_n, over, fields) => {
    expect(refusal(decideVisitLog(active, input(over), TODAY))).toEqual({ kind: 'validation', fields });
  });
  it('refuses on a proposed pairing, and after an ended pairing’s last day', () => {
    expect(refusal(decideVisitLog({ status: 'proposed', startedOn: null, endedOn: null }, input(), TODAY))?.message?.key).toBe('pairing.error.not_active');
    const ended = { status: 'ended' as PairingStatus, startedOn: '2025-03-01', endedOn: '2025-05-15' };
    expect(decideVisitLog(ended, input({ happenedOn: '2025-05-10' }), TODAY).ok).toBe(true);
    expect(refusal(decideVisitLog(ended, input({ happenedOn: '2025-05-20' }), TODAY))).toEqual({ kind: 'validation', fields: { happenedOn: ['outside_pairing'] } });
  });
});

describe('confirming, rejecting and correcting a log', () => {
  const expected: Record<string, Partial<Record<VisitStatus, VisitStatus>>> = {
    confirm_visit: { logged: 'confirmed' },
    reject_visit: { logged: 'rejected' },
  };
  const cases = (Object.keys(VISIT_TRANSITIONS) as (keyof typeof VISIT_TRANSITIONS)[]).flatMap((step) =>
    VISIT_STATUSES.map((from) => ({ step, from, to: expected[step]![from] ?? null })),
  );
  it.each(cases)('$step from $from → $to', ({ step, from, to }) => {
    const r = decideVisitReview(from, step, 'why');
    if (to === null) expect(refusal(r)?.kind).toBe('bad_transition');
    else expect(r.ok && r.value.to).toBe(to);
  });
  it('rejecting needs a reason', () => {
    expect(refusal(decideVisitReview('logged', 'reject_visit', ''))).toEqual({ kind: 'validation', fields: { reason: ['reason_required'] } });
    expect(decideVisitReview('logged', 'confirm_visit')).toEqual({ ok: true, value: { to: 'confirmed', reason: null } });
  });
  it('a correction checks the corrected facts and needs a reason', () => {
    const p = { startedOn: '2025-03-01', endedOn: null };
    const facts = { happenedOn: '2025-05-01', kind: 'call' as const, minutes: 30, staffAccompanied: false };
    expect(decideVisitCorrection(p, facts, '时长登记错了', TODAY)).toEqual({ ok: true, value: { reason: '时长登记错了' } });
    expect(refusal(decideVisitCorrection(p, facts, ' ', TODAY))?.kind).toBe('validation');
    expect(refusal(decideVisitCorrection(p, { ...facts, minutes: 0 }, 'x', TODAY))).toEqual({ kind: 'validation', fields: { minutes: ['minutes_range'] } });
  });
});

describe('what a log counts for', () => {
  it('only a confirmed log counts as hours, and only a confirmed home visit as a home visit (人次)', () => {
    for (const status of VISIT_STATUSES) {
      expect(countsAsHours({ status })).toBe(status === 'confirmed');
      expect(countsAsHomeVisit({ status, kind: 'home_visit' })).toBe(status === 'confirmed');
      expect(countsAsHomeVisit({ status, kind: 'call' })).toBe(false);
      expect(countsAsHomeVisit({ status, kind: 'institution_visit' })).toBe(false);
    }
  });
  it('credits each confirmed log once, however often it is listed; logged and rejected ones never', () => {
    const a = { id: 'a', status: 'confirmed' as const, minutes: 90 };
    const b = { id: 'b', status: 'confirmed' as const, minutes: 30 };
    expect(creditedMinutes([a, b, a, a, { id: 'c', status: 'rejected', minutes: 600 }, { id: 'd', status: 'logged', minutes: 60 }])).toBe(120);
    expect(creditedMinutes([])).toBe(0);
  });
});

describe('concerns', () => {
  it('raising one needs a kind of the list and a text', () => {
    expect(decideConcern({ kind: 'neglect', text: ' 一个人在家 ' })).toEqual({ ok: true, value: { kind: 'neglect', text: '一个人在家' } });
    expect(refusal(decideConcern({ kind: 'gossip', text: 'x' }))).toEqual({ kind: 'validation', fields: { kind: ['required'] } });
    expect(refusal(decideConcern({ kind: 'abuse', text: '  ' }))).toEqual({ kind: 'validation', fields: { text: ['required'] } });
    expect(refusal(decideConcern({ kind: 'abuse', text: 'x'.repeat(2001) }))).toEqual({ kind: 'validation', fields: { text: ['too_long'] } });
  });
  it('staff acknowledge, then close with what they did (an open one may be closed at once)', () => {
    expect(Object.keys(CONCERN_TRANSITIONS).sort()).toEqual(['acknowledge', 'close_concern']);
    expect(decideConcernStep('open', 'acknowledge')).toEqual({ ok: true, value: { to: 'acknowledged', actionTaken: null } });
    expect(refusal(decideConcernStep('acknowledged', 'acknowledge'))?.kind).toBe('bad_transition');
    expect(refusal(decideConcernStep('acknowledged', 'close_concern', ''))).toEqual({ kind: 'validation', fields: { actionTaken: ['required'] } });
    expect(decideConcernStep('acknowledged', 'close_concern', '已联系村委会和奶奶的亲属')).toEqual({ ok: true, value: { to: 'closed', actionTaken: '已联系村委会和奶奶的亲属' } });
    expect(decideConcernStep('open', 'close_concern', '已处理').ok).toBe(true);
    expect(refusal(decideConcernStep('closed', 'close_concern', 'x'))?.kind).toBe('bad_transition');
  });
});

describe('what both pairing pages show', () => {
  it('of a pairing, its own record only: what else the row holds (the child, the site, the witness) stays out', () => {
    const row = {
      id: 'p1', status: 'active' as const, proposedAt: 1, startedAt: 2, endedAt: null, endReason: null, agreementSignedOn: '2025-01-10',
      endRequestedAt: null, endRequestReason: null, childBirthDate: '2015-03-04', agreementWitness: '马老师', sitePath: '/a/',
    };
    expect(pairingShown(row)).toEqual({ id: 'p1', status: 'active', proposedAt: 1, startedAt: 2, endedAt: null, endReason: null, agreementSignedOn: '2025-01-10', endRequestedAt: null, endRequestReason: null });
  });

  it('of a contact log, the day it happened in Shanghai and its facts; who confirmed it stays out', () => {
    const log = { id: 'v1', kind: 'call' as const, happenedAt: Date.parse('2025-06-01T17:30:00Z'), minutes: 30, staffAccompanied: false, note: null, status: 'rejected' as const, rejectReason: '重复', confirmedBy: 'u9' };
    expect(visitShown(log)).toEqual({ id: 'v1', kind: 'call', happenedOn: '2025-06-02', minutes: 30, staffAccompanied: false, note: null, status: 'rejected', rejectReason: '重复' });
  });
});
