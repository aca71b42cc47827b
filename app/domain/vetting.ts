// Helper vetting: the lifecycle of volunteer and organization accounts.
// Staff record the check they did off-line (a note, never an ID number or a scan);
// rejection and suspension carry a reason the helper can read.

import type { Actor, HelperStatus } from './actor';
import { err, ok, type Result } from './errors';
import { badTransition, isStepOf, stepTo, type TransitionTable } from './lifecycle';
import { can, type Resource } from './policy';

export type VettingStatus = HelperStatus;

export const VETTING_STATUSES: readonly VettingStatus[] = ['pending', 'approved', 'rejected', 'suspended'];

export type VettingTransition = 'approve' | 'reject' | 'suspend' | 'reinstate' | 'recheck';

/**
 * The staff side of the lifecycle. A rejected helper is not re-approved in place:
 * the helper applies again (REAPPLY, below) and the application starts at pending.
 * A suspended helper comes back through `reinstate`, never `approve`, so the audit
 * trail tells the two apart. `recheck` records the yearly off-line check of an approved helper: the
 * status stays, the check note and the re-check clock are renewed.
 */
export const VETTING_TRANSITIONS: TransitionTable<VettingTransition, VettingStatus> = {
  approve: { from: ['pending'], to: 'approved' },
  reject: { from: ['pending'], to: 'rejected' },
  suspend: { from: ['approved'], to: 'suspended' },
  reinstate: { from: ['suspended'], to: 'approved' },
  recheck: { from: ['approved'], to: 'approved' },
};

/** Every staff step needs `helper.vet` (nobody vets themselves or their own organization). */
export const VETTING_STEP_ACTION = 'helper.vet' as const;

export interface HelperFacts {
  status: VettingStatus;
  /** The helper's county path, or null before they chose one. */
  sitePath: string | null;
  /** A volunteer's user id, or an organization's id. */
  userId?: string;
  orgId?: string;
}

export function helperResource(helper: HelperFacts): Resource {
  return { type: 'helper', sitePath: helper.sitePath, ...(helper.userId !== undefined ? { userId: helper.userId } : {}), ...(helper.orgId !== undefined ? { orgId: helper.orgId } : {}) };
}

/** The vetting steps this actor may take on this helper now: the table and can() together, for the page's buttons. */
export function availableSteps(helper: HelperFacts, actor: Actor | null): VettingTransition[] {
  if (!can(actor, VETTING_STEP_ACTION, helperResource(helper))) return [];
  return (Object.keys(VETTING_TRANSITIONS) as VettingTransition[]).filter((t) => VETTING_TRANSITIONS[t].from.includes(helper.status));
}

export function isVettingTransition(name: string): name is VettingTransition {
  return isStepOf(VETTING_TRANSITIONS, name);
}

/**
 * The helper's own step: having read the reason and mended their profile, a rejected
 * volunteer (or an organization's manager) asks to be reviewed again. Staff never take
 * it, and a suspension is not undone this way: only staff reinstate.
 */
export const REAPPLY: { readonly from: readonly VettingStatus[]; readonly to: VettingStatus } = { from: ['rejected'], to: 'pending' };

export function decideReapply(from: VettingStatus): Result<{ to: VettingStatus }> {
  return REAPPLY.from.includes(from) ? ok({ to: REAPPLY.to }) : err(badTransition(from, 'reapply', REAPPLY.to));
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Has this approved helper's yearly re-check lapsed? Then one-to-one privileges are suspended
 * (can()'s `one_to_one.contact`) until staff record it; donate-only actions stay open.
 */
export function recheckOverdue(helper: { status: VettingStatus; recheckDueAt: number | null }, now: number): boolean {
  return helper.status === 'approved' && helper.recheckDueAt !== null && helper.recheckDueAt < now;
}

/** Caring parents and helpers with one-to-one contact with a child are re-checked yearly. */
export const RECHECK_INTERVAL_MS = 365 * DAY_MS;

export interface VettingInput {
  /** Shown to the helper; required for reject and suspend. */
  reason?: string;
  /** What staff checked off-line, e.g. "已查验无犯罪记录证明(2025-03-01)"; required to (re)enter approved. */
  checkNote?: string;
  now: number;
  caringParentOrOneToOne: boolean;
}

export interface VettingDecision {
  to: VettingStatus;
  /** When the off-line check must be repeated; null when no periodic re-check applies. */
  recheckDueAt: number | null;
}

const isBlank = (text: string | undefined) => text === undefined || text.trim() === '';

/**
 * Decides one vetting step. Who may vet is the policy's question (`helper.vet`);
 * this answers whether the step is allowed from `from` and has what it needs.
 *
 * Every way into `approved` (approve and reinstate) records a check note: a
 * reinstated helper is trusted again only on the strength of a fresh check, and
 * the yearly re-check clock restarts from it.
 */
export function decideVetting(
  from: VettingStatus,
  transition: VettingTransition,
  input: VettingInput,
): Result<VettingDecision> {
  const step = stepTo(VETTING_TRANSITIONS, from, transition);
  if (!step.ok) return step;
  const rule = step.value;

  if ((transition === 'reject' || transition === 'suspend') && isBlank(input.reason)) {
    return err({ kind: 'validation', fields: { reason: ['reason_required'] } });
  }

  if (rule.to === 'approved') {
    if (isBlank(input.checkNote)) {
      return err({ kind: 'validation', fields: { checkNote: ['check_note_required'] } });
    }
    // A recorded re-check always restarts the yearly clock: only helpers under it are re-checked.
    const yearly = transition === 'recheck' || input.caringParentOrOneToOne;
    return ok({ to: rule.to, recheckDueAt: yearly ? input.now + RECHECK_INTERVAL_MS : null });
  }

  return ok({ to: rule.to, recheckDueAt: null });
}
