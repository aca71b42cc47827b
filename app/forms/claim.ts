import * as v from 'valibot';
import { MISSING, manyIds, optionalText, yuanToFen } from './fields';

/** The value a staff member confirms was received: when given, more than zero (a gift of ¥0 did not arrive). */
const receivedYuan = v.optional(
  v.pipe(
    v.string(),
    v.trim(),
    v.check((s) => s === '' || yuanToFen(s) !== null, 'form.money_invalid'),
    v.transform((s) => (s === '' ? undefined : yuanToFen(s)!)),
    v.check((fen) => fen === undefined || fen > 0, 'form.money_positive'),
  ),
);

/** Helpers on /wishes/:id. orgId: claim on behalf of that organization (absent: for oneself). */
export const HelperWishIntent = v.object({
  intent: v.picklist(['claim', 'release', 'deliver'], 'form.choose_one'),
  orgId: optionalText(40),
}, MISSING);

/** Staff on /staff/claims/:id. */
export const StaffClaimForm = v.object({
  intent: v.picklist(['approve', 'reject', 'confirm'], 'form.choose_one'),
  reason: optionalText(500),
  /** Value actually received, in yuan; parsed to fen. */
  valueReceived: receivedYuan,
  thanks: optionalText(1000),
}, MISSING);

export const BASKET_MAX = 30;

/** An organization's wish basket on /wishes: several wishes claimed in one action. */
export const BasketForm = v.object({
  intent: v.literal('basket'),
  orgId: v.pipe(v.string('form.choose_one'), v.trim(), v.nonEmpty('form.choose_one')),
  wishId: manyIds(1, BASKET_MAX),
}, MISSING);
