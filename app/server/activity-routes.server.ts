import { redirect } from '@remix-run/node';
import type { Actor } from '../domain/actor';
import { ActivityStepForm, ProposalForm } from '../forms/activity';
import { doneParam, parseForm } from '../forms/parse';
import { moveActivity, saveProposal, type ProposerSide } from '../services/activity-proposals.server';
import { failure } from './http.server';

// The posts of the activity pages, shared by the organization side (/org/activities) and the staff
// side (/staff/activities): they differ in who may ask for what, not in how a post is answered.

/** Where an activity's page lives on one side: `/org/activities` or `/staff/activities`. */
export type ActivityPagesBase = '/org/activities' | '/staff/activities';

/** Rows of the proposal form: ?rows=N after "save and add a slot". */
function rowsParam(request: Request): number {
  const n = Number(new URL(request.url).searchParams.get('rows'));
  return Number.isInteger(n) && n > 0 && n <= 20 ? n : 1;
}

/** What an activity's work page reads from its own address: the notice after a redirect, and the form's rows. */
export function workPageParams<T extends string>(request: Request, done: readonly T[]) {
  return { done: doneParam(request, done), rows: rowsParam(request) };
}

/**
 * The proposal form posted: saves the draft (a new one when id is null), then takes the asked step.
 * A new draft that was saved but whose step was refused opens at its own page; "add a slot" reopens
 * the form with one more row. mayApprove false refuses the approve intent on an existing draft.
 */
export function proposalPost(
  actor: Actor,
  side: ProposerSide,
  id: string | null,
  form: FormData,
  base: ActivityPagesBase,
  opts: { mayApprove: boolean; now: number },
) {
  const parsed = parseForm(ProposalForm, form);
  if (!parsed.ok) return failure({ kind: 'validation', fields: parsed.fieldErrors });
  const intent = parsed.value.intent;
  if (id !== null && intent === 'approve' && !opts.mayApprove) return failure({ kind: 'forbidden' });
  const result = saveProposal(actor, side, id, parsed.value, opts.now);
  if (!result.ok) {
    if (id === null && result.savedId) return redirect(`${base}/${result.savedId}?done=save`);
    return failure(result.error);
  }
  if (intent === 'add_slot') return redirect(`${base}/${result.value.id}?rows=${result.value.slotCount + 1}`);
  return redirect(`${base}/${result.value.id}?done=${intent}`);
}

/** A post to an activity's page: the proposal form (it has a title) or a step button (with its reason). */
export async function activityPagePost(actor: Actor, id: string, request: Request, base: ActivityPagesBase, mayApprove: boolean) {
  const form = await request.formData();
  const now = Date.now();
  if (form.has('title')) return proposalPost(actor, { orgId: null }, id, form, base, { mayApprove, now });
  const parsed = parseForm(ActivityStepForm, form);
  if (!parsed.ok) return failure({ kind: 'validation', fields: parsed.fieldErrors });
  const result = moveActivity(actor, id, parsed.value.intent, { reason: parsed.value.reason }, now);
  if (!result.ok) return failure(result.error);
  return redirect(`${base}/${id}?done=${parsed.value.intent}`);
}
