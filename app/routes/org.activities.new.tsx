import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, redirect, useActionData, useLoaderData } from '@remix-run/react';
import { ActivityProposalForm } from '../components/activity-form';
import { useT } from '../components/i18n';
import { FormNotice, isFailure } from '../components/wish-ui';
import { forbidden, requireViewer } from '../auth/guards.server';
import { ProposalForm } from '../forms/activity';
import { parseForm } from '../forms/parse';
import { pageTitle } from '../i18n/meta';
import { failure } from '../server/http.server';
import { proposalSites, proposingOrg, saveProposal } from '../services/activities.server';

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
  const parsed = parseForm(ProposalForm, await request.formData());
  if (!parsed.ok) return failure({ kind: 'validation', fields: parsed.fieldErrors });
  const result = saveProposal(viewer.actor, { orgId }, null, parsed.value, Date.now());
  if (!result.ok) {
    if (result.savedId) return redirect(`/org/activities/${result.savedId}?done=save`);
    return failure(result.error);
  }
  const intent = parsed.value.intent;
  if (intent === 'add_slot') return redirect(`/org/activities/${result.value.id}?rows=${result.value.slotCount + 1}`);
  return redirect(`/org/activities/${result.value.id}?done=${intent}`);
}

export default function NewOrgActivity() {
  const { sites } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const failed = isFailure(actionData) ? actionData : undefined;
  const t = useT();
  return (
    <>
      <p>
        <Link to="/org">← {t('org.title')}</Link>
      </p>
      <h1>{t('act.new_title')}</h1>
      <p className="hint">{t('act.new_hint')}</p>
      <FormNotice failure={failed} showMatches />
      <ActivityProposalForm sites={sites} defaults={null} rows={2} result={failed} canApprove={false} />
    </>
  );
}
