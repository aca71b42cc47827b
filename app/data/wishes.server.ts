import { PUBLIC_WISH_STATUSES } from '../domain/wish';
import { and, asc, count, desc, eq, exists, gt, gte, inArray, isNull, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import { alias, type SelectedFields } from 'drizzle-orm/sqlite-core';
import { schema } from '../../db/client';
import { db, type Tx } from './db.server';
import { coversEverySite, inSubtree } from './scope.server';
import { cachedCount, cachedMovingCount, cachedValue } from './count-cache.server';

export type WishRow = typeof schema.wishes.$inferSelect;
export type NewWish = typeof schema.wishes.$inferInsert;
export type WishStatusValue = WishRow['status'];
export type WishCategory = WishRow['category'];

const w = schema.wishes;
const c = schema.children;
const site = alias(schema.sites, 'wish_site');
const county = alias(schema.sites, 'wish_county');
const author = alias(schema.users, 'wish_author');

// ---------------------------------------------------------------------------
// Staff reads

/** Wishes for staff with `fields`, each with its child's alias, its site and its author's name. */
function staffWishes<F extends SelectedFields>(fields: F) {
  return db()
    .select({ ...fields, alias: c.alias, siteZh: site.nameZh, siteEn: site.nameEn, authorName: author.displayName })
    .from(w)
    .innerJoin(c, eq(c.id, w.childId))
    .innerJoin(site, eq(site.id, w.siteId))
    .innerJoin(author, eq(author.id, w.authorId));
}

/** A wish with what staff pages and services need. Never the child's private fields: those come from childIdentityOf. */
export function findWish(id: string) {
  return staffWishes({
    wish: w,
    sitePath: site.path,
    wishValueCapFen: site.wishValueCapFen,
    siteAddress: site.address,
    siteHandoverNote: site.handoverNote,
    countyCode: county.code,
    countyZh: county.nameZh,
    countyEn: county.nameEn,
  })
    .innerJoin(county, eq(county.id, w.countySiteId))
    .where(eq(w.id, id))
    .get();
}

/** Only for the privacy check (and the staff page that explains its findings). */
export function childIdentityOf(childId: string): { realName: string; birthDate: string } | undefined {
  return db().select({ realName: c.realName, birthDate: c.birthDate }).from(c).where(eq(c.id, childId)).get();
}

/** A row's place in a staff list, most recently changed first: its updated_at and id. */
export interface StaffListCursor {
  at: number;
  id: string;
}

/** A page of a staff list by keyset: after this row (the next page) or before it (the previous one; wins). */
export interface StaffListQuery {
  after?: StaffListCursor;
  before?: StaffListCursor;
  limit: number;
}

/**
 * The conditions of /staff/wishes: the status (one or all) and the subtree; none for a subtree that holds every
 * site (an admin, the city's staff), whose list and counts then read the wishes alone. With one status the list
 * walks wishes_status_updated_idx (status, updated_at, id) in order, with none wishes_updated_idx (updated_at, id).
 */
function wishesUnderConditions(rootPath: string, status: WishStatusValue | null) {
  const everySite = coversEverySite(rootPath);
  return { everySite, conditions: [status ? eq(w.status, status) : undefined, everySite ? undefined : inSubtree(site.path, rootPath)] };
}

// Row values, which SQLite reads as one range of the index's (updated_at, id) columns.
const changedBefore = (k: StaffListCursor) => sql`(${w.updatedAt}, ${w.id}) < (${k.at}, ${k.id})`;
const changedAfter = (k: StaffListCursor) => sql`(${w.updatedAt}, ${w.id}) > (${k.at}, ${k.id})`;

/**
 * /staff/wishes: one page of the subtree's wishes, most recently changed first, by keyset: the `limit` rows after
 * `after` (or from the top), or with `before` the `limit` rows just before it, nearest first. One row more than asked
 * when more lie beyond in the direction read.
 */
export function listWishesUnder(rootPath: string, status: WishStatusValue | null, q: StaffListQuery) {
  const { conditions } = wishesUnderConditions(rootPath, status);
  const backwards = q.before !== undefined;
  if (q.before) conditions.push(changedAfter(q.before));
  else if (q.after) conditions.push(changedBefore(q.after));
  return staffWishes({
    id: w.id,
    title: w.title,
    status: w.status,
    category: w.category,
    valueFen: w.valueFen,
    ageBand: w.ageBand,
    updatedAt: w.updatedAt,
  })
    .where(and(...conditions))
    .orderBy(...(backwards ? [asc(w.updatedAt), asc(w.id)] : [desc(w.updatedAt), desc(w.id)]))
    .limit(q.limit + 1)
    .all();
}

/** How many wishes /staff/wishes lists in all (kept per version of the wishes), and how many lie ahead of a row. */
export function countWishesUnder(rootPath: string, status: WishStatusValue | null, first?: StaffListCursor): { total: number; ahead: number } {
  const { everySite, conditions } = wishesUnderConditions(rootPath, status);
  const counted = (extra?: SQL) => {
    const q = db().select({ n: count() }).from(w);
    return (everySite ? q : q.innerJoin(site, eq(site.id, w.siteId))).where(and(...conditions, extra)).get()?.n ?? 0;
  };
  const total = cachedCount('wishes', `under:${rootPath}:${status ?? ''}`, 0, () => ({ value: counted() }));
  return { total, ahead: first ? counted(changedAfter(first)) : 0 };
}

/** Wishes waiting for a second pair of eyes in a subtree, not written by the viewer. */
export function wishesInReviewUnder(rootPath: string, notAuthoredBy: string, limit = 50) {
  return staffWishes({ id: w.id, title: w.title, at: w.updatedAt })
    .where(and(eq(w.status, 'in_review'), ne(w.authorId, notAuthoredBy), inSubtree(site.path, rootPath)))
    .orderBy(asc(w.updatedAt))
    .limit(limit)
    .all();
}

/**
 * Drafts of this author that a reviewer sent back and the author has not touched since: the
 * send-back is the wish's latest change. With the reviewer's name and reason, oldest first.
 * The send-back's audit row and the draft's updated_at carry the same time (one move writes both), so the list is
 * read in the draft's order, on wishes_author_status_idx (author_id, status, updated_at, id), with no sort.
 */
export function wishesReturnedTo(authorId: string, limit = 50) {
  const a = schema.auditEvents;
  const reviewer = alias(schema.users, 'wish_reviewer');
  return db()
    .select({ id: w.id, title: w.title, alias: c.alias, siteZh: site.nameZh, siteEn: site.nameEn, at: a.at, reviewerName: reviewer.displayName, reason: a.note })
    .from(w)
    .innerJoin(c, eq(c.id, w.childId))
    .innerJoin(site, eq(site.id, w.siteId))
    .innerJoin(a, and(eq(a.entityType, 'wish'), eq(a.entityId, w.id), eq(a.action, 'return_to_draft'), gte(a.at, w.updatedAt)))
    .leftJoin(reviewer, eq(reviewer.id, a.actorId))
    .where(and(eq(w.status, 'draft'), eq(w.authorId, authorId)))
    .orderBy(asc(w.updatedAt), asc(w.id))
    .limit(limit)
    .all();
}

/** Sites above (and including) a path, deepest first: used to find the county a wish is shown under. */
export function siteWithAncestors(siteId: string) {
  const own = db().select({ path: schema.sites.path }).from(schema.sites).where(eq(schema.sites.id, siteId)).get();
  if (!own) return [];
  return db()
    .select({ id: schema.sites.id, kind: schema.sites.kind, path: schema.sites.path })
    .from(schema.sites)
    .where(sql`substr(${own.path}, 1, length(${schema.sites.path})) = ${schema.sites.path}`)
    .orderBy(desc(sql`length(${schema.sites.path})`))
    .all();
}

// ---------------------------------------------------------------------------
// Writes

export function insertWish(tx: Tx, row: NewWish): void {
  tx.insert(w).values(row).run();
}

export type WishDraftChanges = Pick<NewWish, 'title' | 'story' | 'category' | 'valueFen' | 'deadlineAt' | 'ageBand' | 'updatedAt'>;

/** Compare-and-set: only a draft is edited. Returns the rows changed (0: it is no longer a draft). */
export function updateDraftWish(tx: Tx, id: string, changes: WishDraftChanges): number {
  return tx.update(w).set(changes).where(and(eq(w.id, id), eq(w.status, 'draft'))).run().changes;
}

/** Compare-and-set of the status. Returns the rows changed: 0 means someone else moved it first. */
export function setWishStatus(
  tx: Tx,
  id: string,
  from: WishStatusValue,
  to: WishStatusValue,
  extra: Partial<Pick<NewWish, 'reviewerId' | 'publishedAt' | 'fulfilledAt'>> & { updatedAt: number },
): number {
  return tx.update(w).set({ status: to, ...extra }).where(and(eq(w.id, id), eq(w.status, from))).run().changes;
}

// ---------------------------------------------------------------------------
// Public reads: the public face only (alias, age band, county, title, story, category, value, deadline, status).

function publicSelection() {
  return {
    id: w.id,
    title: w.title,
    story: w.story,
    category: w.category,
    ageBand: w.ageBand,
    valueFen: w.valueFen,
    deadlineAt: w.deadlineAt,
    status: w.status,
    publishedAt: w.publishedAt,
    fulfilledAt: w.fulfilledAt,
    alias: c.alias,
    countyCode: county.code,
    countyZh: county.nameZh,
    countyEn: county.nameEn,
  };
}

/**
 * The public list's order: newest published first, ties by id. Every public status has passed `publish`, so
 * published_at is set, and the index wishes_public_idx (status, published_at, id) serves this order and the
 * keyset ranges below.
 */
const sortKey = sql<number>`${w.publishedAt}`;

/** A keyset cursor: the sort key (published_at) and id of a card. */
export interface PublicWishCursor {
  at: number;
  id: string;
}

/** What narrows the public list. Every condition is on the wishes table alone, so counting needs no join. */
export interface PublicWishFilter {
  /** The site wishes are filed under (README D7), resolved from the county code by the caller. */
  countySiteId?: string;
  category?: WishCategory;
  ageBand?: string;
  /** Only wishes that can be claimed now: published and not past their deadline. */
  openOnly: boolean;
  now: number;
}

/** A filter and a page of it. */
export interface PublicWishQuery extends PublicWishFilter {
  /** The cards after this one (the next page). */
  after?: PublicWishCursor;
  /** The cards before this one (the previous page); wins over `after`. */
  before?: PublicWishCursor;
  limit: number;
}

/**
 * `forList`: the conditions of a page of the list, which must read wishes in list order. The IN over every public
 * status then takes a unary + so that SQLite walks wishes_published_idx (published_at, id) in order instead of four
 * ranges of wishes_public_idx merged by a sort of every public wish. Counts keep the IN, which an index serves.
 */
function publicWishConditions(f: PublicWishFilter, forList = false): SQL[] {
  const conditions: SQL[] = [];
  if (f.openOnly) {
    conditions.push(eq(w.status, 'published'));
    conditions.push(or(isNull(w.deadlineAt), gte(w.deadlineAt, f.now))!);
  } else {
    conditions.push(forList ? inArray(sql`+${w.status}`, [...PUBLIC_WISH_STATUSES]) : inArray(w.status, [...PUBLIC_WISH_STATUSES]));
  }
  return [...conditions, ...publicFilterConditions(f)];
}

/** The filters a visitor picks (county, category, age band). */
function publicFilterConditions(f: PublicWishFilter): SQL[] {
  const conditions: SQL[] = [];
  if (f.countySiteId) conditions.push(eq(w.countySiteId, f.countySiteId));
  if (f.category) conditions.push(eq(w.category, f.category));
  if (f.ageBand) conditions.push(eq(w.ageBand, f.ageBand));
  return conditions;
}

// Row value comparisons, which SQLite reads as one range of the (published_at, id) index columns (an OR of two
// ranges would be merged and sorted).
const olderThan = (c: PublicWishCursor) => sql`(${sortKey}, ${w.id}) < (${c.at}, ${c.id})`;
const newerThan = (c: PublicWishCursor) => sql`(${sortKey}, ${w.id}) > (${c.at}, ${c.id})`;

/** The titles of those of these wishes the public may see, by id (one query for a whole basket). */
export function publicWishTitles(ids: readonly string[]): Map<string, string> {
  if (ids.length === 0) return new Map();
  const rows = db()
    .select({ id: w.id, title: w.title })
    .from(w)
    .where(and(inArray(w.id, [...ids]), inArray(w.status, [...PUBLIC_WISH_STATUSES])))
    .all();
  return new Map(rows.map((r) => [r.id, r.title]));
}

/** Of these wishes, those that can be claimed now (published, deadline not passed), with their titles, in list order. */
export function openWishesAmong(ids: readonly string[], now: number) {
  if (ids.length === 0) return [];
  return db()
    .select({ id: w.id, title: w.title })
    .from(w)
    .where(and(inArray(w.id, [...ids]), ...publicWishConditions({ openOnly: true, now })))
    .orderBy(desc(sortKey), desc(w.id))
    .all();
}

/**
 * One page of the public list, newest first, by keyset: the `limit` cards after `after` (or from the top),
 * or with `before`, the `limit` cards just before it. Returns one row more than asked when more lie beyond
 * in the direction read, so the caller can tell that the start of the list was reached.
 */
export function listPublicWishes(q: PublicWishQuery) {
  const conditions = publicWishConditions(q, true);
  const backwards = q.before !== undefined;
  if (q.before) conditions.push(newerThan(q.before));
  else if (q.after) conditions.push(olderThan(q.after));
  const rows = db()
    .select({ ...publicSelection(), sortKey })
    .from(w)
    .innerJoin(c, eq(c.id, w.childId))
    .innerJoin(county, eq(county.id, w.countySiteId))
    .where(and(...conditions))
    .orderBy(...(backwards ? [asc(sortKey), asc(w.id)] : [desc(sortKey), desc(w.id)]))
    .limit(q.limit + 1)
    .all();
  return rows.map((r) => ({ ...r, sortKey: r.sortKey as number }));
}

/**
 * How many wishes match the filter, in all and (given a card) ahead of that card in the list: two COUNTs on the
 * wishes table alone, over the same index range as the page itself (no OFFSET, no join).
 */
export function countPublicWishes(f: PublicWishFilter, ahead?: PublicWishCursor): { total: number; ahead: number } {
  const conditions = publicWishConditions(f);
  // The total is kept until a wish changes; as time passes, the open wishes lose those whose deadline passed
  // meanwhile, counted over that stretch of deadlines alone (wishes_open_deadline_idx), not over every open wish.
  const key = `public:${f.openOnly ? 'open' : 'all'}:${f.countySiteId ?? ''}:${f.category ?? ''}:${f.ageBand ?? ''}`;
  // Every public wish was published: the term adds nothing but points SQLite at wishes_public_count_idx.
  const countAll = () => db().select({ n: count() }).from(w).where(and(...conditions, sql`published_at is not null`)).get()?.n ?? 0;
  const total = f.openOnly
    ? cachedMovingCount('wishes', key, f.now, countAll, (from, to) => {
        const passed = deadlinesBetween(f, Math.min(from, to), Math.max(from, to));
        return to > from ? -passed : passed;
      })
    : cachedCount('wishes', key, f.now, () => ({ value: countAll() }));
  const before = ahead ? (db().select({ n: count() }).from(w).where(and(...conditions, newerThan(ahead))).get()?.n ?? 0) : 0;
  return { total, ahead: before };
}

/** The open wishes at `from` (with the filter) whose deadline passes by `to`: open then, no longer open at `to`. */
function deadlinesBetween(f: PublicWishFilter, from: number, to: number): number {
  return (
    db()
      .select({ n: count() })
      .from(w)
      // The literal status matches the partial index wishes_open_deadline_idx.
      .where(and(...publicFilterConditions(f), sql`${w.status} = 'published'`, gte(w.deadlineAt, from), lt(w.deadlineAt, to)))
      .get()?.n ?? 0
  );
}

/** One wish's public face, whatever its status; the service decides who may see which status. */
export function findPublicWish(id: string) {
  return db()
    .select({ ...publicSelection(), siteId: w.siteId, sitePath: site.path })
    .from(w)
    .innerJoin(c, eq(c.id, w.childId))
    .innerJoin(county, eq(county.id, w.countySiteId))
    .innerJoin(site, eq(site.id, w.siteId))
    .where(eq(w.id, id))
    .get();
}

/**
 * Every place a public wish can be filed under (README D7), for the county filter: each county, and each city
 * that has sites of its own outside any county (its welfare home), whose wishes are filed under the city.
 * Read from the site tree, not from the wishes, so the list costs nothing however many wishes there are.
 * Counties first, in tree order, then the cities.
 */
export function publicCounties() {
  // Kept until a site changes (the sites' version, migration 0008): every public list page asks for it.
  return cachedValue('sites', 'public-counties', 0, () => {
    const s = schema.sites;
    const below = alias(schema.sites, 'below');
    const cityLevelSites = db().select({ one: sql`1` }).from(below).where(and(eq(below.parentId, s.id), ne(below.kind, 'county')));
    return {
      value: db()
        .select({ id: s.id, code: s.code, kind: s.kind, nameZh: s.nameZh, nameEn: s.nameEn, path: s.path })
        .from(s)
        .where(or(eq(s.kind, 'county'), and(eq(s.kind, 'city'), exists(cityLevelSites))))
        .orderBy(sql`${s.kind} = 'city'`, asc(s.path))
        .all(),
    };
  });
}

// ---------------------------------------------------------------------------
// Timelines

/** The audit events of one object, oldest first, with the acting person's display name. */
export function timelineOf(entityType: string, entityId: string) {
  const a = schema.auditEvents;
  return db()
    .select({
      id: a.id,
      at: a.at,
      action: a.action,
      fromStatus: a.fromStatus,
      toStatus: a.toStatus,
      note: a.note,
      actorName: schema.users.displayName,
    })
    .from(a)
    .leftJoin(schema.users, eq(schema.users.id, a.actorId))
    .where(and(eq(a.entityType, entityType), eq(a.entityId, entityId)))
    .orderBy(asc(a.at), sql`"audit_events"."rowid"`)
    .all();
}
