import { and, asc, count, desc, eq, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { schema } from '../../db/client';
import { db, type Tx } from './db.server';
import { coversEverySite, inSubtree, type PageWindow } from './scope.server';
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

/** /staff/claims: one page of the subtree's claims, most recently changed first, and how many there are in all. */
export function pageOfClaimsUnder(rootPath: string, statuses: readonly ClaimStatusValue[], window: PageWindow) {
  // Every status asked for: no condition, so that claims_updated_idx (updated_at, id) serves the order (an IN over
  // seven statuses on claims_status_updated_idx would merge seven ranges with a sort). Every site: no subtree
  // condition, and the total counts the claims alone.
  const everyStatus = cl.status.enumValues.every((s) => statuses.includes(s));
  const everySite = coversEverySite(rootPath);
  const byStatus = everyStatus ? undefined : inArray(cl.status, [...statuses]);
  const where = and(byStatus, everySite ? undefined : inSubtree(site.path, rootPath));
  const total = cachedCount('claims', `under:${rootPath}:${statuses.join(',')}`, 0, () => ({
    value: everySite
      ? (db().select({ n: count() }).from(cl).where(byStatus).get()?.n ?? 0)
      : (db().select({ n: count() }).from(cl).innerJoin(w, eq(w.id, cl.wishId)).innerJoin(site, eq(site.id, w.siteId)).where(where).get()?.n ?? 0),
  }));
  const rows = claimQuery().where(where).orderBy(desc(cl.updatedAt), desc(cl.id)).limit(window.limit).offset(window.offset).all();
  return { total, rows };
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
 */
export function liveClaimsDueBefore(before: number, approvedBefore: number, rootPath = '/') {
  const dueCondition: SQL = or(lt(w.deadlineAt, before), and(eq(cl.status, 'approved'), lt(cl.approvedAt, approvedBefore)))!;
  return claimQuery()
    .where(and(inArray(cl.status, ['pending', 'approved']), dueCondition, inSubtree(site.path, rootPath)))
    .orderBy(asc(cl.createdAt), asc(cl.id))
    .all();
}

/**
 * The same claims as liveClaimsDueBefore(before, approvedBefore) over every site, in the same order, found from
 * both sides through indexes instead of reading every live claim: the claimed wishes whose deadline is before
 * `before` (wishes_claimed_deadline_idx) with their live claim, and the approved claims approved before
 * `approvedBefore` (claims_approved_idx). Only the due claims are sorted. For the periodic jobs.
 */
export function claimsDueBefore(before: number, approvedBefore: number) {
  // A pending or approved claim's wish is always 'claimed' (wish-claim.ts moves both in one transaction). The
  // literal status terms let SQLite use the partial indexes (a bound parameter would not); INDEXED BY holds it to
  // them, as the planner without statistics for a new index took the status indexes (every live claim) instead.
  const due = sql`${cl.id} in (
    select c.id from ${w} as dw indexed by wishes_claimed_deadline_idx join ${cl} as c on c.wish_id = dw.id
      where dw.status = 'claimed' and dw.deadline_at < ${before}
        and c.status in ('pending', 'approved', 'delivered') and c.status <> 'delivered'
    union
    select a.id from ${cl} as a indexed by claims_approved_idx where a.status = 'approved' and a.approved_at < ${approvedBefore})`;
  return claimQuery().where(due).orderBy(asc(cl.createdAt), asc(cl.id)).all();
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
