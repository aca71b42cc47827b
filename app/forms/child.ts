import * as v from 'valibot';
import { MISSING, dateField, optionalText, requiredText } from './fields';

export const CHILD_GENDERS = ['female', 'male', 'other'] as const;
export const CHILD_CATEGORIES = ['orphan', 'de_facto_unsupported', 'left_behind', 'in_difficulty', 'migrant', 'other'] as const;

/** A private child record. The alias is the only name that ever leaves staff pages. */
export const ChildForm = v.object({
  realName: requiredText(40),
  birthDate: dateField,
  gender: v.picklist(CHILD_GENDERS, 'form.choose_one'),
  category: v.picklist(CHILD_CATEGORIES, 'form.choose_one'),
  guardian: optionalText(80),
  notes: optionalText(2000),
  alias: requiredText(20),
  siteId: requiredText(40),
}, MISSING);
export type ChildInput = v.InferOutput<typeof ChildForm>;
