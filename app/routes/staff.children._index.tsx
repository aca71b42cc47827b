import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, redirect, useLoaderData } from '@remix-run/react';
import { ChildFormSection } from '../components/child-form';
import { ChildSearchForm } from '../components/wish-form';
import { PagedTable } from '../components/lists';
import { useActionPage } from '../components/wish-ui';
import { requireStaff } from '../auth/guards.server';
import { ChildForm } from '../forms/child';
import { parseQuery } from '../forms/parse';
import { ChildListQuery } from '../forms/queries';
import { childrenOfSubtree, createChild } from '../services/children.server';
import { failure, formAction } from '../server/http.server';
import { pageTitle } from '../i18n/meta';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'staff.children.title');

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = requireStaff(request);
  const result = childrenOfSubtree(viewer.actor, parseQuery(ChildListQuery, request), Date.now());
  if (!result.ok) throw failure(result.error);
  return { ...result.value, defaultSiteId: viewer.actor.staff?.siteId ?? result.value.sites[0]?.id ?? '' };
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = requireStaff(request);
  return formAction(request, ChildForm, (input) => createChild(viewer.actor, input, Date.now()), (child) => redirect(`/staff/children/${child.id}?done=create`));
}

export default function StaffChildren() {
  const { children, sites, defaultSiteId, paging, q, site, searchSites } = useLoaderData<typeof loader>();
  const { failed, t, locale } = useActionPage();
  return (
    <>
      <h1>{t('staff.children.title')}</h1>
      <p className="notice">{t('child.private_notice')}</p>
      <p>
        <a href="#new-child" className="button">
          {t('child.new')}
        </a>{' '}
        <Link to="/staff/wishes">{t('staff.wishes.title')}</Link>
      </p>
      <ChildSearchForm q={q} site={site} sites={searchSites} action="/staff/children" />
      <PagedTable label={t('staff.children.title')} headers={[t('child.alias'), t('child.real_name'), t('child.birth_year'), t('child.age_band'), t('child.category'), t('child.site')]} rows={children} paging={paging}>
        {(c) => (
          <>
            <td>
              <Link to={`/staff/children/${c.id}`}>{c.alias}</Link>
            </td>
            <td>{c.realName}</td>
            <td>{c.birthYear}</td>
            <td>{c.ageBand}</td>
            <td>{t(`child.category.${c.category}`)}</td>
            <td className="cell-wrap">{locale === 'en' ? c.siteEn : c.siteZh}</td>
          </>
        )}
      </PagedTable>

      <ChildFormSection siteId={defaultSiteId} failure={failed} sites={sites} />
    </>
  );
}
