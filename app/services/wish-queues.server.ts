import { claimsUnder, liveClaimsDueBefore, type ClaimDetail } from '../data/claims.server';
import { scopeRoot } from '../data/scope.server';
import { wishesInReviewUnder, wishesReturnedTo } from '../data/wishes.server';
import type { Actor } from '../domain/actor';
import { CLAIM_DELIVERY_DAYS, isClaimant } from '../domain/claim';
import { DAY_MS } from '../domain/calendar';
import { CLAIM_REMINDER_MS, claimDueAt, dueSoon } from '../domain/claim-schedule';
import type { WishQueueItem, WishQueuesData } from '../views/types';

const EMPTY: WishQueuesData = { returned: [], toReview: [], toApprove: [], toConfirm: [], expiringSoon: [] };

/**
 * The wish work of a staff member's subtree (an admin: everything): their own drafts a reviewer sent
 * back (the reason is on the wish's page), wishes waiting for a second
 * reviewer (never the viewer's own), claims to approve (never the viewer's own), deliveries to
 * confirm, and live claims due within three days. Anyone else gets empty queues.
 */
export function wishQueues(actor: Actor | null, now: number): WishQueuesData {
  const root = scopeRoot(actor);
  if (!actor || root === null) return EMPTY;
  const claimItem = (c: ClaimDetail, at: number): WishQueueItem => ({
    id: c.claim.id,
    url: `/staff/claims/${c.claim.id}`,
    title: c.wishTitle,
    alias: c.alias,
    siteZh: c.siteZh,
    siteEn: c.siteEn,
    at,
    who: c.orgName ? `${c.orgName} · ${c.claimantName}` : c.claimantName,
  });
  const wishItem = (w: { id: string; title: string; alias: string; siteZh: string; siteEn: string; at: number }, who: string | null) => ({
    id: w.id,
    url: `/staff/wishes/${w.id}`,
    title: w.title,
    alias: w.alias,
    siteZh: w.siteZh,
    siteEn: w.siteEn,
    at: w.at,
    who,
  });
  const horizon = now + CLAIM_REMINDER_MS;
  return {
    returned: wishesReturnedTo(actor.userId).map((w) => wishItem(w, w.reviewerName)),
    toReview: wishesInReviewUnder(root, actor.userId).map((w) => wishItem(w, w.authorName)),
    toApprove: claimsUnder(root, ['pending'])
      .filter((c) => !isClaimant(actor, c.claim))
      .map((c) => claimItem(c, c.claim.createdAt)),
    toConfirm: claimsUnder(root, ['delivered'])
      .filter((c) => !isClaimant(actor, c.claim))
      .map((c) => claimItem(c, c.claim.deliveredAt ?? c.claim.updatedAt)),
    expiringSoon: liveClaimsDueBefore(horizon, horizon - CLAIM_DELIVERY_DAYS * DAY_MS, root)
      .map((c) => ({ c, dueAt: claimDueAt(c.claim, c.wishDeadlineAt) }))
      .filter(({ dueAt }) => dueSoon(dueAt, now))
      .sort((a, b) => a.dueAt! - b.dueAt!)
      .map(({ c, dueAt }) => claimItem(c, dueAt!)),
  };
}
