import * as v from 'valibot';
import { ACTIVITY_TYPES } from '../domain/activity';
import { isCalendarDate } from '../domain/calendar';

/** A Shanghai calendar date 'YYYY-MM-DD' of the query string, or '' (not given, or not a real date). */
const queryDate = v.optional(v.fallback(v.pipe(v.string(), v.trim(), v.check((s) => s === '' || isCalendarDate(s))), ''), '');

/**
 * Filters of the public activity list (/activities), read from the query string so that every view has an address.
 * A value that is not one of the choices falls back to its default: a bad link shows the list, never an error.
 */
export const ActivityListFilters = v.object({
  type: v.optional(v.fallback(v.picklist(['', ...ACTIVITY_TYPES]), ''), ''),
  /** A county's (or city's) site code, as the wish list's county filter (README D7). */
  county: v.optional(v.fallback(v.pipe(v.string(), v.trim(), v.maxLength(40)), ''), ''),
  /** Slots starting on or after this Shanghai date, and on or before that one. */
  from: queryDate,
  to: queryDate,
  /** '1': only slots with a free place (upcoming slots only). */
  places: v.optional(v.fallback(v.picklist(['', '1']), ''), ''),
  /** Upcoming slots (the default), or those that have already taken place. */
  when: v.optional(v.fallback(v.picklist(['upcoming', 'past']), 'upcoming'), 'upcoming'),
  /** Keyset cursors: the page after this card, or the page before it. */
  after: v.optional(v.fallback(v.pipe(v.string(), v.maxLength(80)), ''), ''),
  before: v.optional(v.fallback(v.pipe(v.string(), v.maxLength(80)), ''), ''),
});
export type ActivityListInput = v.InferOutput<typeof ActivityListFilters>;

