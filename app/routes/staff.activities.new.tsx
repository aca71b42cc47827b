import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, redirect, useActionData, useLoaderData } from '@remix-run/react';
import { ActivityProposalForm } from '../components/activity-form';
import { useT } from '../components/i18n';
import { FormNotice, isFailure } from '../components/wish-ui';
import { requireStaff } from '../auth/guards.server';
import { ProposalForm } from '../forms/activity';
import { parseForm } from '../forms/parse';
import { pageTitle } from '../i18n/meta';
import { failure } from '../server/http.server';
import { proposalSites, saveProposal } from '../services/activities.server';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'act.new_title');

/** Staff propose an activity at a site of their subtree, and may approve it at once. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = requireStaff(request, context);
  return { sites: proposalSites(viewer.actor, { orgId: null }) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = requireStaff(request, context);
  const parsed = parseForm(ProposalForm, await request.formData());
  if (!parsed.ok) return failure({ kind: 'validation', fields: parsed.fieldErrors });
  const result = saveProposal(viewer.actor, { orgId: null }, null, parsed.value, Date.now());
  if (!result.ok) {
    if (result.savedId) return redirect(`/staff/activities/${result.savedId}?done=save`);
    return failure(result.error);
  }
  const intent = parsed.value.intent;
  if (intent === 'add_slot') return redirect(`/staff/activities/${result.value.id}?rows=${result.value.slotCount + 1}`);
  return redirect(`/staff/activities/${result.value.id}?done=${intent}`);
}

export default function NewStaffActivity() {
  const { sites } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const failed = isFailure(actionData) ? actionData : undefined;
  const t = useT();
  return (
    <>
      <p>
        <Link to="/staff/activities">← {t('act.staff_title')}</Link>
      </p>
      <h1>{t('act.new_title')}</h1>
      <FormNotice failure={failed} showMatches />
      <ActivityProposalForm sites={sites} defaults={null} rows={2} result={failed} canApprove />
    </>
  );
}
