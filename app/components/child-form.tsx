import { useLocale, useT } from './i18n';
import { FieldError, type FormFailure } from './wish-ui';

export const GENDERS = ['female', 'male', 'other'] as const;
export const CATEGORIES = ['orphan', 'de_facto_unsupported', 'left_behind', 'in_difficulty', 'migrant', 'other'] as const;

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
      <label>
        {t('child.real_name')}
        <input name="realName" defaultValue={defaults.realName} required maxLength={40} autoComplete="off" />
        <FieldError failure={failure} name="realName" />
      </label>
      <label>
        {t('child.alias')}
        <input name="alias" defaultValue={defaults.alias} required maxLength={20} autoComplete="off" />
        <span className="meta">{t('child.alias_hint')}</span>
        <FieldError failure={failure} name="alias" />
      </label>
      <label>
        {t('child.birth_date')}
        <input type="date" name="birthDate" defaultValue={defaults.birthDate} required />
        <FieldError failure={failure} name="birthDate" />
      </label>
      <label>
        {t('child.gender')}
        <select name="gender" defaultValue={defaults.gender} required>
          {GENDERS.map((g) => (
            <option key={g} value={g}>
              {t(`child.gender.${g}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('child.category')}
        <select name="category" defaultValue={defaults.category} required>
          {CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {t(`child.category.${c}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('child.guardian')}
        <input name="guardian" defaultValue={defaults.guardian} maxLength={80} autoComplete="off" />
        <FieldError failure={failure} name="guardian" />
      </label>
      <label>
        {t('child.notes')}
        <textarea name="notes" defaultValue={defaults.notes} maxLength={2000} />
        <FieldError failure={failure} name="notes" />
      </label>
      <label>
        {t('child.site')}
        <select name="siteId" defaultValue={defaults.siteId} required>
          {sites.map((s) => (
            <option key={s.id} value={s.id}>
              {locale === 'en' ? s.nameEn : s.nameZh}
            </option>
          ))}
        </select>
        <FieldError failure={failure} name="siteId" />
      </label>
    </>
  );
}
