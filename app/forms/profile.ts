import * as v from 'valibot';
import { DisplayNameSchema, EmailSchema } from './account';
import { checkbox, clearableText } from './fields';


/** Mainland mobile or landline numbers, with optional +86, spaces and dashes. */
const phone = v.pipe(
  v.optional(v.string(), ''),
  v.trim(),
  v.maxLength(20, 'form.phone.invalid'),
  v.check((s) => s === '' || /^(\+?86[ -]?)?[0-9][0-9 -]{5,18}$/.test(s), 'form.phone.invalid'),
  v.transform((s) => (s === '' ? null : s)),
);

// The profile never asks for an ID-card number or a certificate scan: staff check those off-line.
export const VolunteerProfileSchema = v.object({
  realName: clearableText(40, 'form.real_name.too_long'),
  phone,
  countySiteId: clearableText(40, 'form.county.invalid'),
  availability: clearableText(200, 'form.text.too_long'),
  skills: clearableText(300, 'form.text.too_long'),
  caringParent: checkbox,
});
export type VolunteerProfileInput = v.InferOutput<typeof VolunteerProfileSchema>;

export const ORGANIZATION_KINDS = ['social_org', 'company'] as const;

export const OrganizationProfileSchema = v.object({
  name: v.pipe(v.string('form.organization_name.required'), v.trim(), v.nonEmpty('form.organization_name.required'), v.maxLength(100, 'form.organization_name.too_long')),
  kind: v.picklist(ORGANIZATION_KINDS, 'form.organization_kind.required'),
  contactName: clearableText(40, 'form.text.too_long'),
  contactPhone: phone,
  countySiteId: clearableText(40, 'form.county.invalid'),
  description: clearableText(500, 'form.text.too_long'),
});
export type OrganizationProfileInput = v.InferOutput<typeof OrganizationProfileSchema>;

/**
 * /me, the account itself: the name others see. (The language of mail follows the language
 * the person signs in with, so it needs no setting here.)
 */
export const AccountSettingsSchema = v.object({ displayName: DisplayNameSchema });
export type AccountSettingsInput = v.InferOutput<typeof AccountSettingsSchema>;

export const InviteSchema = v.object({ email: EmailSchema });
