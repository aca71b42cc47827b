// An activity with its slots: draft → submitted → approved → completed, plus rejected and cancelled.
// Organizations and staff propose; staff of the activity's site approve (or reject, with a reason the
// proposer reads); staff may also create and approve directly. Who may take each step is can()'s
// question (ACTIVITY_STEP_RULES names the action); this module is the table and the input.

import type { Actor } from './actor';
import { err, ok, type DomainError, type Result } from './errors';
import { can, type Action, type Resource } from './policy';

export type ActivityStatus = 'draft' | 'submitted' | 'approved' | 'completed' | 'rejected' | 'cancelled';

export const ACTIVITY_STATUSES: readonly ActivityStatus[] = ['draft', 'submitted', 'approved', 'completed', 'rejected', 'cancelled'];

/** The fourteen types of PRODUCT.md (the letter's vocabulary). */
export const ACTIVITY_TYPES = [
  'winter_warmth',
  'safety_talk',
  'film_screening',
  'home_visit',
  'counselling',
  'case_tutoring',
  'festival',
  'social_integration',
  'empowerment',
  'temporary_care',
  'family_education',
  'legal_aid',
  'crisis_intervention',
  'other',
] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

/** `group`: supervised, in a public area. `one_to_one`: time alone with a child. */
export type ContactTier = 'group' | 'one_to_one';
export const CONTACT_TIERS: readonly ContactTier[] = ['group', 'one_to_one'];

export type ActivityTransition = 'submit' | 'approve' | 'reject' | 'cancel' | 'complete';

export const ACTIVITY_TRANSITIONS: Readonly<
  Record<ActivityTransition, { readonly from: readonly ActivityStatus[]; readonly to: ActivityStatus }>
> = {
  submit: { from: ['draft'], to: 'submitted' },
  // Staff may approve their own draft directly; a proposal from an organization arrives submitted.
  approve: { from: ['draft', 'submitted'], to: 'approved' },
  reject: { from: ['submitted'], to: 'rejected' },
  cancel: { from: ['draft', 'submitted', 'approved'], to: 'cancelled' },
  // Taken by the system when the last slot of an approved activity is closed.
  complete: { from: ['approved'], to: 'completed' },
};

/** The action each step needs; `complete` has none (only the system takes it). */
export const ACTIVITY_STEP_RULES: Readonly<Record<ActivityTransition, Action | null>> = {
  submit: 'activity.edit',
  approve: 'activity.review',
  reject: 'activity.review',
  cancel: 'activity.cancel',
  complete: null,
};

export function isActivityTransition(name: string): name is ActivityTransition {
  return Object.prototype.hasOwnProperty.call(ACTIVITY_TRANSITIONS, name);
}

export interface ActivityFacts {
  status: ActivityStatus;
  sitePath: string;
  proposerId: string;
  orgId: string | null;
}

export function activityResource(a: ActivityFacts): Extract<Resource, { type: 'activity' }> {
  return { type: 'activity', sitePath: a.sitePath, proposerId: a.proposerId, orgId: a.orgId, status: a.status };
}

export interface ActivityStepInput {
  /** Required to reject, and to cancel an approved activity (the people signed up read it). */
  reason?: string;
  /** For approve/submit: how many slots the activity has (at least one is needed). */
  slotCount?: number;
}

/** Decides one step from the table and the input. */
export function decideActivityStep(
  activity: { status: ActivityStatus; orgId?: string | null },
  step: ActivityTransition,
  input: ActivityStepInput = {},
): Result<{ to: ActivityStatus }> {
  const rule = isActivityTransition(step) ? ACTIVITY_TRANSITIONS[step] : undefined;
  if (!rule || !rule.from.includes(activity.status) || approvesOrgDraft(activity, step)) {
    return err(badTransition(activity.status, step, rule?.to));
  }
  const needsReason = step === 'reject' || (step === 'cancel' && activity.status === 'approved');
  if (needsReason && (input.reason === undefined || input.reason.trim() === '')) {
    return err({ kind: 'validation', fields: { reason: ['reason_required'] } });
  }
  if ((step === 'submit' || step === 'approve') && (input.slotCount ?? 1) < 1) {
    return err({ kind: 'validation', fields: { slots: ['slot_required'] } });
  }
  return ok({ to: rule.to });
}

/**
 * Approving straight from draft is for staff's own activities: an organization's proposal reaches staff
 * only once the organization submits it, so an unfinished draft is never approved under its feet.
 */
function approvesOrgDraft(activity: { status: ActivityStatus; orgId?: string | null }, step: ActivityTransition): boolean {
  return step === 'approve' && activity.status === 'draft' && activity.orgId !== undefined && activity.orgId !== null;
}

/** The steps this actor may take on this activity now: the table and can() together, for the page's buttons. */
export function availableSteps(activity: ActivityFacts, actor: Actor | null): ActivityTransition[] {
  const resource = activityResource(activity);
  return (Object.keys(ACTIVITY_TRANSITIONS) as ActivityTransition[]).filter((step) => {
    const action = ACTIVITY_STEP_RULES[step];
    return (
      action !== null &&
      ACTIVITY_TRANSITIONS[step].from.includes(activity.status) &&
      !approvesOrgDraft(activity, step) &&
      can(actor, action, resource)
    );
  });
}

/** Only approved activities (and completed ones, as history) are public. */
export function isPublicActivity(status: ActivityStatus): boolean {
  return status === 'approved' || status === 'completed';
}

/** An activity is completed when every one of its slots is closed or cancelled, at least one closed (so it has slots). */
export function completionDue(activity: { status: ActivityStatus }, slots: readonly { status: SlotStatus }[]): boolean {
  return (
    activity.status === 'approved' &&
    slots.every((s) => s.status !== 'open') &&
    slots.some((s) => s.status === 'closed')
  );
}

// ---------------------------------------------------------------------------------------------------
// Slots

export type SlotStatus = 'open' | 'closed' | 'cancelled';

export const MINUTE_MS = 60 * 1000;
const HOUR_MS = 60 * MINUTE_MS;

export interface SlotDraft {
  startsAt: number;
  endsAt: number;
  capacity: number;
  childrenExpected: number;
  /** Default: end minus start. */
  scheduledMinutes?: number;
}

/** Checks one slot of a proposal; returns the scheduled minutes it will carry. */
export function decideSlotDraft(slot: SlotDraft, now: number): Result<{ scheduledMinutes: number }> {
  const fields: Record<string, string[]> = {};
  if (!Number.isSafeInteger(slot.startsAt) || !Number.isSafeInteger(slot.endsAt) || slot.endsAt <= slot.startsAt) {
    fields.endsAt = ['slot_ends_before_start'];
  } else if (slot.startsAt <= now) {
    fields.startsAt = ['slot_in_past'];
  }
  if (!Number.isSafeInteger(slot.capacity) || slot.capacity < 1) fields.capacity = ['capacity_invalid'];
  if (!Number.isSafeInteger(slot.childrenExpected) || slot.childrenExpected < 0) fields.childrenExpected = ['number_invalid'];
  const length = Math.floor((slot.endsAt - slot.startsAt) / MINUTE_MS);
  const scheduled = slot.scheduledMinutes ?? length;
  // A default taken from a slot that ends before it starts is not a second mistake to report.
  const defaulted = slot.scheduledMinutes === undefined;
  const badLength = fields.endsAt !== undefined;
  if (!(defaulted && badLength) && (!Number.isSafeInteger(scheduled) || scheduled < 1 || (length > 0 && scheduled > length))) {
    fields.scheduledMinutes = ['scheduled_minutes_invalid'];
  }
  if (Object.keys(fields).length > 0) return err({ kind: 'validation', fields });
  return ok({ scheduledMinutes: scheduled });
}

export interface SlotOutcome {
  /** 人次 */
  childrenServed: number;
  /** The child records served (distinct children); staff only. */
  childIds: readonly string[];
  moneyFen: number;
  goodsFen: number;
  materials: number;
  /** 场次, default 1. */
  sessions: number;
}

/**
 * Closing a slot (or correcting a closed one): it must have started, and the outcome must be whole,
 * non-negative numbers. A correction needs a reason.
 */
export function decideSlotClose(
  slot: { status: SlotStatus; startsAt: number },
  outcome: SlotOutcome,
  now: number,
  correction?: { reason?: string },
): Result<{ to: SlotStatus; correction: boolean }> {
  const isCorrection = slot.status === 'closed';
  if (slot.status === 'cancelled' || (isCorrection && correction === undefined)) {
    return err(badTransition(slot.status, correction === undefined ? 'close' : 'correct', 'closed'));
  }
  if (!isCorrection && correction !== undefined) return err(badTransition(slot.status, 'correct', 'closed'));
  if (now < slot.startsAt) return err({ kind: 'conflict', message: { key: 'slot.error.not_started' } });
  const fields: Record<string, string[]> = {};
  for (const name of ['childrenServed', 'moneyFen', 'goodsFen', 'materials'] as const) {
    if (!Number.isSafeInteger(outcome[name]) || outcome[name] < 0) fields[name] = ['number_invalid'];
  }
  if (!Number.isSafeInteger(outcome.sessions) || outcome.sessions < 1) fields.sessions = ['number_invalid'];
  if (new Set(outcome.childIds).size !== outcome.childIds.length) fields.childIds = ['duplicate_child'];
  // Here a correction is given exactly when the slot is closed (both other cases were refused above).
  if (correction !== undefined && (correction.reason === undefined || correction.reason.trim() === '')) fields.reason = ['reason_required'];
  if (Object.keys(fields).length > 0) return err({ kind: 'validation', fields });
  return ok({ to: 'closed', correction: isCorrection });
}

/** Cancelling one slot of an approved activity (staff, with a reason): everyone on it is told. */
export function decideSlotCancel(slot: { status: SlotStatus }, reason: string | undefined): Result<{ to: SlotStatus }> {
  if (slot.status !== 'open') return err(badTransition(slot.status, 'cancel_slot', 'cancelled'));
  if (reason === undefined || reason.trim() === '') return err({ kind: 'validation', fields: { reason: ['reason_required'] } });
  return ok({ to: 'cancelled' });
}

/** When the 24-hour reminder for a slot is due (once, from 24 h before the start until it starts). */
export function reminderDue(slot: { status: SlotStatus; startsAt: number; remindedAt: number | null }, now: number): boolean {
  return slot.status === 'open' && slot.remindedAt === null && now < slot.startsAt && slot.startsAt - now <= 24 * HOUR_MS;
}

function badTransition(from: string, transition: string, to: string | undefined): DomainError {
  return { kind: 'bad_transition', from, to: to ?? transition, message: { key: 'error.bad_transition', params: { from, transition } } };
}
