import { config } from '../platform/config.server';
import { recordAudit } from '../data/audit.server';
import {
  activitiesOfOrganization,
  activitiesToReviewUnder,
  activitiesUnder,
  childIdentitiesUnder,
  childIdsUnder,
  childrenForSlotUnder,
  childrenOfSlot,
  correctSlotOutcome,
  deleteSlotsOfDraft,
  findActivity,
  findNoShowFlag,
  findSignupWithSlot,
  findSlot,
  hasOpenNoShowFlag,
  insertNoShowFlag,
  insertSlot,
  markNoShowFlagReviewed,
  noShowStartsOf,
  openNoShowFlagsUnder,
  peopleOnSlots,
  replaceSlotChildren,
  rosterOfSlot,
  setAttendance,
  siteChoicesUnder,
  sitePathOf,
  slotsOfActivity,
  slotsToCloseUnder,
  updateActivityDraft,
  upcomingSlotsUnder,
  type ActivityDetail,
} from '../data/activities.server';
import type { Tx } from '../data/db.server';
import { newId } from '../data/ids.server';
import { scopeRoot } from '../data/scope.server';
import { staffOverCounty } from '../data/staff.server';
import {
  ACTIVITY_STEP_RULES,
  ACTIVITY_TYPES,
  CONTACT_TIERS,
  activityResource,
  availableSteps,
  completionDue,
  decideActivityStep,
  decideSlotCancel,
  decideSlotClose,
  decideSlotDraft,
  type ActivityFacts,
  type ActivityStatus,
  type ActivityType,
  type ContactTier,
  type SlotOutcome,
  type SlotStatus,
} from '../domain/activity';
import { canSeeSite, type Actor } from '../domain/actor';
import { err, forbidden, notFound, ok, type DomainError, type PrivacyFinding, type Result } from '../domain/errors';
import { can, proposesActivity } from '../domain/policy';
import { checkPublicText } from '../domain/privacy';
import { DEFAULT_CANCEL_CUTOFF_HOURS, NO_SHOW_FLAG_COUNT, decideAttendance, noShowFlagDue, noShowsInWindow, type Attendance } from '../domain/signup';
import { proposalInput, slotErrorsToRows, type ProposalInput, type ProposalValues, type SlotInput } from '../forms/activity';
import { childPrivacyFacts } from '../server/child-facts.server';
import { enqueueMail } from '../mail/send.server';
import type { OutgoingMail } from '../server/status-change.server';
import { Refusal, refuseUnlessChanged, transact } from '../server/tx.server';
import { writeActivityStatus, writeNewActivity, writeSlotStatus } from './activity-status.server';

// Activities from the proposer's and the staff's side: proposing (an organization, or staff at their
// sites), editing a draft, submitting, approving or rejecting, cancelling an activity or one slot,
// recording attendance, closing a slot with its outcome (and correcting it), completion when the last
// slot is closed, and the no-show flags. Sign-ups themselves are the sign-up slice's (signups.server.ts):
// this module reads their status and never writes it.

export const MAX_SLOTS = 20;
export const MAX_CANCEL_CUTOFF_HOURS = 7 * 24;

export type { SlotInput };
export type ActivityInput = ProposalInput;

/** Who proposes: an organization the actor belongs to, or (null) the staff member at their sites. */
export type ProposerSide = { orgId: string } | { orgId: null };

const appBase = () => config().appUrl.replace(/\/$/, '');

// ---------------------------------------------------------------------------
// Proposing and editing

/**
 * A new activity, a draft with its slots. An approved organization picks any site; staff a site of their
 * subtree. `approve: true` is staff creating and approving at once (the approve step follows in the same
 * transaction, audited as such).
 */
export function createActivity(
  actor: Actor | null,
  side: ProposerSide,
  input: ActivityInput,
  now: number,
  options: { approve?: boolean } = {},
): Result<{ id: string; status: ActivityStatus }> {
  const sitePath = sitePathOf(input.siteId);
  if (!actor) return forbidden();
  const allowed = side.orgId !== null ? can(actor, 'activity.propose', { type: 'org', orgId: side.orgId }) : sitePath !== null && can(actor, 'activity.propose', { type: 'site', sitePath });
  if (!allowed) return forbidden('activity.error.not_allowed');
  if (sitePath === null) return err({ kind: 'validation', fields: { siteId: ['form.required'] } });
  const checked = checkInput(input, sitePath, now);
  if (!checked.ok) return checked;
  if (options.approve) {
    const facts: ActivityFacts = { status: 'draft', sitePath, proposerId: actor.userId, orgId: side.orgId };
    if (side.orgId !== null || !availableSteps(facts, actor).includes('approve')) return forbidden('activity.error.not_allowed');
  }

  const id = newId();
  return transact((tx) => {
    writeNewActivity(
      tx,
      {
        id,
        orgId: side.orgId,
        proposerId: actor.userId,
        ...draftFields(input),
      },
      { actorId: actor.userId, now },
    );
    insertSlots(tx, id, input, checked.value, now);
    if (options.approve) {
      writeActivityStatus(tx, { id, from: 'draft', to: 'approved', action: 'approve', actorId: actor.userId, siteId: input.siteId, now }, { approvedAt: now, approvedBy: actor.userId });
      return { id, status: 'approved' as const };
    }
    return { id, status: 'draft' as const };
  });
}

/** Rewrites a draft: its fields and its slots (nobody can sign up to a draft, so slots are replaced whole). */
export function editDraft(actor: Actor | null, id: string, input: ActivityInput, now: number): Result<{ id: string }> {
  const found = findActivity(id);
  if (!found || !mayRead(actor, found)) return notFound();
  if (!can(actor, 'activity.edit', activityResource(factsOf(found)))) {
    return found.activity.status === 'draft' ? forbidden('activity.error.not_allowed') : badStep(found.activity.status, 'edit');
  }
  const sitePath = sitePathOf(input.siteId);
  if (sitePath === null) return err({ kind: 'validation', fields: { siteId: ['form.required'] } });
  // Moving the activity to another site: the proposer must be allowed to propose there.
  if (input.siteId !== found.activity.siteId) {
    const side = found.activity.orgId !== null ? { type: 'org' as const, orgId: found.activity.orgId } : { type: 'site' as const, sitePath };
    if (!can(actor, 'activity.propose', side)) return forbidden('activity.error.not_allowed');
  }
  const checked = checkInput(input, sitePath, now);
  if (!checked.ok) return checked;
  return transact((tx) => {
    refuseUnlessChanged(updateActivityDraft(tx, id, { ...draftFields(input), updatedAt: now }), 'activity.error.not_draft');
    deleteSlotsOfDraft(tx, id);
    insertSlots(tx, id, input, checked.value, now);
    recordAudit(tx, { at: now, actorId: actor!.userId, entityType: 'activity', entityId: id, action: 'edit', siteId: input.siteId });
    return { id };
  });
}

function draftFields(input: ActivityInput) {
  return {
    type: input.type,
    title: input.title.trim(),
    description: input.description.trim(),
    siteId: input.siteId,
    contactTier: input.contactTier,
    riskNotes: input.riskNotes.trim(),
    safetyMeasures: input.safetyMeasures.trim(),
    organizerContact: input.organizerContact.trim(),
    cancelCutoffHours: input.cancelCutoffHours ?? DEFAULT_CANCEL_CUTOFF_HOURS,
  };
}

function insertSlots(tx: Tx, activityId: string, input: ActivityInput, minutes: number[], now: number): void {
  input.slots.forEach((s, i) =>
    insertSlot(tx, {
      id: newId(),
      activityId,
      siteId: input.siteId,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      place: s.place.trim(),
      capacity: s.capacity,
      childrenExpected: s.childrenExpected,
      scheduledMinutes: minutes[i],
      createdAt: now,
    }),
  );
}

/** The input's own rules, each slot's (field names `slots.N.field`), and the privacy check; the scheduled minutes of each slot. */
function checkInput(input: ActivityInput, sitePath: string, now: number): Result<number[]> {
  const fields: Record<string, string[]> = {};
  if (!(ACTIVITY_TYPES as readonly string[]).includes(input.type)) fields.type = ['form.invalid'];
  if (!CONTACT_TIERS.includes(input.contactTier)) fields.contactTier = ['form.invalid'];
  if (input.title.trim() === '') fields.title = ['form.required'];
  if (input.description.trim() === '') fields.description = ['form.required'];
  const cutoff = input.cancelCutoffHours ?? DEFAULT_CANCEL_CUTOFF_HOURS;
  if (!Number.isSafeInteger(cutoff) || cutoff < 0 || cutoff > MAX_CANCEL_CUTOFF_HOURS) fields.cancelCutoffHours = ['number_invalid'];
  if (input.slots.length === 0) fields.slots = ['slot_required'];
  if (input.slots.length > MAX_SLOTS) fields.slots = ['too_many_slots'];
  const minutes: number[] = [];
  input.slots.forEach((slot, i) => {
    const decided = decideSlotDraft(slot, now);
    if (decided.ok) minutes.push(decided.value.scheduledMinutes);
    else if (decided.error.kind === 'validation') for (const [k, v] of Object.entries(decided.error.fields)) fields[`slots.${i}.${k}`] = v;
  });
  if (Object.keys(fields).length > 0) return err({ kind: 'validation', fields });
  const findings = activityPrivacyFindings(input, sitePath);
  if (findings.length) return err({ kind: 'privacy', findings });
  return ok(minutes);
}

/**
 * The privacy check on what helpers read: the description, each slot's place and the risk notes against
 * the names and birth dates of the site's children (an activity names no child) and the contact and address
 * detectors; the organizer contact against the children too, but a phone number there is its purpose.
 */
export function activityPrivacyFindings(
  input: Pick<ActivityInput, 'title' | 'description' | 'riskNotes' | 'organizerContact'> & { slots: Pick<SlotInput, 'place'>[] },
  sitePath: string,
): PrivacyFinding[] {
  const texts = [input.title, input.description, input.riskNotes, ...input.slots.map((s) => s.place)];
  const children = childIdentitiesUnder(sitePath).map((c) => childPrivacyFacts(c));
  const found: PrivacyFinding[] = [];
  const add = (fs: PrivacyFinding[]) => {
    for (const f of fs) if (!found.some((x) => x.kind === f.kind && x.match === f.match)) found.push(f);
  };
  add(checkPublicText(texts, { realName: '' }));
  add(checkPublicText([input.organizerContact], { realName: '' }).filter((f) => f.kind !== 'phone'));
  for (const child of children) {
    add(checkPublicText([...texts, input.organizerContact], child).filter((f) => ['real_name', 'given_name', 'birth_date'].includes(f.kind)));
  }
  return found;
}

/** A reason mailed to helpers passes the check for contact details and addresses (it names no child). */
function reasonFindings(reason: string | undefined): PrivacyFinding[] {
  return reason ? checkPublicText([reason], { realName: '' }) : [];
}

// ---------------------------------------------------------------------------
// Steps: submit, approve, reject, cancel

export type ActivityStep = 'submit' | 'approve' | 'reject' | 'cancel';

export function moveActivity(actor: Actor | null, id: string, step: ActivityStep, input: { reason?: string }, now: number): Result<{ to: ActivityStatus }> {
  const found = findActivity(id);
  if (!found || !mayRead(actor, found)) return notFound();
  const { activity } = found;
  const facts = factsOf(found);
  const action = ACTIVITY_STEP_RULES[step];
  if (!action || !can(actor, action, activityResource(facts))) return forbidden('activity.error.not_allowed');
  const slots = slotsOfActivity(id);
  const decided = decideActivityStep({ status: activity.status, orgId: activity.orgId }, step, { reason: input.reason, slotCount: slots.length });
  if (!decided.ok) return decided;
  const to = decided.value.to;
  const reason = input.reason?.trim() || null;
  const mailedReason = reasonFindings(reason ?? undefined);
  if (mailedReason.length) return err({ kind: 'privacy', findings: mailedReason });

  if (step === 'submit' || step === 'approve') {
    // Checked again when it leaves draft and before it goes public: the site's children may have changed.
    const findings = activityPrivacyFindings({ ...activity, slots: slots.map((s) => s.slot) }, found.sitePath);
    if (findings.length) return err({ kind: 'privacy', findings });
    const past = slots.findIndex((s) => s.slot.status === 'open' && s.slot.startsAt <= now);
    if (past >= 0) return err({ kind: 'validation', fields: { [`slots.${past}.startsAt`]: ['slot_in_past'] } });
  }

  const actorId = actor!.userId;
  return transact((tx) => {
    const move = { id, from: activity.status, to, action: step, actorId, siteId: activity.siteId, now, note: reason };
    if (step === 'submit') {
      writeActivityStatus(tx, move, { submittedAt: now });
    } else if (step === 'approve') {
      writeActivityStatus(tx, { ...move, mails: proposerMail(found, actorId, 'activity.approved', null) }, { approvedAt: now, approvedBy: actorId, reason: null });
    } else if (step === 'reject') {
      writeActivityStatus(tx, { ...move, mails: proposerMail(found, actorId, 'activity.rejected', reason) }, { reason });
    } else {
      // Every open slot ends with the activity; everyone holding or waiting for a place is told.
      const open = slotsOfActivity(id, tx).filter((s) => s.slot.status === 'open');
      const people = peopleOnSlots(tx, open.map((s) => s.slot.id));
      for (const s of open) {
        writeSlotStatus(tx, { id: s.slot.id, from: 'open', to: 'cancelled', action: 'cancel', actorId, siteId: s.slot.siteId, now, note: 'activity_cancelled' }, { cancelReason: reason });
      }
      const seen = new Set<string>();
      const mails: OutgoingMail[] = people
        .filter((p) => (seen.has(p.email) ? false : (seen.add(p.email), true)))
        .map((p) => ({ to: p.email, template: 'activity.cancelled', locale: p.locale, params: { name: p.name, title: activity.title, reason: reason ?? '', url: `${appBase()}/activities` } }));
      if (!proposes(actor!, found)) mails.push(...proposerMail(found, actorId, 'activity.cancelled_proposer', reason));
      writeActivityStatus(tx, { ...move, mails }, { reason });
    }
    return { to };
  });
}

function proposerMail(found: ActivityDetail, actorId: string, template: string, reason: string | null): OutgoingMail[] {
  if (found.activity.proposerId === actorId) return [];
  const { activity } = found;
  const url = activity.orgId !== null ? `${appBase()}/org/activities/${activity.id}` : `${appBase()}/staff/activities/${activity.id}`;
  return [{ to: found.proposerEmail, template, locale: found.proposerLocale, params: { name: found.proposerName, title: activity.title, reason: reason ?? '', url } }];
}

// ---------------------------------------------------------------------------
// Slots: cancel one, attendance, close, correct

function slotResource(slot: { sitePath: string; contactTier: ContactTier }) {
  return { type: 'slot' as const, sitePath: slot.sitePath, contactTier: slot.contactTier };
}

/** Staff cancel one open slot of an approved activity, with a reason mailed to the people on it. */
export function cancelSlot(actor: Actor | null, slotId: string, reason: string | undefined, now: number): Result<{ to: SlotStatus }> {
  const found = findSlot(slotId);
  if (!found || !canSeeSite(actor, found.sitePath)) return notFound();
  if (!can(actor, 'slot.manage', slotResource(found))) return forbidden();
  if (found.activityStatus !== 'approved') return badStep(found.activityStatus, 'cancel_slot');
  const decided = decideSlotCancel(found.slot, reason);
  if (!decided.ok) return decided;
  const text = reason!.trim();
  const findings = reasonFindings(text);
  if (findings.length) return err({ kind: 'privacy', findings });
  const actorId = actor!.userId;
  return transact((tx) => {
    const people = peopleOnSlots(tx, [slotId]);
    const { slot } = found;
    writeSlotStatus(
      tx,
      {
        id: slotId,
        from: 'open',
        to: 'cancelled',
        action: 'cancel_slot',
        actorId,
        siteId: slot.siteId,
        now,
        note: text,
        mails: people.map((p) => ({
          to: p.email,
          template: 'slot.cancelled',
          locale: p.locale,
          params: { name: p.name, title: found.activityTitle, reason: text, startsAt: slot.startsAt, endsAt: slot.endsAt, url: `${appBase()}/activities/${found.activityId}` },
        })),
      },
      { cancelReason: text },
    );
    completeIfDue(tx, found.activityId, actorId, now);
    return { to: 'cancelled' as const };
  });
}

/**
 * Staff record a confirmed helper's attendance: `attended` credits the minutes (default the slot's
 * scheduled minutes), `no_show` none. Saving again replaces the record, so hours are credited once. The
 * third no-show within 12 months raises one flag for staff review and mails the staff over the site.
 */
export function markAttendance(actor: Actor | null, signupId: string, outcome: Attendance, minutes: number | undefined, now: number): Result<{ flagged: boolean }> {
  const found = findSignupWithSlot(signupId);
  if (!found || !canSeeSite(actor, found.sitePath)) return notFound();
  const { signup, slot } = found;
  if (!can(actor, 'slot.manage', { type: 'signup', userId: signup.userId, orgId: signup.orgId, sitePath: found.sitePath })) return forbidden();
  if (found.activityStatus !== 'approved' && found.activityStatus !== 'completed') return badStep(found.activityStatus, 'attend');
  const decided = decideAttendance(signup, slot, outcome, minutes, now);
  if (!decided.ok) return decided;
  const actorId = actor!.userId;
  return transact((tx) => {
    setAttendance(tx, signupId, { attendance: decided.value.attendance, serviceMinutes: decided.value.serviceMinutes, attendanceBy: actorId, attendanceAt: now });
    recordAudit(tx, {
      at: now,
      actorId,
      entityType: 'slot',
      entityId: slot.id,
      action: 'attend',
      note: `${signupId} ${decided.value.attendance} ${decided.value.serviceMinutes}`,
      siteId: slot.siteId,
    });
    let flagged = false;
    // Only a new no-show can raise a flag: saving the same one again does not.
    if (decided.value.attendance === 'no_show' && signup.attendance !== 'no_show') {
      const starts = noShowStartsOf(tx, signup.userId);
      if (noShowFlagDue(starts, now, hasOpenNoShowFlag(tx, signup.userId))) {
        insertNoShowFlag(tx, { userId: signup.userId, signupId, flaggedAt: now });
        recordAudit(tx, { at: now, actorId, entityType: 'user', entityId: signup.userId, action: 'no_show_flag', note: signupId, siteId: slot.siteId });
        flagged = true;
        const helper = findSlot(slot.id, tx);
        const helperName = rosterOfSlot(slot.id).find((r) => r.signup.id === signupId)?.name ?? '';
        for (const s of staffOverCounty(found.sitePath)) {
          enqueueMail(tx, {
            to: s.email,
            template: 'attendance.no_show_flag',
            locale: s.locale,
            params: {
              name: s.displayName,
              helperName,
              count: noShowsInWindow(starts, now),
              title: helper?.activityTitle ?? '',
              startsAt: slot.startsAt,
              endsAt: slot.endsAt,
              url: `${appBase()}/staff`,
            },
          }, now);
        }
      }
    }
    return { flagged };
  });
}

/** Staff mark a no-show flag reviewed (they have spoken with the helper). */
export function reviewNoShowFlag(actor: Actor | null, signupId: string, now: number): Result<{ reviewed: true }> {
  const found = findNoShowFlag(signupId);
  if (!found || !canSeeSite(actor, found.sitePath)) return notFound();
  if (!can(actor, 'slot.manage', { type: 'site', sitePath: found.sitePath })) return forbidden();
  const userId = found.flag.userId;
  return transact((tx) => {
    refuseUnlessChanged(markNoShowFlagReviewed(tx, userId, signupId, actor!.userId, now), 'attendance.error.flag_reviewed');
    recordAudit(tx, { at: now, actorId: actor!.userId, entityType: 'user', entityId: userId, action: 'no_show_reviewed', note: signupId });
    return { reviewed: true as const };
  });
}

export interface CloseInput extends Omit<SlotOutcome, 'sessions'> {
  /** Default 1. */
  sessions?: number;
}

/**
 * Staff close a slot that has started, with its outcome; the children served are chosen among the
 * children of the slot's site subtree. Closing the last open slot completes the activity in the same
 * transaction.
 */
export function closeSlot(actor: Actor | null, slotId: string, input: CloseInput, now: number): Result<{ completed: boolean }> {
  const prepared = prepareOutcome(actor, slotId, input, now, undefined);
  if (!prepared.ok) return prepared;
  const { found, outcome } = prepared.value;
  const actorId = actor!.userId;
  return transact((tx) => {
    writeSlotStatus(
      tx,
      { id: slotId, from: 'open', to: 'closed', action: 'close', actorId, siteId: found.slot.siteId, now, conflictKey: 'slot.error.already_closed' },
      { ...outcomeColumns(outcome), closedAt: now, closedBy: actorId },
    );
    replaceChildren(tx, slotId, outcome.childIds);
    return { completed: completeIfDue(tx, found.activityId, actorId, now) };
  });
}

/** Staff correct a closed slot's outcome, with a reason; audited with the figures before and after, and dated. */
export function correctSlot(actor: Actor | null, slotId: string, input: CloseInput, reason: string | undefined, now: number): Result<{ corrected: true }> {
  const prepared = prepareOutcome(actor, slotId, input, now, { reason });
  if (!prepared.ok) return prepared;
  const { found, outcome } = prepared.value;
  const before = found.slot;
  const beforeChildren = childrenOfSlot(slotId).length;
  return transact((tx) => {
    refuseUnlessChanged(correctSlotOutcome(tx, slotId, { ...outcomeColumns(outcome), correctedAt: now }));
    replaceChildren(tx, slotId, outcome.childIds);
    const figures = (o: { childrenServed: number | null; moneyFen: number | null; goodsFen: number | null; materials: number | null; sessions: number | null }, kids: number) =>
      `${o.childrenServed}/${kids}/${o.moneyFen}/${o.goodsFen}/${o.materials}/${o.sessions}`;
    recordAudit(tx, {
      at: now,
      actorId: actor!.userId,
      entityType: 'slot',
      entityId: slotId,
      action: 'correct',
      fromStatus: 'closed',
      toStatus: 'closed',
      note: `${reason!.trim()} (${figures(before, beforeChildren)} → ${figures(outcome, outcome.childIds.length)})`,
      siteId: before.siteId,
    });
    return { corrected: true as const };
  });
}

function prepareOutcome(actor: Actor | null, slotId: string, input: CloseInput, now: number, correction: { reason?: string } | undefined) {
  const found = findSlot(slotId);
  if (!found || !canSeeSite(actor, found.sitePath)) return notFound();
  if (!can(actor, 'slot.manage', slotResource(found))) return forbidden();
  if (found.activityStatus !== 'approved' && found.activityStatus !== 'completed') return badStep(found.activityStatus, correction ? 'correct' : 'close');
  const outcome: SlotOutcome = { ...input, childIds: [...input.childIds], sessions: input.sessions ?? 1 };
  const decided = decideSlotClose(found.slot, outcome, now, correction);
  if (!decided.ok) return decided;
  const known = childIdsUnder(found.sitePath, outcome.childIds);
  if (outcome.childIds.some((c) => !known.has(c))) return err({ kind: 'validation', fields: { childIds: ['child_unknown'] } } as DomainError);
  return ok({ found, outcome });
}

function outcomeColumns(o: SlotOutcome) {
  return { childrenServed: o.childrenServed, moneyFen: o.moneyFen, goodsFen: o.goodsFen, materials: o.materials, sessions: o.sessions };
}

function replaceChildren(tx: Tx, slotId: string, childIds: readonly string[]) {
  replaceSlotChildren(tx, slotId, childIds);
}

/** When every slot is closed or cancelled (one closed at least), the approved activity is completed. */
function completeIfDue(tx: Tx, activityId: string, actorId: string, now: number): boolean {
  const activity = findActivity(activityId, tx);
  if (!activity) throw new Refusal({ kind: 'not_found' });
  const slots = slotsOfActivity(activityId, tx).map((s) => ({ status: s.slot.status }));
  if (!completionDue(activity.activity, slots)) return false;
  writeActivityStatus(tx, { id: activityId, from: 'approved', to: 'completed', action: 'complete', actorId, siteId: activity.activity.siteId, now, note: 'last_slot_closed' });
  return true;
}

// ---------------------------------------------------------------------------
// Helpers

function factsOf(found: ActivityDetail): ActivityFacts {
  return { status: found.activity.status, sitePath: found.sitePath, proposerId: found.activity.proposerId, orgId: found.activity.orgId };
}

/** The proposer side, by the same rule can() uses for the activity actions. */
function proposes(actor: Actor, found: ActivityDetail): boolean {
  return proposesActivity(actor, found.activity);
}

/** The proposer side and the staff of the site see an activity on these pages; staff see an organization's draft only once it is submitted. */
function mayRead(actor: Actor | null, found: ActivityDetail): boolean {
  if (!actor) return false;
  if (proposes(actor, found)) return true;
  return canSeeSite(actor, found.sitePath) && !(found.activity.status === 'draft' && found.activity.orgId !== null);
}

function badStep(from: string, transition: string) {
  return err({ kind: 'bad_transition' as const, from, to: transition, message: { key: 'error.bad_transition', params: { from, transition } } });
}

// ---------------------------------------------------------------------------
// Pages

/** /staff/activities: to review, upcoming slots, slots to close, and every activity of the subtree. */
export function staffActivitiesOverview(actor: Actor | null, now: number) {
  const root = scopeRoot(actor);
  if (root === null || !can(actor, 'activity.propose', { type: 'site', sitePath: root })) return forbidden();
  return ok({
    toReview: activitiesToReviewUnder(root),
    upcoming: upcomingSlotsUnder(root, now),
    toClose: slotsToCloseUnder(root, now),
    all: activitiesUnder(root),
  });
}

/** The /staff home's activity queues. */
export function staffActivityQueues(actor: Actor | null, now: number) {
  const root = scopeRoot(actor);
  if (root === null) return { toReview: [], toClose: [], flags: [] };
  return {
    toReview: activitiesToReviewUnder(root, 50),
    toClose: slotsToCloseUnder(root, now, 50),
    flags: openNoShowFlagsUnder(root),
  };
}

/** An activity as its proposer or the staff see it: details, slots with sign-up counts, and the steps this person may take. */
export function activityForWork(actor: Actor | null, id: string) {
  const found = findActivity(id);
  if (!found || !mayRead(actor, found)) return notFound();
  const facts = factsOf(found);
  const steps = availableSteps(facts, actor);
  const slots = slotsOfActivity(id);
  const editable = can(actor, 'activity.edit', activityResource(facts));
  const side: ProposerSide = found.activity.orgId !== null ? { orgId: found.activity.orgId } : { orgId: null };
  return ok({
    activity: found.activity,
    siteZh: found.siteZh,
    siteEn: found.siteEn,
    orgName: found.orgName,
    proposerName: found.proposerName,
    slots,
    steps,
    editable,
    defaults: editable ? proposalDefaults(found.activity, slots) : null,
    sites: editable ? proposalSites(actor, side) : [],
    side,
    staff: canSeeSite(actor, found.sitePath),
  });
}

/** /staff/slots/:id: the slot, its roster with helpers' names and phones, the site's children for the close form. */
export function staffSlotPage(actor: Actor | null, slotId: string, now: number) {
  const found = findSlot(slotId);
  if (!found || !canSeeSite(actor, found.sitePath)) return notFound();
  if (!can(actor, 'slot.manage', slotResource(found))) return forbidden();
  const { slot } = found;
  const started = slot.startsAt <= now;
  const live = found.activityStatus === 'approved' || found.activityStatus === 'completed';
  const showChildren = live && started && slot.status !== 'cancelled';
  const children = showChildren ? childrenForSlotUnder(found.sitePath) : [];
  if (showChildren) {
    // Real names on a staff page are a read of the records (as on /staff/children).
    transact((tx) =>
      recordAudit(tx, { at: now, actorId: actor!.userId, entityType: 'site', entityId: slot.siteId, action: 'child.list', note: `${children.length}`, siteId: slot.siteId }),
    );
  }
  const roster = rosterOfSlot(slotId).map((r) => ({
    id: r.signup.id,
    name: r.name,
    phone: r.volunteerPhone ?? r.orgPhone ?? null,
    orgName: r.orgName,
    status: r.signup.status,
    queueNo: r.signup.queueNo,
    offerExpiresAt: r.signup.offerExpiresAt,
    attendance: r.signup.attendance,
    serviceMinutes: r.signup.serviceMinutes,
  }));
  return ok({
    slot,
    siteZh: found.siteZh,
    siteEn: found.siteEn,
    activityId: found.activityId,
    activityTitle: found.activityTitle,
    activityStatus: found.activityStatus,
    roster,
    children,
    servedChildIds: childrenOfSlot(slotId),
    canAttend: live && started && slot.status !== 'cancelled',
    canClose: found.activityStatus === 'approved' && started && slot.status === 'open',
    canCorrect: live && slot.status === 'closed',
    canCancel: found.activityStatus === 'approved' && slot.status === 'open',
  });
}

/** The /org activities section: the organization's activities with status, sign-ups and totals. */
export function organizationActivities(actor: Actor | null, orgId: string) {
  if (!actor || !actor.orgs.some((m) => m.orgId === orgId)) return forbidden();
  const rows = activitiesOfOrganization(orgId);
  const totals = rows.reduce(
    (t, r) => ({ slotsHeld: t.slotsHeld + r.slotsHeld, minutes: t.minutes + r.minutes, childrenServed: t.childrenServed + r.childrenServed }),
    { slotsHeld: 0, minutes: 0, childrenServed: 0 },
  );
  return ok({ activities: rows, totals });
}

/** The sites a proposer may pick: every site for an organization, the subtree for staff. */
export function proposalSites(actor: Actor | null, side: ProposerSide) {
  if (!actor) return [];
  if (side.orgId !== null) return can(actor, 'activity.propose', { type: 'org', orgId: side.orgId }) ? siteChoicesUnder('/') : [];
  const root = scopeRoot(actor);
  return root === null ? [] : siteChoicesUnder(root);
}

// ---------------------------------------------------------------------------
// The proposal form

/** The organization an /org page acts for: the one named in ?org= if the person belongs to it, else their first. */
export function proposingOrg(actor: Actor, orgParam: string | null): string | null {
  const mine = actor.orgs.map((m) => m.orgId);
  if (orgParam && mine.includes(orgParam)) return orgParam;
  return mine[0] ?? null;
}

/**
 * One post of the proposal form: the draft is created (id null) or saved first, so what is submitted is
 * exactly what the proposer sees; then `submit` sends it for review and `approve` (staff) approves it.
 * When the step is refused the draft stays saved (`id` says which, for the page to go on from).
 */
export function saveProposal(
  actor: Actor | null,
  side: ProposerSide,
  id: string | null,
  values: ProposalValues,
  now: number,
): Result<{ id: string; slotCount: number }> & { savedId: string | null } {
  const parsed = proposalInput(values);
  if (!parsed.ok) return { ...err({ kind: 'validation', fields: parsed.fieldErrors }), savedId: null };
  const toRows = (r: Result<{ id: string }>): Result<{ id: string }> =>
    !r.ok && r.error.kind === 'validation' ? err({ ...r.error, fields: slotErrorsToRows(r.error.fields, parsed.rows) }) : r;
  const approveNew = id === null && values.intent === 'approve';
  const saved = toRows(id === null ? createActivity(actor, side, parsed.input, now, { approve: approveNew }) : editDraft(actor, id, parsed.input, now));
  if (!saved.ok) return { ...saved, savedId: null };
  const savedId = saved.value.id;
  const slotCount = parsed.input.slots.length;
  if ((values.intent === 'submit' || values.intent === 'approve') && !approveNew) {
    const moved = moveActivity(actor, savedId, values.intent, {}, now);
    if (!moved.ok) return { ...toRows(moved as Result<never>), savedId } as Result<never> & { savedId: string };
  }
  return { ...ok({ id: savedId, slotCount }), savedId };
}

/** The form's defaults for an existing draft. */
export function proposalDefaults(activity: ActivityDetail['activity'], slots: ReturnType<typeof slotsOfActivity>) {
  return {
    type: activity.type,
    title: activity.title,
    description: activity.description,
    siteId: activity.siteId,
    contactTier: activity.contactTier,
    riskNotes: activity.riskNotes,
    safetyMeasures: activity.safetyMeasures,
    organizerContact: activity.organizerContact,
    cancelCutoffHours: activity.cancelCutoffHours,
    slots: slots.map(({ slot }) => ({
      startsAt: slot.startsAt,
      endsAt: slot.endsAt,
      place: slot.place,
      capacity: slot.capacity,
      childrenExpected: slot.childrenExpected,
      scheduledMinutes: slot.scheduledMinutes,
    })),
  };
}
