// Issued (frozen) reports: when a period may be issued, what counts as "a correction since issued", how
// an issued report is compared with the live one, and the half-year a dashboard shows. No I/O, no packages.

import { shanghaiDate } from './calendar';
import { FIGURE_KEYS, FIGURES, type FigureKey, type FigureValues, type Period } from './report';

/**
 * A report may be issued only for a CLOSED period: its last day is before today (Asia/Shanghai), so no
 * record of it can still be made in the ordinary course. `now` is UTC ms.
 */
export function isClosedPeriod(period: Period, now: number): boolean {
  return period.to < shanghaiDate(now);
}

/**
 * "N corrections since issued", defined once.
 *
 * A correction since issued is an AUDIT EVENT written AFTER the report's issue time (audit_events.at >
 * issued_at) that changes a record the report counts, where that record falls in the report's period
 * and subtree (its site under the report's root site):
 *   - a slot's outcome corrected ('correct') or an attendance marked or changed ('attend'), for a slot
 *     whose start (slots.starts_at) is in the period: held-slot figures, service hours, active volunteers;
 *   - a pairing contact confirmed ('confirm_visit'), rejected ('reject_visit') or corrected
 *     ('correct_visit'), for a contact that happened (pairing_visits.happened_at) in the period: home
 *     visits, service hours, active volunteers;
 *   - a claim confirmed ('confirm') or rejected ('reject'), for a claim made (claims.created_at) or
 *     confirmed (claims.confirmed_at) in the period: wishes claimed, fulfilled, money, organizations;
 *   - a wish withdrawn ('withdraw'), for a wish published (wishes.published_at) in the period: wishes
 *     published and the fulfilment rate.
 * Each event counts once. An event does not always move a figure (a claim confirmed after the period
 * changes no figure of it), so the page also says whether the live figures now differ (figuresChanged).
 */
export const CORRECTION_EVENTS = [
  { entityType: 'slot', actions: ['correct', 'attend'], recordDate: 'slot_start' },
  { entityType: 'visit', actions: ['confirm_visit', 'reject_visit', 'correct_visit'], recordDate: 'visit_happened' },
  { entityType: 'claim', actions: ['confirm', 'reject'], recordDate: 'claim_made_or_confirmed' },
  { entityType: 'wish', actions: ['withdraw'], recordDate: 'wish_published' },
] as const satisfies ReadonlyArray<{ entityType: string; actions: readonly string[]; recordDate: string }>;

export type CorrectionRecordDate = (typeof CORRECTION_EVENTS)[number]['recordDate'];

/** The figures whose value differs between the issued report and the live one, in the table's order. */
export function figuresChanged(issued: FigureValues, live: FigureValues): FigureKey[] {
  return FIGURE_KEYS.filter((k) => issued[k] !== live[k]);
}

/** The half-year containing `now` (Asia/Shanghai): 1 January … 30 June, or 1 July … 31 December. */
export function currentHalfYear(now: number): Period {
  const today = shanghaiDate(now);
  const year = today.slice(0, 4);
  return today.slice(5) < '07-01' ? { from: `${year}-01-01`, to: `${year}-06-30` } : { from: `${year}-07-01`, to: `${year}-12-31` };
}

/** The figures a dashboard shows: the letter's figures, in the table's order. */
export const DASHBOARD_FIGURES: readonly FigureKey[] = FIGURE_KEYS.filter((k) => FIGURES[k].letter);

/** The half-year before the current one: the latest closed half-year, which the issue form offers first. */
export function lastHalfYear(now: number): Period {
  const current = currentHalfYear(now);
  const year = Number(current.from.slice(0, 4));
  return current.from.endsWith('-07-01') ? { from: `${year}-01-01`, to: `${year}-06-30` } : { from: `${year - 1}-07-01`, to: `${year - 1}-12-31` };
}
