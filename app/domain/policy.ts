// Who may do what: one question, can(actor, action, resource), default deny.
// Routes guard with it, services check it again. The lifecycle modules
// (wish.ts, claim.ts, vetting.ts) decide *when* a step is allowed, from their tables and the input;
// this alone decides *who*. Each lifecycle names the action its steps need (WISH_STEP_ACTION, …).

import { approvedOrgs, canSeeSite, isApprovedVolunteer, isClaimant, type Actor } from './actor';
import type { ActivityStatus, ContactTier } from './activity';
import type { WishStatus } from './wish';

export type Action =
  | 'child.read'
  | 'child.write'
  | 'wish.write'
  | 'wish.review'
  | 'wish.return_to_draft'
  | 'wish.withdraw'
  | 'wish.claim'
  | 'claim.review'
  | 'claim.confirm'
  | 'claim.act_as_claimant'
  | 'helper.vet'
  | 'helper.read_private'
  | 'helper.reapply'
  | 'one_to_one.contact'
  | 'site.manage'
  | 'staff.manage'
  | 'outbox.read'
  | 'audit.read'
  | 'report.read'
  | 'activity.propose'
  | 'activity.edit'
  | 'activity.review'
  | 'activity.cancel'
  | 'activity.read'
  | 'activity.read_contact'
  | 'slot.signup'
  | 'slot.signup_colleague'
  | 'slot.manage'
  | 'signup.act_as_helper'
  | 'pairing.manage'
  | 'pairing.act_as_volunteer'
  | 'pairing.read'
  | 'org.manage_members'
  | 'certificate.revoke'
  | 'profile.edit';

export const ACTIONS: readonly Action[] = [
  'child.read',
  'child.write',
  'wish.write',
  'wish.review',
  'wish.return_to_draft',
  'wish.withdraw',
  'wish.claim',
  'claim.review',
  'claim.confirm',
  'claim.act_as_claimant',
  'helper.vet',
  'helper.read_private',
  'helper.reapply',
  'one_to_one.contact',
  'site.manage',
  'staff.manage',
  'outbox.read',
  'audit.read',
  'report.read',
  'activity.propose',
  'activity.edit',
  'activity.review',
  'activity.cancel',
  'activity.read',
  'activity.read_contact',
  'slot.signup',
  'slot.signup_colleague',
  'slot.manage',
  'signup.act_as_helper',
  'pairing.manage',
  'pairing.act_as_volunteer',
  'pairing.read',
  'org.manage_members',
  'profile.edit',
  'certificate.revoke',
];

export type Resource =
  /** A site subtree: lists, queues, new records, reports for that subtree. */
  | { type: 'site'; sitePath: string }
  | { type: 'wish'; sitePath: string; authorId: string; status: WishStatus }
  | { type: 'claim'; claimantUserId: string; orgId: string | null; wishSitePath: string }
  /** Claiming as someone: for oneself (orgId null) or for an organization. */
  | { type: 'claimant'; orgId: string | null }
  /**
   * A volunteer or organization being vetted. sitePath is the helper's county
   * path, or null when they have not chosen one. Pass userId (a volunteer) or
   * orgId (an organization) so nobody vets themselves or their own organization.
   */
  | { type: 'helper'; sitePath: string | null; userId?: string; orgId?: string }
  /**
   * An activity. proposerId and orgId say whose proposal it is; viewerSignedUp is whether the asking
   * person holds a confirmed place on one of its slots (the organizer contact is theirs to see).
   */
  | { type: 'activity'; sitePath: string; proposerId: string; orgId: string | null; status: ActivityStatus; viewerSignedUp?: boolean }
  /** A slot, for signing up: its site and the activity's contact tier. */
  | { type: 'slot'; sitePath: string; contactTier: ContactTier }
  /** A sign-up: whose place it is, and for which organization it was made (null: for themselves). */
  | { type: 'signup'; userId: string; orgId: string | null; sitePath: string }
  /** A caring-parent pairing: the child's site and the paired volunteer. */
  | { type: 'pairing'; sitePath: string; volunteerUserId: string }
  | { type: 'org'; orgId: string }
  /**
   * An issued service certificate: sitePath is the issuer site's path, or the county of the issuing organization
   * (null when it has none); holderUserId is the helper it certifies.
   */
  | { type: 'certificate'; sitePath: string | null; holderUserId: string }
  | { type: 'user'; userId: string }
  /** The whole platform: bureau-level pages (outbox, all sites, all staff). */
  | { type: 'global' };

type ResourceOf<T extends Resource['type']> = Extract<Resource, { type: T }>;
type RulesByResource = { [T in Resource['type']]?: (actor: Actor, resource: ResourceOf<T>) => boolean };

/** Staff of the resource's site subtree, or an admin. */
const staffOf = (actor: Actor, sitePath: string) => canSeeSite(actor, sitePath);
const isAdmin = (actor: Actor) => actor.admin;
const isStaffOrAdmin = (actor: Actor) => actor.admin || actor.staff !== null;
const isApprovedHelper = (actor: Actor) => isApprovedVolunteer(actor) || approvedOrgs(actor).length > 0;
/** Vetted for time alone with a child, and the yearly re-check not overdue. */
const oneToOneCleared = (actor: Actor) =>
  isApprovedVolunteer(actor) && actor.volunteer?.oneToOne === true && actor.volunteer.recheckOverdue !== true;
/** The person who proposed the activity, or a member of the organization it was proposed for. */
export const proposesActivity = (actor: Actor, r: { proposerId: string; orgId: string | null }) =>
  actor.userId === r.proposerId || (r.orgId !== null && actor.orgs.some((m) => m.orgId === r.orgId));

// An actor always has a user id, and each membership an organization id: an absent one matches nothing.
const vetsThemselves = (actor: Actor, helper: { userId?: string; orgId?: string }) =>
  helper.userId === actor.userId || actor.orgs.some((m) => m.orgId === helper.orgId);

/**
 * The rules, one line per action and resource type. Anything not listed is denied:
 * an action asked about a resource type it has no rule for is false.
 */
const RULES: { readonly [A in Action]: RulesByResource } = {
  'child.read': { site: (a, r) => staffOf(a, r.sitePath) },
  'child.write': { site: (a, r) => staffOf(a, r.sitePath) },

  // A wish's text is frozen once it leaves draft: the reviewer publishes exactly what passed the privacy check.
  'wish.write': {
    site: (a, r) => staffOf(a, r.sitePath),
    wish: (a, r) => staffOf(a, r.sitePath) && r.status === 'draft',
  },
  // Four-eyes: a second staff member (or an admin) publishes.
  'wish.review': {
    site: (a, r) => staffOf(a, r.sitePath),
    wish: (a, r) => staffOf(a, r.sitePath) && a.userId !== r.authorId,
  },
  // The author may take their own wish back; another reviewer says why (wish.ts checks the reason).
  'wish.return_to_draft': { wish: (a, r) => staffOf(a, r.sitePath) },
  'wish.withdraw': { wish: (a, r) => staffOf(a, r.sitePath) },
  // On a wish: may this person claim wishes at all. As a claimant: for themselves (an approved
  // volunteer) or for an organization they belong to that is approved. Whether the wish is open is
  // the lifecycle's (wish-claim.ts).
  'wish.claim': {
    wish: (a) => isApprovedHelper(a),
    claimant: (a, r) => (r.orgId === null ? isApprovedVolunteer(a) : approvedOrgs(a).some((m) => m.orgId === r.orgId)),
  },

  // Nobody approves or confirms their own claim.
  'claim.review': {
    site: (a, r) => staffOf(a, r.sitePath),
    claim: (a, r) => staffOf(a, r.wishSitePath) && !isClaimant(a, r),
  },
  'claim.confirm': {
    claim: (a, r) => staffOf(a, r.wishSitePath) && !isClaimant(a, r),
  },
  'claim.act_as_claimant': { claim: (a, r) => isClaimant(a, r) },

  // Helpers who have not chosen a county yet can be vetted by any staff member.
  'helper.vet': {
    site: (a, r) => staffOf(a, r.sitePath),
    helper: (a, r) =>
      (r.sitePath === null ? isStaffOrAdmin(a) : staffOf(a, r.sitePath)) &&
      !vetsThemselves(a, r),
  },
  'helper.read_private': {
    helper: (a, r) => (r.sitePath === null ? isStaffOrAdmin(a) : staffOf(a, r.sitePath)),
  },
  // A rejected volunteer applies again for themselves; an organization through its manager.
  'helper.reapply': {
    helper: (a, r) =>
      r.orgId !== undefined
        ? a.orgs.some((m) => m.orgId === r.orgId && m.role === 'manager')
        : r.userId === a.userId,
  },
  // Time alone with a child (pairings, one-to-one activities): an approved volunteer vetted for it,
  // whose yearly re-check is not overdue. Donate-only steps (claiming a wish) do not ask this.
  'one_to_one.contact': {
    site: (a) => oneToOneCleared(a),
  },

  'site.manage': { site: (a) => isAdmin(a), global: (a) => isAdmin(a) },
  'staff.manage': { site: (a) => isAdmin(a), global: (a) => isAdmin(a) },
  'outbox.read': { global: (a) => isAdmin(a) },
  // Staff read the history and figures of their own subtree; the whole platform is the bureau's.
  'audit.read': { site: (a, r) => staffOf(a, r.sitePath), global: (a) => isAdmin(a) },
  'report.read': { site: (a, r) => staffOf(a, r.sitePath), global: (a) => isAdmin(a) },

  // An approved organization proposes activities; staff propose them at their sites.
  'activity.propose': {
    site: (a, r) => staffOf(a, r.sitePath),
    org: (a, r) => approvedOrgs(a).some((m) => m.orgId === r.orgId),
  },
  // The proposer side edits and submits its own draft; staff of the site edit any draft there.
  'activity.edit': {
    activity: (a, r) => r.status === 'draft' && (proposesActivity(a, r) || staffOf(a, r.sitePath)),
  },
  // Staff of the activity's site approve and reject; unlike a wish there is no second pair of eyes, since
  // an activity's text names no child (the privacy check still runs).
  'activity.review': { activity: (a, r) => staffOf(a, r.sitePath) },
  // Staff of the site, or the proposer side (who may call off their own activity).
  'activity.cancel': { activity: (a, r) => staffOf(a, r.sitePath) || proposesActivity(a, r) },
  // An activity's work pages and steps: the proposer side at every status, staff of the site once it has left an
  // organization's draft (an organization's unsent draft is its own; staff see a staff draft). On an organization:
  // its activities section, for any member (approved or not).
  'activity.read': {
    activity: (a, r) => proposesActivity(a, r) || (staffOf(a, r.sitePath) && !(r.status === 'draft' && r.orgId !== null)),
    org: (a, r) => a.orgs.some((m) => m.orgId === r.orgId),
  },
  // The organizer contact: people holding a place, the proposer side and staff.
  'activity.read_contact': {
    activity: (a, r) => r.viewerSignedUp === true || proposesActivity(a, r) || staffOf(a, r.sitePath),
  },
  // Approved helpers sign up; a one-to-one slot only for those vetted for it whose re-check is current.
  'slot.signup': {
    slot: (a, r) => (r.contactTier === 'one_to_one' ? oneToOneCleared(a) : isApprovedHelper(a)),
  },
  // A member of an approved organization signs up named colleagues for it.
  'slot.signup_colleague': { org: (a, r) => approvedOrgs(a).some((m) => m.orgId === r.orgId) },
  // Rosters with contact details, attendance, outcomes, cancelling anyone: staff of the site.
  'slot.manage': {
    site: (a, r) => staffOf(a, r.sitePath),
    slot: (a, r) => staffOf(a, r.sitePath),
    signup: (a, r) => staffOf(a, r.sitePath),
  },
  // The helper themselves, or a colleague of the organization that made the sign-up.
  'signup.act_as_helper': {
    signup: (a, r) => a.userId === r.userId || (r.orgId !== null && a.orgs.some((m) => m.orgId === r.orgId)),
  },
  // Pairing a child, ending a pairing, confirming contacts, answering concerns: staff of the child's site
  // subtree, never on a pairing of their own (a staff member who is also a volunteer).
  'pairing.manage': {
    site: (a, r) => staffOf(a, r.sitePath),
    pairing: (a, r) => staffOf(a, r.sitePath) && a.userId !== r.volunteerUserId,
  },
  // The paired volunteer: accept or decline, log contacts, raise concerns, ask to end. Whether their
  // vetting still allows accepting is the pairing lifecycle's (pairing.ts), from their record.
  'pairing.act_as_volunteer': { pairing: (a, r) => a.userId === r.volunteerUserId },
  // The pairing page: the volunteer's own, and staff of the child's site subtree.
  'pairing.read': { pairing: (a, r) => a.userId === r.volunteerUserId || staffOf(a, r.sitePath) },
  'org.manage_members': {
    org: (a, r) => a.orgs.some((m) => m.orgId === r.orgId && m.role === 'manager'),
  },
  'profile.edit': { user: (a, r) => a.userId === r.userId },
  // Staff of the issuer's subtree (for an organization's certificate, of its county), or an admin; never their own.
  'certificate.revoke': {
    certificate: (a, r) => (r.sitePath === null ? isAdmin(a) : staffOf(a, r.sitePath)) && a.userId !== r.holderUserId,
  },
};

export function can(actor: Actor | null, action: Action, resource: Resource): boolean {
  if (!actor) return false;
  // The table pairs each rule with its resource type, so the rule receives the resource it was written for.
  const rule = RULES[action]?.[resource.type] as ((actor: Actor, resource: Resource) => boolean) | undefined;
  return rule ? rule(actor, resource) : false;
}
