import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { redirect, useActionData, useLoaderData } from '@remix-run/react';
import { ActivityWorkPage } from '../components/activities';
import { useT } from '../components/i18n';
import { asFormResult } from '../forms/result';
import { requireViewer } from '../auth/guards.server';
import { ActivityStepForm, ProposalForm } from '../forms/activity';
import { doneParam, parseForm } from '../forms/parse';
import { textTitle } from '../i18n/meta';
import { failure } from '../server/http.server';
import { activityForWork, moveActivity, saveProposal } from '../services/activities.server';

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => textTitle(matches, data?.work.activity.title, 'act.page_title');

const DONE = ['save', 'submit', 'cancel'] as const;

/** Rows of the proposal form: ?rows=N after "save and add a slot". */
function rowsParam(request: Request): number {
  const n = Number(new URL(request.url).searchParams.get('rows'));
  return Number.isInteger(n) && n > 0 && n <= 20 ? n : 1;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = requireViewer(request);
  const result = activityForWork(viewer.actor, params.id ?? '');
  if (!result.ok) throw failure(result.error);
  return { work: result.value, done: doneParam(request, DONE), rows: rowsParam(request) };
}

/** The proposer side: save, submit or add a slot to its draft (the proposal form), or cancel (with a reason once approved). */
export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = requireViewer(request);
  const id = params.id ?? '';
  const form = await request.formData();
  const now = Date.now();
  if (form.has('title')) {
    const parsed = parseForm(ProposalForm, form);
    if (!parsed.ok) return failure({ kind: 'validation', fields: parsed.fieldErrors });
    if (parsed.value.intent === 'approve') return failure({ kind: 'forbidden' });
    const result = saveProposal(viewer.actor, { orgId: null }, id, parsed.value, now);
    if (!result.ok) return failure(result.error);
    if (parsed.value.intent === 'add_slot') return redirect(`/org/activities/${id}?rows=${result.value.slotCount + 1}`);
    return redirect(`/org/activities/${id}?done=${parsed.value.intent}`);
  }
  const parsed = parseForm(ActivityStepForm, form);
  if (!parsed.ok) return failure({ kind: 'validation', fields: parsed.fieldErrors });
  const result = moveActivity(viewer.actor, id, parsed.value.intent, { reason: parsed.value.reason }, now);
  if (!result.ok) return failure(result.error);
  return redirect(`/org/activities/${id}?done=${parsed.value.intent}`);
}

export default function OrgActivity() {
  const { work, done, rows } = useLoaderData<typeof loader>();
  const result = asFormResult(useActionData<typeof action>());
  const t = useT();
  return <ActivityWorkPage work={work} done={done} result={result} rows={rows} back={{ to: '/org', label: t('org.title') }} slotHref={null} canApprove={false} />;
}
