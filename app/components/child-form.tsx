import { CHILD_CATEGORIES, CHILD_GENDERS, ChildForm } from '../forms/child';
import { formConstraints } from '../forms/constraints';
import type { FormFailure } from '../forms/result';
import { Field, formKit, SelectField } from './fields';
import { Form } from '@remix-run/react';
import { SubmitButton } from './auth';
import { useLocale, useT } from './i18n';
import { FormNotice } from './wish-ui';

const fields = formConstraints(ChildForm);
export interface ChildDefaults {
  realName: string;
  birthDate: string;
  gender: string;
  category: string;
  guardian: string;
  notes: string;
  alias: string;
  siteId: string;
}

/** A child's record as it is stored: what the form shows, guardian and notes perhaps absent. */
export type ChildRecord = Omit<ChildDefaults, 'guardian' | 'notes'> & { guardian: string | null; notes: string | null };

/**
 * A child's record as a section of its own: its heading (which names the form), the refusal if any, the
 * fields and the button. With `child`, the form edits that record; without, it makes a new one at `siteId`.
 */
export function ChildFormSection({
  child,
  siteId,
  ...fields
}: {
  child?: ChildRecord;
  siteId?: string;
  failure: FormFailure | undefined;
  sites: { id: string; nameZh: string; nameEn: string }[];
}) {
  const t = useT();
  const id = child ? 'edit-child' : 'new-child';
  const defaults: ChildDefaults = child
    ? { realName: child.realName, birthDate: child.birthDate, gender: child.gender, category: child.category, guardian: child.guardian ?? '', notes: child.notes ?? '', alias: child.alias, siteId: child.siteId }
    : { realName: '', birthDate: '', gender: 'female', category: 'in_difficulty', guardian: '', notes: '', alias: '', siteId: siteId ?? '' };
  return (
    <>
      <h2 id={id}>{t(child ? 'child.edit' : 'child.new')}</h2>
      <FormNotice failure={fields.failure} showMatches />
      <Form method="post" className="stack" aria-labelledby={id}>
        <ChildFields {...fields} defaults={defaults} />
        <div>
          <SubmitButton>{t(child ? 'common.save' : 'child.create')}</SubmitButton>
        </div>
      </Form>
    </>
  );
}

/** The private record of a child (staff only); the alias is the only field that is ever public. */
export function ChildFields({
  defaults,
  failure,
  sites,
}: {
  defaults: ChildDefaults;
  failure: FormFailure | undefined;
  sites: { id: string; nameZh: string; nameEn: string }[];
}) {
  const t = useT();
  const locale = useLocale();
  const form = formKit(fields, failure);
  return (
    <>
      <Field form={form} name="realName" label={t('child.real_name')} defaultValue={defaults.realName} autoComplete="off" />
      <Field form={form} name="alias" label={t('child.alias')} defaultValue={defaults.alias} autoComplete="off" hint={t('child.alias_hint')} />
      <Field form={form} name="birthDate" label={t('child.birth_date')} type="date" defaultValue={defaults.birthDate} />
      <SelectField form={form} name="gender" label={t('child.gender')} defaultValue={defaults.gender} choices={CHILD_GENDERS} choiceLabel="child.gender" />
      <SelectField form={form} name="category" label={t('child.category')} defaultValue={defaults.category} choices={CHILD_CATEGORIES} choiceLabel="child.category" />
      <Field form={form} name="guardian" label={t('child.guardian')} defaultValue={defaults.guardian} autoComplete="off" />
      <Field form={form} name="notes" label={t('child.notes')} defaultValue={defaults.notes} multiline />
      <SelectField form={form} name="siteId" label={t('child.site')} defaultValue={defaults.siteId} options={sites.map((s) => ({ value: s.id, label: locale === 'en' ? s.nameEn : s.nameZh }))} />
    </>
  );
}
