import { config } from '../platform/config.server';
import { recordAudit } from '../data/audit.server';
import { findChild } from '../data/children.server';
import { findLiveClaimOfWish } from '../data/claims.server';
import { newId } from '../data/ids.server';
import { childIdentityOf, findWish, insertWish, siteWithAncestors, updateDraftWish } from '../data/wishes.server';
import { canSeeSite, type Actor } from '../domain/actor';
import { endOfShanghaiDay, shanghaiDate } from '../domain/calendar';
import { err, forbidden, notFound, ok, type DomainError, type Result } from '../domain/errors';
import { can } from '../domain/policy';
import { checkPublicText, checkPublicTextWarnings } from '../domain/privacy';
import { childPrivacyFacts } from '../server/child-facts.server';
import { ageBand, countyShownFor, decideWishTransition, WISH_STEP_RULES, wishResource, type StaffWishStep, type WishFacts, type WishStatus, type WishTransitionInput } from '../domain/wish';
import { decideWithdrawal } from '../domain/wish-claim';
import type { NewWishInput, WishDraftInput } from '../forms/wish';
import { refuseUnlessChanged, transact } from '../server/tx.server';
import { writeClaimStatus, writeWishStatus } from './wish-claim-status.server';

// Wishes: written by staff as drafts, privacy-checked before they leave draft, published by a
// second staff member, claimed by helpers (claims.server.ts), fulfilled when staff confirm receipt.
// This module holds the changes (each in one transaction with its audit event and outbox mail);
// the pages that show wishes read them through wish-pages.server.ts.

// ---------------------------------------------------------------------------
// The public face's county

/**
 * The county a wish is shown under: the nearest county-level ancestor of its site (the site itself
 * when it is a county). A site hanging directly off the city (e.g. the city's own children's welfare
 * institution) has no county ancestor: it is shown under the city, which is no less public.
 */
export function publicCountyOf(siteId: string): string | null {
  return countyShownFor(siteWithAncestors(siteId))?.id ?? null;
}

// ---------------------------------------------------------------------------
// Writing

export function createWish(actor: Actor, input: NewWishInput, now: number): Result<{ id: string }> {
  const child = findChild(input.childId);
  if (!child || !can(actor, 'child.read', { type: 'site', sitePath: child.sitePath })) {
    return err({ kind: 'validation', fields: { childId: ['form.choose_one'] } });
  }
  if (!can(actor, 'wish.write', { type: 'site', sitePath: child.sitePath })) return forbidden();
  const checked = checkWishFields(input, child.wishValueCapFen, now);
  if (!checked.ok) return checked;
  const countySiteId = publicCountyOf(child.child.siteId);
  if (!countySiteId) return notFound();
  const id = newId();
  return transact((tx) => {
    insertWish(tx, {
      id,
      childId: child.child.id,
      siteId: child.child.siteId,
      countySiteId,
      title: input.title,
      story: input.story,
      category: input.category,
      ageBand: ageBand(child.child.birthDate, shanghaiDate(now)),
      valueFen: input.value,
      deadlineAt: checked.value,
      status: 'draft',
      authorId: actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    recordAudit(tx, { at: now, actorId: actor.userId, entityType: 'wish', entityId: id, action: 'create', toStatus: 'draft', siteId: child.child.siteId });
    return { id };
  });
}

export function saveWishDraft(actor: Actor, id: string, input: WishDraftInput, now: number): Result<{ id: string }> {
  const found = findWish(id);
  if (!found || !canSeeSite(actor, found.sitePath)) return notFound();
  if (found.wish.status !== 'draft') return err(notDraft(found.wish.status));
  if (!can(actor, 'wish.write', { type: 'wish', sitePath: found.sitePath, authorId: found.wish.authorId, status: found.wish.status })) {
    return forbidden();
  }
  const checked = checkWishFields(input, found.wishValueCapFen, now);
  if (!checked.ok) return checked;
  const child = findChild(found.wish.childId);
  const fields = {
    title: input.title,
    story: input.story,
    category: input.category,
    valueFen: input.value,
    deadlineAt: checked.value,
    // Still being written: the age band follows the child's birthday until the wish leaves draft.
    ageBand: child ? ageBand(child.child.birthDate, shanghaiDate(now)) : found.wish.ageBand,
  };
  // Nothing changed (e.g. "save and submit" right after a save): no write, and no "edited" line in the history.
  const w = found.wish;
  const same =
    w.title === fields.title &&
    w.story === fields.story &&
    w.category === fields.category &&
    w.valueFen === fields.valueFen &&
    w.deadlineAt === fields.deadlineAt &&
    w.ageBand === fields.ageBand;
  if (same) return ok({ id });
  return transact((tx) => {
    refuseUnlessChanged(updateDraftWish(tx, id, { ...fields, updatedAt: now }), 'wish.error.not_draft');
    recordAudit(tx, { at: now, actorId: actor.userId, entityType: 'wish', entityId: id, action: 'edit', siteId: found.wish.siteId });
    return { id };
  });
}

/** Value within the site's cap, deadline not in the past. Returns the deadline as UTC ms (or null). */
function checkWishFields(input: WishDraftInput, capFen: number, now: number): Result<number | null> {
  const fields: Record<string, string[]> = {};
  if (input.value <= 0) fields.value = ['form.money_invalid'];
  else if (input.value > capFen) fields.value = ['wish.error.value_over_cap'];
  const deadlineAt = input.deadline ? endOfShanghaiDay(input.deadline) : null;
  if (deadlineAt !== null && deadlineAt < now) fields.deadline = ['form.date_past'];
  if (Object.keys(fields).length) return err({ kind: 'validation', fields });
  return ok(deadlineAt);
}

function notDraft(from: string): DomainError {
  return { kind: 'bad_transition', from, to: 'draft', message: { key: 'wish.error.not_draft' } };
}

// ---------------------------------------------------------------------------
// Transitions staff post on /staff/wishes/:id

export type StaffWishTransition = StaffWishStep;

/**
 * One wish step by staff. `input.reason`: why a reviewer sends the wish back for changes (return_to_draft);
 * it is kept as the audit event's note, which the staff wish page shows the author. Staff pages only:
 * the public timeline never carries return_to_draft events or notes.
 */
export function moveWish(
  actor: Actor,
  id: string,
  transition: StaffWishTransition,
  now: number,
  input: WishTransitionInput = {},
): Result<{ to: WishStatus }> {
  const found = findWish(id);
  if (!found || !canSeeSite(actor, found.sitePath)) return notFound();
  const { wish } = found;
  const facts: WishFacts = { status: wish.status, authorId: wish.authorId, sitePath: found.sitePath };
  const rule = WISH_STEP_RULES[transition];
  if (!rule) return err({ kind: 'bad_transition', from: wish.status, to: String(transition), message: { key: 'error.bad_transition', params: { from: wish.status, transition: String(transition) } } });

  if (transition === 'withdraw') {
    const live = findLiveClaimOfWish(id);
    const decided = decideWithdrawal(facts, live ? { status: live.claim.status } : null);
    if (!decided.ok) return decided;
    if (!can(actor, rule.permission, wishResource(facts))) return forbidden(rule.refusal);
    const { wishTo, claimTo } = decided.value;
    return transact((tx) => {
      writeWishStatus(tx, { id, from: wish.status, to: wishTo!, action: 'withdraw', actorId: actor.userId, siteId: wish.siteId, now });
      if (live && claimTo) {
        writeClaimStatus(tx, {
          id: live.claim.id,
          from: live.claim.status,
          to: claimTo,
          action: 'release',
          note: 'wish_withdrawn',
          actorId: actor.userId,
          siteId: wish.siteId,
          now,
          mails: decided.value.mails.map((template) => ({
            to: live.claimantEmail,
            template,
            locale: live.claimantLocale,
            params: publicMailParams(
              { title: wish.title, alias: found.alias, ageBand: wish.ageBand, countyZh: found.countyZh, countyEn: found.countyEn, wishId: id },
              { name: live.claimantName, locale: live.claimantLocale },
            ),
          })),
        });
      }
      return { to: wishTo! };
    });
  }

  const decided = decideWishTransition(facts, transition, { ...input, byAuthor: actor.userId === wish.authorId });
  if (!decided.ok) return decided;
  if (!can(actor, rule.permission, wishResource(facts))) return forbidden(rule.refusal);
  const to = decided.value.to;

  if (transition === 'submit' || transition === 'publish') {
    // Checked when the wish leaves draft, and again before it goes public: the child's record may have changed.
    const findings = wishPrivacyFindings(wish.childId, wish.title, wish.story);
    if (findings.length) return err({ kind: 'privacy', findings });
    if (wish.deadlineAt !== null && wish.deadlineAt < now) return err({ kind: 'validation', fields: { deadline: ['form.date_past'] } });
  }

  return transact((tx) => {
    const extra = transition === 'publish' ? { reviewerId: actor.userId, publishedAt: now } : {};
    const reason = transition === 'return_to_draft' ? input.reason?.trim() || null : null;
    writeWishStatus(tx, { id, from: wish.status, to, action: transition, note: reason, actorId: actor.userId, siteId: wish.siteId, now }, extra);
    return { to };
  });
}

/**
 * One post on /staff/wishes/:id: `save` stores the draft's fields; `submit` from the edit form stores
 * them first, so what is checked and sent to review is exactly what the author sees. The save is its
 * own transaction: when the check then refuses to submit, the edits stay saved as the draft
 * (`draftSaved` says so, for the message) and the wish stays a draft.
 */
export function updateWish(
  actor: Actor,
  id: string,
  intent: 'save' | StaffWishTransition,
  draft: WishDraftInput | undefined,
  now: number,
  input: WishTransitionInput = {},
): Result<{ to: WishStatus | null }> & { draftSaved: boolean } {
  if (draft) {
    const saved = saveWishDraft(actor, id, draft, now);
    if (!saved.ok) return { ...saved, draftSaved: false };
  }
  if (intent === 'save') {
    return draft ? { ...ok({ to: null }), draftSaved: true } : { ...err({ kind: 'validation', fields: { title: ['form.required'] } }), draftSaved: false };
  }
  return { ...moveWish(actor, id, intent, now, input), draftSaved: draft !== undefined };
}

/** What the privacy check would find in a wish's public text; also shown on the staff wish page. */
export function wishPrivacyFindings(childId: string, title: string, story: string) {
  const identity = childIdentityOf(childId);
  return identity ? checkPublicText([title, story], childPrivacyFacts(identity)) : [];
}

/** What the staff member should reconsider in a wish's public text without being refused (an exact age). */
export function wishPrivacyWarnings(title: string, story: string) {
  return checkPublicTextWarnings([title, story]);
}

// ---------------------------------------------------------------------------
// Mail

/** Only the public face of the wish, in the recipient's language, and a link to it. */
export function publicMailParams(
  wish: { title: string; alias: string; ageBand: string; countyZh: string; countyEn: string; wishId: string },
  to: { name: string; locale: 'zh-CN' | 'en' },
) {
  const base = config().appUrl.replace(/\/$/, '');
  return {
    name: to.name,
    title: wish.title,
    alias: wish.alias,
    ageBand: wish.ageBand,
    county: to.locale === 'en' ? wish.countyEn : wish.countyZh,
    url: `${base}/wishes/${wish.wishId}`,
    listUrl: `${base}/wishes?open=1`,
  };
}
