// The wish lifecycle: draft → in_review → published → claimed → delivered → fulfilled,
// plus withdrawn from any state before delivered.

import type { Actor } from './actor';
import { err, type Result } from './errors';
import { isStepOf, stepTo, type TransitionTable } from './lifecycle';
import { can, type Action } from './policy';

export type WishStatus = 'draft' | 'in_review' | 'published' | 'claimed' | 'delivered' | 'fulfilled' | 'withdrawn';

export const WISH_STATUSES: readonly WishStatus[] = [
  'draft',
  'in_review',
  'published',
  'claimed',
  'delivered',
  'fulfilled',
  'withdrawn',
];

/** Wishes still moving: everything except the two end states. */
export const WISH_LIVE_STATUSES: readonly WishStatus[] = ['draft', 'in_review', 'published', 'claimed', 'delivered'];

/** Statuses the public may see; drafts, reviews and withdrawn wishes are staff-only. */
export const PUBLIC_WISH_STATUSES = ['published', 'claimed', 'delivered', 'fulfilled'] as const satisfies readonly WishStatus[];

export function isPublicWishStatus(status: string): boolean {
  return (PUBLIC_WISH_STATUSES as readonly string[]).includes(status);
}

/**
 * README D7, the county a wish is filed and shown under, from its site and the site's ancestors (deepest
 * first): the nearest county (the site itself when it is one); a site with no county above it (the city's
 * own welfare home) is filed under the city. New wishes and the demo seed both file wishes by this rule.
 */
export function countyShownFor<S extends { kind: string }>(siteAndAncestors: readonly S[]): S | undefined {
  return siteAndAncestors.find((s) => s.kind === 'county') ?? siteAndAncestors.find((s) => s.kind === 'city') ?? siteAndAncestors[0];
}

export type WishTransition =
  | 'submit'
  | 'publish'
  | 'return_to_draft'
  | 'claim'
  | 'release'
  | 'deliver'
  | 'fulfil'
  | 'withdraw';

export const WISH_TRANSITIONS: TransitionTable<WishTransition, WishStatus> = {
  submit: { from: ['draft'], to: 'in_review' },
  publish: { from: ['in_review'], to: 'published' },
  return_to_draft: { from: ['in_review'], to: 'draft' },
  claim: { from: ['published'], to: 'claimed' },
  release: { from: ['claimed'], to: 'published' },
  deliver: { from: ['claimed'], to: 'delivered' },
  fulfil: { from: ['delivered'], to: 'fulfilled' },
  withdraw: { from: ['draft', 'in_review', 'published', 'claimed'], to: 'withdrawn' },
};

/**
 * Transitions that only ever follow a claim's step (claim made, claim ended unconfirmed, claim
 * delivered, claim confirmed): wish-claim.ts decides them together with the claim, whose step is
 * the one can() authorizes; no wish page offers them on their own.
 */
export const WISH_SYSTEM_TRANSITIONS: readonly WishTransition[] = ['claim', 'release', 'deliver', 'fulfil'];

/** The steps staff take on a wish's own page; fulfilment follows the claim's confirmation. */
export type StaffWishStep = 'submit' | 'publish' | 'return_to_draft' | 'withdraw';
export const STAFF_WISH_STEPS: readonly StaffWishStep[] = ['submit', 'publish', 'return_to_draft', 'withdraw'];

/**
 * The action each staff step needs (who may take it is can()'s question), and the message a refused
 * person reads: publishing needs someone other than the author (four-eyes on children's data).
 */
export const WISH_STEP_RULES: Readonly<Record<StaffWishStep, { readonly permission: Action; readonly refusal?: string }>> = {
  submit: { permission: 'wish.write' },
  publish: { permission: 'wish.review', refusal: 'wish.error.own_wish' },
  return_to_draft: { permission: 'wish.return_to_draft' },
  withdraw: { permission: 'wish.withdraw' },
};

export function isWishTransition(name: string): name is WishTransition {
  return isStepOf(WISH_TRANSITIONS, name);
}

export interface WishFacts {
  status: WishStatus;
  authorId: string;
  sitePath: string;
}

/** The longest reason a reviewer may give when sending a wish back for changes. */
export const WISH_RETURN_REASON_MAX = 500;

export interface WishTransitionInput {
  /**
   * Why the wish goes back to draft (return_to_draft): required when a reviewer sends someone
   * else's wish back, so the author knows what to change; optional when the author takes their own
   * wish back. Staff-to-staff text: it is kept as the audit event's note and never shown in public.
   */
  reason?: string;
  /** The author is taking their own wish back (no reason needed). */
  byAuthor?: boolean;
}

/**
 * Decides one wish step from the table, then the input: a reviewer sending a wish back for changes
 * says why (see WishTransitionInput). Who may take the step is can()'s question (WISH_STEP_RULES).
 */
export function decideWishTransition(
  wish: { status: WishStatus },
  transition: WishTransition,
  input: WishTransitionInput = {},
): Result<{ to: WishStatus }> {
  const step = stepTo(WISH_TRANSITIONS, wish.status, transition);
  if (!step.ok) return step;

  if (transition === 'return_to_draft') {
    const reason = input.reason?.trim() ?? '';
    if (reason === '' && !input.byAuthor) {
      return err({ kind: 'validation', fields: { reason: ['wish.error.return_reason_required'] } });
    }
    if (reason.length > WISH_RETURN_REASON_MAX) {
      return err({ kind: 'validation', fields: { reason: ['wish.error.return_reason_too_long'] } });
    }
  }

  return step;
}

/** The resource can() is asked about for a wish. */
export function wishResource(wish: WishFacts) {
  return { type: 'wish' as const, status: wish.status, authorId: wish.authorId, sitePath: wish.sitePath };
}

/** The staff steps this actor may take on this wish now: the table and can() together, for the page's buttons. */
export function availableSteps(wish: WishFacts, actor: Actor | null): StaffWishStep[] {
  return STAFF_WISH_STEPS.filter(
    (step) => WISH_TRANSITIONS[step].from.includes(wish.status) && can(actor, WISH_STEP_RULES[step].permission, wishResource(wish)),
  );
}

export type AgeBand = '0-2' | '3-5' | '6-8' | '9-11' | '12-14' | '15-17' | '18+';

export const AGE_BANDS: readonly AgeBand[] = ['0-2', '3-5', '6-8', '9-11', '12-14', '15-17', '18+'];

/**
 * The public face of a child's age. Both dates are calendar dates 'YYYY-MM-DD'
 * (the caller chooses the time zone of "today"). A child born on 29 February
 * turns a year older on 1 March in common years.
 * Throws on a malformed date or a birth date after today: those are caller bugs,
 * the child form validates its own input.
 */
export function ageBand(birthDate: string, today: string): AgeBand {
  const birth = parseDate(birthDate);
  const now = parseDate(today);
  let age = now.year - birth.year;
  if (now.month < birth.month || (now.month === birth.month && now.day < birth.day)) age -= 1;
  if (age < 0) throw new RangeError(`birth date ${birthDate} is after ${today}`);
  // Three years a band; from 18 on, the last band.
  return AGE_BANDS[Math.min(Math.floor(age / 3), AGE_BANDS.length - 1)]!;
}

function parseDate(text: string): { year: number; month: number; day: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) throw new RangeError(`not a YYYY-MM-DD date: ${text}`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`not a calendar date: ${text}`);
  }
  return { year, month, day };
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
