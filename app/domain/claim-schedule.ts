// When a claim is due, when its helper is reminded, and what happens to a live claim when its wish is withdrawn.

import { CLAIM_TRANSITIONS, deliveryDueAt, type ClaimStatus } from './claim';
import { DAY_MS } from './calendar';
import { err, ok, type Result } from './errors';
import { decideWishTransition, type WishFacts, type WishStatus } from './wish';
import type { Actor } from './actor';

/** How long before a claim's due time the helper is reminded, and staff see it as "about to expire". */
export const CLAIM_REMINDER_MS = 3 * DAY_MS;

/**
 * The moment a live claim expires after: the wish's claim deadline, and for an
 * approved claim also the end of the delivery window, whichever comes first.
 * Null when nothing bounds it (a pending claim on a wish without deadline).
 */
export function claimDueAt(
  claim: { status: ClaimStatus; approvedAt: number | null },
  wishDeadline: number | null,
): number | null {
  if (claim.status !== 'pending' && claim.status !== 'approved') return null;
  const limits: number[] = [];
  if (wishDeadline !== null) limits.push(wishDeadline);
  if (claim.status === 'approved' && claim.approvedAt !== null) limits.push(deliveryDueAt(claim.approvedAt));
  return limits.length ? Math.min(...limits) : null;
}

/** Is the claim due within the reminder window (and not past it)? */
export function dueSoon(dueAt: number | null, now: number): boolean {
  return dueAt !== null && now <= dueAt && dueAt - now <= CLAIM_REMINDER_MS;
}

/**
 * The helper is reminded once, only when it is their move (an approved claim that
 * still has to be delivered) and the due time is within three days.
 */
export function reminderDue(
  claim: { status: ClaimStatus; approvedAt: number | null; reminderSentAt: number | null },
  wishDeadline: number | null,
  now: number,
): boolean {
  if (claim.status !== 'approved' || claim.reminderSentAt !== null) return false;
  return dueSoon(claimDueAt(claim, wishDeadline), now);
}

/**
 * Withdrawing a wish that has a live claim ends that claim as `released`: the
 * helper did nothing wrong, so it is neither `rejected` nor `expired`, and they
 * are told by mail. A delivered claim cannot be overtaken this way — the wish
 * table already refuses to withdraw a delivered wish.
 */
export function decideWithdrawal(
  wish: WishFacts,
  liveClaim: { status: ClaimStatus } | null,
  actor: Actor | null,
): Result<{ wishTo: WishStatus; claimTo: ClaimStatus | null }> {
  const decided = decideWishTransition(wish, 'withdraw', actor);
  if (!decided.ok) return decided;
  if (liveClaim === null) return ok({ wishTo: decided.value.to, claimTo: null });
  if (!CLAIM_TRANSITIONS.release.from.includes(liveClaim.status)) {
    return err({
      kind: 'bad_transition',
      from: liveClaim.status,
      to: 'released',
      message: { key: 'error.bad_transition', params: { from: liveClaim.status, transition: 'withdraw' } },
    });
  }
  return ok({ wishTo: decided.value.to, claimTo: CLAIM_TRANSITIONS.release.to });
}
