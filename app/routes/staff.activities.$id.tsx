import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { redirect, useActionData, useLoaderData } from '@remix-run/react';
import { ActivityWorkPage } from '../components/activities';
import { useT } from '../components/i18n';
import { asFormResult } from '../forms/result';
import { requireStaff } from '../auth/guards.server';
import { ActivityStepForm, ProposalForm } from '../forms/activity';
import { doneParam, parseForm } from '../forms/parse';
import { textTitle } from '../i18n/meta';
import { failure } from '../server/http.server';
import { activityForWork, moveActivity, saveProposal } from '../services/activities.server';

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => textTitle(matches, data?.work.activity.title, 'act.page_title');

const DONE = ['save', 'submit', 'approve', 'reject', 'cancel'] as const;

function rowsParam(request: Request): number {
  const n = Number(new URL(request.url).searchParams.get('rows'));
  return Number.isInteger(n) && n > 0 && n <= 20 ? n : 1;
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const viewer = requireStaff(request, context);
  const result = activityForWork(viewer.actor, params.id ?? '');
  if (!result.ok || !result.value.staff) throw failure(result.ok ? { kind: 'not_found' } : result.error);
  return { work: result.value, done: doneParam(request, DONE), rows: rowsParam(request) };
}

/** Staff: approve, reject (reason), cancel (reason once approved), or save/submit/approve their own draft. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const viewer = requireStaff(request, context);
  const id = params.id ?? '';
  const form = await request.formData();
  const now = Date.now();
  if (form.has('title')) {
    const parsed = parseForm(ProposalForm, form);
    if (!parsed.ok) return failure({ kind: 'validation', fields: parsed.fieldErrors });
    const result = saveProposal(viewer.actor, { orgId: null }, id, parsed.value, now);
    if (!result.ok) return failure(result.error);
    if (parsed.value.intent === 'add_slot') return redirect(`/staff/activities/${id}?rows=${result.value.slotCount + 1}`);
    return redirect(`/staff/activities/${id}?done=${parsed.value.intent}`);
  }
  const parsed = parseForm(ActivityStepForm, form);
  if (!parsed.ok) return failure({ kind: 'validation', fields: parsed.fieldErrors });
  const result = moveActivity(viewer.actor, id, parsed.value.intent, { reason: parsed.value.reason }, now);
  if (!result.ok) return failure(result.error);
  return redirect(`/staff/activities/${id}?done=${parsed.value.intent}`);
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
