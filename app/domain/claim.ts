// A helper taking a wish: pending → approved → delivered → confirmed,
// ending early as rejected (staff), released (the helper gives it up) or expired (the system).

import { approvedOrgs, canSeeSite, isApprovedVolunteer, type Actor } from './actor';
import { conflict, err, forbidden, ok, type DomainError, type Result } from './errors';
import type { WishStatus } from './wish';

export type ClaimStatus = 'pending' | 'approved' | 'delivered' | 'confirmed' | 'rejected' | 'released' | 'expired';

export const CLAIM_STATUSES: readonly ClaimStatus[] = [
  'pending',
  'approved',
  'delivered',
  'confirmed',
  'rejected',
  'released',
  'expired',
];

/** At most one claim per wish is in one of these (a partial unique index in the database). */
export const CLAIM_LIVE_STATUSES: readonly ClaimStatus[] = ['pending', 'approved', 'delivered'];

export type ClaimTransition = 'approve' | 'reject' | 'release' | 'deliver' | 'confirm' | 'expire';

export const CLAIM_TRANSITIONS: Readonly<
  Record<ClaimTransition, { readonly from: readonly ClaimStatus[]; readonly to: ClaimStatus }>
> = {
  approve: { from: ['pending'], to: 'approved' },
  reject: { from: ['pending'], to: 'rejected' },
  release: { from: ['pending', 'approved'], to: 'released' },
  deliver: { from: ['approved'], to: 'delivered' },
  confirm: { from: ['delivered'], to: 'confirmed' },
  expire: { from: ['pending', 'approved'], to: 'expired' },
};

/** Who may take each step: staff of the wish's site subtree (or admin), the claimant, or the system (actor null). */
export const CLAIM_TRANSITION_ACTORS: Readonly<Record<ClaimTransition, 'staff' | 'claimant' | 'system'>> = {
  approve: 'staff',
  reject: 'staff',
  confirm: 'staff',
  release: 'claimant',
  deliver: 'claimant',
  expire: 'system',
};

export function isClaimTransition(name: string): name is ClaimTransition {
  return Object.prototype.hasOwnProperty.call(CLAIM_TRANSITIONS, name);
}

/** Days a helper has after approval to deliver before the claim expires. */
export const CLAIM_DELIVERY_DAYS = 14;

const DAY_MS = 24 * 60 * 60 * 1000;

export interface ClaimFacts {
  status: ClaimStatus;
  claimantUserId: string;
  orgId: string | null;
  wishSitePath: string;
}

export interface ClaimInput {
  /** Shown to the helper; required to reject. */
  reason?: string;
  /** The value staff actually received, in fen (分); required to confirm. */
  valueReceivedFen?: number;
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

/**
 * Decides one claim step: the table, then the actor, then the input.
 * Staff may not approve, reject or confirm a claim that is their own, or their
 * organization's (a staff member can also be a helper): they would be deciding
 * on themselves. They give it up with release like any helper.
 */
export function decideClaimTransition(
  claim: ClaimFacts,
  transition: ClaimTransition,
  actor: Actor | null,
  input: ClaimInput = {},
): Result<{ to: ClaimStatus }> {
  const rule = isClaimTransition(transition) ? CLAIM_TRANSITIONS[transition] : undefined;
  if (!rule || !rule.from.includes(claim.status)) {
    return err(badTransition(claim.status, transition, rule?.to));
  }

  switch (CLAIM_TRANSITION_ACTORS[transition]) {
    case 'system':
      if (actor !== null) return forbidden();
      break;
    case 'claimant':
      if (!isClaimant(actor, claim)) return forbidden();
      break;
    case 'staff':
      if (!canSeeSite(actor, claim.wishSitePath)) return forbidden();
      if (isClaimant(actor, claim)) return forbidden('claim.error.own_claim');
      break;
  }

  if (transition === 'reject' && (input.reason === undefined || input.reason.trim() === '')) {
    return err({ kind: 'validation', fields: { reason: ['reason_required'] } });
  }
  if (transition === 'confirm') {
    const value = input.valueReceivedFen;
    if (value === undefined) {
      return err({ kind: 'validation', fields: { valueReceived: ['value_received_required'] } });
    }
    if (!Number.isSafeInteger(value) || value < 0) {
      return err({ kind: 'validation', fields: { valueReceived: ['value_received_invalid'] } });
    }
  }

  return ok({ to: rule.to });
}

/**
 * May this actor claim a wish now, for themselves or for `forOrgId`?
 * Returns who the claim belongs to. Being an approved helper is checked before
 * the wish, so an unvetted helper learns what they can do about it.
 */
export function canClaim(
  actor: Actor | null,
  target: { wishStatus: WishStatus; forOrgId?: string },
): Result<{ claimantUserId: string; orgId: string | null }> {
  if (!actor) return forbidden('claim.error.not_approved');

  let orgId: string | null = null;
  if (target.forOrgId !== undefined) {
    if (!approvedOrgs(actor).some((m) => m.orgId === target.forOrgId)) return forbidden('claim.error.not_approved');
    orgId = target.forOrgId;
  } else if (!isApprovedVolunteer(actor)) {
    return forbidden('claim.error.not_approved');
  }

  if (target.wishStatus !== 'published') {
    const taken: readonly WishStatus[] = ['claimed', 'delivered', 'fulfilled'];
    return conflict(taken.includes(target.wishStatus) ? 'claim.error.already_claimed' : 'claim.error.not_open');
  }

  return ok({ claimantUserId: actor.userId, orgId });
}

/** When an approved claim must be delivered by. */
export function deliveryDueAt(approvedAt: number): number {
  return approvedAt + CLAIM_DELIVERY_DAYS * DAY_MS;
}

/**
 * Should the system expire this claim now? Yes for a pending or approved claim
 * once the wish's claim deadline has passed, and for an approved claim not
 * delivered more than CLAIM_DELIVERY_DAYS after approval. Both limits are
 * inclusive: at the exact instant the claim is still in time.
 */
export function expiryDue(
  claim: { status: ClaimStatus; approvedAt: number | null },
  wishDeadline: number | null,
  now: number,
): boolean {
  if (claim.status !== 'pending' && claim.status !== 'approved') return false;
  if (wishDeadline !== null && now > wishDeadline) return true;
  return claim.status === 'approved' && claim.approvedAt !== null && now > deliveryDueAt(claim.approvedAt);
}

function badTransition(from: string, transition: string, to: string | undefined): DomainError {
  return {
    kind: 'bad_transition',
    from,
    to: to ?? transition,
    message: { key: 'error.bad_transition', params: { from, transition } },
  };
}
