// What the lifecycles (wish, claim, vetting) share: a transition table and how a step is looked up in it.

import { err, ok, type DomainError, type Result } from './errors';

/** A lifecycle's table: each step, the statuses it may leave from and the status it leads to. */
export type TransitionTable<T extends string, S extends string> = Readonly<Record<T, { readonly from: readonly S[]; readonly to: S }>>;

/** Whether `name` is a step of the table (a name from a form or a URL is checked before use). */
export function isStepOf<T extends string>(table: TransitionTable<T, string>, name: string): name is T {
  return Object.prototype.hasOwnProperty.call(table, name);
}

/** The refusal of a step that does not exist or may not leave `from`. */
export function badTransition(from: string, transition: string, to: string | undefined): DomainError {
  return {
    kind: 'bad_transition',
    from,
    to: to ?? transition,
    message: { key: 'error.bad_transition', params: { from, transition } },
  };
}

/** Where the step leads from `from` by the table, or the bad_transition refusal. */
export function stepTo<T extends string, S extends string>(table: TransitionTable<T, S>, from: S, transition: string): Result<{ to: S }> {
  const rule = isStepOf(table, transition) ? table[transition] : undefined;
  if (!rule || !rule.from.includes(from)) return err(badTransition(from, transition, rule?.to));
  return ok({ to: rule.to });
}
