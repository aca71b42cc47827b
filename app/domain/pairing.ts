// Caring parents (爱心爸爸/妈妈): a vetted volunteer paired one-to-one with a child, their logged contacts
// and the concerns they raise. proposed → active → ended. Staff of the child's site propose (with the
// signed agreement recorded), the volunteer accepts; either side may ask to end it and staff end it; it
// also ends on its own when the volunteer's yearly re-check lapses and is not renewed within 30 days.
// Who may take each step is can()'s question (PAIRING_STEP_RULES names the action); this module is the
// tables, the clock and the input.

import type { Actor, HelperStatus } from './actor';
import { shanghaiDate } from './calendar';
import { conflict, err, ok, type Result } from './errors';
import type { TransitionTable } from './lifecycle';
import { stepTo } from './lifecycle';
import { can, type Action, type Resource } from './policy';

const DAY_MS = 24 * 60 * 60 * 1000;

// ---------------------------------------------------------------------------------------------------
// The pairing

export type PairingStatus = 'proposed' | 'active' | 'ended';
export const PAIRING_STATUSES: readonly PairingStatus[] = ['proposed', 'active', 'ended'];
/** A child has at most one pairing in these (the database's partial unique index). */
export const PAIRING_LIVE_STATUSES: readonly PairingStatus[] = ['proposed', 'active'];

export type PairingTransition = 'accept' | 'decline' | 'withdraw' | 'end' | 'lapse';

export const PAIRING_TRANSITIONS: TransitionTable<PairingTransition, PairingStatus> = {
  // The volunteer's answer to a proposal.
  accept: { from: ['proposed'], to: 'active' },
  decline: { from: ['proposed'], to: 'ended' },
  // Staff take back a proposal not yet answered.
  withdraw: { from: ['proposed'], to: 'ended' },
  // Staff end an active pairing, with a reason (either side may have asked).
  end: { from: ['active'], to: 'ended' },
  // The system's step: the re-check lapsed and was not renewed in time.
  lapse: { from: ['active'], to: 'ended' },
};

/** The action each step needs; `lapse` has none (only the system takes it). */
export const PAIRING_STEP_RULES: Readonly<Record<PairingTransition, Action | null>> = {
  accept: 'pairing.act_as_volunteer',
  decline: 'pairing.act_as_volunteer',
  withdraw: 'pairing.manage',
  end: 'pairing.manage',
  lapse: null,
};

/** Steps that need a reason (the volunteer and the audit read it). */
const NEEDS_REASON: readonly PairingTransition[] = ['withdraw', 'end'];

/** A volunteer may hold this many active pairings unless configured otherwise (PAIRING_MAX_ACTIVE). */
export const DEFAULT_MAX_ACTIVE_PAIRINGS = 2;
/** A pairing with no confirmed contact for this many days is overdue, unless the site sets its own. */
export const DEFAULT_CONTACT_OVERDUE_DAYS = 30;
/** A lapsed re-check not renewed within this long ends the volunteer's active pairings. */
export const RECHECK_GRACE_MS = 30 * DAY_MS;

export interface PairingFacts {
  status: PairingStatus;
  volunteerUserId: string;
  /** Path of the child's site. */
  sitePath: string;
}

export function pairingResource(p: Pick<PairingFacts, 'sitePath' | 'volunteerUserId'>): Resource {
  return { type: 'pairing', sitePath: p.sitePath, volunteerUserId: p.volunteerUserId };
}

/** The pairing steps this actor may take now: the table and can() together, for the page's buttons. */
export function availablePairingSteps(p: PairingFacts, actor: Actor | null): PairingTransition[] {
  const resource = pairingResource(p);
  return (Object.keys(PAIRING_TRANSITIONS) as PairingTransition[]).filter((step) => {
    const action = PAIRING_STEP_RULES[step];
    return action !== null && PAIRING_TRANSITIONS[step].from.includes(p.status) && can(actor, action, resource);
  });
}

/** What staff need to know of the volunteer to pair them (or what accepting needs to know again). */
export interface VolunteerFacts {
  status: HelperStatus;
  caringParent: boolean;
  /** Vetted for one-to-one contact with a child. */
  oneToOne: boolean;
  recheckDueAt: number | null;
  /** Their pairings now active. */
  activePairings: number;
}

/** The signed volunteer agreement (志愿服务条例 art. 14): the date and who witnessed it. */
export interface Agreement {
  signedOn: string;
  witness: string;
}

/**
 * May this volunteer be paired (or accept) now? Approved, a caring parent vetted for one-to-one contact,
 * re-check not overdue, and below the limit of active pairings.
 */
export function volunteerEligible(v: VolunteerFacts, now: number, maxActive: number): Result<true> {
  if (v.status !== 'approved') return conflict('pairing.error.volunteer_not_approved');
  if (!v.caringParent || !v.oneToOne) return conflict('pairing.error.not_one_to_one');
  if (v.recheckDueAt !== null && v.recheckDueAt < now) return conflict('pairing.error.recheck_overdue');
  if (v.activePairings >= maxActive) {
    return err({ kind: 'capacity', message: { key: 'pairing.error.volunteer_limit', params: { max: maxActive } } });
  }
  return ok(true);
}

/**
 * Staff propose a pairing: the volunteer eligible, the child without a live pairing, the agreement
 * recorded (a date not after today, a witness named). The database's unique index makes the final call
 * on the child under a race.
 */
export function decidePairingProposal(
  v: VolunteerFacts,
  child: { livePairing: boolean },
  agreement: Agreement,
  ctx: { now: number; today: string; maxActive: number },
): Result<{ to: 'proposed' }> {
  const fields: Record<string, string[]> = {};
  if (!/^\d{4}-\d{2}-\d{2}$/.test(agreement.signedOn)) fields.agreementSignedOn = ['date_required'];
  else if (agreement.signedOn > ctx.today) fields.agreementSignedOn = ['date_in_future'];
  if (agreement.witness.trim() === '') fields.agreementWitness = ['required'];
  if (Object.keys(fields).length > 0) return err({ kind: 'validation', fields });
  const eligible = volunteerEligible(v, ctx.now, ctx.maxActive);
  if (!eligible.ok) return eligible;
  if (child.livePairing) return childAlreadyPaired();
  return ok({ to: 'proposed' });
}

/** The refusal when the child already has a live pairing (also what a lost race maps to). */
export function childAlreadyPaired(): Result<never> {
  return conflict('pairing.error.child_paired');
}

/**
 * A step on the pairing. Accepting checks the volunteer again (their vetting may have changed since the
 * proposal); withdrawing and ending need a reason.
 */
export function decidePairingStep(
  from: PairingStatus,
  step: PairingTransition,
  input: { reason?: string; volunteer?: VolunteerFacts; now: number; maxActive: number },
): Result<{ to: PairingStatus; reason: string | null }> {
  const moved = stepTo(PAIRING_TRANSITIONS, from, step);
  if (!moved.ok) return moved;
  const reason = input.reason?.trim() ?? '';
  if (NEEDS_REASON.includes(step) && reason === '') return err({ kind: 'validation', fields: { reason: ['reason_required'] } });
  if (step === 'accept') {
    if (!input.volunteer) throw new Error('accepting needs the volunteer facts');
    const eligible = volunteerEligible(input.volunteer, input.now, input.maxActive);
    if (!eligible.ok) return eligible;
  }
  return ok({ to: moved.value.to, reason: reason === '' ? null : reason });
}

/** Either side asks to end an active pairing; staff decide. The reason is required. */
export function decideEndRequest(p: { status: PairingStatus; endRequestedAt: number | null }, reason: string): Result<{ reason: string }> {
  if (p.status !== 'active') return conflict('pairing.error.not_active');
  if (p.endRequestedAt !== null) return conflict('pairing.error.end_already_requested');
  const text = reason.trim();
  if (text === '') return err({ kind: 'validation', fields: { reason: ['reason_required'] } });
  return ok({ reason: text });
}

/** Does this active pairing end on its own now: the re-check lapsed more than 30 days ago and was not renewed. */
export function lapseDue(p: { status: PairingStatus }, volunteer: { recheckDueAt: number | null }, now: number): boolean {
  return p.status === 'active' && volunteer.recheckDueAt !== null && volunteer.recheckDueAt + RECHECK_GRACE_MS < now;
}

// ---------------------------------------------------------------------------------------------------
// Contact overdue

/**
 * No confirmed contact for `days` days (counted from the start when there is none yet): the pairing is
 * flagged on /staff and the volunteer is mailed once per overdue spell.
 */
export function contactOverdue(
  p: { status: PairingStatus; startedAt: number | null },
  lastConfirmedContactAt: number | null,
  now: number,
  days: number,
): boolean {
  if (p.status !== 'active' || p.startedAt === null) return false;
  const since = Math.max(p.startedAt, lastConfirmedContactAt ?? p.startedAt);
  return now - since > days * DAY_MS;
}

/** When the current overdue spell began (the last contact, or the start), to mail once per spell. */
export function overdueSince(p: { startedAt: number | null }, lastConfirmedContactAt: number | null): number {
  return Math.max(p.startedAt ?? 0, lastConfirmedContactAt ?? 0);
}

/** Mail the volunteer about an overdue pairing unless they were mailed during this spell already. */
export function overdueMailDue(
  p: { status: PairingStatus; startedAt: number | null; overdueMailedAt: number | null },
  lastConfirmedContactAt: number | null,
  now: number,
  days: number,
): boolean {
  if (!contactOverdue(p, lastConfirmedContactAt, now, days)) return false;
  return p.overdueMailedAt === null || p.overdueMailedAt < overdueSince(p, lastConfirmedContactAt);
}

// ---------------------------------------------------------------------------------------------------
// Visit logs

export const VISIT_KINDS = ['home_visit', 'call', 'letter', 'outing', 'institution_visit'] as const;
export type VisitKind = (typeof VISIT_KINDS)[number];

export type VisitStatus = 'logged' | 'confirmed' | 'rejected';
export const VISIT_STATUSES: readonly VisitStatus[] = ['logged', 'confirmed', 'rejected'];

export type VisitTransition = 'confirm_visit' | 'reject_visit';

export const VISIT_TRANSITIONS: TransitionTable<VisitTransition, VisitStatus> = {
  confirm_visit: { from: ['logged'], to: 'confirmed' },
  reject_visit: { from: ['logged'], to: 'rejected' },
};

/** Staff review and correct logs; the volunteer logs them. */
export const VISIT_STEP_ACTION = 'pairing.manage' as const;

/** A contact longer than this is a typing mistake (a whole day with the child is 12 hours at most). */
export const MAX_VISIT_MINUTES = 12 * 60;

export interface VisitInput {
  /** The day it happened, YYYY-MM-DD in Asia/Shanghai. */
  happenedOn: string;
  kind: VisitKind;
  minutes: number;
  staffAccompanied: boolean;
  note: string;
}

/**
 * Logging a contact: the pairing active (or ended, for a contact that happened while it ran), the day
 * not in the future and not before the pairing started, a duration of 1 minute to 12 hours. The note
 * goes through the privacy check in the service (it names the child's private fields).
 */
export function decideVisitLog(
  p: { status: PairingStatus; startedOn: string | null; endedOn: string | null },
  input: VisitInput,
  today: string,
): Result<true> {
  if (p.status === 'proposed' || p.startedOn === null) return conflict('pairing.error.not_active');
  const fields: Record<string, string[]> = {};
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.happenedOn)) fields.happenedOn = ['date_required'];
  else if (input.happenedOn > today) fields.happenedOn = ['date_in_future'];
  else if (input.happenedOn < p.startedOn || (p.endedOn !== null && input.happenedOn > p.endedOn)) fields.happenedOn = ['outside_pairing'];
  if (!Number.isInteger(input.minutes) || input.minutes < 1 || input.minutes > MAX_VISIT_MINUTES) fields.minutes = ['minutes_range'];
  if (Object.keys(fields).length > 0) return err({ kind: 'validation', fields });
  return ok(true);
}

/** Confirm or reject a logged contact; rejecting needs a reason the volunteer reads. */
export function decideVisitReview(from: VisitStatus, step: VisitTransition, reason?: string): Result<{ to: VisitStatus; reason: string | null }> {
  const moved = stepTo(VISIT_TRANSITIONS, from, step);
  if (!moved.ok) return moved;
  const text = reason?.trim() ?? '';
  if (step === 'reject_visit' && text === '') return err({ kind: 'validation', fields: { reason: ['reason_required'] } });
  return ok({ to: moved.value.to, reason: text === '' ? null : text });
}

/** Staff correct a log's facts (any status), with a reason the audit keeps. */
export function decideVisitCorrection(
  p: { startedOn: string | null; endedOn: string | null },
  input: Omit<VisitInput, 'note'>,
  reason: string,
  today: string,
): Result<{ reason: string }> {
  const checked = decideVisitLog({ status: 'active', startedOn: p.startedOn, endedOn: p.endedOn }, { ...input, note: '' }, today);
  if (!checked.ok) return checked;
  const text = reason.trim();
  if (text === '') return err({ kind: 'validation', fields: { reason: ['reason_required'] } });
  return ok({ reason: text });
}

/** A confirmed contact counts as hours; a confirmed home visit also counts as a 走访慰问 visit (人次). */
export function countsAsHours(v: { status: VisitStatus }): boolean {
  return v.status === 'confirmed';
}
export function countsAsHomeVisit(v: { status: VisitStatus; kind: VisitKind }): boolean {
  return v.status === 'confirmed' && v.kind === 'home_visit';
}

/** The volunteer's credited minutes: each confirmed log once, however often it appears in the input. */
export function creditedMinutes(visits: readonly { id: string; status: VisitStatus; minutes: number }[]): number {
  const seen = new Set<string>();
  let total = 0;
  for (const v of visits) {
    if (!countsAsHours(v) || seen.has(v.id)) continue;
    seen.add(v.id);
    total += v.minutes;
  }
  return total;
}

/** A pairing's own record as both its pages show it (the volunteer's and the staff's): lifecycle, agreement date, request to end. */
export function pairingShown<P extends ShownPairing>(p: P): Pick<P, keyof ShownPairing> {
  const { id, status, proposedAt, startedAt, endedAt, endReason, agreementSignedOn, endRequestedAt, endRequestReason } = p;
  return { id, status, proposedAt, startedAt, endedAt, endReason, agreementSignedOn, endRequestedAt, endRequestReason };
}

interface ShownPairing {
  id: string;
  status: PairingStatus;
  proposedAt: number;
  startedAt: number | null;
  endedAt: number | null;
  endReason: string | null;
  agreementSignedOn: string;
  endRequestedAt: number | null;
  endRequestReason: string | null;
}

/** A contact log as both pairing pages show it: its facts, the day it happened (Shanghai), its status and any reason it was rejected. */
export function visitShown<V extends ShownVisit>(v: V): Pick<V, Exclude<keyof ShownVisit, 'happenedAt'>> & { happenedOn: string } {
  const { id, kind, minutes, staffAccompanied, note, status, rejectReason } = v;
  return { id, kind, happenedOn: shanghaiDate(v.happenedAt), minutes, staffAccompanied, note, status, rejectReason };
}

interface ShownVisit {
  id: string;
  kind: VisitKind;
  happenedAt: number;
  minutes: number;
  staffAccompanied: boolean;
  note: string | null;
  status: VisitStatus;
  rejectReason: string | null;
}

// ---------------------------------------------------------------------------------------------------
// Concerns (未成年人保护法 art. 11)

export const CONCERN_KINDS = ['abuse', 'neglect', 'danger', 'illness', 'other'] as const;
export type ConcernKind = (typeof CONCERN_KINDS)[number];

export type ConcernStatus = 'open' | 'acknowledged' | 'closed';
export const CONCERN_STATUSES: readonly ConcernStatus[] = ['open', 'acknowledged', 'closed'];

export type ConcernTransition = 'acknowledge' | 'close_concern';

export const CONCERN_TRANSITIONS: TransitionTable<ConcernTransition, ConcernStatus> = {
  acknowledge: { from: ['open'], to: 'acknowledged' },
  // Closing records what staff did; an open concern is acknowledged on the way.
  close_concern: { from: ['open', 'acknowledged'], to: 'closed' },
};

export const MAX_CONCERN_TEXT = 2000;

/**
 * Raising a concern: at any time, from any pairing the volunteer holds or held (a child's safety does
 * not wait for a status). The text is required. It is not privacy-checked: it goes only to staff.
 */
export function decideConcern(input: { kind: string; text: string }): Result<{ kind: ConcernKind; text: string }> {
  const fields: Record<string, string[]> = {};
  if (!(CONCERN_KINDS as readonly string[]).includes(input.kind)) fields.kind = ['required'];
  const text = input.text.trim();
  if (text === '') fields.text = ['required'];
  else if (text.length > MAX_CONCERN_TEXT) fields.text = ['too_long'];
  if (Object.keys(fields).length > 0) return err({ kind: 'validation', fields });
  return ok({ kind: input.kind as ConcernKind, text });
}

/** Acknowledge, or close with what staff did (required when closing). */
export function decideConcernStep(from: ConcernStatus, step: ConcernTransition, actionTaken?: string): Result<{ to: ConcernStatus; actionTaken: string | null }> {
  const moved = stepTo(CONCERN_TRANSITIONS, from, step);
  if (!moved.ok) return moved;
  const text = actionTaken?.trim() ?? '';
  if (step === 'close_concern' && text === '') return err({ kind: 'validation', fields: { actionTaken: ['required'] } });
  return ok({ to: moved.value.to, actionTaken: text === '' ? null : text });
}

