import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, redirect, useLoaderData, type ShouldRevalidateFunction } from '@remix-run/react';
import { ChildSearch, ChildSelect, WishFields } from '../components/wish-form';
import { FormNotice, useActionPage } from '../components/wish-ui';
import { requireStaff } from '../auth/guards.server';
import { parseQuery } from '../forms/parse';
import { ChildPickerQuery } from '../forms/queries';
import { NewWishForm } from '../forms/wish';
import { failure, formAction } from '../server/http.server';
import { newWishPage } from '../services/wish-pages.server';
import { createWish } from '../services/wishes.server';
import { pageTitle } from '../i18n/meta';
import { BackLink } from '../components/page';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'staff.wishes.new');

const PATH = '/staff/wishes/new';

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = requireStaff(request);
  return newWishPage(viewer.actor, parseQuery(ChildPickerQuery, request), Date.now());
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = requireStaff(request);
  return formAction(request, NewWishForm, (input) => createWish(viewer.actor, input, Date.now()), (wish) => redirect(`/staff/wishes/${wish.id}?done=create`));
}

/** Writing a wish changes none of the choices: a refused draft does not run (and audit) the search again. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ formMethod, defaultShouldRevalidate }) =>
  formMethod?.toUpperCase() === 'POST' ? false : defaultShouldRevalidate;

export default function NewWish() {
  const { picker, categories } = useLoaderData<typeof loader>();
  const { failed, busy, t } = useActionPage();
  return (
    <>
      <BackLink to="/staff/wishes" label={t('staff.wishes.title')} />
      <h1>{t('staff.wishes.new')}</h1>
      <FormNotice failure={failed} showMatches />
      {!picker.hasChildren ? (
        <p className="notice">
          {t('wish.form.no_children')} <Link to="/staff/children">{t('staff.children.title')}</Link>
        </p>
      ) : (
        <>
          <ChildSearch picker={picker} action={PATH} />
          {/* Posts to this page's URL, search included, so a refused draft shows the same choices again. */}
          <Form method="post" className="stack">
            <ChildSelect picker={picker} failure={failed} />
            <WishFields
              defaults={{ title: '', story: '', category: categories[0], value: '', deadline: '' }}
              failure={failed}
              categories={categories}
              capFen={null}
            />
            <div>
              <button type="submit" disabled={busy}>
                {t('wish.form.save_draft')}
              </button>
            </div>
          </Form>
        </>
      )}
    </>
  );
}
