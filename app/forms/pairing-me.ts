import * as v from 'valibot';
import { CONCERN_KINDS, MAX_CONCERN_TEXT, MAX_VISIT_MINUTES, VISIT_KINDS } from '../domain/pairing';
import { MISSING, checkbox, dateField, optionalText, requiredText } from './fields';

// The volunteer's intents on /me/pairings/:id (PRODUCT.md §6): accept, decline, request_end, log_visit,
// raise_concern. The domain checks the rest (the day within the pairing, the reason's content).

const minutes = v.pipe(
  v.string(MISSING),
  v.trim(),
  v.nonEmpty('form.required'),
  v.regex(/^\d{1,4}$/, 'pairme.field.minutes_range'),
  v.transform(Number),
  v.minValue(1, 'pairme.field.minutes_range'),
  v.maxValue(MAX_VISIT_MINUTES, 'pairme.field.minutes_range'),
);

export const AcceptPairingForm = v.object({ intent: v.literal('accept') }, MISSING);
export const DeclinePairingForm = v.object({ intent: v.literal('decline'), reason: optionalText(500) }, MISSING);
export const RequestEndForm = v.object({ intent: v.literal('request_end'), reason: requiredText(500) }, MISSING);
export const LogVisitForm = v.object(
  {
    intent: v.literal('log_visit'),
    happenedOn: dateField,
    kind: v.picklist(VISIT_KINDS, 'form.choose_one'),
    minutes,
    staffAccompanied: checkbox,
    note: optionalText(1000),
  },
  MISSING,
);
export const RaiseConcernForm = v.object(
  {
    intent: v.literal('raise_concern'),
    kind: v.picklist(CONCERN_KINDS, 'form.choose_one'),
    text: requiredText(MAX_CONCERN_TEXT),
    visitId: optionalText(40),
  },
  MISSING,
);

export const PairingMeIntent = v.variant('intent', [AcceptPairingForm, DeclinePairingForm, RequestEndForm, LogVisitForm, RaiseConcernForm], 'form.choose_one');
