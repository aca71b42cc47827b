import { claimsOfWish, findLiveClaimOfWish, latestClaimOfHelperOnWish, organizationNames } from '../data/claims.server';
import { scopeRoot } from '../data/scope.server';
import { countPublicWishes, findPublicWish, findWish, listPublicWishes, openWishesAmong, countWishesUnder, listWishesUnder, publicCounties, timelineOf, type WishStatusValue } from '../data/wishes.server';
import { approvedOrgs, canSeeSite, isApprovedVolunteer, type Actor } from '../domain/actor';
import { shanghaiDate } from '../domain/calendar';
import { availableSteps as availableClaimSteps, isClaimant } from '../domain/claim';
import { claimDueAt } from '../domain/claim-schedule';
import { forbidden, notFound, ok } from '../domain/errors';
import { can } from '../domain/policy';
import { AGE_BANDS, availableSteps, isPublicWishStatus, WISH_STATUSES, wishResource } from '../domain/wish';
import type { WishFilterInput } from '../forms/wish';
import { WISH_CATEGORIES } from '../forms/wish';
import { BASKET_MAX } from '../forms/claim';
import { childPicker, type ChildPickerQuery } from './children.server';
import { decodeCursor, encodeCursor, readKeysetPage, STAFF_PAGE_SIZE, type KeysetCursor } from '../server/paging.server';
import { wishPrivacyFindings, wishPrivacyWarnings } from './wishes.server';

// What the wish pages show: the staff list and wish page, the page to write a new wish, and the
// public list and wish page. Reads only; every change to a wish goes through wishes.server.ts.


// ---------------------------------------------------------------------------
// Staff reads

/** The page to write a new wish: the child picker, narrowed by the search (see childPicker), and the categories. */
export function newWishPage(actor: Actor, query: ChildPickerQuery, now: number) {
  return { picker: childPicker(actor, query, now), categories: WISH_CATEGORIES };
}

/**
 * /staff/wishes: the wishes of the staff's subtree, of one status (null: all), most recently changed first, a page
 * at a time by keyset (`after` a row, or `before` it), as the route read them (StaffWishQuery).
 */
export function staffWishList(actor: Actor, status: WishStatusValue | null, cursors: { after?: KeysetCursor; before?: KeysetCursor } = {}) {
  const root = scopeRoot(actor);
  if (root === null) return forbidden();
  const { rows, paging } = readKeysetPage(
    {
      read: (q) => listWishesUnder(root, status, q),
      count: (first) => countWishesUnder(root, status, first),
      cursorOf: (w) => ({ at: w.updatedAt, id: w.id }),
    },
    cursors,
    STAFF_PAGE_SIZE,
  );
  return ok({ wishes: rows, status, statuses: WISH_STATUSES, paging });
}

export function wishForStaff(actor: Actor, id: string) {
  const found = findWish(id);
  if (!found || !canSeeSite(actor, found.sitePath)) return notFound();
  const { wish } = found;
  const facts = { status: wish.status, authorId: wish.authorId, sitePath: found.sitePath };
  // The buttons come from the same table and rules the actions check.
  const steps = availableSteps(facts, actor);
  const live = findLiveClaimOfWish(id);
  const findings = wish.status === 'draft' || wish.status === 'in_review' ? wishPrivacyFindings(wish.childId, wish.title, wish.story) : [];
  // An exact age only earns a reminder, while the text is written, reviewed and on show.
  const warnings = ['draft', 'in_review', 'published'].includes(wish.status) ? wishPrivacyWarnings(wish.title, wish.story) : [];
  const timeline = timelineOf('wish', id);
  // A draft that a reviewer sent back: the latest send-back and its reason, for the author to act on.
  const lastReturn = wish.status === 'draft' ? [...timeline].reverse().find((e) => e.action === 'return_to_draft') : undefined;
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
    warnings,
    returned: lastReturn?.note ? { reason: lastReturn.note, at: lastReturn.at, byName: lastReturn.actorName } : null,
    isAuthor: wish.authorId === actor.userId,
    allowed: {
      // Editing is not a step: the draft's text is writable while can() says so.
      edit: can(actor, 'wish.write', wishResource(facts)),
      submit: steps.includes('submit'),
      publish: steps.includes('publish'),
      returnToDraft: steps.includes('return_to_draft'),
      withdraw: steps.includes('withdraw'),
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
    timeline,
  });
}

// ---------------------------------------------------------------------------
// Public reads

// The keyset cursors live with the paging plumbing; tests and older callers import them from here too.
export { decodeCursor, encodeCursor };

/** How many ticked wishes the basket carries from page to page (as many as one claim may take). */
export const BASKET_CARRY_MAX = BASKET_MAX;

/**
 * /wishes: the filtered public list, a page at a time by keyset (`after` a card, or `before` it), with where
 * the page stands (page n of N, the total) from two COUNTs instead of an OFFSET; plus what the filter form and
 * the organization's basket need. By default only wishes that can be claimed now; `show=all` lists every public
 * wish, fulfilled included. `picked` are the wishes ticked on other pages (README D11): those still open are
 * carried on, with their titles, for members of an approved organization.
 */
export function publicWishBrowse(actor: Actor | null, input: WishFilterInput, picked: readonly string[], now: number) {
  const show = input.switch || input.show;
  const counties = publicCounties();
  const county = counties.find((c) => c.code === input.county);
  const filter = {
    countySiteId: county?.id,
    category: input.category || undefined,
    ageBand: input.age || undefined,
    openOnly: show === 'open',
    now,
  };
  const { rows: page, paging } = readKeysetPage(
    {
      read: (q) => listPublicWishes({ ...filter, ...q }),
      count: (first) => countPublicWishes(filter, first),
      cursorOf: (w) => ({ at: w.sortKey, id: w.id }),
    },
    {
      before: input.before ? decodeCursor(input.before) : undefined,
      after: input.after ? decodeCursor(input.after) : undefined,
    },
  );

  const basketOrgs = organizationNames(approvedOrgs(actor).map((m) => m.orgId));
  const carried = basketOrgs.length ? openWishesAmong([...new Set(picked)].slice(0, BASKET_CARRY_MAX), now) : [];
  return {
    wishes: page.map(({ story: _story, sortKey: _sortKey, publishedAt: _p, fulfilledAt: _f, countyCode: _c, ...card }) => ({
      ...card,
      claimable: card.status === 'published' && (card.deadlineAt === null || card.deadlineAt >= now),
    })),
    paging,
    filters: { county: county?.code ?? '', category: input.category, age: input.age, show },
    counties: counties.map(({ id: _id, path: _path, ...c }) => c),
    categories: WISH_CATEGORIES,
    ageBands: AGE_BANDS,
    basketOrgs,
    /** The basket's ticked wishes that are still open, for members of an approved organization. */
    picked: carried,
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
  if (!isPublicWishStatus(found.status) && !isStaff) return notFound();

  const mine = actor ? latestClaimOfHelperOnWish(id, actor.userId, actor.orgs.map((m) => m.orgId)) : undefined;
  const claimSteps = (c: NonNullable<typeof mine>) =>
    availableClaimSteps({ status: c.claim.status, claimantUserId: c.claim.claimantUserId, orgId: c.claim.orgId, wishSitePath: c.sitePath }, actor);
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
          canRelease: claimSteps(mine).includes('release'),
          canDeliver: claimSteps(mine).includes('deliver'),
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
