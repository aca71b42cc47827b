// When a claim is due, and when its helper is reminded.

import { deliveryDueAt, type ClaimStatus } from './claim';
import { DAY_MS } from './calendar';

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

// Withdrawing a wish with its live claim is decided with the other joint steps, in wish-claim.ts.
