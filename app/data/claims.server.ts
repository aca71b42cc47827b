import { and, asc, count, desc, eq, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { schema } from '../../db/client';
import { db, type Tx } from './db.server';
import { coversEverySite, inSubtree } from './scope.server';
import { cachedCount } from './count-cache.server';

export type ClaimRow = typeof schema.claims.$inferSelect;
export type NewClaim = typeof schema.claims.$inferInsert;
export type ClaimStatusValue = ClaimRow['status'];

const cl = schema.claims;
const w = schema.wishes;
const ch = schema.children;
const site = alias(schema.sites, 'claim_site');
const county = alias(schema.sites, 'claim_county');
const claimant = alias(schema.users, 'claimant');
const org = schema.organizations;

export const LIVE_CLAIM_STATUSES = ['pending', 'approved', 'delivered'] as const satisfies readonly ClaimStatusValue[];

/** What every claim page, queue and mail needs: the claim, its wish's public face, the site and the claimant's contact. */
function claimSelection() {
  return {
    claim: cl,
    wishId: w.id,
    wishTitle: w.title,
    wishStatus: w.status,
    wishAuthorId: w.authorId,
    wishDeadlineAt: w.deadlineAt,
    wishValueFen: w.valueFen,
    wishCategory: w.category,
    ageBand: w.ageBand,
    alias: ch.alias,
    siteId: site.id,
    sitePath: site.path,
    siteZh: site.nameZh,
    siteEn: site.nameEn,
    siteAddress: site.address,
    siteHandoverNote: site.handoverNote,
    countyZh: county.nameZh,
    countyEn: county.nameEn,
    claimantName: claimant.displayName,
    claimantEmail: claimant.email,
    claimantLocale: claimant.locale,
    orgName: org.name,
  };
}

function claimQuery() {
  return db()
    .select(claimSelection())
    .from(cl)
    .innerJoin(w, eq(w.id, cl.wishId))
    .innerJoin(ch, eq(ch.id, w.childId))
    .innerJoin(site, eq(site.id, w.siteId))
    .innerJoin(county, eq(county.id, w.countySiteId))
    .innerJoin(claimant, eq(claimant.id, cl.claimantUserId))
    .leftJoin(org, eq(org.id, cl.orgId));
}

export type ClaimDetail = NonNullable<ReturnType<typeof findClaim>>;

export function findClaim(id: string) {
  return claimQuery().where(eq(cl.id, id)).get();
}

export function findLiveClaimOfWish(wishId: string) {
  return claimQuery()
    .where(and(eq(cl.wishId, wishId), inArray(cl.status, [...LIVE_CLAIM_STATUSES])))
    .get();
}

/** Every claim a wish has had, newest first (staff page of the wish). */
export function claimsOfWish(wishId: string) {
  return claimQuery().where(eq(cl.wishId, wishId)).orderBy(desc(cl.createdAt), desc(cl.id)).all();
}

/** Claims made by this person for themselves, or by anyone for one of these organizations. */
export function claimsOfHelper(userId: string, orgIds: string[], scope: 'all' | 'personal' | 'org' = 'all') {
  const personal = and(eq(cl.claimantUserId, userId), isNull(cl.orgId))!;
  const forOrgs = orgIds.length ? inArray(cl.orgId, orgIds) : sql`0`;
  const where = scope === 'personal' ? personal : scope === 'org' ? forOrgs : or(personal, forOrgs)!;
  return claimQuery().where(where).orderBy(desc(cl.updatedAt), desc(cl.id)).all();
}

/** The latest claim on a wish that this helper (or their organization) made, live or ended. */
export function latestClaimOfHelperOnWish(wishId: string, userId: string, orgIds: string[]) {
  const mine = orgIds.length
    ? or(and(eq(cl.claimantUserId, userId), isNull(cl.orgId)), inArray(cl.orgId, orgIds))!
    : and(eq(cl.claimantUserId, userId), isNull(cl.orgId))!;
  return claimQuery().where(and(eq(cl.wishId, wishId), mine)).orderBy(desc(cl.createdAt), desc(cl.id)).get();
}

/** A claim's place in /staff/claims, most recently changed first: its updated_at and id. */
export interface ClaimListCursor {
  at: number;
  id: string;
}

/**
 * The conditions of /staff/claims. Every status asked for: no condition, so that claims_updated_idx (updated_at, id)
 * serves the order (an IN over seven statuses on claims_status_updated_idx would merge seven ranges with a sort).
 * Every site: no subtree condition, and the counts read the claims alone.
 */
function claimsUnderConditions(rootPath: string, statuses: readonly ClaimStatusValue[]) {
  const everyStatus = cl.status.enumValues.every((s) => statuses.includes(s));
  const everySite = coversEverySite(rootPath);
  return {
    everySite,
    conditions: [everyStatus ? undefined : inArray(cl.status, [...statuses]), everySite ? undefined : inSubtree(site.path, rootPath)],
  };
}

// Row values: one range of the index's (updated_at, id) columns.
const claimChangedBefore = (k: ClaimListCursor) => sql`(${cl.updatedAt}, ${cl.id}) < (${k.at}, ${k.id})`;
const claimChangedAfter = (k: ClaimListCursor) => sql`(${cl.updatedAt}, ${cl.id}) > (${k.at}, ${k.id})`;

/**
 * /staff/claims: one page of the subtree's claims, most recently changed first, by keyset: the `limit` rows after
 * `after` (or from the top), or with `before` the `limit` rows just before it, nearest first; one more when more lie
 * beyond in the direction read.
 */
export function listClaimsUnder(rootPath: string, statuses: readonly ClaimStatusValue[], q: { after?: ClaimListCursor; before?: ClaimListCursor; limit: number }) {
  const { conditions } = claimsUnderConditions(rootPath, statuses);
  const backwards = q.before !== undefined;
  if (q.before) conditions.push(claimChangedAfter(q.before));
  else if (q.after) conditions.push(claimChangedBefore(q.after));
  return claimQuery()
    .where(and(...conditions))
    .orderBy(...(backwards ? [asc(cl.updatedAt), asc(cl.id)] : [desc(cl.updatedAt), desc(cl.id)]))
    .limit(q.limit + 1)
    .all();
}

/** How many claims /staff/claims lists in all (kept per version of the claims), and how many lie ahead of a row. */
export function countClaimsUnder(rootPath: string, statuses: readonly ClaimStatusValue[], first?: ClaimListCursor): { total: number; ahead: number } {
  const { everySite, conditions } = claimsUnderConditions(rootPath, statuses);
  const counted = (extra?: SQL) =>
    everySite
      ? (db().select({ n: count() }).from(cl).where(and(...conditions, extra)).get()?.n ?? 0)
      : (db().select({ n: count() }).from(cl).innerJoin(w, eq(w.id, cl.wishId)).innerJoin(site, eq(site.id, w.siteId)).where(and(...conditions, extra)).get()?.n ?? 0);
  const total = cachedCount('claims', `under:${rootPath}:${statuses.join(',')}`, 0, () => ({ value: counted() }));
  return { total, ahead: first ? counted(claimChangedAfter(first)) : 0 };
}

/** Work queues: oldest first, so what has waited longest is seen first. */
export function claimsUnder(rootPath: string, statuses: readonly ClaimStatusValue[], limit = 100) {
  return claimQuery()
    .where(and(inArray(cl.status, [...statuses]), inSubtree(site.path, rootPath)))
    .orderBy(asc(cl.updatedAt), asc(cl.id))
    .limit(limit)
    .all();
}

/**
 * Pending and approved claims that may be due before `before`: the wish's deadline is
 * earlier, or the claim was approved early enough for its delivery window to close.
 * The service decides each one with the domain's rules.
 *
 * Two index ranges, merged here, instead of every live claim joined and sorted: the claimed wishes whose deadline is
 * before `before` (a pending or approved claim's wish is `claimed`, domain/wish.ts; wishes_claimed_deadline_idx, then
 * the wish's live claim through claims_one_live_per_wish), and the claims approved before `approvedBefore`
 * (claims_status_approved_idx). Oldest claim first.
 */
export function liveClaimsDueBefore(before: number, approvedBefore: number, rootPath = '/') {
  const subtree = coversEverySite(rootPath) ? undefined : inSubtree(site.path, rootPath);
  const byDeadline = claimQuery()
    .where(
      and(
        // Literal terms: the partial indexes' conditions, which SQLite matches only as written.
        sql`${w.status} = 'claimed'`,
        lt(w.deadlineAt, before),
        sql`${cl.status} in ('pending', 'approved', 'delivered')`,
        inArray(cl.status, ['pending', 'approved']),
        subtree,
      ),
    )
    .all();
  const byApproval = claimQuery()
    .where(and(eq(cl.status, 'approved'), lt(cl.approvedAt, approvedBefore), subtree))
    .all();
  const seen = new Set(byDeadline.map((c) => c.claim.id));
  return [...byDeadline, ...byApproval.filter((c) => !seen.has(c.claim.id))].sort(
    (x, y) => x.claim.createdAt - y.claim.createdAt || (x.claim.id < y.claim.id ? -1 : x.claim.id > y.claim.id ? 1 : 0),
  );
}

// ---------------------------------------------------------------------------
// Writes

export function insertClaim(tx: Tx, row: NewClaim): void {
  tx.insert(cl).values(row).run();
}

/** Compare-and-set of the status. Returns the rows changed: 0 means someone else moved it first. */
export function setClaimStatus(
  tx: Tx,
  id: string,
  from: ClaimStatusValue,
  to: ClaimStatusValue,
  extra: Partial<Pick<NewClaim, 'reason' | 'approvedAt' | 'deliveredAt' | 'confirmedAt' | 'valueReceivedFen' | 'thanks'>> & {
    updatedAt: number;
  },
): number {
  return tx.update(cl).set({ status: to, ...extra }).where(and(eq(cl.id, id), eq(cl.status, from))).run().changes;
}

/** Marks the reminder as sent, once: 0 rows when another run already did. */
export function markReminderSent(tx: Tx, id: string, now: number): number {
  return tx
    .update(cl)
    .set({ reminderSentAt: now })
    .where(and(eq(cl.id, id), isNull(cl.reminderSentAt), eq(cl.status, 'approved')))
    .run().changes;
}

// ---------------------------------------------------------------------------
// Helpers and organizations, as claimants

export function organizationNames(ids: string[]) {
  if (ids.length === 0) return [];
  return db().select({ id: org.id, name: org.name }).from(org).where(inArray(org.id, ids)).all();
}

export function contactOf(userId: string) {
  return db()
    .select({ email: schema.users.email, locale: schema.users.locale, displayName: schema.users.displayName })
    .from(schema.users)
    .where(eq(schema.users.id, userId))
    .get();
}
