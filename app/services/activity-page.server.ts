import { findOrganization, membersOfOrganization } from '../data/organizations.server';
import { activityForPage, signupsOfUsersOnSlots, slotsOfActivity, waitingQueueNos } from '../data/signups.server';
import { approvedOrgs, type Actor } from '../domain/actor';
import { isPublicActivity } from '../domain/activity';
import { notFound, ok, type Result } from '../domain/errors';
import { can } from '../domain/policy';
import { cancelCutoff, decideSignup, openForSignup, SIGNUP_LIVE_STATUSES, waitingPosition } from '../domain/signup';
import type { ColleagueChoice, SlotView } from '../views/signups';
import { signupRefusal } from './signups.server';

// The public activity page with each slot's places and, for a signed-in helper, what they may do on
// each slot: the same checks as the actions (can slot.signup, openForSignup, the cut-off), so the page
// never offers what the action refuses.

export function activityPage(actor: Actor | null, activityId: string, now: number): Result<{
  activity: { id: string; type: string; title: string; description: string; status: string; contactTier: 'group' | 'one_to_one'; cancelCutoffHours: number; orgName: string | null; siteZh: string; siteEn: string };
  contact: string | null;
  slots: SlotView[];
  colleagues: ColleagueChoice[];
  signedIn: boolean;
}> {
  const a = activityForPage(activityId);
  if (!a || !isPublicActivity(a.status)) return notFound();
  const slots = slotsOfActivity(activityId);
  const slotIds = slots.map((s) => s.id);
  const waiting = waitingQueueNos(slotIds);
  const mine = actor ? signupsOfUsersOnSlots([actor.userId], slotIds).filter((s) => SIGNUP_LIVE_STATUSES.includes(s.status)) : [];
  const views = slots.map((s): SlotView => {
    const queue = waiting.filter((w) => w.slotId === s.id).map((w) => w.queueNo ?? 0);
    const own = mine.find((m) => m.slotId === s.id);
    const open = openForSignup({ status: s.status, activityStatus: a.status, startsAt: s.startsAt }, now);
    const allowed = can(actor, 'slot.signup', { type: 'slot', sitePath: s.sitePath, contactTier: a.contactTier });
    let offer: SlotView['offer'] = null;
    let refusal: string | null = null;
    if (!own) {
      if (!open.ok) refusal = open.error.kind === 'conflict' ? open.error.message.key : null;
      else if (!allowed) refusal = signupRefusal(actor, a.contactTier);
      else {
        // The same decision the action makes, so the button says what pressing it will do.
        const decided = decideSignup({ status: s.status, activityStatus: a.status, startsAt: s.startsAt, capacity: s.capacity, taken: s.taken, waiting: queue.length }, null, now);
        offer = decided.ok && decided.value.to === 'confirmed' ? 'signup' : 'waitlist';
      }
    }
    return {
      id: s.id,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      siteZh: s.siteZh,
      siteEn: s.siteEn,
      place: s.place,
      capacity: s.capacity,
      placesLeft: Math.max(0, s.capacity - s.taken),
      status: s.status,
      offer,
      refusal,
      mine: own
        ? {
            signupId: own.id,
            status: own.status,
            position: own.status === 'waitlisted' ? waitingPosition(own.queueNo ?? 0, queue) : null,
            offerExpiresAt: own.status === 'offered' ? own.offerExpiresAt : null,
            canCancel: s.status === 'open' && (own.status === 'waitlisted' ? now < s.startsAt : now <= cancelCutoff(s.startsAt, a.cancelCutoffHours)),
          }
        : null,
    };
  });
  const viewerSignedUp = mine.some((m) => m.status === 'confirmed');
  const contact = can(actor, 'activity.read_contact', { type: 'activity', sitePath: a.sitePath, proposerId: a.proposerId, orgId: a.orgId, status: a.status, viewerSignedUp })
    ? a.organizerContact
    : null;
  const openSlots = views.filter((v) => v.status === 'open' && v.startsAt > now).map((v) => v.id);
  const colleagues: ColleagueChoice[] =
    actor && openSlots.length
      ? approvedOrgs(actor)
          .filter((m) => can(actor, 'slot.signup_colleague', { type: 'org', orgId: m.orgId }))
          .map((m) => {
            const members = membersOfOrganization(m.orgId);
            const theirs = signupsOfUsersOnSlots(members.map((x) => x.userId), openSlots).filter((s) => SIGNUP_LIVE_STATUSES.includes(s.status));
            return {
              orgId: m.orgId,
              orgName: findOrganization(m.orgId)?.name ?? '',
              members: members.map((x) => ({ userId: x.userId, name: x.displayName, onSlots: theirs.filter((s) => s.userId === x.userId).map((s) => s.slotId) })),
            };
          })
      : [];
  return ok({
    activity: {
      id: a.id,
      type: a.type,
      title: a.title,
      description: a.description,
      status: a.status,
      contactTier: a.contactTier,
      cancelCutoffHours: a.cancelCutoffHours,
      orgName: a.orgName,
      siteZh: a.siteZh,
      siteEn: a.siteEn,
    },
    contact: contact && contact.trim() !== '' ? contact : null,
    slots: views,
    colleagues,
    signedIn: actor !== null,
  });
}
