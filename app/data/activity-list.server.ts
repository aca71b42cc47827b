import { and, asc, count, desc, eq, gt, gte, inArray, lt, lte, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { schema } from '../../db/client';
import type { ActivityType } from '../domain/activity';
import { db } from './db.server';
import { cachedMovingCount, cachedValue } from './count-cache.server';

// The public list of activity slots (/activities) and the home page's figure of upcoming slots.
// Only activity and slot fields are selected: an activity names no child, and this module reads no child table.

const s = schema.slots;
const a = schema.activities;
const site = alias(schema.sites, 'slot_site');

/** A keyset cursor: a card's start time and slot id. */
export interface SlotCursor {
  at: number;
  id: string;
}

/** What narrows the list. Every condition is on slots and their activity. */
export interface SlotListFilter {
  /**
   * `upcoming`: open slots of approved activities that start after `now`, soonest first.
   * `past`: slots (open or closed, never cancelled) of approved or completed activities that started by `now`, latest first.
   */
  when: 'upcoming' | 'past';
  now: number;
  type?: ActivityType;
  /** The sites a county filter stands for (resolved by the caller from the site tree); empty matches nothing. */
  siteIds?: readonly string[];
  /** Starts at or after this instant (UTC ms). */
  fromMs?: number;
  /** Starts at or before this instant (UTC ms). */
  toMs?: number;
  /** Only slots with a free place (taken < capacity). */
  placesLeft: boolean;
}

export interface SlotListQuery extends SlotListFilter {
  /** The cards after this one in list order (the next page). */
  after?: SlotCursor;
  /** The cards before this one in list order (the previous page); wins over `after`. */
  before?: SlotCursor;
  limit: number;
}

function conditions(f: SlotListFilter): SQL[] {
  const c: SQL[] = [];
  if (f.when === 'upcoming') {
    // slots_status_starts_idx (status, starts_at, id) serves the range and the order.
    c.push(eq(s.status, 'open'), gt(s.startsAt, f.now), eq(a.status, 'approved'));
  } else {
    // Unary + keeps the IN over two statuses off slots_status_starts_idx (two ranges, merged by a sort):
    // slots_starts_id_idx (starts_at, id) serves the range and the order.
    // The activity's status is read by a correlated look-up per slot, not as a condition of the join: with the
    // join's condition SQLite builds a Bloom filter over every approved or completed activity before the first row
    // (75 ms at 100,000 activities, for a page of 20).
    c.push(
      lte(s.startsAt, f.now),
      inArray(sql`+${s.status}`, ['open', 'closed']),
      sql`(select ${sql.raw('slot_activity.status')} from ${a} ${sql.raw('slot_activity')} where ${sql.raw('slot_activity.id')} = ${s.activityId}) in ('approved', 'completed')`,
    );
  }
  if (f.fromMs !== undefined) c.push(gte(s.startsAt, f.fromMs));
  if (f.toMs !== undefined) c.push(lte(s.startsAt, f.toMs));
  if (f.type) c.push(eq(a.type, f.type));
  // Unary + keeps SQLite on slots_starts_idx: through slots_site_idx it would sort a county's every slot for one page.
  if (f.siteIds) c.push(inArray(sql`+${s.siteId}`, [...f.siteIds]));
  if (f.placesLeft) c.push(lt(s.taken, s.capacity));
  return c;
}

/**
 * Slots that come later in list order than the cursor (soonest first for upcoming, latest first for past). A row
 * value comparison, which SQLite reads as one range of the (starts_at, id) index columns (an OR of two ranges would
 * be merged and sorted).
 */
function laterThan(when: SlotListFilter['when'], cur: SlotCursor): SQL {
  return when === 'upcoming' ? sql`(${s.startsAt}, ${s.id}) > (${cur.at}, ${cur.id})` : sql`(${s.startsAt}, ${s.id}) < (${cur.at}, ${cur.id})`;
}

function earlierThan(when: SlotListFilter['when'], cur: SlotCursor): SQL {
  return laterThan(when === 'upcoming' ? 'past' : 'upcoming', cur);
}

/** List order (`forward`) or its reverse, read towards the top of the list from a `before` cursor. */
function order(when: SlotListFilter['when'], forward: boolean) {
  const ascending = (when === 'upcoming') === forward;
  return ascending ? [asc(s.startsAt), asc(s.id)] : [desc(s.startsAt), desc(s.id)];
}

/**
 * One page of slot cards by keyset: the `limit` cards after `after` (or from the top), or with `before`, the `limit`
 * cards just before it, nearest first. Returns one row more than asked when more lie beyond in the direction read.
 * The range on slots.starts_at is served by slots_starts_idx; activity and site are joined by primary key. The activity
 * is CROSS JOINed so that SQLite keeps slots as the outer loop (it would otherwise start from activities_status_idx and
 * sort every slot of every approved activity).
 */
export function listSlotCards(q: SlotListQuery) {
  return slotCardsQuery(q).all();
}

/** The query of listSlotCards, unrun (tests read its plan). */
export function slotCardsQuery(q: SlotListQuery) {
  const where = conditions(q);
  if (q.before) where.push(earlierThan(q.when, q.before));
  else if (q.after) where.push(laterThan(q.when, q.after));
  return db()
    .select({
      slotId: s.id,
      activityId: a.id,
      title: a.title,
      type: a.type,
      contactTier: a.contactTier,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      capacity: s.capacity,
      taken: s.taken,
      siteId: s.siteId,
      siteZh: site.nameZh,
      siteEn: site.nameEn,
    })
    .from(s)
    .crossJoin(a)
    .innerJoin(site, eq(site.id, s.siteId))
    .where(and(eq(a.id, s.activityId), ...where))
    .orderBy(...order(q.when, !q.before))
    .limit(q.limit + 1);
}

/**
 * How many slots match, in all and (given a card) ahead of that card in list order: two COUNTs over the same range
 * as the page, no OFFSET. The total is kept (count-cache.server.ts) until a slot or an activity changes; as time
 * passes it moves by the slots that started meanwhile (they leave the upcoming list and join the past), counted over
 * that short stretch of starts alone: the past is most of the slots, and counting it walks them all.
 */
export function countSlotCards(f: SlotListFilter, ahead?: SlotCursor): { total: number; ahead: number } {
  const countOf = (cursor?: SlotCursor) => slotCountQuery(f, cursor).get()?.n ?? 0;
  const key = `slots:${f.when}:${f.type ?? ''}:${f.siteIds?.join(',') ?? '*'}:${f.fromMs ?? ''}:${f.toMs ?? ''}:${f.placesLeft ? 1 : 0}`;
  const total = cachedMovingCount(['slots', 'activities'], key, f.now, () => countOf(), (from, to) => {
    const started = startedBetween(f, Math.min(from, to), Math.max(from, to));
    // Later: the slots that started meanwhile left the upcoming list and joined the past; earlier, the reverse.
    return (to > from) === (f.when === 'upcoming') ? -started : started;
  });
  return { total, ahead: ahead ? countOf(ahead) : 0 };
}

/** The slots matching the filter (whatever the time) that start after `from` and by `to`. */
function startedBetween(f: SlotListFilter, from: number, to: number): number {
  // The list's own conditions at one end of the stretch, bounded at the other.
  const where = f.when === 'upcoming' ? [...conditions({ ...f, now: from }), lte(s.startsAt, to)] : [...conditions({ ...f, now: to }), gt(s.startsAt, from)];
  return (
    db()
      .select({ n: count() })
      .from(s)
      .crossJoin(a)
      .where(and(eq(a.id, s.activityId), ...where))
      .get()?.n ?? 0
  );
}

/** The query of countSlotCards, unrun: all the matches, or those ahead of a card (tests read its plan). */
export function slotCountQuery(f: SlotListFilter, ahead?: SlotCursor) {
  const where = conditions(f);
  if (ahead) where.push(earlierThan(f.when, ahead));
  return db()
    .select({ n: count() })
    .from(s)
    .crossJoin(a)
    .where(and(eq(a.id, s.activityId), ...where));
}

/** The home page's figure: open slots of approved activities that start after `now` (the list's own total). */
export function countUpcomingSlots(now: number): number {
  return countSlotCards({ when: 'upcoming', now, placesLeft: false }).total;
}

/** The site tree (id, parent, kind, path), to resolve counties of slots' sites without a query per card. */
export function siteTree() {
  // Kept until a site changes (the sites' version, migration 0008); the same array while it holds.
  return cachedValue('sites', 'site-tree', 0, () => {
    const t = schema.sites;
    return { value: db().select({ id: t.id, parentId: t.parentId, kind: t.kind, code: t.code, nameZh: t.nameZh, nameEn: t.nameEn }).from(t).all() };
  });
}
