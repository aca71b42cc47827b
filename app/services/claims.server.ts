import { recordAudit } from '../data/audit.server';
import {
  pageOfClaimsUnder,
  contactOf,
  findClaim,
  findLiveClaimOfWish,
  insertClaim,
  liveClaimsDueBefore,
  markReminderSent,
  setClaimStatus,
  type ClaimDetail,
  type ClaimStatusValue,
} from '../data/claims.server';
import type { Tx } from '../data/db.server';
import { newId } from '../data/ids.server';
import { scopeRoot } from '../data/scope.server';
import { findOrganization } from '../data/organizations.server';
import { findVolunteer } from '../data/users.server';
import { findWish, publicWishTitles, setWishStatus, timelineOf } from '../data/wishes.server';
import { canSeeSite, type Actor } from '../domain/actor';
import { CLAIM_DELIVERY_DAYS, CLAIM_STATUSES, canClaim, decideClaimTransition, expiryDue, isClaimant } from '../domain/claim';
import { DAY_MS } from '../domain/calendar';
import { CLAIM_REMINDER_MS, claimDueAt, dueSoon, reminderDue } from '../domain/claim-schedule';
import { conflict, err, notFound, ok, type DomainError, type Result } from '../domain/errors';
import { can } from '../domain/policy';
import { checkPublicText } from '../domain/privacy';
import { decideWishTransition, isPublicWishStatus, type WishTransition } from '../domain/wish';
import { childIdentityOf } from '../data/wishes.server';
import { childPrivacyFacts } from './child-facts.server';
import { enqueueMail } from '../mail/send.server';
import { logger } from '../logger.server';
import { publicMailParams } from './wishes.server';
import { readPage } from './paging.server';
import { refuseUnlessChanged, transact } from './tx.server';

// Claims: a helper takes a published wish; staff approve; the helper delivers to the institution;
// staff confirm receipt and the wish is fulfilled. One live claim per wish, kept by the database.

const ALREADY_CLAIMED: DomainError = { kind: 'conflict', message: { key: 'claim.error.already_claimed' } };

// ---------------------------------------------------------------------------
// Claiming

/**
 * Claims a wish for oneself (orgId absent) or for an organization. The wish's status moves
 * published → claimed by compare-and-set and the claim row is inserted in the same immediate
 * transaction; the partial unique index claims_one_live_per_wish is the last line: a second live
 * claim is a constraint violation, answered as "already claimed" like a lost compare-and-set.
 */
export function claimWish(actor: Actor | null, wishId: string, orgId: string | undefined, now: number): Result<{ claimId: string }> {
  const found = findWish(wishId);
  if (!found || !isPublicWishStatus(found.wish.status)) return notFound();
  const { wish } = found;
  const allowed = canClaim(actor, { wishStatus: wish.status, forOrgId: orgId });
  if (!allowed.ok) return allowed;
  if (!can(actor, 'wish.claim', { type: 'wish', sitePath: found.sitePath, authorId: wish.authorId, status: wish.status })) {
    return err({ kind: 'forbidden', message: { key: 'claim.error.not_approved' } });
  }
  if (wish.deadlineAt !== null && now > wish.deadlineAt) return conflict('claim.error.deadline_passed');
  const onWish = decideWishTransition({ status: wish.status, authorId: wish.authorId, sitePath: found.sitePath }, 'claim', null);
  if (!onWish.ok) return conflict('claim.error.already_claimed');
  const contact = contactOf(actor!.userId);
  if (!contact) return notFound();

  const claimId = newId();
  return transact((tx) => {
    refuseUnlessChanged(setWishStatus(tx, wishId, 'published', onWish.value.to, { updatedAt: now }), 'claim.error.already_claimed');
    insertClaim(tx, {
      id: claimId,
      wishId,
      claimantUserId: allowed.value.claimantUserId,
      orgId: allowed.value.orgId,
      status: 'pending',
      createdAt: now,
      updatedAt: now,
    });
    const site = wish.siteId;
    recordAudit(tx, { at: now, actorId: actor!.userId, entityType: 'wish', entityId: wishId, action: 'claim', fromStatus: 'published', toStatus: 'claimed', siteId: site });
    recordAudit(tx, { at: now, actorId: actor!.userId, entityType: 'claim', entityId: claimId, action: 'claim', toStatus: 'pending', siteId: site });
    enqueueMail(
      tx,
      {
        to: contact.email,
        template: 'claim.received',
        locale: contact.locale,
        params: publicMailParams(
          { title: wish.title, alias: found.alias, ageBand: wish.ageBand, countyZh: found.countyZh, countyEn: found.countyEn, wishId },
          { name: contact.displayName, locale: contact.locale },
        ),
      },
      now,
    );
    return { claimId };
  }, ALREADY_CLAIMED);
}

/** title: the wish's public title, or null when the public may not see the wish (or it does not exist). */
export type BasketOutcome = { wishId: string; title: string | null } & ({ ok: true; claimId: string } | { ok: false; error: DomainError });

/**
 * An organization's wish basket: each wish is claimed in its own transaction, so the wishes that
 * are still open are claimed and every one that is not is reported next to it. (All-or-nothing
 * would make a member re-pick a whole basket because one wish was taken a second earlier.)
 */
export function claimBasket(actor: Actor | null, orgId: string, wishIds: string[], now: number): BasketOutcome[] {
  const ids = [...new Set(wishIds)];
  const outcomes = ids.map((wishId) => ({ wishId, result: claimWish(actor, wishId, orgId, now) }));
  // Titles are read afterwards, for the page to name each wish even when it has left the list shown.
  const titles = publicWishTitles(ids);
  return outcomes.map(({ wishId, result }) => {
    const title = titles.get(wishId) ?? null;
    return result.ok ? { wishId, title, ok: true, claimId: result.value.claimId } : { wishId, title, ok: false, error: result.error };
  });
}

// ---------------------------------------------------------------------------
// Steps

type ClaimStep = 'approve' | 'reject' | 'confirm' | 'release' | 'deliver';

/** What the wish does when its claim takes a step: nothing, back to published, delivered or fulfilled. */
const WISH_FOLLOWS: Partial<Record<ClaimStep | 'expire', WishTransition>> = {
  reject: 'release',
  release: 'release',
  expire: 'release',
  deliver: 'deliver',
  confirm: 'fulfil',
};

/** Helpers post release and deliver on /wishes/:id: the step applies to the wish's live claim. */
export function helperClaimStep(actor: Actor | null, wishId: string, step: 'release' | 'deliver', now: number): Result<{ claimId: string }> {
  const live = findLiveClaimOfWish(wishId);
  if (!live) return notFound();
  if (!actor || !can(actor, 'claim.act_as_claimant', { type: 'claim', claimantUserId: live.claim.claimantUserId, orgId: live.claim.orgId, wishSitePath: live.sitePath })) {
    return { ok: false, error: { kind: 'forbidden' } };
  }
  return applyStep(live, step, actor, {}, now);
}

export interface StaffClaimInput {
  reason?: string;
  valueReceivedFen?: number;
  thanks?: string;
}

/** Staff post approve, reject (reason) and confirm (value received, optional thanks) on /staff/claims/:id. */
export function staffClaimStep(
  actor: Actor,
  claimId: string,
  step: 'approve' | 'reject' | 'confirm',
  input: StaffClaimInput,
  now: number,
): Result<{ claimId: string }> {
  const found = findClaim(claimId);
  if (!found || !canSeeSite(actor, found.sitePath)) return notFound();
  return applyStep(found, step, actor, input, now);
}

function applyStep(found: ClaimDetail, step: ClaimStep | 'expire', actor: Actor | null, input: StaffClaimInput, now: number): Result<{ claimId: string }> {
  const { claim } = found;
  const decided = decideClaimTransition(
    { status: claim.status, claimantUserId: claim.claimantUserId, orgId: claim.orgId, wishSitePath: found.sitePath },
    step,
    actor,
    { reason: input.reason, valueReceivedFen: input.valueReceivedFen },
  );
  if (!decided.ok) return decided;
  if (step === 'confirm' && actor && !can(actor, 'claim.confirm', { type: 'claim', claimantUserId: claim.claimantUserId, orgId: claim.orgId, wishSitePath: found.sitePath })) {
    return { ok: false, error: { kind: 'forbidden' } };
  }
  if ((step === 'approve' || step === 'reject') && actor && !can(actor, 'claim.review', { type: 'claim', claimantUserId: claim.claimantUserId, orgId: claim.orgId, wishSitePath: found.sitePath })) {
    return { ok: false, error: { kind: 'forbidden' } };
  }
  // Reasons and thank-yous are mailed to the helper: they must not carry the child's identity either.
  const texts = [input.reason, input.thanks].filter((t): t is string => !!t);
  if (texts.length) {
    const identity = childIdentityOfWish(found.wishId);
    const findings = identity ? checkPublicText(texts, childPrivacyFacts(identity)) : [];
    if (findings.length) return err({ kind: 'privacy', findings });
  }

  const wishStep = WISH_FOLLOWS[step];
  const wishFacts = { status: found.wishStatus, authorId: found.wishAuthorId, sitePath: found.sitePath };
  // The claim's decision authorized the person; the wish side follows as the system, except fulfilment, which is staff's own.
  const onWish = wishStep ? decideWishTransition(wishFacts, wishStep, wishStep === 'fulfil' ? actor : null) : null;
  if (onWish && !onWish.ok) return onWish;

  const to = decided.value.to;
  return transact((tx) => {
    const extra: Parameters<typeof setClaimStatus>[4] = { updatedAt: now };
    if (step === 'approve') extra.approvedAt = now;
    if (step === 'reject') extra.reason = input.reason ?? null;
    if (step === 'deliver') extra.deliveredAt = now;
    if (step === 'confirm') Object.assign(extra, { confirmedAt: now, valueReceivedFen: input.valueReceivedFen, thanks: input.thanks ?? null });
    refuseUnlessChanged(setClaimStatus(tx, claim.id, claim.status, to, extra));
    recordAudit(tx, {
      at: now,
      actorId: actor?.userId ?? null,
      entityType: 'claim',
      entityId: claim.id,
      action: step,
      fromStatus: claim.status,
      toStatus: to,
      siteId: found.siteId,
    });
    if (onWish && onWish.ok && wishStep) {
      const wishExtra = wishStep === 'fulfil' ? { fulfilledAt: now, updatedAt: now } : { updatedAt: now };
      refuseUnlessChanged(setWishStatus(tx, found.wishId, found.wishStatus, onWish.value.to, wishExtra));
      recordAudit(tx, {
        at: now,
        actorId: actor?.userId ?? null,
        entityType: 'wish',
        entityId: found.wishId,
        action: wishStep,
        fromStatus: found.wishStatus,
        toStatus: onWish.value.to,
        siteId: found.siteId,
      });
    }
    mailForStep(tx, found, step, input, now);
    return { claimId: claim.id };
  });
}

function childIdentityOfWish(wishId: string) {
  const wish = findWish(wishId);
  return wish ? childIdentityOf(wish.wish.childId) : undefined;
}

function mailForStep(tx: Tx, found: ClaimDetail, step: ClaimStep | 'expire', input: StaffClaimInput, now: number): void {
  const template = { approve: 'claim.approved', reject: 'claim.rejected', confirm: 'claim.confirmed', expire: 'claim.expired' }[step as string];
  if (!template) return;
  const locale = found.claimantLocale;
  const params: Record<string, string | number> = publicMailParams(
    { title: found.wishTitle, alias: found.alias, ageBand: found.ageBand, countyZh: found.countyZh, countyEn: found.countyEn, wishId: found.wishId },
    { name: found.claimantName, locale },
  );
  if (step === 'approve') {
    params.address = handoverAddress(found, locale);
    params.handoverNote = found.siteHandoverNote ?? '';
    // No street address on the site: the mail says staff will arrange the place (as the wish page does).
    params.addressMissing = found.siteAddress ? '' : 'yes';
    params.dueAt = claimDueAt({ status: 'approved', approvedAt: now }, found.wishDeadlineAt) ?? now + CLAIM_DELIVERY_DAYS * DAY_MS;
  }
  if (step === 'reject') params.reason = input.reason ?? '';
  if (step === 'confirm') {
    params.valueFen = input.valueReceivedFen ?? 0;
    params.thanks = input.thanks ?? '';
  }
  enqueueMail(tx, { to: found.claimantEmail, template, locale, params }, now);
}

function handoverAddress(found: ClaimDetail, locale: 'zh-CN' | 'en'): string {
  const name = locale === 'en' ? found.siteEn : found.siteZh;
  return found.siteAddress ? `${name},${found.siteAddress}` : name;
}

// ---------------------------------------------------------------------------
// The periodic job: expiry and reminders

export interface ClaimJobResult {
  expired: number;
  reminded: number;
}

/**
 * Expires pending and approved claims past the wish's deadline or the delivery window (the wish
 * is published again, the helper told), then reminds helpers whose approved claim is due within
 * three days. Each claim is its own transaction; a claim someone moved meanwhile is skipped.
 */
export function runClaimJobs(now: number): ClaimJobResult {
  const result: ClaimJobResult = { expired: 0, reminded: 0 };
  for (const found of liveClaimsDueBefore(now, now - CLAIM_DELIVERY_DAYS * DAY_MS)) {
    if (!expiryDue(found.claim, found.wishDeadlineAt, now)) continue;
    const outcome = applyStep(found, 'expire', null, {}, now);
    if (outcome.ok) result.expired += 1;
    else if (outcome.error.kind !== 'conflict' && outcome.error.kind !== 'bad_transition') {
      logger.warn('claim expiry refused', { claimId: found.claim.id, kind: outcome.error.kind });
    }
  }
  const horizon = now + CLAIM_REMINDER_MS;
  for (const found of liveClaimsDueBefore(horizon, horizon - CLAIM_DELIVERY_DAYS * DAY_MS)) {
    if (!reminderDue(found.claim, found.wishDeadlineAt, now)) continue;
    const dueAt = claimDueAt(found.claim, found.wishDeadlineAt)!;
    const sent = transact((tx) => {
      refuseUnlessChanged(markReminderSent(tx, found.claim.id, now));
      recordAudit(tx, { at: now, actorId: null, entityType: 'claim', entityId: found.claim.id, action: 'remind', siteId: found.siteId });
      const locale = found.claimantLocale;
      enqueueMail(
        tx,
        {
          to: found.claimantEmail,
          template: 'claim.reminder',
          locale,
          params: {
            ...publicMailParams(
              { title: found.wishTitle, alias: found.alias, ageBand: found.ageBand, countyZh: found.countyZh, countyEn: found.countyEn, wishId: found.wishId },
              { name: found.claimantName, locale },
            ),
            address: handoverAddress(found, locale),
            dueAt,
          },
        },
        now,
      );
    });
    if (sent.ok) result.reminded += 1;
  }
  return result;
}

// ---------------------------------------------------------------------------
// Staff reads

export function claimForStaff(actor: Actor, claimId: string, now: number) {
  const found = findClaim(claimId);
  if (!found || !canSeeSite(actor, found.sitePath)) return notFound();
  const { claim } = found;
  const resource = { type: 'claim' as const, claimantUserId: claim.claimantUserId, orgId: claim.orgId, wishSitePath: found.sitePath };
  const own = isClaimant(actor, claim);
  return ok({
    claim: {
      id: claim.id,
      status: claim.status,
      reason: claim.reason,
      thanks: claim.thanks,
      valueReceivedFen: claim.valueReceivedFen,
      createdAt: claim.createdAt,
      approvedAt: claim.approvedAt,
      deliveredAt: claim.deliveredAt,
      confirmedAt: claim.confirmedAt,
      dueAt: claimDueAt(claim, found.wishDeadlineAt),
      dueSoon: dueSoon(claimDueAt(claim, found.wishDeadlineAt), now),
    },
    wish: {
      id: found.wishId,
      url: `/staff/wishes/${found.wishId}`,
      title: found.wishTitle,
      status: found.wishStatus,
      alias: found.alias,
      ageBand: found.ageBand,
      valueFen: found.wishValueFen,
      siteZh: found.siteZh,
      siteEn: found.siteEn,
      // Helpers are told where to bring the gift from the site's address: say so when there is none.
      handoverAddressMissing: !found.siteAddress && (claim.status === 'pending' || claim.status === 'approved'),
    },
    claimant: { name: found.claimantName, email: found.claimantEmail, orgName: found.orgName, ...claimantStanding(claim, now) },
    own,
    allowed: {
      approve: claim.status === 'pending' && can(actor, 'claim.review', resource),
      reject: claim.status === 'pending' && can(actor, 'claim.review', resource),
      confirm: claim.status === 'delivered' && can(actor, 'claim.confirm', resource),
    },
    timeline: timelineOf('claim', claim.id),
  });
}

/**
 * Who claimed, as vetting sees them now: the helper's page for staff, and whether the yearly re-check
 * is overdue (staff approving a claim should know before the helper meets anyone).
 */
function claimantStanding(claim: { claimantUserId: string; orgId: string | null; status: string }, now: number) {
  const vetted = claim.orgId ? findOrganization(claim.orgId) : findVolunteer(claim.claimantUserId);
  const recheckDueAt = vetted?.recheckDueAt ?? null;
  return {
    helperUrl: `/staff/helpers/${claim.orgId ?? claim.claimantUserId}`,
    // Only while the claim waits for approval: afterwards the warning has nothing left to act on.
    recheckOverdueSince:
      claim.status === 'pending' && vetted?.status === 'approved' && recheckDueAt !== null && recheckDueAt < now ? recheckDueAt : null,
  };
}

/** /staff/claims: the subtree's claims, most recently changed first, a page at a time. */
export function staffClaimList(actor: Actor, status: string | null, page: number) {
  const root = scopeRoot(actor);
  if (root === null) return { ok: false as const, error: { kind: 'forbidden' as const } };
  const filter = status && (CLAIM_STATUSES as readonly string[]).includes(status) ? (status as ClaimStatusValue) : null;
  const { rows, paging } = readPage(page, (window) => pageOfClaimsUnder(root, filter ? [filter] : CLAIM_STATUSES, window));
  return ok({
    status: filter,
    statuses: CLAIM_STATUSES,
    paging,
    claims: rows.map((c) => ({
      id: c.claim.id,
      url: `/staff/claims/${c.claim.id}`,
      status: c.claim.status,
      wishTitle: c.wishTitle,
      alias: c.alias,
      claimantName: c.claimantName,
      orgName: c.orgName,
      updatedAt: c.claim.updatedAt,
    })),
  });
}

