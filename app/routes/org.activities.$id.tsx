import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { ActivityWorkPage } from '../components/activities';
import { useT } from '../components/i18n';
import { asFormResult } from '../forms/result';
import { requireViewer } from '../auth/guards.server';
import { textTitle } from '../i18n/meta';
import { activityPagePost, workPageParams } from '../server/activity-routes.server';
import { failure } from '../server/http.server';
import { activityForWork } from '../services/activity-proposals.server';

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => textTitle(matches, data?.work.activity.title, 'act.page_title');

const DONE = ['save', 'submit', 'cancel'] as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = requireViewer(request);
  const result = activityForWork(viewer.actor, params.id ?? '');
  if (!result.ok) throw failure(result.error);
  return { work: result.value, ...workPageParams(request, DONE) };
}

/** The proposer side: save, submit or add a slot to its draft (the proposal form), or cancel (with a reason once approved). */
export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = requireViewer(request);
  return activityPagePost(viewer.actor, params.id ?? '', request, '/org/activities', false);
}

export default function OrgActivity() {
  const { work, done, rows } = useLoaderData<typeof loader>();
  const result = asFormResult(useActionData<typeof action>());
  const t = useT();
  return <ActivityWorkPage work={work} done={done} result={result} rows={rows} back={{ to: '/org', label: t('org.title') }} slotHref={null} canApprove={false} />;
}
