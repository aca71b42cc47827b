import * as v from 'valibot';
import { MISSING, manyIds } from './fields';

const slotId = v.pipe(v.string(MISSING), v.trim(), v.nonEmpty(MISSING), v.maxLength(40, 'form.too_long'));

/** The intents of /activities/:id (PRODUCT.md §6): each names the slot it is about. */
export const SlotIntent = v.variant('intent', [
  v.object({ intent: v.picklist(['signup', 'cancel', 'accept_offer', 'decline_offer'], 'form.choose_one'), slotId }, MISSING),
  // An organization member signs up named colleagues (userId repeated) for the organization.
  v.object({ intent: v.literal('signup_colleagues'), slotId, orgId: v.pipe(v.string(MISSING), v.trim(), v.nonEmpty('form.choose_one'), v.maxLength(40, 'form.too_long')), userId: manyIds(1, 50) }, MISSING),
], 'form.choose_one');

/** /me: a new secret address for the calendar feed. */
export const RotateFeedForm = v.object({ intent: v.literal('rotate_feed') }, MISSING);
