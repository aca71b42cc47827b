import { config } from '../platform/config.server';
import { recordAudit } from '../data/audit.server';
import {
  activitiesOfOrganization,
  activitiesToReviewUnder,
  activitiesUnder,
  childIdentitiesUnder,
  deleteSlotsOfDraft,
  findActivity,
  insertSlot,
  openNoShowFlagsUnder,
  peopleOnSlots,
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
import {
  ACTIVITY_STEP_RULES,
  ACTIVITY_TYPES,
  CONTACT_TIERS,
  activityResource,
  availableSteps,
  decideActivityStep,
  decideSlotDraft,
  type ActivityFacts,
  type ActivityStatus,
} from '../domain/activity';
import { canSeeSite, type Actor } from '../domain/actor';
import { err, forbidden, notFound, ok, type PrivacyFinding, type Result } from '../domain/errors';
import { can, proposesActivity } from '../domain/policy';
import { checkPublicText } from '../domain/privacy';
import { DEFAULT_CANCEL_CUTOFF_HOURS } from '../domain/signup';
import { proposalInput, slotErrorsToRows, type ProposalInput, type ProposalValues, type SlotInput } from '../forms/activity';
import { childPrivacyFacts } from '../server/child-facts.server';
import type { OutgoingMail } from '../server/status-change.server';
import { refuseUnlessChanged, transact } from '../server/tx.server';
import { writeActivityStatus, writeNewActivity, writeSlotStatus } from './activity-status.server';

// Activities as a whole, from the proposer's and the staff's side: proposing (an organization, or staff at
// their sites), editing a draft, submitting, approving or rejecting, cancelling an activity (with its open
// slots), and the pages that show activities to their proposer and the staff. One slot's work (cancelling
// it, attendance, closing with its outcome, the no-show flags) is activity-slots.server.ts's.

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
  if (!found || !can(actor, 'activity.read', activityResource(factsOf(found)))) return notFound();
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
  if (!found || !can(actor, 'activity.read', activityResource(factsOf(found)))) return notFound();
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
// Helpers

function factsOf(found: ActivityDetail): ActivityFacts {
  return { status: found.activity.status, sitePath: found.sitePath, proposerId: found.activity.proposerId, orgId: found.activity.orgId };
}

/** The proposer side, by the same rule can() uses for the activity actions. */
function proposes(actor: Actor, found: ActivityDetail): boolean {
  return proposesActivity(actor, found.activity);
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
  if (!found || !can(actor, 'activity.read', activityResource(factsOf(found)))) return notFound();
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
/** The /org activities section: the organization's activities with status, sign-ups and totals. */
export function organizationActivities(actor: Actor | null, orgId: string) {
  if (!can(actor, 'activity.read', { type: 'org', orgId })) return forbidden();
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
