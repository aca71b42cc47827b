import { config } from '../config.server';
import { recordAudit } from '../data/audit.server';
import { findChild } from '../data/children.server';
import { claimsOfWish, findLiveClaimOfWish, latestClaimOfHelperOnWish, organizationNames, setClaimStatus } from '../data/claims.server';
import { newId } from '../data/ids.server';
import { scopeRoot } from '../data/scope.server';
import {
  childIdentityOf,
  findPublicWish,
  findWish,
  insertWish,
  listPublicWishes,
  listWishesUnder,
  publicCounties,
  setWishStatus,
  siteWithAncestors,
  timelineOf,
  updateDraftWish,
  type WishStatusValue,
} from '../data/wishes.server';
import { approvedOrgs, canSeeSite, isApprovedVolunteer, type Actor } from '../domain/actor';
import { endOfShanghaiDay, shanghaiDate } from '../domain/calendar';
import { isClaimant } from '../domain/claim';
import { claimDueAt, decideWithdrawal } from '../domain/claim-schedule';
import { err, forbidden, notFound, ok, type DomainError, type Result } from '../domain/errors';
import { can } from '../domain/policy';
import { checkPublicText } from '../domain/privacy';
import { AGE_BANDS, WISH_STATUSES, WISH_TRANSITIONS, ageBand, decideWishTransition, type WishFacts, type WishStatus } from '../domain/wish';
import type { NewWishInput, WishDraftInput, WishFilterInput } from '../forms/wish';
import { WISH_CATEGORIES } from '../forms/wish';
import { enqueueMail } from '../mail/send.server';
import { childPicker, type ChildPickerQuery } from './children.server';
import { refuseUnlessChanged, transact } from './tx.server';

// Wishes: written by staff as drafts, privacy-checked before they leave draft, published by a
// second staff member, claimed by helpers (claims.server.ts), fulfilled when staff confirm receipt.

const PUBLIC_STATUSES: readonly WishStatus[] = ['published', 'claimed', 'delivered', 'fulfilled'];

// ---------------------------------------------------------------------------
// The public face's county

/**
 * The county a wish is shown under: the nearest county-level ancestor of its site (the site itself
 * when it is a county). A site hanging directly off the city (e.g. the city's own children's welfare
 * institution) has no county ancestor: it is shown under the city, which is no less public.
 */
export function publicCountyOf(siteId: string): string | null {
  const chain = siteWithAncestors(siteId);
  return (chain.find((s) => s.kind === 'county') ?? chain.find((s) => s.kind === 'city') ?? chain[0])?.id ?? null;
}

// ---------------------------------------------------------------------------
// Writing

/** The page to write a new wish: the child picker, narrowed by the search (see childPicker), and the categories. */
export function newWishPage(actor: Actor, query: ChildPickerQuery, now: number) {
  return { picker: childPicker(actor, query, now), categories: WISH_CATEGORIES };
}

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
  return transact((tx) => {
    refuseUnlessChanged(
      updateDraftWish(tx, id, {
        title: input.title,
        story: input.story,
        category: input.category,
        valueFen: input.value,
        deadlineAt: checked.value,
        // Still being written: the age band follows the child's birthday until the wish leaves draft.
        ageBand: child ? ageBand(child.child.birthDate, shanghaiDate(now)) : found.wish.ageBand,
        updatedAt: now,
      }),
      'wish.error.not_draft',
    );
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

export type StaffWishTransition = 'submit' | 'publish' | 'return_to_draft' | 'withdraw';

export function moveWish(actor: Actor, id: string, transition: StaffWishTransition, now: number): Result<{ to: WishStatus }> {
  const found = findWish(id);
  if (!found || !canSeeSite(actor, found.sitePath)) return notFound();
  const { wish } = found;
  const facts: WishFacts = { status: wish.status, authorId: wish.authorId, sitePath: found.sitePath };
  const audit = (tx: Parameters<Parameters<typeof transact>[0]>[0], from: string, to: string, action: string = transition) =>
    recordAudit(tx, { at: now, actorId: actor.userId, entityType: 'wish', entityId: id, action, fromStatus: from, toStatus: to, siteId: wish.siteId });

  if (transition === 'withdraw') {
    const live = findLiveClaimOfWish(id);
    const decided = decideWithdrawal(facts, live ? { status: live.claim.status } : null, actor);
    if (!decided.ok) return decided;
    if (!can(actor, 'wish.withdraw', { type: 'wish', ...facts })) return forbidden();
    return transact((tx) => {
      refuseUnlessChanged(setWishStatus(tx, id, wish.status, decided.value.wishTo, { updatedAt: now }));
      audit(tx, wish.status, decided.value.wishTo);
      if (live && decided.value.claimTo) {
        refuseUnlessChanged(setClaimStatus(tx, live.claim.id, live.claim.status, decided.value.claimTo, { updatedAt: now }));
        recordAudit(tx, {
          at: now,
          actorId: actor.userId,
          entityType: 'claim',
          entityId: live.claim.id,
          action: 'release',
          fromStatus: live.claim.status,
          toStatus: decided.value.claimTo,
          note: 'wish_withdrawn',
          siteId: wish.siteId,
        });
        enqueueMail(
          tx,
          {
            to: live.claimantEmail,
            template: 'claim.withdrawn',
            locale: live.claimantLocale,
            params: publicMailParams(
              { title: wish.title, alias: found.alias, ageBand: wish.ageBand, countyZh: found.countyZh, countyEn: found.countyEn, wishId: id },
              { name: live.claimantName, locale: live.claimantLocale },
            ),
          },
          now,
        );
      }
      return { to: decided.value.wishTo };
    });
  }

  const decided = decideWishTransition(facts, transition, actor);
  if (!decided.ok) return decided;
  const to = decided.value.to;
  const resource = { type: 'wish' as const, ...facts };
  if (transition === 'submit' && !can(actor, 'wish.write', resource)) return forbidden();
  if (transition === 'publish' && !can(actor, 'wish.review', resource)) return forbidden('wish.error.own_wish');

  if (transition === 'submit' || transition === 'publish') {
    // Checked when the wish leaves draft, and again before it goes public: the child's record may have changed.
    const findings = privacyFindings(wish.childId, wish.title, wish.story);
    if (findings.length) return err({ kind: 'privacy', findings });
    if (wish.deadlineAt !== null && wish.deadlineAt < now) return err({ kind: 'validation', fields: { deadline: ['form.date_past'] } });
  }

  return transact((tx) => {
    const extra = transition === 'publish' ? { reviewerId: actor.userId, publishedAt: now, updatedAt: now } : { updatedAt: now };
    refuseUnlessChanged(setWishStatus(tx, id, wish.status, to, extra));
    audit(tx, wish.status, to);
    return { to };
  });
}

/**
 * One post on /staff/wishes/:id: `save` stores the draft's fields; `submit` from the edit form stores
 * them first, so what is checked and sent to review is exactly what the author sees.
 */
export function updateWish(
  actor: Actor,
  id: string,
  intent: 'save' | StaffWishTransition,
  draft: WishDraftInput | undefined,
  now: number,
): Result<{ to: WishStatus | null }> {
  if (draft) {
    const saved = saveWishDraft(actor, id, draft, now);
    if (!saved.ok) return saved;
  }
  if (intent === 'save') return draft ? ok({ to: null }) : err({ kind: 'validation', fields: { title: ['form.required'] } });
  return moveWish(actor, id, intent, now);
}

function privacyFindings(childId: string, title: string, story: string) {
  const identity = childIdentityOf(childId);
  return identity ? checkPublicText([title, story], { realName: identity.realName }) : [];
}

// ---------------------------------------------------------------------------
// Staff reads

export function staffWishList(actor: Actor, status: string | null) {
  const root = scopeRoot(actor);
  if (root === null) return forbidden();
  const filter = status && (WISH_STATUSES as readonly string[]).includes(status) ? (status as WishStatusValue) : null;
  return ok({ wishes: listWishesUnder(root, filter), status: filter, statuses: WISH_STATUSES });
}

export function wishForStaff(actor: Actor, id: string) {
  const found = findWish(id);
  if (!found || !canSeeSite(actor, found.sitePath)) return notFound();
  const { wish } = found;
  const facts = { type: 'wish' as const, status: wish.status, authorId: wish.authorId, sitePath: found.sitePath };
  const live = findLiveClaimOfWish(id);
  const findings = wish.status === 'draft' || wish.status === 'in_review' ? privacyFindings(wish.childId, wish.title, wish.story) : [];
  return ok({
    wish: {
      id: wish.id,
      childId: wish.childId,
      title: wish.title,
      story: wish.story,
      category: wish.category,
      ageBand: wish.ageBand,
      valueFen: wish.valueFen,
      deadlineAt: wish.deadlineAt,
      deadline: wish.deadlineAt === null ? '' : shanghaiDate(wish.deadlineAt),
      status: wish.status,
      publishedAt: wish.publishedAt,
      fulfilledAt: wish.fulfilledAt,
      alias: found.alias,
      siteZh: found.siteZh,
      siteEn: found.siteEn,
      countyZh: found.countyZh,
      countyEn: found.countyEn,
      authorName: found.authorName,
      capFen: found.wishValueCapFen,
    },
    findings,
    isAuthor: wish.authorId === actor.userId,
    allowed: {
      edit: wish.status === 'draft' && can(actor, 'wish.write', facts),
      submit: wish.status === 'draft' && can(actor, 'wish.write', facts),
      publish: wish.status === 'in_review' && can(actor, 'wish.review', facts),
      returnToDraft: wish.status === 'in_review',
      withdraw:
        WISH_TRANSITIONS.withdraw.from.includes(wish.status) &&
        can(actor, 'wish.withdraw', facts) &&
        (!live || live.claim.status !== 'delivered'),
    },
    liveClaimId: live?.claim.id ?? null,
    claims: claimsOfWish(id).map((c) => ({
      id: c.claim.id,
      url: `/staff/claims/${c.claim.id}`,
      status: c.claim.status,
      claimantName: c.claimantName,
      orgName: c.orgName,
      createdAt: c.claim.createdAt,
    })),
    timeline: timelineOf('wish', id),
  });
}

// ---------------------------------------------------------------------------
// Public reads

const PAGE_SIZE = 12;

export function encodeCursor(at: number, id: string): string {
  return `${at.toString(36)}.${id}`;
}

export function decodeCursor(text: string): { at: number; id: string } | undefined {
  const match = /^([0-9a-z]{1,12})\.([a-z0-9]{1,40})$/.exec(text);
  if (!match) return undefined;
  const at = parseInt(match[1], 36);
  return Number.isSafeInteger(at) ? { at, id: match[2] } : undefined;
}

/** /wishes: the filtered, keyset-paginated public list, plus what the filter form and the basket need. */
export function publicWishBrowse(actor: Actor | null, filters: WishFilterInput, now: number) {
  const rows = listPublicWishes({
    countyCode: filters.county || undefined,
    category: filters.category || undefined,
    ageBand: filters.age || undefined,
    openOnly: filters.open === '1',
    after: filters.after ? decodeCursor(filters.after) : undefined,
    now,
    limit: PAGE_SIZE,
  });
  const page = rows.slice(0, PAGE_SIZE);
  const last = page[page.length - 1];
  const basketOrgs = organizationNames(approvedOrgs(actor).map((m) => m.orgId));
  return {
    wishes: page.map(({ story: _story, sortKey: _sortKey, publishedAt: _p, fulfilledAt: _f, countyCode: _c, ...card }) => ({
      ...card,
      claimable: card.status === 'published' && (card.deadlineAt === null || card.deadlineAt >= now),
    })),
    nextCursor: rows.length > PAGE_SIZE && last ? encodeCursor(last.sortKey, last.id) : null,
    filters,
    counties: publicCounties().map(({ path: _path, ...c }) => c),
    categories: WISH_CATEGORIES,
    ageBands: AGE_BANDS,
    basketOrgs,
  };
}

export type HelperStanding =
  | { kind: 'visitor' }
  | { kind: 'can_claim'; personal: boolean; orgs: { id: string; name: string }[] }
  | { kind: 'not_approved'; reasons: string[] };

/** Whether this person could claim a wish at all, and if not, why (in catalogue keys). */
export function helperStanding(actor: Actor | null): HelperStanding {
  if (!actor) return { kind: 'visitor' };
  const personal = isApprovedVolunteer(actor);
  const orgs = organizationNames(approvedOrgs(actor).map((m) => m.orgId));
  if (personal || orgs.length) return { kind: 'can_claim', personal, orgs };
  const reasons: string[] = [];
  if (actor.volunteer) reasons.push(`claim.why.volunteer_${actor.volunteer.status}`);
  for (const m of actor.orgs) reasons.push(`claim.why.org_${m.orgStatus}`);
  if (reasons.length === 0) reasons.push('claim.why.no_helper_role');
  return { kind: 'not_approved', reasons: [...new Set(reasons)] };
}

/**
 * /wishes/:id: the public face; drafts, wishes in review and withdrawn wishes exist only for staff of
 * the subtree. A helper with a claim on it sees their claim, and after approval the institution's
 * address and hand-over note.
 */
export function publicWishPage(actor: Actor | null, id: string, now: number) {
  const found = findPublicWish(id);
  if (!found) return notFound();
  const isStaff = canSeeSite(actor, found.sitePath);
  if (!PUBLIC_STATUSES.includes(found.status) && !isStaff) return notFound();

  const mine = actor ? latestClaimOfHelperOnWish(id, actor.userId, actor.orgs.map((m) => m.orgId)) : undefined;
  const myClaim =
    mine && actor && isClaimant(actor, mine.claim)
      ? {
          id: mine.claim.id,
          status: mine.claim.status,
          orgName: mine.orgName,
          reason: mine.claim.status === 'rejected' ? mine.claim.reason : null,
          thanks: mine.claim.status === 'confirmed' ? mine.claim.thanks : null,
          dueAt: claimDueAt(mine.claim, found.deadlineAt),
          handover:
            mine.claim.status === 'approved' || mine.claim.status === 'delivered'
              ? { siteZh: mine.siteZh, siteEn: mine.siteEn, address: mine.siteAddress, note: mine.siteHandoverNote }
              : null,
          canRelease: mine.claim.status === 'pending' || mine.claim.status === 'approved',
          canDeliver: mine.claim.status === 'approved',
        }
      : null;
  const liveMine = myClaim && ['pending', 'approved', 'delivered'].includes(myClaim.status);
  const open = found.status === 'published' && (found.deadlineAt === null || found.deadlineAt >= now);

  const { siteId: _siteId, sitePath: _sitePath, countyCode: _countyCode, ...face } = found;
  return ok({
    wish: face,
    open,
    standing: open && !liveMine ? helperStanding(actor) : null,
    myClaim,
    staffUrl: isStaff ? `/staff/wishes/${id}` : null,
    // The public history: when it was published, claimed, delivered, fulfilled — no names.
    timeline: timelineOf('wish', id)
      .filter((e) => ['publish', 'claim', 'release', 'deliver', 'fulfil', 'withdraw'].includes(e.action))
      .filter((e) => isStaff || e.action !== 'withdraw')
      .map((e) => ({ id: e.id, at: e.at, action: e.action, toStatus: e.toStatus })),
  });
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
