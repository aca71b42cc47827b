import { Form } from '@remix-run/react';
import { ACTIVITY_TYPES, CONTACT_TIERS } from '../domain/activity';
import { ProposalForm, SLOT_ROWS_MAX, shanghaiParts, slotField } from '../forms/activity';
import { formConstraints } from '../forms/constraints';
import type { FormFailure, FormResult } from '../forms/result';
import { BackLink } from './page';
import { Field, FieldErrors, formKit, SelectField } from './fields';
import { FormNotice, StatusBadge } from './wish-ui';
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
  const form = formKit(fields, result);
  const shown = Math.min(SLOT_ROWS_MAX, Math.max(rows, defaults?.slots.length ?? 0, 1));
  return (
    <Form method="post" className="stack activity-form">
      <SelectField name="type" form={form} label={t('act.field.type')} defaultValue={defaults?.type ?? ''} choices={ACTIVITY_TYPES} choiceLabel="activity.type">
        <option value="">{t('act.field.choose')}</option>
      </SelectField>
      <Field name="title" form={form} label={t('act.field.title')} defaultValue={defaults?.title} />
      <Field name="description" form={form} label={t('act.field.description')} defaultValue={defaults?.description} hint={t('act.field.privacy_hint')} multiline />
      <SelectField
        name="siteId"
        form={form}
        label={t('act.field.site')}
        defaultValue={defaults?.siteId ?? ''}
        options={sites.map((s) => ({ value: s.id, label: locale === 'en' ? s.nameEn : s.nameZh }))}
      >
        <option value="">{t('act.field.choose')}</option>
      </SelectField>
      <SelectField
        name="contactTier"
        form={form}
        label={t('act.field.contact_tier')}
        defaultValue={defaults?.contactTier ?? 'group'}
        hint={t('act.field.contact_tier_hint')}
        choices={CONTACT_TIERS}
        choiceLabel="act.tier"
      />
      <Field name="riskNotes" form={form} label={t('act.field.risk_notes')} defaultValue={defaults?.riskNotes} multiline />
      <Field name="safetyMeasures" form={form} label={t('act.field.safety_measures')} defaultValue={defaults?.safetyMeasures} multiline />
      <Field name="organizerContact" form={form} label={t('act.field.organizer_contact')} defaultValue={defaults?.organizerContact} hint={t('act.field.organizer_contact_hint')} />
      <Field name="cancelCutoffHours" form={form} type="number" min={0} label={t('act.field.cancel_cutoff')} defaultValue={String(defaults?.cancelCutoffHours ?? 24)} inputMode="numeric" />

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

/** The page to propose a new activity: the way back, the heading, the notice of a refused post and the form. */
export function NewActivityPage({
  back,
  hint,
  sites,
  failed,
  canApprove,
}: {
  back: { to: string; label: string };
  hint?: string;
  sites: { id: string; nameZh: string; nameEn: string }[];
  failed: FormFailure | undefined;
  canApprove: boolean;
}) {
  const t = useT();
  return (
    <>
      <BackLink to={back.to} label={back.label} />
      <h1>{t('act.new_title')}</h1>
      {hint ? <p className="hint">{hint}</p> : null}
      <FormNotice failure={failed} showMatches />
      <ActivityProposalForm sites={sites} defaults={null} rows={2} result={failed} canApprove={canApprove} />
    </>
  );
}

export const ActivityStatusBadge = ({ status }: { status: string }) => <StatusBadge kind="activity" status={status} />;
export const SlotStatusBadge = ({ status }: { status: string }) => <StatusBadge kind="slot" status={status} />;
