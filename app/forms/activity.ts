import * as v from 'valibot';
import { ACTIVITY_TYPES, CONTACT_TIERS, type ActivityType, type ContactTier } from '../domain/activity';
import { isCalendarDate } from '../domain/calendar';
import { MISSING, manyIds, optionalText, optionalYuan, requiredText } from './fields';
import type { FieldErrors } from './parse';

// The activity forms: the proposal (organization members and staff), the staff's review steps, and the
// slot page's attendance, close/correct and cancel forms. Times are typed in Asia/Shanghai.

/** How many slot rows a proposal may carry (the service's own limit is the same). */
export const SLOT_ROWS_MAX = 20;

const SHANGHAI_OFFSET_MS = 8 * 3600_000;

/** 'YYYY-MM-DD' + 'HH:MM' in Shanghai → UTC ms; null when either is malformed. */
export function shanghaiTime(date: string, time: string): number | null {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  if (!isCalendarDate(date) || !m) return null;
  const [y, mo, d] = date.split('-').map(Number);
  return Date.UTC(y, mo - 1, d, Number(m[1]), Number(m[2])) - SHANGHAI_OFFSET_MS;
}

/** UTC ms → the 'YYYY-MM-DD' and 'HH:MM' a Shanghai form field shows. */
export function shanghaiParts(ms: number): { date: string; time: string } {
  const iso = new Date(ms + SHANGHAI_OFFSET_MS).toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
}

/** A whole number typed in a field; empty is "not given". */
const optionalWhole = (max: number) =>
  v.optional(
    v.pipe(
      v.string(),
      v.trim(),
      v.check((s) => s === '' || /^\d{1,7}$/.test(s), 'number_invalid'),
      v.transform((s) => (s === '' ? undefined : Number(s))),
      v.check((n) => n === undefined || n <= max, 'number_invalid'),
    ),
  );

const requiredWhole = (max: number) =>
  v.pipe(
    v.string('form.required'),
    v.trim(),
    v.nonEmpty('form.required'),
    v.regex(/^\d{1,7}$/, 'number_invalid'),
    v.transform(Number),
    v.maxValue(max, 'number_invalid'),
  );

/** The columns of one slot row; row i's fields are named slot{i}Date, slot{i}Start, … */
export const SLOT_COLUMNS = ['Date', 'Start', 'End', 'Place', 'Capacity', 'Children', 'Minutes'] as const;
export type SlotColumn = (typeof SLOT_COLUMNS)[number];
export const slotField = (row: number, column: SlotColumn) => `slot${row}${column}`;

const slotEntries: Record<string, v.GenericSchema> = {};
for (let i = 0; i < SLOT_ROWS_MAX; i++) {
  slotEntries[slotField(i, 'Date')] = optionalText(10);
  slotEntries[slotField(i, 'Start')] = optionalText(5);
  slotEntries[slotField(i, 'End')] = optionalText(5);
  slotEntries[slotField(i, 'Place')] = optionalText(100);
  slotEntries[slotField(i, 'Capacity')] = optionalWhole(10_000);
  slotEntries[slotField(i, 'Children')] = optionalWhole(100_000);
  slotEntries[slotField(i, 'Minutes')] = optionalWhole(24 * 60);
}

/** The proposal: `save` keeps it a draft, `submit` saves and sends it for review, `add_slot` saves and adds a row. */
export const ProposalForm = v.object(
  {
    intent: v.optional(v.picklist(['save', 'submit', 'add_slot', 'approve'], 'form.choose_one'), 'save'),
    type: v.picklist(ACTIVITY_TYPES, 'form.choose_one'),
    title: requiredText(80),
    description: requiredText(2000),
    siteId: requiredText(40),
    contactTier: v.picklist(CONTACT_TIERS as ContactTier[], 'form.choose_one'),
    riskNotes: optionalText(1000),
    safetyMeasures: optionalText(1000),
    organizerContact: optionalText(200),
    cancelCutoffHours: optionalWhole(7 * 24),
    ...slotEntries,
  },
  MISSING,
);

export type ProposalValues = v.InferOutput<typeof ProposalForm>;

/** One slot of a proposal, its times as instants. */
export interface SlotInput {
  startsAt: number;
  endsAt: number;
  place: string;
  capacity: number;
  childrenExpected: number;
  /** Default: end minus start. */
  scheduledMinutes?: number;
}

/** An activity as proposed, what the use cases (services/activity-proposals.server.ts) take to create or edit a draft. */
export interface ProposalInput {
  type: ActivityType;
  title: string;
  description: string;
  siteId: string;
  contactTier: ContactTier;
  riskNotes: string;
  safetyMeasures: string;
  organizerContact: string;
  /** Default 24. */
  cancelCutoffHours?: number;
  slots: SlotInput[];
}

/**
 * The parsed form as the service's input, with the form row of each slot (blank rows are skipped, so
 * the service's `slots.N.field` must be mapped back to the row the person typed in).
 */
export function proposalInput(values: ProposalValues): { ok: true; input: ProposalInput; rows: number[] } | { ok: false; fieldErrors: FieldErrors } {
  const fieldErrors: FieldErrors = {};
  const slots: ProposalInput['slots'] = [];
  const rows: number[] = [];
  const get = (row: number, column: SlotColumn) => (values as Record<string, unknown>)[slotField(row, column)];
  for (let i = 0; i < SLOT_ROWS_MAX; i++) {
    const cells = SLOT_COLUMNS.map((c) => get(i, c));
    if (cells.every((c) => c === undefined)) continue;
    const date = (get(i, 'Date') as string | undefined) ?? '';
    const startsAt = shanghaiTime(date, (get(i, 'Start') as string | undefined) ?? '');
    const endsAt = shanghaiTime(date, (get(i, 'End') as string | undefined) ?? '');
    if (startsAt === null) fieldErrors[slotField(i, isCalendarDate(date) ? 'Start' : 'Date')] = ['form.required'];
    if (endsAt === null) fieldErrors[slotField(i, 'End')] = ['form.required'];
    const capacity = get(i, 'Capacity') as number | undefined;
    if (capacity === undefined) fieldErrors[slotField(i, 'Capacity')] = ['form.required'];
    if (startsAt === null || endsAt === null || capacity === undefined) continue;
    rows.push(i);
    slots.push({
      startsAt,
      endsAt,
      place: (get(i, 'Place') as string | undefined) ?? '',
      capacity,
      childrenExpected: (get(i, 'Children') as number | undefined) ?? 0,
      scheduledMinutes: get(i, 'Minutes') as number | undefined,
    });
  }
  if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };
  return {
    ok: true,
    rows,
    input: {
      type: values.type,
      title: values.title,
      description: values.description,
      siteId: values.siteId,
      contactTier: values.contactTier,
      riskNotes: values.riskNotes ?? '',
      safetyMeasures: values.safetyMeasures ?? '',
      organizerContact: values.organizerContact ?? '',
      cancelCutoffHours: values.cancelCutoffHours,
      slots,
    },
  };
}

const SERVICE_FIELD: Record<string, SlotColumn> = {
  startsAt: 'Start',
  endsAt: 'End',
  place: 'Place',
  capacity: 'Capacity',
  childrenExpected: 'Children',
  scheduledMinutes: 'Minutes',
};

/** The service's `slots.N.field` errors as the form's `slot{row}{Column}` fields. */
export function slotErrorsToRows(fields: FieldErrors, rows: readonly number[]): FieldErrors {
  const out: FieldErrors = {};
  for (const [key, errors] of Object.entries(fields)) {
    const m = /^slots\.(\d+)\.(\w+)$/.exec(key);
    const row = m ? rows[Number(m[1])] : undefined;
    const column = m ? SERVICE_FIELD[m[2]] : undefined;
    if (row !== undefined && column) out[slotField(row, column)] = errors;
    else out[key] = errors;
  }
  return out;
}

/** Steps on an activity page: submit, approve, reject (reason), cancel (reason). */
export const ActivityStepForm = v.object(
  {
    intent: v.picklist(['submit', 'approve', 'reject', 'cancel'], 'form.choose_one'),
    reason: optionalText(500),
  },
  MISSING,
);

/** One sign-up's attendance on /staff/slots/:id. */
export const AttendForm = v.object(
  {
    intent: v.literal('attend'),
    signupId: requiredText(40),
    outcome: v.picklist(['attended', 'no_show'], 'form.choose_one'),
    minutes: optionalWhole(24 * 60),
  },
  MISSING,
);

/** A slot's outcome (close), or its correction with a reason. Money in yuan. */
export const SlotOutcomeForm = v.object(
  {
    intent: v.picklist(['close', 'correct'], 'form.choose_one'),
    childrenServed: requiredWhole(100_000),
    childId: manyIds(0, 500),
    money: optionalYuan,
    goods: optionalYuan,
    materials: optionalWhole(1_000_000),
    sessions: optionalWhole(1000),
    reason: optionalText(500),
  },
  MISSING,
);

export const CancelSlotForm = v.object({ intent: v.literal('cancel_slot'), reason: requiredText(500) }, MISSING);

/** Staff cancelling one person's sign-up (any time, with a reason the helper is mailed). */
export const CancelSignupForm = v.object({ intent: v.literal('cancel_signup'), signupId: requiredText(40), reason: requiredText(500) }, MISSING);

/** Marking a helper's no-show flag reviewed (from the /staff home). */
export const ReviewFlagForm = v.object({ intent: v.literal('review_flag'), signupId: requiredText(40) }, MISSING);
