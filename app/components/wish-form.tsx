import { Form, Link } from '@remix-run/react';
import { formatDateTime, formatMoney } from '../i18n/index';
import { useLocale, useT } from './i18n';
import { formConstraints } from '../forms/constraints';
import type { FormFailure } from '../forms/result';
import { WishDraftForm, WishReturnForm } from '../forms/wish';
import { Field, FieldErrors, formKit, SelectField } from './fields';
import { Lines } from './wish-ui';

const fields = formConstraints(WishDraftForm);

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
  const form = formKit(fields, failure);
  const valueHint = capFen !== null ? t('wish.form.value_cap', { cap: formatMoney(capFen) }) : t('wish.form.value_cap_default');
  return (
    <>
      <p className="meta">{t('wish.form.public_hint')}</p>
      <Field form={form} name="title" label={t('wish.form.title')} defaultValue={defaults.title} />
      <Field form={form} name="story" label={t('wish.form.story')} defaultValue={defaults.story} hint={t('wish.form.story_hint')} multiline />
      <SelectField form={form} name="category" label={t('wishes.category')} defaultValue={defaults.category} choices={categories} choiceLabel="wish.category" />
      <Field form={form} name="value" label={t('wish.form.value')} defaultValue={defaults.value} inputMode="decimal" hint={valueHint} />
      <Field form={form} name="deadline" label={t('wish.form.deadline')} type="date" defaultValue={defaults.deadline} hint={t('wish.form.deadline_hint')} />
    </>
  );
}

export interface ChildChoice {
  id: string;
  alias: string;
  realName: string;
  birthYear: string;
  ageBand: string;
  siteZh: string;
  siteEn: string;
}

export interface ChildPickerData {
  q: string;
  site: string;
  sites: { id: string; nameZh: string; nameEn: string }[];
  children: ChildChoice[];
  total: number;
  limit: number;
  searched: boolean;
  childId: string;
}

/**
 * A search of children by part of an alias or name and by site: a plain GET form (works without
 * JavaScript) to `action`, with a link back to the unfiltered page once something is searched.
 * Used by the child picker of a new wish and by the child list.
 */
export function ChildSearchForm({ q, site, sites, action }: { q: string; site: string; sites: { id: string; nameZh: string; nameEn: string }[]; action: string }) {
  const t = useT();
  const locale = useLocale();
  return (
    <Form method="get" action={action} className="filters" role="search" aria-label={t('wish.picker.search')}>
      <label>
        {t('wish.picker.q')}
        <input type="search" name="q" defaultValue={q} maxLength={40} />
      </label>
      {sites.length > 1 ? (
        <label>
          {t('wish.picker.site')}
          <select name="site" defaultValue={site}>
            <option value="">{t('wish.picker.all_sites')}</option>
            {sites.map((s) => (
              <option key={s.id} value={s.id}>
                {locale === 'en' ? s.nameEn : s.nameZh}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <button type="submit">{t('wish.picker.submit')}</button>
      {q || site ? <Link to={action}>{t('wish.picker.clear')}</Link> : null}
    </Form>
  );
}

/**
 * The search above the child picker of a new wish: a plain GET form (works without JavaScript) that
 * narrows the picker by part of an alias or name and by site, and says how many children matched.
 */
export function ChildSearch({ picker, action }: { picker: ChildPickerData; action: string }) {
  const t = useT();
  return (
    <>
      <ChildSearchForm q={picker.q} site={picker.site} sites={picker.sites} action={action} />
      <p className="meta" role="status" data-testid="child-matches">
        {picker.total === 0 && picker.searched
          ? t('wish.picker.none')
          : t(picker.searched ? 'wish.picker.count' : 'wish.picker.count_all', { count: picker.total })}
        {picker.total > picker.limit ? ` ${t('wish.picker.narrow', { limit: picker.limit })}` : null}
      </p>
    </>
  );
}

/**
 * The child of a new wish, posted as `childId`: the choices the search left, each as alias · real name ·
 * birth year · age band · site, so that children sharing an alias and an age band at one home can be told apart.
 */
export function ChildSelect({ picker, failure }: { picker: ChildPickerData; failure: FormFailure | undefined }) {
  const t = useT();
  const locale = useLocale();
  return (
    <label>
      {t('wish.form.child')}
      {/* A new search brings new choices: the key lets the select take its new default. */}
      <select key={`${picker.q}|${picker.site}|${picker.childId}`} name="childId" defaultValue={picker.childId} required aria-describedby="childId-error">
        <option value="">{t('wish.form.choose_child')}</option>
        {picker.children.map((c) => (
          <option key={c.id} value={c.id}>
            {[c.alias, c.realName, t('child.born', { year: c.birthYear }), t('wishes.age', { band: c.ageBand }), locale === 'en' ? c.siteEn : c.siteZh].join(' · ')}
          </option>
        ))}
      </select>
      <FieldErrors result={failure} name="childId" />
    </label>
  );
}

/** A reviewer sends a wish in review back to its author: the reason is required and shown to the author (staff only). */
export function SendBackForm({ failure, busy }: { failure: FormFailure | undefined; busy: boolean }) {
  const t = useT();
  return (
    <Form method="post" className="stack send-back-form">
      <input type="hidden" name="intent" value="return_to_draft" />
      {/* Optional in the schema (an author may send back their own wish without one); a reviewer must give it. */}
      <Field name="reason" {...formConstraints(WishReturnForm).reason} required label={t('wish.return.reason')} result={failure} hint={t('wish.return.reason_hint')} multiline />
      <div>
        <button type="submit" className="secondary" disabled={busy}>
          {t('wish.action.return_to_draft')}
        </button>
      </div>
    </Form>
  );
}

/** On a draft a reviewer sent back: who sent it back, when, and why. */
export function ReturnedNotice({ returned }: { returned: { reason: string; at: number; byName: string | null } | null }) {
  const t = useT();
  const locale = useLocale();
  if (!returned) return null;
  return (
    <div className="notice notice-error" data-testid="returned-reason">
      <p>{t('wish.returned.title', { name: returned.byName ?? t('timeline.system'), at: formatDateTime(returned.at, locale) })}</p>
      <p>
        <strong>{t('wish.returned.reason')}</strong>
        <Lines text={returned.reason} />
      </p>
    </div>
  );
}
