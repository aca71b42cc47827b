// A helper taking a wish: pending → approved → delivered → confirmed,
// ending early as rejected (staff), released (the helper gives it up) or expired (the system).

import type { Actor } from './actor';
import { err, type Result } from './errors';
import { isStepOf, stepTo, type TransitionTable } from './lifecycle';
import { can, type Action } from './policy';

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

export const CLAIM_TRANSITIONS: TransitionTable<ClaimTransition, ClaimStatus> = {
  approve: { from: ['pending'], to: 'approved' },
  reject: { from: ['pending'], to: 'rejected' },
  release: { from: ['pending', 'approved'], to: 'released' },
  deliver: { from: ['approved'], to: 'delivered' },
  confirm: { from: ['delivered'], to: 'confirmed' },
  expire: { from: ['pending', 'approved'], to: 'expired' },
};

/**
 * The action each step needs (who may take it is can()'s question), and the message a refused person
 * reads. Expiry has no action: only the system takes it, never someone through a page.
 */
export const CLAIM_STEP_RULES: Readonly<Record<ClaimTransition, { readonly permission: Action | null; readonly refusal?: string }>> = {
  approve: { permission: 'claim.review', refusal: 'claim.error.own_claim' },
  reject: { permission: 'claim.review', refusal: 'claim.error.own_claim' },
  confirm: { permission: 'claim.confirm', refusal: 'claim.error.own_claim' },
  release: { permission: 'claim.act_as_claimant' },
  deliver: { permission: 'claim.act_as_claimant' },
  expire: { permission: null },
};

export function isClaimTransition(name: string): name is ClaimTransition {
  return isStepOf(CLAIM_TRANSITIONS, name);
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

/** Who acts for a claim is the actor module's question; re-exported for the pages that show claims. */
export { isClaimant } from './actor';

/**
 * Decides one claim step from the table and the input. Who may take it is can()'s question
 * (CLAIM_STEP_RULES names the action); what the wish does alongside is wish-claim.ts's.
 */
export function decideClaimTransition(
  claim: { status: ClaimStatus },
  transition: ClaimTransition,
  input: ClaimInput = {},
): Result<{ to: ClaimStatus }> {
  const step = stepTo(CLAIM_TRANSITIONS, claim.status, transition);
  if (!step.ok) return step;

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

  return step;
}

/** The steps this actor may take on this claim now: the table and can() together, for the page's buttons. */
export function availableSteps(claim: ClaimFacts, actor: Actor | null): ClaimTransition[] {
  const resource = { type: 'claim' as const, claimantUserId: claim.claimantUserId, orgId: claim.orgId, wishSitePath: claim.wishSitePath };
  return (Object.keys(CLAIM_TRANSITIONS) as ClaimTransition[]).filter((step) => {
    const { permission: action } = CLAIM_STEP_RULES[step];
    return action !== null && CLAIM_TRANSITIONS[step].from.includes(claim.status) && can(actor, action, resource);
  });
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
