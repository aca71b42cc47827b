// A wish and its claim move together. Each decision here returns every effect of one step, on both
// aggregates and in the mail, so the service writes them in one transaction and decides nothing:
// { claimTo, wishTo, mails }. Who may take the step is can()'s question; this is the tables and the input.

import { CLAIM_TRANSITIONS, decideClaimTransition, type ClaimInput, type ClaimStatus, type ClaimTransition } from './claim';
import { conflict, err, ok, type Result } from './errors';
import { decideWishTransition, WISH_TRANSITIONS, type WishStatus, type WishTransition } from './wish';

/** The mail a step sends to the claimant (templates in app/mail/templates). */
export type ClaimMail = 'claim.received' | 'claim.approved' | 'claim.rejected' | 'claim.confirmed' | 'claim.expired' | 'claim.withdrawn';

export interface WishClaimEffects {
  /** The claim's new status; null when the claim does not move (or there is none). */
  claimTo: ClaimStatus | null;
  /** The wish step that follows, and the wish's new status; null when the wish stays. */
  wishStep: WishTransition | null;
  wishTo: WishStatus | null;
  mails: ClaimMail[];
}

/** What the wish does when its claim takes a step: nothing, back to published, delivered or fulfilled. */
export const WISH_FOLLOWS: Readonly<Record<ClaimTransition, WishTransition | null>> = {
  approve: null,
  reject: 'release',
  release: 'release',
  expire: 'release',
  deliver: 'deliver',
  confirm: 'fulfil',
};

/** The mail each claim step sends to the claimant. A helper who releases or delivers needs none. */
export const CLAIM_STEP_MAIL: Readonly<Record<ClaimTransition, ClaimMail | null>> = {
  approve: 'claim.approved',
  reject: 'claim.rejected',
  confirm: 'claim.confirmed',
  expire: 'claim.expired',
  release: null,
  deliver: null,
};

/** One step of a claim, and what its wish does with it. */
export function decideClaimStep(
  facts: { claim: { status: ClaimStatus }; wish: { status: WishStatus } },
  step: ClaimTransition,
  input: ClaimInput = {},
): Result<WishClaimEffects> {
  const onClaim = decideClaimTransition(facts.claim, step, input);
  if (!onClaim.ok) return onClaim;
  const wishStep = WISH_FOLLOWS[step];
  let wishTo: WishStatus | null = null;
  if (wishStep) {
    const onWish = decideWishTransition(facts.wish, wishStep);
    if (!onWish.ok) return onWish;
    wishTo = onWish.value.to;
  }
  const mail = CLAIM_STEP_MAIL[step];
  return ok({ claimTo: onClaim.value.to, wishStep, wishTo, mails: mail ? [mail] : [] });
}

/** The status a new claim starts in. */
export const NEW_CLAIM_STATUS: ClaimStatus = 'pending';

/**
 * Taking a wish: it must be published and its claim deadline not past. The wish is claimed, a
 * pending claim begins and the helper is mailed. (Whether this person may claim, and for whom,
 * is can()'s `wish.claim`, asked first so an unvetted helper learns what they can do about it.)
 */
export function decideClaiming(wish: { status: WishStatus; deadlineAt: number | null }, now: number): Result<WishClaimEffects> {
  if (wish.status !== 'published') {
    const taken: readonly WishStatus[] = ['claimed', 'delivered', 'fulfilled'];
    return conflict(taken.includes(wish.status) ? 'claim.error.already_claimed' : 'claim.error.not_open');
  }
  if (wish.deadlineAt !== null && now > wish.deadlineAt) return conflict('claim.error.deadline_passed');
  return ok({ claimTo: NEW_CLAIM_STATUS, wishStep: 'claim', wishTo: WISH_TRANSITIONS.claim.to, mails: ['claim.received'] });
}

/**
 * Withdrawing a wish that has a live claim ends that claim as `released`: the helper did nothing
 * wrong, so it is neither `rejected` nor `expired`, and they are told by mail. A delivered claim
 * cannot be overtaken this way — the wish table already refuses to withdraw a delivered wish.
 */
export function decideWithdrawal(wish: { status: WishStatus }, liveClaim: { status: ClaimStatus } | null): Result<WishClaimEffects> {
  const decided = decideWishTransition(wish, 'withdraw');
  if (!decided.ok) return decided;
  if (liveClaim === null) return ok({ claimTo: null, wishStep: 'withdraw', wishTo: decided.value.to, mails: [] });
  if (!CLAIM_TRANSITIONS.release.from.includes(liveClaim.status)) {
    return err({
      kind: 'bad_transition',
      from: liveClaim.status,
      to: 'released',
      message: { key: 'error.bad_transition', params: { from: liveClaim.status, transition: 'withdraw' } },
    });
  }
  return ok({ claimTo: CLAIM_TRANSITIONS.release.to, wishStep: 'withdraw', wishTo: decided.value.to, mails: ['claim.withdrawn'] });
}
