import { config } from '../platform/config.server';
import { recordAudit } from '../data/audit.server';
import {
  childIdsUnder,
  childrenForSlotUnder,
  childrenOfSlot,
  correctSlotOutcome,
  findActivity,
  findNoShowFlag,
  findSignupWithSlot,
  findSlot,
  hasOpenNoShowFlag,
  insertNoShowFlag,
  markNoShowFlagReviewed,
  noShowStartsOf,
  peopleOnSlots,
  replaceSlotChildren,
  rosterOfSlot,
  setAttendance,
  slotsOfActivity,
} from '../data/activities.server';
import type { Tx } from '../data/db.server';
import { staffOverCounty } from '../data/staff.server';
import { completionDue, decideSlotCancel, decideSlotClose, type ContactTier, type SlotOutcome, type SlotStatus } from '../domain/activity';
import { canSeeSite, type Actor } from '../domain/actor';
import { err, forbidden, notFound, ok, type DomainError, type PrivacyFinding, type Result } from '../domain/errors';
import { can } from '../domain/policy';
import { checkPublicText } from '../domain/privacy';
import { decideAttendance, noShowFlagDue, noShowsInWindow, type Attendance } from '../domain/signup';
import { enqueueMail } from '../mail/send.server';
import { Refusal, refuseUnlessChanged, transact } from '../server/tx.server';
import { writeActivityStatus, writeSlotStatus } from './activity-status.server';

// One slot of an activity, from the staff's side: cancelling it, recording attendance, closing it with its
// outcome (and correcting it), completion of the activity when its last slot is closed, the no-show flags,
// and the staff slot page. Sign-ups themselves are the sign-up slice's (signups.server.ts): this module
// reads their status and never writes it. Proposing and reviewing activities is activity-proposals.server.ts's.

const appBase = () => config().appUrl.replace(/\/$/, '');

/** A reason mailed to helpers passes the check for contact details and addresses (it names no child). */
function reasonFindings(reason: string | undefined): PrivacyFinding[] {
  return reason ? checkPublicText([reason], { realName: '' }) : [];
}

function badStep(from: string, transition: string) {
  return err({ kind: 'bad_transition' as const, from, to: transition, message: { key: 'error.bad_transition', params: { from, transition } } });
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
// The staff slot page

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
