import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, redirect, useLoaderData } from '@remix-run/react';
import { ChildFormSection } from '../components/child-form';
import { DoneNotice, Timeline, WishStatusBadge, useActionPage } from '../components/wish-ui';
import { requireStaff } from '../auth/guards.server';
import { ChildForm } from '../forms/child';
import { parseForm, doneParam } from '../forms/parse';
import { childForStaff, updateChild } from '../services/children.server';
import { failure } from '../server/http.server';
import { pageTitle } from '../i18n/meta';
import { BackLink } from '../components/page';
import { ItemList } from '../components/lists';
import { ChildPairingHistory } from '../components/pairing-list';
import { childPairingHistory } from '../services/pairing-list.server';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'staff.children.title');

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = requireStaff(request);
  const result = childForStaff(viewer.actor, params.id ?? '', Date.now());
  if (!result.ok) throw failure(result.error);
  const pairings = childPairingHistory(viewer.actor, params.id ?? '');
  return { ...result.value, pairings: pairings.ok ? pairings.value : [], done: doneParam(request, ['create', 'save']) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = requireStaff(request);
  const id = params.id ?? '';
  const parsed = parseForm(ChildForm, await request.formData());
  if (!parsed.ok) return failure({ kind: 'validation', fields: parsed.fieldErrors });
  const result = updateChild(viewer.actor, id, parsed.value, Date.now());
  if (!result.ok) return failure(result.error);
  return redirect(`/staff/children/${id}?done=save`);
}

export default function StaffChild() {
  const { child, site, ageBand, wishes, sites, timeline, pairings, done } = useLoaderData<typeof loader>();
  const { failed, t, locale } = useActionPage();
  return (
    <article>
      <BackLink to="/staff/children" label={t('staff.children.title')} />
      <h1>
        {child.alias} <span className="meta">{t('wishes.age', { band: ageBand })}</span>
      </h1>
      <p className="notice">{t('child.private_notice')}</p>
      <p className="meta">
        <span>{locale === 'en' ? site.en : site.zh}</span>
        <span>{t(`child.category.${child.category}`)}</span>
      </p>
      <DoneNotice done={done} prefix="child.done" />

      <h2>{t('child.wishes')}</h2>
      <ItemList items={wishes}>
        {(w) => (
          <>
            <Link to={`/staff/wishes/${w.id}`}>{w.title}</Link> <WishStatusBadge status={w.status} />
          </>
        )}
      </ItemList>
      <p>
        <Link to={`/staff/wishes/new?childId=${encodeURIComponent(child.id)}`} className="button">
          {t('child.write_wish')}
        </Link>
      </p>

      <ChildPairingHistory childId={child.id} pairings={pairings} />

      <ChildFormSection child={child} failure={failed} sites={sites} />

      <h2>{t('child.access_log')}</h2>
      <Timeline events={timeline} kind="child" />
    </article>
  );
}
