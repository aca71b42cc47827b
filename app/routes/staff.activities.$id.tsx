import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { ActivityWorkPage } from '../components/activities';
import { useT } from '../components/i18n';
import { asFormResult } from '../forms/result';
import { requireStaff } from '../auth/guards.server';
import { textTitle } from '../i18n/meta';
import { activityPagePost, workPageParams } from '../server/activity-routes.server';
import { failure } from '../server/http.server';
import { activityForWork } from '../services/activity-proposals.server';

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => textTitle(matches, data?.work.activity.title, 'act.page_title');

const DONE = ['save', 'submit', 'approve', 'reject', 'cancel'] as const;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const viewer = requireStaff(request, context);
  const result = activityForWork(viewer.actor, params.id ?? '');
  if (!result.ok || !result.value.staff) throw failure(result.ok ? { kind: 'not_found' } : result.error);
  return { work: result.value, ...workPageParams(request, DONE) };
}

/** Staff: approve, reject (reason), cancel (reason once approved), or save/submit/approve their own draft. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const viewer = requireStaff(request, context);
  return activityPagePost(viewer.actor, params.id ?? '', request, '/staff/activities', true);
}

export default function StaffActivity() {
  const { work, done, rows } = useLoaderData<typeof loader>();
  const result = asFormResult(useActionData<typeof action>());
  const t = useT();
  return (
    <ActivityWorkPage
      work={work}
      done={done}
      result={result}
      rows={rows}
      back={{ to: '/staff/activities', label: t('act.staff_title') }}
      slotHref={(slotId) => `/staff/slots/${slotId}`}
      canApprove={work.steps.includes('approve')}
    />
  );
}
