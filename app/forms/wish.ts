import * as v from 'valibot';
import { WISH_RETURN_REASON_MAX } from '../domain/wish';
import { MISSING, optionalDate, requiredText, yuanField } from './fields';

export const WISH_CATEGORIES = ['stationery', 'clothing', 'books', 'toys', 'sports', 'daily', 'other'] as const;
export type WishCategoryValue = (typeof WISH_CATEGORIES)[number];

const wishFields = {
  title: requiredText(60),
  story: requiredText(1000),
  category: v.picklist(WISH_CATEGORIES, 'form.choose_one'),
  /** Estimated value in yuan, as typed; parsed to fen. */
  value: yuanField,
  /** Optional claim deadline, a Shanghai calendar date. */
  deadline: optionalDate,
};

export const NewWishForm = v.object({ childId: requiredText(40), ...wishFields }, MISSING);
export type NewWishInput = v.InferOutput<typeof NewWishForm>;

export const WishDraftForm = v.object(wishFields, MISSING);
export type WishDraftInput = v.InferOutput<typeof WishDraftForm>;

/** The intents of /staff/wishes/:id: save edits a draft, the rest are the wish's transitions. */
export const STAFF_WISH_INTENTS = ['save', 'submit', 'publish', 'return_to_draft', 'withdraw'] as const;
export const StaffWishIntent = v.object({ intent: v.picklist(STAFF_WISH_INTENTS, 'form.choose_one') }, 'form.choose_one');

/**
 * Sending a wish back for changes (intent return_to_draft): the reviewer's reason for the author.
 * The domain requires it from anyone but the author (decideWishTransition); an empty field means "not given".
 */
export const WishReturnForm = v.object(
  {
    reason: v.optional(
      v.pipe(
        v.string(),
        v.trim(),
        v.maxLength(WISH_RETURN_REASON_MAX, 'wish.error.return_reason_too_long'),
        v.transform((s) => (s === '' ? undefined : s)),
      ),
    ),
  },
  MISSING,
);
export type WishReturnInput = v.InferOutput<typeof WishReturnForm>;

/** Filters of the public list, read from the query string (shareable URLs). Unknown values are ignored, not errors. */
export const WishFilters = v.object({
  county: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(40)), ''),
  category: v.optional(v.fallback(v.picklist(['', ...WISH_CATEGORIES]), ''), ''),
  age: v.optional(v.fallback(v.picklist(['', '0-2', '3-5', '6-8', '9-11', '12-14', '15-17', '18+']), ''), ''),
  /** Which wishes: those that can be claimed now (the default), or every public one, fulfilled included. */
  show: v.optional(v.fallback(v.picklist(['open', 'all']), 'open'), 'open'),
  /** The switch between the two, as a submit button of the basket's form (it wins over `show`). */
  switch: v.optional(v.fallback(v.picklist(['', 'open', 'all']), ''), ''),
  /** Keyset cursors: the page after this card, or the page before it. */
  after: v.optional(v.fallback(v.pipe(v.string(), v.maxLength(80)), ''), ''),
  before: v.optional(v.fallback(v.pipe(v.string(), v.maxLength(80)), ''), ''),
});
export type WishFilterInput = v.InferOutput<typeof WishFilters>;
