import * as v from 'valibot';
import { VISIT_KINDS } from '../domain/pairing';
import { checkbox, dateField, optionalText, requiredText } from './fields';

// Staff's pairing forms: the new pairing (child, volunteer, the signed agreement), and the intents of
// /staff/pairings/:id (withdraw or end with a reason, review and correct a contact log, answer a concern).

const id = v.pipe(v.string('form.required'), v.trim(), v.nonEmpty('form.required'), v.maxLength(64, 'form.too_long'));

export const NewPairingForm = v.object({
  childId: id,
  volunteerUserId: id,
  agreementSignedOn: dateField,
  agreementWitness: requiredText(100),
});

export const EndPairingForm = v.object({
  intent: v.picklist(['withdraw', 'end'], 'form.choose_one'),
  reason: requiredText(1000),
});

export const VisitReviewForm = v.object({
  intent: v.picklist(['confirm_visit', 'reject_visit'], 'form.choose_one'),
  visitId: id,
  reason: optionalText(1000),
});

export const VisitCorrectionForm = v.object({
  intent: v.literal('correct_visit'),
  visitId: id,
  happenedOn: dateField,
  kind: v.picklist(VISIT_KINDS, 'form.choose_one'),
  minutes: v.pipe(v.string('form.required'), v.trim(), v.regex(/^\d{1,4}$/, 'minutes_range'), v.transform(Number)),
  staffAccompanied: checkbox,
  reason: requiredText(1000),
});

export const ConcernStepForm = v.object({
  intent: v.picklist(['acknowledge', 'close_concern'], 'form.choose_one'),
  concernId: id,
  actionTaken: optionalText(2000),
});
