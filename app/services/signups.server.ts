import { drain, drainYielding, pacer, type Steps } from '../server/batches.server';
import { recordAudit } from '../data/audit.server';
import { loadActor } from '../data/actors.server';
import type { Tx } from '../data/db.server';
import { newId } from '../data/ids.server';
import { membersOfOrganization } from '../data/organizations.server';
import {
  ensureFeed,
  confirmedPeople,
  contactOfUser,
  countWaiting,
  findSignup,
  findSlot,
  lapsedOffers,
  markSlotReminded,
  nextQueueNo,
  releasePlace,
  signupOf,
  slotsToRemind,
  takePlace,
  waitingOf,
  type SignupDetail,
  type SlotDetail,
} from '../data/signups.server';
import { findUserById } from '../data/users.server';
import type { Actor } from '../domain/actor';
import { isPublicActivity } from '../domain/activity';
import { err, forbidden, notFound, type DomainError, type Result } from '../domain/errors';
import { can } from '../domain/policy';
import { checkPublicText } from '../domain/privacy';
import {
  decideCancel,
  decideFreedPlace,
  decideOfferAnswer,
  decideSignup,
  offerExpiryDue,
  placeLost,
  type SignupMail,
  type SignupStatus,
} from '../domain/signup';
import type { Locale } from '../i18n/locale';
import { enqueueMail } from '../mail/send.server';
import { config } from '../platform/config.server';
import { logger } from '../platform/logger.server';
import type { OutgoingMail } from '../server/status-change.server';
import { Refusal, refuseUnlessChanged, transact } from '../server/tx.server';
import { writeNewSignup, writeSignupStatus } from './signup-status.server';
import { newFeedRow } from './calendar-feeds.server';

// Signing up for activity slots. A place is held (confirmed or offered) only through the conditional
// update of slots.taken inside the sign-up's BEGIN IMMEDIATE transaction, so capacity holds under any
// concurrency; unique(slot, user) keeps one row per person and slot, reused when they sign up again.
// Every place that frees (a cancellation, a declined or lapsed offer) is offered, in the same
// transaction, to the first person waiting: no silent promotion.

const ALREADY: DomainError = { kind: 'conflict', message: { key: 'signup.error.already_signed_up' } };
const HOUR_MS = 60 * 60 * 1000;
export const REMINDER_BEFORE_MS = 24 * HOUR_MS;

export interface SignupOutcome {
  signupId: string;
  status: 'confirmed' | 'waitlisted';
  /** Position on the waiting list (1 = next), when waitlisted. */
  position: number | null;
}

const slotResource = (found: SlotDetail) => ({ type: 'slot' as const, sitePath: found.sitePath, contactTier: found.contactTier });
const signupResource = (found: SignupDetail) => ({ type: 'signup' as const, userId: found.signup.userId, orgId: found.signup.orgId, sitePath: found.sitePath });

/** Why this person may not sign up for the slot (the refusal of can slot.signup), for the page and the action alike. */
export function signupRefusal(actor: Actor | null, tier: 'group' | 'one_to_one'): string {
  if (!actor) return 'signup.error.sign_in';
  if (tier === 'one_to_one' && (actor.volunteer?.status === 'approved' || actor.orgs.some((m) => m.orgStatus === 'approved'))) {
    return actor.volunteer?.oneToOne && actor.volunteer.recheckOverdue ? 'signup.error.recheck_overdue' : 'signup.error.one_to_one';
  }
  return 'signup.error.not_approved';
}

/**
 * Signs a person up for a slot: confirmed while a place is free (and nobody waits ahead), otherwise at
 * the end of the waiting list. `by` is set when an organization member signs up a colleague.
 */
export function signUp(
  actor: Actor | null,
  slotId: string,
  now: number,
  by?: { orgId: string; signedUpBy: string },
): Result<SignupOutcome> {
  const found = findSlot(slotId);
  if (!found || !isPublicActivity(found.activityStatus)) return notFound();
  if (!actor || !can(actor, 'slot.signup', slotResource(found))) return forbidden(signupRefusal(actor, found.contactTier));
  const contact = contactOfUser(actor.userId);
  if (!contact) return notFound();

  return transact((tx) => {
    // Read again under the write lock: the decision is made on what this transaction will write over.
    const slot = findSlot(slotId, tx)!;
    const existing = signupOf(slotId, actor.userId, tx) ?? null;
    const decided = decideSignup(
      {
        status: slot.slot.status,
        activityStatus: slot.activityStatus,
        startsAt: slot.slot.startsAt,
        capacity: slot.slot.capacity,
        taken: slot.slot.taken,
        waiting: countWaiting(tx, slotId),
      },
      existing,
      now,
    );
    if (!decided.ok) throw new Refusal(decided.error);
    let { to, mail } = decided.value;
    // The database has the last word on the place.
    if (to === 'confirmed' && takePlace(tx, slotId) === 0) ({ to, mail } = placeLost());
    const queueNo = to === 'waitlisted' ? nextQueueNo(tx, slotId) : null;
    // Counted before this row is written: everyone already waiting stands ahead.
    const position = to === 'waitlisted' ? countWaiting(tx, slotId) + 1 : null;
    const mails = [slotMail(slot, { email: contact.email, name: contact.name, locale: contact.locale }, mail, { position: position ?? 0 })];
    const fields = { queueNo, orgId: by?.orgId ?? null, signedUpBy: by?.signedUpBy ?? actor.userId };
    const siteId = slot.slot.siteId;
    let signupId: string;
    if (existing) {
      // unique(slot, user): someone who cancelled (or let an offer go) earlier gets their row back.
      signupId = existing.id;
      writeSignupStatus(
        tx,
        { id: existing.id, from: existing.status, to, action: 'signup', actorId: by?.signedUpBy ?? actor.userId, siteId, now, mails },
        { ...fields, offeredAt: null, offerExpiresAt: null, cancelReason: null },
      );
    } else {
      signupId = newId();
      writeNewSignup(tx, { id: signupId, slotId, userId: actor.userId, status: to, ...fields }, { actorId: by?.signedUpBy ?? actor.userId, siteId, now }, mails);
    }
    // Every signed-up helper has a personal calendar feed (created once, rotatable from /me).
    ensureFeed(tx, newFeedRow(actor.userId, now));
    return { signupId, status: to, position };
  }, ALREADY);
}

export type ColleagueOutcome = { userId: string; name: string | null } & ({ ok: true; value: SignupOutcome } | { ok: false; error: DomainError });

/**
 * A member of an approved organization signs up named colleagues for it. Each colleague must be a
 * member and may sign up themselves (can slot.signup as themselves: a one-to-one slot still needs their
 * own vetting); each takes a place of their own, in their own transaction, and is reported next to
 * their name (like the wish basket, README D11).
 */
export function signUpColleagues(actor: Actor | null, orgId: string, slotId: string, userIds: string[], now: number): Result<ColleagueOutcome[]> {
  if (!actor || !can(actor, 'slot.signup_colleague', { type: 'org', orgId })) return forbidden('signup.error.not_member');
  const members = new Map(membersOfOrganization(orgId).map((m) => [m.userId, m.displayName]));
  const outcomes = [...new Set(userIds)].map((userId): ColleagueOutcome => {
    const name = members.get(userId) ?? null;
    if (name === null) return { userId, name, ok: false, error: { kind: 'forbidden', message: { key: 'signup.error.not_colleague' } } };
    const user = findUserById(userId);
    if (!user) return { userId, name, ok: false, error: { kind: 'not_found' } };
    const result = signUp(loadActor(user, now), slotId, now, { orgId, signedUpBy: actor.userId });
    return result.ok ? { userId, name, ok: true, value: result.value } : { userId, name, ok: false, error: result.error };
  });
  return { ok: true, value: outcomes };
}

/**
 * Cancels a sign-up: the helper themselves (or a colleague of the organization that made it) up to the
 * activity's cut-off; staff of the slot's site at any time, with a reason the helper is mailed.
 */
export function cancelSignup(actor: Actor | null, signupId: string, reason: string | undefined, now: number): Result<{ signupId: string; by: 'helper' | 'staff' }> {
  const found = findSignup(signupId);
  if (!found) return notFound();
  const resource = signupResource(found);
  const asHelper = can(actor, 'signup.act_as_helper', resource);
  const asStaff = can(actor, 'slot.manage', resource);
  if (!asHelper && !asStaff) return notFound();
  // A staff member who is also the helper acts as staff only when they give a reason.
  const by: 'helper' | 'staff' = asStaff && (!asHelper || (reason ?? '').trim() !== '') ? 'staff' : 'helper';
  const decided = decideCancel(
    { status: found.signup.status },
    { startsAt: found.slot.startsAt, cutoffHours: found.cancelCutoffHours, status: found.slot.status },
    by,
    now,
    reason,
  );
  if (!decided.ok) return decided;
  // The reason is mailed to the helper: like every text mailed to helpers, it passes the privacy check.
  if (by === 'staff') {
    const findings = checkPublicText([reason!], { realName: '' });
    if (findings.length) return err({ kind: 'privacy', findings });
  }
  const { to, freesPlace, mail } = decided.value;
  const actorId = actor!.userId;
  return transact((tx) => {
    writeSignupStatus(
      tx,
      {
        id: signupId,
        from: found.signup.status,
        to,
        action: 'cancel',
        actorId,
        siteId: found.slot.siteId,
        now,
        note: by === 'staff' ? reason!.trim() : null,
        mails: mail ? [slotMail(found, personOf(found), mail, { reason: reason!.trim() })] : [],
      },
      { cancelReason: by === 'staff' ? reason!.trim() : null, offerExpiresAt: null },
    );
    if (freesPlace) freePlace(tx, found.slot.id, now);
    return { signupId, by };
  });
}

/** The person offered a freed place accepts it (if the offer has not lapsed) or declines it (the next person is offered it). */
export function answerOffer(actor: Actor | null, signupId: string, answer: 'accept_offer' | 'decline_offer', now: number): Result<{ signupId: string; status: SignupStatus }> {
  const found = findSignup(signupId);
  if (!found) return notFound();
  if (!can(actor, 'signup.act_as_helper', signupResource(found))) return notFound();
  const decided = decideOfferAnswer({ status: found.signup.status, offerExpiresAt: found.signup.offerExpiresAt }, answer, now);
  if (!decided.ok) return decided;
  const { to, freesPlace } = decided.value;
  return transact((tx) => {
    writeSignupStatus(tx, {
      id: signupId,
      from: found.signup.status,
      to,
      action: answer,
      actorId: actor!.userId,
      siteId: found.slot.siteId,
      now,
      mails: to === 'confirmed' ? [slotMail(found, personOf(found), 'signup.confirmed', {})] : [],
    });
    if (freesPlace) freePlace(tx, found.slot.id, now);
    return { signupId, status: to };
  });
}

/** The viewer's own sign-up on a slot, for the activity page's intents (posted with slotId). */
function mySignupId(actor: Actor | null, slotId: string): string | null {
  return actor ? (signupOf(slotId, actor.userId)?.id ?? null) : null;
}

export function cancelMySignup(actor: Actor | null, slotId: string, now: number) {
  const id = mySignupId(actor, slotId);
  return id ? cancelSignup(actor, id, undefined, now) : notFound();
}

export function answerMyOffer(actor: Actor | null, slotId: string, answer: 'accept_offer' | 'decline_offer', now: number) {
  const id = mySignupId(actor, slotId);
  return id ? answerOffer(actor, id, answer, now) : notFound();
}

/**
 * A held place has freed: give it back, and in the same transaction offer it to the first person
 * waiting (decideFreedPlace), who holds it until the deadline. Nobody is offered it when nobody waits
 * or it is too close to the start; the place is then simply free.
 */
function freePlace(tx: Tx, slotId: string, now: number): void {
  refuseUnlessChanged(releasePlace(tx, slotId));
  const slot = findSlot(slotId, tx)!;
  const waiting = waitingOf(tx, slotId);
  const offer = decideFreedPlace(waiting, { status: slot.slot.status, startsAt: slot.slot.startsAt }, now);
  if (!offer) return;
  refuseUnlessChanged(takePlace(tx, slotId));
  const person = contactOfUser(waiting.find((w) => w.id === offer.offerTo)!.userId, tx)!;
  writeSignupStatus(
    tx,
    {
      id: offer.offerTo,
      from: 'waitlisted',
      to: 'offered',
      action: 'offer',
      actorId: null,
      siteId: slot.slot.siteId,
      now,
      mails: [slotMail(slot, person, offer.mail, { expiresAt: offer.expiresAt })],
    },
    { offeredAt: now, offerExpiresAt: offer.expiresAt },
  );
}

// ---------------------------------------------------------------------------------------------------
// Jobs

/** Offers not answered in time lapse, and each place moves down the list. Each offer is its own transaction. */
export function expireOffers(now: number): { expired: number } {
  let expired = 0;
  for (const id of lapsedOffers(now)) {
    const found = findSignup(id);
    if (!found || !offerExpiryDue(found.signup, now)) continue;
    const outcome = transact((tx) => {
      writeSignupStatus(tx, {
        id,
        from: 'offered',
        to: 'expired',
        action: 'expire_offer',
        actorId: null,
        siteId: found.slot.siteId,
        now,
        mails: [slotMail(found, personOf(found), 'signup.offer_expired', {})],
      });
      freePlace(tx, found.slot.id, now);
    });
    if (outcome.ok) expired += 1;
    else if (outcome.error.kind !== 'conflict') logger.warn('offer expiry refused', { signupId: id, kind: outcome.error.kind });
  }
  return { expired };
}

/** The 24-hour reminder, once per slot (slots.reminded_at), to everyone holding a confirmed place. */
export function remindSlots(now: number): { reminded: number } {
  return drain(remindSteps(now));
}

/** remindSlots for the server's background run: the event loop turns between batches of slots. */
export function remindSlotsInBatches(now: number): Promise<{ reminded: number }> {
  return drainYielding(remindSteps(now));
}

function* remindSteps(now: number): Steps<{ reminded: number }> {
  let reminded = 0;
  const pace = pacer();
  for (const { slotId, siteId } of slotsToRemind(now, now + REMINDER_BEFORE_MS)) {
    if (pace()) yield;
    const outcome = transact((tx) => {
      refuseUnlessChanged(markSlotReminded(tx, slotId, now));
      recordAudit(tx, { at: now, actorId: null, entityType: 'slot', entityId: slotId, action: 'slot_reminder', siteId });
      const slot = findSlot(slotId, tx)!;
      for (const p of confirmedPeople(tx, slotId)) {
        const mail = slotMail(slot, { email: p.email, name: p.name, locale: p.locale }, 'signup.reminder', {});
        enqueueMail(tx, mail, now);
      }
    });
    if (outcome.ok) reminded += 1;
  }
  return { reminded };
}

// ---------------------------------------------------------------------------------------------------
// Mail

interface Person {
  email: string;
  name: string;
  locale: Locale;
}

const personOf = (found: SignupDetail): Person => ({ email: found.personEmail, name: found.personName, locale: found.personLocale });

/** A slot mail: the activity's public face and the slot's time and place only (no child data exists on a slot). */
function slotMail(slot: SlotDetail, to: Person, template: SignupMail | 'signup.reminder', extra: Record<string, string | number>): OutgoingMail {
  const base = config().appUrl.replace(/\/$/, '');
  return {
    to: to.email,
    template,
    locale: to.locale,
    params: {
      name: to.name,
      title: slot.activityTitle,
      startsAt: slot.slot.startsAt,
      endsAt: slot.slot.endsAt,
      site: to.locale === 'en' ? slot.siteEn : slot.siteZh,
      place: slot.slot.place,
      url: `${base}/activities/${slot.activityId}#slot-${slot.slot.id}`,
      ...extra,
    },
  };
}
