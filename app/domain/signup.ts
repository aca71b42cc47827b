// A helper's place in a slot. confirmed while places remain, otherwise waitlisted in queue order.
// When a place frees, the first person waiting is *offered* it (held until a deadline); they accept or
// decline, and an offer not answered in time expires and moves down the list. No silent promotion: a
// welfare home needs a headcount it can trust. Attendance is kept apart from the status.
// Who may sign up (approved helpers; one-to-one slots only for helpers vetted for it whose re-check is
// current) is can()'s question: `slot.signup`. This module is the table, the clock and the input.

import type { SlotStatus } from './activity';
import type { ActivityStatus } from './activity';
import { conflict, err, ok, type DomainError, type Result } from './errors';

export type SignupStatus = 'confirmed' | 'waitlisted' | 'offered' | 'cancelled' | 'declined' | 'expired';

export const SIGNUP_STATUSES: readonly SignupStatus[] = ['confirmed', 'waitlisted', 'offered', 'cancelled', 'declined', 'expired'];

/** A sign-up in one of these is live: the person holds or waits for a place (one per person and slot). */
export const SIGNUP_LIVE_STATUSES: readonly SignupStatus[] = ['confirmed', 'waitlisted', 'offered'];

/** These hold a place, counted in the slot's `taken`. */
export const SIGNUP_HOLDING_STATUSES: readonly SignupStatus[] = ['confirmed', 'offered'];

export type SignupTransition = 'cancel' | 'accept_offer' | 'decline_offer' | 'offer' | 'expire_offer';

export const SIGNUP_TRANSITIONS: Readonly<Record<SignupTransition, { readonly from: readonly SignupStatus[]; readonly to: SignupStatus }>> = {
  cancel: { from: ['confirmed', 'waitlisted', 'offered'], to: 'cancelled' },
  accept_offer: { from: ['offered'], to: 'confirmed' },
  decline_offer: { from: ['offered'], to: 'declined' },
  // The system's steps: a freed place offered to the first person waiting, and an unanswered offer lapsing.
  offer: { from: ['waitlisted'], to: 'offered' },
  expire_offer: { from: ['offered'], to: 'expired' },
};

/** The mail each outcome sends to the helper (templates in app/mail/templates). */
export type SignupMail =
  | 'signup.confirmed'
  | 'signup.waitlisted'
  | 'signup.offered'
  | 'signup.offer_expired'
  | 'signup.cancelled_by_staff';

const MINUTE_MS = 60 * 1000;
const HOUR_MS = 60 * MINUTE_MS;

/** Default cut-off for a helper cancelling themselves, in hours before the start (set per activity). */
export const DEFAULT_CANCEL_CUTOFF_HOURS = 24;
/** How long a freed place is held for the person offered it... */
export const OFFER_HOLD_MS = 24 * HOUR_MS;
/** ...but never later than this long before the start. */
export const OFFER_LAST_MS_BEFORE_START = 2 * HOUR_MS;

export interface SlotFacts {
  status: SlotStatus;
  activityStatus: ActivityStatus;
  startsAt: number;
  capacity: number;
  /** Places held (confirmed + offered). */
  taken: number;
  /** People waiting (waitlisted, not yet offered). */
  waiting: number;
}

/**
 * Signing up: the activity must be approved, the slot open and not started, and the person not already
 * on it. Confirmed while a place is free and nobody waits ahead; otherwise waitlisted at the end of the
 * queue. The database makes the final call on the place (a conditional update of `taken`), so under a
 * race the service may still turn a `confirmed` decision into `waitlisted` with `placeLost()`.
 */
export function decideSignup(
  slot: SlotFacts,
  existing: { status: SignupStatus } | null,
  now: number,
): Result<{ to: 'confirmed' | 'waitlisted'; mail: SignupMail }> {
  const open = openForSignup(slot, now);
  if (!open.ok) return open;
  if (existing !== null && SIGNUP_LIVE_STATUSES.includes(existing.status)) return conflict('signup.error.already_signed_up');
  // A free place with people waiting exists only when it freed too late to be offered (decideFreedPlace):
  // that place is simply free, so it goes to whoever signs up rather than staying empty behind the queue.
  const placeFree = slot.taken < slot.capacity && (slot.waiting === 0 || offerDeadline(now, slot.startsAt) <= now);
  if (placeFree) return ok({ to: 'confirmed', mail: 'signup.confirmed' });
  return ok({ to: 'waitlisted', mail: 'signup.waitlisted' });
}

/** The decision when the conditional update found no free place after all. */
export function placeLost(): { to: 'waitlisted'; mail: SignupMail } {
  return { to: 'waitlisted', mail: 'signup.waitlisted' };
}

/** Why nobody can sign up for this slot now, if so. */
export function openForSignup(slot: Pick<SlotFacts, 'status' | 'activityStatus' | 'startsAt'>, now: number): Result<true> {
  if (slot.activityStatus !== 'approved') return conflict('signup.error.activity_not_open');
  if (slot.status !== 'open') return conflict('signup.error.slot_closed');
  if (now >= slot.startsAt) return conflict('signup.error.started');
  return ok(true);
}

/** The instant a helper's own cancellation is no longer allowed. */
export function cancelCutoff(startsAt: number, cutoffHours: number): number {
  return startsAt - cutoffHours * HOUR_MS;
}

/**
 * Cancelling. A helper cancels themselves up to the cut-off (a waiting-list place at any time before
 * the start); after it they ask staff. Staff cancel anyone at any time, with a reason. A cancelled place
 * that was held (confirmed or offered) frees, which starts the offer flow.
 */
export function decideCancel(
  signup: { status: SignupStatus },
  slot: { startsAt: number; cutoffHours: number; status: SlotStatus },
  by: 'helper' | 'staff',
  now: number,
  reason?: string,
): Result<{ to: SignupStatus; freesPlace: boolean; mail: SignupMail | null }> {
  if (!SIGNUP_TRANSITIONS.cancel.from.includes(signup.status)) return err(badTransition(signup.status, 'cancel'));
  if (slot.status !== 'open') return conflict('signup.error.slot_closed');
  if (by === 'staff') {
    if (reason === undefined || reason.trim() === '') return err({ kind: 'validation', fields: { reason: ['reason_required'] } });
  } else if (signup.status === 'waitlisted') {
    if (now >= slot.startsAt) return conflict('signup.error.started');
  } else if (now > cancelCutoff(slot.startsAt, slot.cutoffHours)) {
    return conflict('signup.error.past_cutoff');
  }
  return ok({
    to: 'cancelled',
    freesPlace: SIGNUP_HOLDING_STATUSES.includes(signup.status),
    mail: by === 'staff' ? 'signup.cancelled_by_staff' : null,
  });
}

/** Until when a place freed now is held for the person offered it: 24 h, or 2 h before the start if sooner. */
export function offerDeadline(now: number, startsAt: number): number {
  return Math.min(now + OFFER_HOLD_MS, startsAt - OFFER_LAST_MS_BEFORE_START);
}

/**
 * A place has freed (a cancellation, a declined or expired offer): who is offered it. The first person
 * waiting, in queue order, while there is still time to answer; nobody when nobody waits or when it is
 * too close to the start (then the place is simply free).
 */
export function decideFreedPlace(
  waiting: readonly { id: string; queueNo: number }[],
  slot: { status: SlotStatus; startsAt: number },
  now: number,
): { offerTo: string; expiresAt: number; mail: SignupMail } | null {
  if (slot.status !== 'open' || waiting.length === 0) return null;
  const expiresAt = offerDeadline(now, slot.startsAt);
  if (expiresAt <= now) return null;
  const first = [...waiting].sort((a, b) => a.queueNo - b.queueNo || (a.id < b.id ? -1 : 1))[0];
  return { offerTo: first.id, expiresAt, mail: 'signup.offered' };
}

/** Answering an offer: accepting confirms the place if the offer has not lapsed; declining frees it. */
export function decideOfferAnswer(
  signup: { status: SignupStatus; offerExpiresAt: number | null },
  answer: 'accept_offer' | 'decline_offer',
  now: number,
): Result<{ to: SignupStatus; freesPlace: boolean }> {
  if (!SIGNUP_TRANSITIONS[answer].from.includes(signup.status)) return err(badTransition(signup.status, answer));
  if (answer === 'accept_offer') {
    if (signup.offerExpiresAt === null || now > signup.offerExpiresAt) return conflict('signup.error.offer_expired');
    return ok({ to: 'confirmed', freesPlace: false });
  }
  return ok({ to: 'declined', freesPlace: true });
}

/** Has this offer lapsed (the system expires it and offers the place to the next person)? */
export function offerExpiryDue(signup: { status: SignupStatus; offerExpiresAt: number | null }, now: number): boolean {
  return signup.status === 'offered' && signup.offerExpiresAt !== null && now > signup.offerExpiresAt;
}

/** A person's position on the waiting list (1 = next), from the queue numbers of everyone waiting. */
export function waitingPosition(queueNo: number, waitingQueueNos: readonly number[]): number {
  return waitingQueueNos.filter((n) => n < queueNo).length + 1;
}

// ---------------------------------------------------------------------------------------------------
// Attendance and hours

export type Attendance = 'attended' | 'no_show';

/** The longest service one attendance record can credit (a whole day). */
export const MAX_SERVICE_MINUTES = 24 * 60;

/**
 * Marking attendance after a slot has started. Only a confirmed sign-up is marked. Attended credits the
 * actual minutes (default: the slot's scheduled minutes); a no-show credits none. Saving again replaces
 * the record, so hours are credited once however often it is saved.
 */
export function decideAttendance(
  signup: { status: SignupStatus },
  slot: { status: SlotStatus; startsAt: number; scheduledMinutes: number },
  outcome: Attendance,
  minutes: number | undefined,
  now: number,
): Result<{ attendance: Attendance; serviceMinutes: number }> {
  if (signup.status !== 'confirmed') return conflict('attendance.error.not_confirmed');
  if (slot.status === 'cancelled') return conflict('signup.error.slot_closed');
  if (now < slot.startsAt) return conflict('slot.error.not_started');
  if (outcome === 'no_show') return ok({ attendance: 'no_show', serviceMinutes: 0 });
  const credited = minutes ?? slot.scheduledMinutes;
  if (!Number.isSafeInteger(credited) || credited < 1 || credited > MAX_SERVICE_MINUTES) {
    return err({ kind: 'validation', fields: { minutes: ['minutes_invalid'] } });
  }
  return ok({ attendance: 'attended', serviceMinutes: credited });
}

/** Three no-shows within twelve months flag the helper for staff review. */
export const NO_SHOW_FLAG_COUNT = 3;
/** A rough length of the window (a year of 365 days), for display; the count uses calendar months. */
export const NO_SHOW_WINDOW_MS = 365 * 24 * HOUR_MS;

const SHANGHAI_OFFSET_MS = 8 * HOUR_MS;

/**
 * The instant twelve calendar months before `now`, on the Shanghai wall clock (UTC+8, no daylight saving):
 * 2025-03-01 10:00 → 2024-03-01 10:00, whether or not a 29 February lies between (a fixed 365 days would
 * drop a no-show of exactly twelve months ago across a leap day). 29 February goes back to 28 February.
 */
export function twelveMonthsBefore(now: number): number {
  const wall = new Date(now + SHANGHAI_OFFSET_MS);
  const year = wall.getUTCFullYear() - 1;
  const month = wall.getUTCMonth();
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(wall.getUTCDate(), lastDay);
  const timeOfDay = now + SHANGHAI_OFFSET_MS - Date.UTC(wall.getUTCFullYear(), month, wall.getUTCDate());
  return Date.UTC(year, month, day) + timeOfDay - SHANGHAI_OFFSET_MS;
}

/** How many of these no-shows (slot start times) fall within the twelve months before `now` (both ends included). */
export function noShowsInWindow(noShowStarts: readonly number[], now: number): number {
  const from = twelveMonthsBefore(now);
  return noShowStarts.filter((t) => t <= now && t >= from).length;
}

/** Should recording this no-show raise a flag? When it makes the count reach the threshold and no flag is open. */
export function noShowFlagDue(noShowStarts: readonly number[], now: number, openFlag: boolean): boolean {
  return !openFlag && noShowsInWindow(noShowStarts, now) >= NO_SHOW_FLAG_COUNT;
}

function badTransition(from: string, transition: SignupTransition): DomainError {
  const to = SIGNUP_TRANSITIONS[transition].to;
  return { kind: 'bad_transition', from, to, message: { key: 'error.bad_transition', params: { from, transition } } };
}
