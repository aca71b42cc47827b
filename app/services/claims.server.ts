import { recordAudit } from '../data/audit.server';
import {
  countClaimsUnder,
  listClaimsUnder,
  contactOf,
  findClaim,
  findLiveClaimOfWish,
  liveClaimsDueBefore,
  markReminderSent,
  type ClaimDetail,
  type ClaimStatusValue,
} from '../data/claims.server';
import type { Tx } from '../data/db.server';
import { newId } from '../data/ids.server';
import { scopeRoot } from '../data/scope.server';
import { findOrganization } from '../data/organizations.server';
import { findVolunteer } from '../data/users.server';
import { findWish, publicWishTitles, timelineOf } from '../data/wishes.server';
import { canSeeSite, type Actor } from '../domain/actor';
import { availableSteps, CLAIM_DELIVERY_DAYS, CLAIM_STATUSES, CLAIM_STEP_RULES, expiryDue, isClaimant } from '../domain/claim';
import { DAY_MS } from '../domain/calendar';
import { CLAIM_REMINDER_MS, claimDueAt, dueSoon, reminderDue } from '../domain/claim-schedule';
import { err, forbidden, notFound, ok, type DomainError, type Result } from '../domain/errors';
import { can } from '../domain/policy';
import { checkPublicText } from '../domain/privacy';
import { isPublicWishStatus } from '../domain/wish';
import { decideClaimStep, decideClaiming, type ClaimMail } from '../domain/wish-claim';
import { childIdentityOf } from '../data/wishes.server';
import { childPrivacyFacts } from '../server/child-facts.server';
import { enqueueMail } from '../mail/send.server';
import { logger } from '../platform/logger.server';
import { publicMailParams } from './wishes.server';
import { readKeysetPage, STAFF_PAGE_SIZE, type KeysetCursor } from '../server/paging.server';
import { refuseUnlessChanged, transact } from '../server/tx.server';
import { drain, drainYielding, pacer, type Steps } from '../server/batches.server';
import { writeClaimStatus, writeNewClaim, writeWishStatus } from './wish-claim-status.server';

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
  const claimant = { type: 'claimant' as const, orgId: orgId ?? null };
  if (!actor || !can(actor, 'wish.claim', claimant)) return forbidden('claim.error.not_approved');
  const decided = decideClaiming(wish, now);
  if (!decided.ok) return decided;
  const contact = contactOf(actor.userId);
  if (!contact) return notFound();

  const claimId = newId();
  const { wishTo, claimTo, mails } = decided.value;
  return transact((tx) => {
    const site = wish.siteId;
    writeWishStatus(tx, { id: wishId, from: wish.status, to: wishTo!, action: 'claim', actorId: actor.userId, siteId: site, now, conflictKey: 'claim.error.already_claimed' });
    writeNewClaim(
      tx,
      { id: claimId, wishId, claimantUserId: actor.userId, orgId: claimant.orgId, status: claimTo! },
      { actorId: actor.userId, siteId: site, now },
      mails.map((template) => ({
        to: contact.email,
        template,
        locale: contact.locale,
        params: publicMailParams(
          { title: wish.title, alias: found.alias, ageBand: wish.ageBand, countyZh: found.countyZh, countyEn: found.countyEn, wishId },
          { name: contact.displayName, locale: contact.locale },
        ),
      })),
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

/** Helpers post release and deliver on /wishes/:id: the step applies to the wish's live claim. */
export function helperClaimStep(actor: Actor | null, wishId: string, step: 'release' | 'deliver', now: number): Result<{ claimId: string }> {
  const live = findLiveClaimOfWish(wishId);
  if (!live) return notFound();
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

/**
 * One claim step and what its wish does with it, as one decision (wish-claim.ts) written in one
 * transaction. The actor is null only for the system's own step (expiry), which no person may take.
 */
function applyStep(found: ClaimDetail, step: ClaimStep | 'expire', actor: Actor | null, input: StaffClaimInput, now: number): Result<{ claimId: string }> {
  const { claim } = found;
  // Who first, so a stranger learns nothing about the claim's state or what the step would need.
  const rule = CLAIM_STEP_RULES[step];
  const resource = { type: 'claim' as const, claimantUserId: claim.claimantUserId, orgId: claim.orgId, wishSitePath: found.sitePath };
  const permitted = rule.permission === null ? actor === null : can(actor, rule.permission, resource);
  if (!permitted) return forbidden(rule.refusal);
  const decided = decideClaimStep(
    { claim: { status: claim.status }, wish: { status: found.wishStatus } },
    step,
    { reason: input.reason, valueReceivedFen: input.valueReceivedFen },
  );
  if (!decided.ok) return decided;
  // Reasons and thank-yous are mailed to the helper: they must not carry the child's identity either.
  const texts = [input.reason, input.thanks].filter((t): t is string => !!t);
  if (texts.length) {
    const identity = childIdentityOfWish(found.wishId);
    const findings = identity ? checkPublicText(texts, childPrivacyFacts(identity)) : [];
    if (findings.length) return err({ kind: 'privacy', findings });
  }

  const { claimTo, wishStep, wishTo, mails } = decided.value;
  const actorId = actor?.userId ?? null;
  return transact((tx) => {
    const extra: NonNullable<Parameters<typeof writeClaimStatus>[2]> = {};
    if (step === 'approve') extra.approvedAt = now;
    if (step === 'reject') extra.reason = input.reason ?? null;
    if (step === 'deliver') extra.deliveredAt = now;
    if (step === 'confirm') Object.assign(extra, { confirmedAt: now, valueReceivedFen: input.valueReceivedFen, thanks: input.thanks ?? null });
    const mailed = mails.map((template) => mailForStep(found, template, input, now));
    writeClaimStatus(tx, { id: claim.id, from: claim.status, to: claimTo!, action: step, actorId, siteId: found.siteId, now, mails: mailed }, extra);
    if (wishStep && wishTo) {
      const wishExtra = wishStep === 'fulfil' ? { fulfilledAt: now } : {};
      writeWishStatus(tx, { id: found.wishId, from: found.wishStatus, to: wishTo, action: wishStep, actorId, siteId: found.siteId, now }, wishExtra);
    }
    return { claimId: claim.id };
  });
}

function childIdentityOfWish(wishId: string) {
  const wish = findWish(wishId);
  return wish ? childIdentityOf(wish.wish.childId) : undefined;
}

function mailForStep(found: ClaimDetail, template: ClaimMail, input: StaffClaimInput, now: number) {
  const locale = found.claimantLocale;
  const params: Record<string, string | number> = publicMailParams(
    { title: found.wishTitle, alias: found.alias, ageBand: found.ageBand, countyZh: found.countyZh, countyEn: found.countyEn, wishId: found.wishId },
    { name: found.claimantName, locale },
  );
  if (template === 'claim.approved') {
    params.address = handoverAddress(found, locale);
    params.handoverNote = found.siteHandoverNote ?? '';
    // No street address on the site: the mail says staff will arrange the place (as the wish page does).
    params.addressMissing = found.siteAddress ? '' : 'yes';
    params.dueAt = claimDueAt({ status: 'approved', approvedAt: now }, found.wishDeadlineAt) ?? now + CLAIM_DELIVERY_DAYS * DAY_MS;
  }
  if (template === 'claim.rejected') params.reason = input.reason ?? '';
  if (template === 'claim.confirmed') {
    params.valueFen = input.valueReceivedFen ?? 0;
    params.thanks = input.thanks ?? '';
  }
  return { to: found.claimantEmail, template, locale, params };
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
  return drain(claimJobSteps(now));
}

/** runClaimJobs for the server's background run: the event loop turns between batches of claims. */
export function runClaimJobsInBatches(now: number): Promise<ClaimJobResult> {
  return drainYielding(claimJobSteps(now));
}

function* claimJobSteps(now: number): Steps<ClaimJobResult> {
  const result: ClaimJobResult = { expired: 0, reminded: 0 };
  const pace = pacer();
  // Only the claims that may be due are read (liveClaimsDueBefore), each decided by the domain's rules as before.
  for (const found of liveClaimsDueBefore(now, now - CLAIM_DELIVERY_DAYS * DAY_MS)) {
    if (pace()) yield;
    if (!expiryDue(found.claim, found.wishDeadlineAt, now)) continue;
    const outcome = applyStep(found, 'expire', null, {}, now);
    if (outcome.ok) result.expired += 1;
    else if (outcome.error.kind !== 'conflict' && outcome.error.kind !== 'bad_transition') {
      logger.warn('claim expiry refused', { claimId: found.claim.id, kind: outcome.error.kind });
    }
  }
  const horizon = now + CLAIM_REMINDER_MS;
  for (const found of liveClaimsDueBefore(horizon, horizon - CLAIM_DELIVERY_DAYS * DAY_MS)) {
    if (pace()) yield;
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
  const steps = availableSteps({ status: claim.status, claimantUserId: claim.claimantUserId, orgId: claim.orgId, wishSitePath: found.sitePath }, actor);
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
      approve: steps.includes('approve'),
      reject: steps.includes('reject'),
      confirm: steps.includes('confirm'),
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

/** /staff/claims: the claims of the staff's subtree, of one status (null: all), most recently changed first, a page at a time by keyset, as the route read them (StaffClaimQuery). */
export function staffClaimList(actor: Actor, status: ClaimStatusValue | null, cursors: { after?: KeysetCursor; before?: KeysetCursor } = {}) {
  const root = scopeRoot(actor);
  if (root === null) return { ok: false as const, error: { kind: 'forbidden' as const } };
  const statuses = status ? [status] : CLAIM_STATUSES;
  const { rows, paging } = readKeysetPage(
    {
      read: (q) => listClaimsUnder(root, statuses, q),
      count: (first) => countClaimsUnder(root, statuses, first),
      cursorOf: (c) => ({ at: c.claim.updatedAt, id: c.claim.id }),
    },
    cursors,
    STAFF_PAGE_SIZE,
  );
  return ok({
    status,
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

