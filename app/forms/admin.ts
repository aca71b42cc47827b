import * as v from 'valibot';
import { EmailSchema } from './account';

// Staff and admin forms: vetting decisions, sites, staff invitations, filters.

const note = (max: number) => v.pipe(v.optional(v.string(), ''), v.trim(), v.maxLength(max, 'form.text.too_long'));

export const VettingDecisionSchema = v.object({
  intent: v.picklist(['approve', 'reject', 'suspend', 'reinstate', 'recheck'], 'form.intent.invalid'),
  /** What was checked off-line and when, e.g. "已查验无犯罪记录证明(2025-03-01)". */
  checkNote: note(300),
  /** Shown to the helper on rejection and suspension. */
  reason: note(500),
  /** One-to-one contact with children: a yearly re-check applies (always for caring parents). */
  oneToOne: v.pipe(
    v.optional(v.string(), ''),
    v.transform((s) => s === 'on' || s === 'true' || s === '1'),
  ),
});
export type VettingDecisionInput = v.InferOutput<typeof VettingDecisionSchema>;

const siteName = (required: string) => v.pipe(v.string(required), v.trim(), v.nonEmpty(required), v.maxLength(60, 'form.text.too_long'));
const optional = (max: number) =>
  v.pipe(
    v.optional(v.string(), ''),
    v.trim(),
    v.maxLength(max, 'form.text.too_long'),
    v.transform((s) => (s === '' ? null : s)),
  );
/** Yuan in the form, fen in the database. */
const valueCapYuan = v.pipe(
  v.string('form.value_cap.invalid'),
  v.trim(),
  v.regex(/^\d{1,6}(\.\d{1,2})?$/, 'form.value_cap.invalid'),
  v.transform((s) => Math.round(Number(s) * 100)),
  v.minValue(100, 'form.value_cap.invalid'),
);

const siteFields = {
  nameZh: siteName('form.site_name.required'),
  nameEn: siteName('form.site_name.required'),
  address: optional(200),
  handoverNote: optional(300),
  wishValueCapFen: valueCapYuan,
};

export const SITE_KINDS = ['city', 'county', 'township', 'institution'] as const;

export const SiteCreateSchema = v.object({
  parentId: optional(40),
  code: v.pipe(
    v.string('form.site_code.invalid'),
    v.trim(),
    v.toLowerCase(),
    v.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'form.site_code.invalid'),
    v.maxLength(24, 'form.site_code.invalid'),
  ),
  kind: v.picklist(SITE_KINDS, 'form.site_kind.invalid'),
  ...siteFields,
});
export type SiteCreateInput = v.InferOutput<typeof SiteCreateSchema>;

/** Days without confirmed contact before a pairing is flagged overdue (app/domain/pairing.ts contactOverdue). */
export const CONTACT_OVERDUE_DAYS_MIN = 7;
export const CONTACT_OVERDUE_DAYS_MAX = 365;
const overdueDays = v.pipe(
  v.string('form.overdue_days.invalid'),
  v.trim(),
  v.regex(/^\d{1,3}$/, 'form.overdue_days.invalid'),
  v.transform(Number),
  v.minValue(CONTACT_OVERDUE_DAYS_MIN, 'form.overdue_days.invalid'),
  v.maxValue(CONTACT_OVERDUE_DAYS_MAX, 'form.overdue_days.invalid'),
);

/**
 * The site page also sets the contact person caring parents see, and when their contact counts as overdue. A field
 * left out of the post keeps its value; an empty name or phone clears it.
 */
export const SiteEditSchema = v.object({
  ...siteFields,
  contactName: v.optional(
    v.pipe(
      v.string(),
      v.trim(),
      v.maxLength(60, 'form.text.too_long'),
      v.transform((s) => (s === '' ? null : s)),
    ),
  ),
  contactPhone: v.optional(
    v.pipe(
      v.string(),
      v.trim(),
      v.maxLength(30, 'form.text.too_long'),
      v.regex(/^[0-9+()\- ]*$/, 'form.phone.invalid'),
      v.transform((s) => (s === '' ? null : s)),
    ),
  ),
  contactOverdueDays: v.optional(overdueDays),
});
export type SiteEditInput = v.InferOutput<typeof SiteEditSchema>;

export const StaffInviteSchema = v.object({
  email: EmailSchema,
  siteId: v.pipe(v.string('form.site.required'), v.nonEmpty('form.site.required')),
});

export const StaffChangeSchema = v.variant('intent', [
  v.object({ intent: v.literal('move'), userId: v.string(), siteId: v.pipe(v.string('form.site.required'), v.nonEmpty('form.site.required')) }),
  v.object({ intent: v.literal('remove'), userId: v.string() }),
]);
export type StaffChangeInput = v.InferOutput<typeof StaffChangeSchema>;

/** YYYY-MM-DD, read as a day in Asia/Shanghai. */
export function parseDay(value: string | null, endOfDay = false): number | undefined {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const ms = Date.parse(`${value}T${endOfDay ? '23:59:59.999' : '00:00:00.000'}+08:00`);
  return Number.isNaN(ms) ? undefined : ms;
}
