// Who is acting. Built from the database by the auth layer; the domain only reads it.

export type HelperStatus = 'pending' | 'approved' | 'rejected' | 'suspended';

export interface StaffRole {
  siteId: string;
  /** Materialized path of the staff member's site, e.g. "/wz/lt/gc/". A site is in the subtree when its path starts with this. */
  sitePath: string;
}

export interface VolunteerRole {
  status: HelperStatus;
  caringParent: boolean;
  /**
   * Vetted for one-to-one contact with a child (a caring parent, or a helper staff approved for
   * one-to-one work): such helpers are re-checked yearly. Absent means no.
   */
  oneToOne?: boolean;
  /** The yearly re-check is past due and staff have not recorded it yet (computed when the actor is loaded). */
  recheckOverdue?: boolean;
}

export interface OrgMembership {
  orgId: string;
  role: 'manager' | 'member';
  /** Vetting status of the organization itself. */
  orgStatus: HelperStatus;
}

export interface Actor {
  userId: string;
  admin: boolean;
  staff: StaffRole | null;
  volunteer: VolunteerRole | null;
  orgs: OrgMembership[];
}

/** The anonymous visitor. */
export const VISITOR: Actor | null = null;

export function isInSubtree(sitePath: string, rootPath: string): boolean {
  return sitePath.startsWith(rootPath);
}

/** Staff (of that subtree) or admin. */
export function canSeeSite(actor: Actor | null, sitePath: string): boolean {
  if (!actor) return false;
  if (actor.admin) return true;
  return actor.staff !== null && isInSubtree(sitePath, actor.staff.sitePath);
}

export function isApprovedVolunteer(actor: Actor | null): boolean {
  return actor?.volunteer?.status === 'approved';
}

export function approvedOrgs(actor: Actor | null): OrgMembership[] {
  return actor ? actor.orgs.filter((m) => m.orgStatus === 'approved') : [];
}

/**
 * The claimant is the volunteer who claimed for themselves, or, for a claim made on
 * behalf of an organization, any current member of that organization (colleagues
 * share the work; someone who has left the organization no longer acts for it).
 */
export function isClaimant(actor: Actor | null, claim: { claimantUserId: string; orgId: string | null }): boolean {
  if (!actor) return false;
  if (claim.orgId === null) return actor.userId === claim.claimantUserId;
  return actor.orgs.some((m) => m.orgId === claim.orgId);
}
