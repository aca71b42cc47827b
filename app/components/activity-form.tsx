import { Form } from '@remix-run/react';
import { ACTIVITY_TYPES, CONTACT_TIERS } from '../domain/activity';
import { ProposalForm, SLOT_ROWS_MAX, shanghaiParts, slotField } from '../forms/activity';
import { formConstraints } from '../forms/constraints';
import type { FormResult } from '../forms/result';
import { Field, FieldErrors, SelectField } from './auth';
import { useLocale, useT } from './i18n';

const fields = formConstraints(ProposalForm);

export interface ProposalDefaults {
  type: string;
  title: string;
  description: string;
  siteId: string;
  contactTier: string;
  riskNotes: string;
  safetyMeasures: string;
  organizerContact: string;
  cancelCutoffHours: number;
  slots: { startsAt: number; endsAt: number; place: string; capacity: number; childrenExpected: number; scheduledMinutes: number }[];
}

/**
 * The proposal of an activity with its slots, for organization members and staff alike. A fixed number
 * of slot rows; "save and add a slot" saves the draft and comes back with one more row, so it works
 * without JavaScript. `canApprove`: staff may create and approve at once.
 */
export function ActivityProposalForm({
  sites,
  defaults,
  rows,
  result,
  canApprove,
}: {
  sites: { id: string; nameZh: string; nameEn: string }[];
  defaults: ProposalDefaults | null;
  rows: number;
  result: FormResult | undefined;
  canApprove: boolean;
}) {
  const t = useT();
  const locale = useLocale();
  const shown = Math.min(SLOT_ROWS_MAX, Math.max(rows, defaults?.slots.length ?? 0, 1));
  return (
    <Form method="post" className="stack activity-form">
      <SelectField
        name="type"
        {...fields.type}
        label={t('act.field.type')}
        result={result}
        defaultValue={defaults?.type ?? ''}
        options={ACTIVITY_TYPES.map((type) => ({ value: type, label: t(`activity.type.${type}`) }))}
      >
        <option value="">{t('act.field.choose')}</option>
      </SelectField>
      <Field name="title" {...fields.title} label={t('act.field.title')} result={result} defaultValue={defaults?.title} />
      <Field name="description" {...fields.description} label={t('act.field.description')} result={result} defaultValue={defaults?.description} hint={t('act.field.privacy_hint')} multiline />
      <SelectField
        name="siteId"
        {...fields.siteId}
        label={t('act.field.site')}
        result={result}
        defaultValue={defaults?.siteId ?? ''}
        options={sites.map((s) => ({ value: s.id, label: locale === 'en' ? s.nameEn : s.nameZh }))}
      >
        <option value="">{t('act.field.choose')}</option>
      </SelectField>
      <SelectField
        name="contactTier"
        {...fields.contactTier}
        label={t('act.field.contact_tier')}
        result={result}
        defaultValue={defaults?.contactTier ?? 'group'}
        hint={t('act.field.contact_tier_hint')}
        options={CONTACT_TIERS.map((tier) => ({ value: tier, label: t(`act.tier.${tier}`) }))}
      />
      <Field name="riskNotes" {...fields.riskNotes} label={t('act.field.risk_notes')} result={result} defaultValue={defaults?.riskNotes} multiline />
      <Field name="safetyMeasures" {...fields.safetyMeasures} label={t('act.field.safety_measures')} result={result} defaultValue={defaults?.safetyMeasures} multiline />
      <Field name="organizerContact" {...fields.organizerContact} label={t('act.field.organizer_contact')} result={result} defaultValue={defaults?.organizerContact} hint={t('act.field.organizer_contact_hint')} />
      <Field
        name="cancelCutoffHours"
        {...fields.cancelCutoffHours}
        type="number"
        min={0}
        label={t('act.field.cancel_cutoff')}
        result={result}
        defaultValue={String(defaults?.cancelCutoffHours ?? 24)}
        inputMode="numeric"
      />

      <fieldset className="slot-rows">
        <legend>{t('act.slots')}</legend>
        <FieldErrors result={result} name="slots" />
        {Array.from({ length: shown }, (_, i) => {
          const slot = defaults?.slots[i];
          const start = slot ? shanghaiParts(slot.startsAt) : null;
          const end = slot ? shanghaiParts(slot.endsAt) : null;
          return (
            <fieldset key={i} className="slot-row">
              <legend>{t('act.slot_n', { n: i + 1 })}</legend>
              <Field name={slotField(i, 'Date')} type="date" label={t('act.field.date')} result={result} defaultValue={start?.date} />
              <Field name={slotField(i, 'Start')} type="time" label={t('act.field.start')} result={result} defaultValue={start?.time} />
              <Field name={slotField(i, 'End')} type="time" label={t('act.field.end')} result={result} defaultValue={end?.time} />
              <Field name={slotField(i, 'Place')} maxLength={100} label={t('act.field.place')} result={result} defaultValue={slot?.place} />
              <Field name={slotField(i, 'Capacity')} type="number" min={1} label={t('act.field.capacity')} result={result} defaultValue={slot ? String(slot.capacity) : undefined} inputMode="numeric" />
              <Field name={slotField(i, 'Children')} type="number" min={0} label={t('act.field.children_expected')} result={result} defaultValue={slot ? String(slot.childrenExpected) : undefined} inputMode="numeric" />
              <Field
                name={slotField(i, 'Minutes')}
                type="number"
                min={1}
                label={t('act.field.scheduled_minutes')}
                hint={t('act.field.scheduled_minutes_hint')}
                result={result}
                defaultValue={slot ? String(slot.scheduledMinutes) : undefined}
                inputMode="numeric"
              />
            </fieldset>
          );
        })}
        <p className="hint">{t('act.slots_hint')}</p>
        {shown < SLOT_ROWS_MAX ? (
          <button type="submit" name="intent" value="add_slot" className="secondary">
            {t('act.action.add_slot')}
          </button>
        ) : null}
      </fieldset>
      <div className="actions">
        <button type="submit" name="intent" value="save" className="secondary">
          {t('act.action.save')}
        </button>
        <button type="submit" name="intent" value="submit">
          {t('act.action.submit')}
        </button>
        {canApprove ? (
          <button type="submit" name="intent" value="approve">
            {t('act.action.create_approve')}
          </button>
        ) : null}
      </div>
    </Form>
  );
}

const ACTIVITY_BADGE: Record<string, string> = { submitted: 'badge-warn', approved: 'badge-ok', completed: 'badge-ok', rejected: 'badge-bad', cancelled: 'badge-bad' };
const SLOT_BADGE: Record<string, string> = { open: 'badge-warn', closed: 'badge-ok', cancelled: 'badge-bad' };

export function ActivityStatusBadge({ status }: { status: string }) {
  const t = useT();
  return <span className={`badge ${ACTIVITY_BADGE[status] ?? ''}`}>{t(`activity.status.${status}`)}</span>;
}

export function SlotStatusBadge({ status }: { status: string }) {
  const t = useT();
  return <span className={`badge ${SLOT_BADGE[status] ?? ''}`}>{t(`slot.status.${status}`)}</span>;
}
