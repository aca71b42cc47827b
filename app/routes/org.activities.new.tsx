import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { NewActivityPage } from '../components/activity-form';
import { useT } from '../components/i18n';
import { isFailure } from '../components/wish-ui';
import { forbidden, requireViewer } from '../auth/guards.server';
import { pageTitle } from '../i18n/meta';
import { proposalPost } from '../server/activity-routes.server';
import { proposalSites, proposingOrg } from '../services/activity-proposals.server';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'act.new_title');

/** An organization member proposes an activity for their organization (?org= picks one of several). */
function orgOf(request: Request) {
  const viewer = requireViewer(request);
  const orgId = proposingOrg(viewer.actor, new URL(request.url).searchParams.get('org'));
  const sites = orgId ? proposalSites(viewer.actor, { orgId }) : [];
  if (!orgId || sites.length === 0) forbidden(request);
  return { viewer, orgId: orgId!, sites };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { orgId, sites } = orgOf(request);
  return { orgId, sites };
}

export async function action({ request }: ActionFunctionArgs) {
  const { viewer, orgId } = orgOf(request);
  return proposalPost(viewer.actor, { orgId }, null, await request.formData(), '/org/activities', { mayApprove: false, now: Date.now() });
}

export default function NewOrgActivity() {
  const { sites } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const failed = isFailure(actionData) ? actionData : undefined;
  const t = useT();
  return <NewActivityPage back={{ to: '/org', label: t('org.title') }} hint={t('act.new_hint')} sites={sites} failed={failed} canApprove={false} />;
}
