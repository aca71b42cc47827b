import * as v from 'valibot';
import { isCalendarDate } from '../domain/calendar';

// Field building blocks shared by the forms. Messages are catalogue keys.

export const requiredText = (max: number) =>
  v.pipe(v.string('form.required'), v.trim(), v.nonEmpty('form.required'), v.maxLength(max, 'form.too_long'));

/** An optional text field: an empty input means "not given" (undefined). */
export const optionalText = (max: number, tooLong = 'form.too_long') =>
  v.optional(
    v.pipe(
      v.string(),
      v.trim(),
      v.maxLength(max, tooLong),
      v.transform((s) => (s === '' ? undefined : s)),
    ),
  );

/** An optional text field of a profile: an empty or missing input clears it (null). */
export const clearableText = (max: number, tooLong = 'form.too_long') =>
  v.pipe(
    v.optional(v.string(), ''),
    v.trim(),
    v.maxLength(max, tooLong),
    v.transform((s) => (s === '' ? null : s)),
  );

/** A checkbox: ticked when posted as on, true or 1; a missing box is not ticked. */
export const checkbox = v.pipe(
  v.optional(v.string(), ''),
  v.transform((s) => s === 'on' || s === 'true' || s === '1'),
);

export const dateField = v.pipe(
  v.string('form.required'),
  v.trim(),
  v.nonEmpty('form.required'),
  v.check(isCalendarDate, 'form.date_invalid'),
);

export const optionalDate = v.optional(
  v.pipe(
    v.string(),
    v.trim(),
    v.check((s) => s === '' || isCalendarDate(s), 'form.date_invalid'),
    v.transform((s) => (s === '' ? undefined : s)),
  ),
);

/** "120", "99.5", "¥1,200" → fen, exactly (no floating point on the way). */
export function yuanToFen(text: string): number | null {
  const cleaned = text.replace(/[¥￥,\s]/g, '').replace(/元$/, '');
  const match = /^(\d{1,7})(?:\.(\d{1,2}))?$/.exec(cleaned);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

export const yuanField = v.pipe(
  v.string('form.required'),
  v.trim(),
  v.nonEmpty('form.required'),
  v.check((s) => yuanToFen(s) !== null, 'form.money_invalid'),
  v.transform((s) => yuanToFen(s)!),
);

export const optionalYuan = v.optional(
  v.pipe(
    v.string(),
    v.trim(),
    v.check((s) => s === '' || yuanToFen(s) !== null, 'form.money_invalid'),
    v.transform((s) => (s === '' ? undefined : yuanToFen(s)!)),
  ),
);

/** A field that may be posted once, many times or not at all (checkboxes with one name). */
export const manyIds = (min: number, max: number) =>
  v.pipe(
    v.optional(v.union([v.string(), v.array(v.string())], 'form.choose_one'), []),
    v.transform((value) => [...new Set((Array.isArray(value) ? value : [value]).map((s) => s.trim()).filter(Boolean))]),
    v.minLength(min, 'form.choose_one'),
    v.maxLength(max, 'form.too_many'),
  );

/** Missing keys of a form are reported with this catalogue key instead of valibot's English text. */
export const MISSING = 'form.required';
