import { formatMoney } from '../i18n/index';
import { useT } from './i18n';
import { FieldError, type FormFailure } from './wish-ui';

export interface WishFieldDefaults {
  title: string;
  story: string;
  category: string;
  value: string;
  deadline: string;
}

/** The public text of a wish and its value; shared by "new wish" and "edit draft". */
export function WishFields({
  defaults,
  failure,
  categories,
  capFen,
}: {
  defaults: WishFieldDefaults;
  failure: FormFailure | undefined;
  categories: readonly string[];
  capFen: number | null;
}) {
  const t = useT();
  return (
    <>
      <p className="meta">{t('wish.form.public_hint')}</p>
      <label>
        {t('wish.form.title')}
        <input name="title" defaultValue={defaults.title} required maxLength={60} aria-describedby="title-error" />
        <FieldError failure={failure} name="title" />
      </label>
      <label>
        {t('wish.form.story')}
        <textarea name="story" defaultValue={defaults.story} required maxLength={1000} aria-describedby="story-error" />
        <span className="meta">{t('wish.form.story_hint')}</span>
        <FieldError failure={failure} name="story" />
      </label>
      <label>
        {t('wishes.category')}
        <select name="category" defaultValue={defaults.category} required>
          {categories.map((c) => (
            <option key={c} value={c}>
              {t(`wish.category.${c}`)}
            </option>
          ))}
        </select>
        <FieldError failure={failure} name="category" />
      </label>
      <label>
        {t('wish.form.value')}
        <input name="value" defaultValue={defaults.value} required inputMode="decimal" aria-describedby="value-error" />
        <span className="meta">
          {capFen !== null ? t('wish.form.value_cap', { cap: formatMoney(capFen) }) : t('wish.form.value_cap_default')}
        </span>
        <FieldError failure={failure} name="value" />
      </label>
      <label>
        {t('wish.form.deadline')}
        <input type="date" name="deadline" defaultValue={defaults.deadline} aria-describedby="deadline-error" />
        <span className="meta">{t('wish.form.deadline_hint')}</span>
        <FieldError failure={failure} name="deadline" />
      </label>
    </>
  );
}
