import { CHILD_CATEGORIES, CHILD_GENDERS, ChildForm } from '../forms/child';
import { formConstraints } from '../forms/constraints';
import type { FormFailure } from '../forms/result';
import { Field, SelectField } from './auth';
import { useLocale, useT } from './i18n';

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
  return (
    <>
      <Field name="realName" {...fields.realName} label={t('child.real_name')} result={failure} defaultValue={defaults.realName} autoComplete="off" />
      <Field name="alias" {...fields.alias} label={t('child.alias')} result={failure} defaultValue={defaults.alias} autoComplete="off" hint={t('child.alias_hint')} />
      <Field name="birthDate" {...fields.birthDate} label={t('child.birth_date')} type="date" result={failure} defaultValue={defaults.birthDate} />
      <SelectField name="gender" {...fields.gender} label={t('child.gender')} result={failure} defaultValue={defaults.gender} options={CHILD_GENDERS.map((g) => ({ value: g, label: t(`child.gender.${g}`) }))} />
      <SelectField
        name="category"
        {...fields.category}
        label={t('child.category')}
        result={failure}
        defaultValue={defaults.category}
        options={CHILD_CATEGORIES.map((c) => ({ value: c, label: t(`child.category.${c}`) }))}
      />
      <Field name="guardian" {...fields.guardian} label={t('child.guardian')} result={failure} defaultValue={defaults.guardian} autoComplete="off" />
      <Field name="notes" {...fields.notes} label={t('child.notes')} result={failure} defaultValue={defaults.notes} multiline />
      <SelectField
        name="siteId"
        {...fields.siteId}
        label={t('child.site')}
        result={failure}
        defaultValue={defaults.siteId}
        options={sites.map((s) => ({ value: s.id, label: locale === 'en' ? s.nameEn : s.nameZh }))}
      />
    </>
  );
}
