import { claimsOfHelper as claimsOfHelperRows } from '../data/claims.server';
import type { Actor } from '../domain/actor';
import { claimDueAt } from '../domain/claim-schedule';
import type { HelperClaim } from '../views/types';

const NEXT_STEP: Record<string, string> = {
  pending: 'claim.next.pending',
  approved: 'claim.next.approved',
  delivered: 'claim.next.delivered',
  confirmed: 'claim.next.confirmed',
  rejected: 'claim.next.rejected',
  released: 'claim.next.released',
  expired: 'claim.next.expired',
};

/**
 * A helper's claims with their state and next step: 'personal' for the volunteer's own claims
 * (/me), 'org' for the claims of the organizations they belong to (/org), 'all' for both.
 * Only the wish's public face is returned.
 */
export function claimsOfHelper(actor: Actor | null, scope: 'all' | 'personal' | 'org' = 'all'): HelperClaim[] {
  if (!actor) return [];
  return claimsOfHelperRows(actor.userId, actor.orgs.map((m) => m.orgId), scope).map((c) => ({
    id: c.claim.id,
    wishId: c.wishId,
    url: `/wishes/${c.wishId}`,
    title: c.wishTitle,
    alias: c.alias,
    ageBand: c.ageBand,
    countyZh: c.countyZh,
    countyEn: c.countyEn,
    status: c.claim.status,
    orgName: c.orgName,
    nextStep: NEXT_STEP[c.claim.status] ?? 'claim.next.released',
    dueAt: claimDueAt(c.claim, c.wishDeadlineAt),
    reason: c.claim.status === 'rejected' ? c.claim.reason : null,
    thanks: c.claim.status === 'confirmed' ? c.claim.thanks : null,
    updatedAt: c.claim.updatedAt,
  }));
}
