import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, redirect, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useLocale, useT } from '../components/i18n';
import { WishFields } from '../components/wish-form';
import { FieldError, FormNotice, isFailure } from '../components/wish-ui';
import { requireStaff } from '../auth/guards.server';
import { parseForm } from '../forms/parse';
import { NewWishForm } from '../forms/wish';
import { failure } from '../services/http.server';
import { createWish, newWishPage } from '../services/wishes.server';

export const meta: MetaFunction = () => [{ title: '写一个心愿 · 心愿桥' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = requireStaff(request);
  return { ...newWishPage(viewer.actor, Date.now()), childId: new URL(request.url).searchParams.get('childId') ?? '' };
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = requireStaff(request);
  const parsed = parseForm(NewWishForm, await request.formData());
  if (!parsed.ok) return failure({ kind: 'validation', fields: parsed.fieldErrors });
  const result = createWish(viewer.actor, parsed.value, Date.now());
  if (!result.ok) return failure(result.error);
  return redirect(`/staff/wishes/${result.value.id}?done=create`);
}

export default function NewWish() {
  const { children, categories, childId } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const failed = isFailure(actionData) ? actionData : undefined;
  const navigation = useNavigation();
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <p>
        <Link to="/staff/wishes">← {t('staff.wishes.title')}</Link>
      </p>
      <h1>{t('staff.wishes.new')}</h1>
      <FormNotice failure={failed} showMatches />
      {children.length === 0 ? (
        <p className="notice">
          {t('wish.form.no_children')} <Link to="/staff/children">{t('staff.children.title')}</Link>
        </p>
      ) : (
        <Form method="post" className="stack">
          <label>
            {t('wish.form.child')}
            <select name="childId" defaultValue={childId} required>
              <option value="">{t('wish.form.choose_child')}</option>
              {children.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.alias} · {t('wishes.age', { band: c.ageBand })} · {locale === 'en' ? c.siteEn : c.siteZh}
                </option>
              ))}
            </select>
            <FieldError failure={failed} name="childId" />
          </label>
          <WishFields
            defaults={{ title: '', story: '', category: categories[0], value: '', deadline: '' }}
            failure={failed}
            categories={categories}
            capFen={null}
          />
          <div>
            <button type="submit" disabled={navigation.state !== 'idle'}>
              {t('wish.form.save_draft')}
            </button>
          </div>
        </Form>
      )}
    </>
  );
}
