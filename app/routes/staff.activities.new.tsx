import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { NewActivityPage } from '../components/activity-form';
import { useT } from '../components/i18n';
import { isFailure } from '../components/wish-ui';
import { requireStaff } from '../auth/guards.server';
import { pageTitle } from '../i18n/meta';
import { proposalPost } from '../server/activity-routes.server';
import { proposalSites } from '../services/activity-proposals.server';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'act.new_title');

/** Staff propose an activity at a site of their subtree, and may approve it at once. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = requireStaff(request, context);
  return { sites: proposalSites(viewer.actor, { orgId: null }) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = requireStaff(request, context);
  return proposalPost(viewer.actor, { orgId: null }, null, await request.formData(), '/staff/activities', { mayApprove: true, now: Date.now() });
}

export default function NewStaffActivity() {
  const { sites } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const failed = isFailure(actionData) ? actionData : undefined;
  const t = useT();
  return <NewActivityPage back={{ to: '/staff/activities', label: t('act.staff_title') }} sites={sites} failed={failed} canApprove />;
}
