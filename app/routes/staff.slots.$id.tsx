import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import type { ReactNode } from 'react';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { ReasonField } from '../components/activities';
import { SlotStatusBadge } from '../components/activity-form';
import { FieldErrors } from '../components/auth';
import { useLocale, useT } from '../components/i18n';
import { DataTable } from '../components/lists';
import { DoneNotice, FormNotice } from '../components/wish-ui';
import { requireStaff } from '../auth/guards.server';
import { AttendForm, CancelSignupForm, CancelSlotForm, ReviewFlagForm, SlotOutcomeForm } from '../forms/activity';
import { formConstraints } from '../forms/constraints';
import { doneParam } from '../forms/parse';
import { asFormResult, type FormResult } from '../forms/result';
import { formatDateTime, formatMoney, formatTimeRange } from '../i18n/index';
import { pageTitle } from '../i18n/meta';
import { failure, intentAction, intentStep } from '../server/http.server';
import { cancelSlot, closeSlot, correctSlot, markAttendance, reviewNoShowFlag, staffSlotPage } from '../services/activity-slots.server';
import { cancelSignup } from '../services/signups.server';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'act.slot_title');

const outcomeFields = formConstraints(SlotOutcomeForm);
/** Sign-ups that hold or wait for a place: staff may cancel them. */
const LIVE: readonly string[] = ['confirmed', 'waitlisted', 'offered'];
const DONE = ['attend', 'close', 'correct', 'cancel_slot', 'cancel_signup'] as const;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const viewer = requireStaff(request, context);
  const result = staffSlotPage(viewer.actor, params.id ?? '', Date.now());
  if (!result.ok) throw failure(result.error);
  return { ...result.value, done: doneParam(request, DONE) };
}

/** Staff: attendance of one sign-up, closing or correcting the slot's outcome, cancelling it, and marking a no-show flag reviewed. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const viewer = requireStaff(request, context);
  const id = params.id ?? '';
  const now = Date.now();
  const outcome = intentStep(SlotOutcomeForm, (v) => {
    const outcome = { childrenServed: v.childrenServed, childIds: v.childId, moneyFen: v.money ?? 0, goodsFen: v.goods ?? 0, materials: v.materials ?? 0, sessions: v.sessions };
    return v.intent === 'close' ? closeSlot(viewer.actor, id, outcome, now) : correctSlot(viewer.actor, id, outcome, v.reason, now);
  });
  return intentAction(request, `/staff/slots/${id}`, {
    attend: intentStep(AttendForm, ({ signupId, outcome, minutes }) => markAttendance(viewer.actor, signupId, outcome, minutes, now)),
    close: outcome,
    correct: outcome,
    cancel_slot: intentStep(CancelSlotForm, (input) => cancelSlot(viewer.actor, id, input.reason, now)),
    cancel_signup: intentStep(CancelSignupForm, (input) => cancelSignup(viewer.actor, input.signupId, input.reason, now)),
    review_flag: intentStep(ReviewFlagForm, (input) => reviewNoShowFlag(viewer.actor, input.signupId, now), '/staff?done=no_show_reviewed'),
  });
}

type PageData = ReturnType<typeof useLoaderData<typeof loader>>;

export default function StaffSlot() {
  const data = useLoaderData<typeof loader>();
  const result = asFormResult(useActionData<typeof action>());
  const failed = result && !result.ok ? result : undefined;
  const t = useT();
  const locale = useLocale();
  const { slot, roster } = data;
  const waiting = roster.filter((r) => r.status === 'waitlisted').sort((a, b) => (a.queueNo ?? 0) - (b.queueNo ?? 0));
  return (
    <article>
      <p>
        <Link to={`/staff/activities/${data.activityId}`}>← {data.activityTitle}</Link>
      </p>
      <h1>
        {t('act.slot_title')} <SlotStatusBadge status={slot.status} />
      </h1>
      <DoneNotice done={data.done} prefix="act.done" />
      <FormNotice failure={failed} showMatches />
      <dl className="facts">
        <dt>{t('act.col.when')}</dt>
        <dd>{formatTimeRange(slot.startsAt, slot.endsAt, locale)}</dd>
        <dt>{t('act.field.site')}</dt>
        <dd>
          {locale === 'en' ? data.siteEn : data.siteZh}
          {slot.place ? ` · ${slot.place}` : ''}
        </dd>
        <dt>{t('act.field.capacity')}</dt>
        <dd>{t('act.places', { taken: slot.taken, capacity: slot.capacity })}</dd>
        <dt>{t('act.field.scheduled_minutes')}</dt>
        <dd>{slot.scheduledMinutes}</dd>
        {slot.cancelReason ? (
          <>
            <dt>{t('act.cancel_reason')}</dt>
            <dd>{slot.cancelReason}</dd>
          </>
        ) : null}
        {slot.status === 'closed' ? (
          <>
            <dt>{t('act.outcome')}</dt>
            <dd data-testid="slot-outcome">
              {t('act.outcome_line', {
                children: slot.childrenServed ?? 0,
                distinct: data.servedChildIds.length,
                money: formatMoney(slot.moneyFen ?? 0),
                goods: formatMoney(slot.goodsFen ?? 0),
                materials: slot.materials ?? 0,
                sessions: slot.sessions ?? 1,
              })}
              {slot.correctedAt ? ` · ${t('act.corrected_at', { date: formatDateTime(slot.correctedAt, locale) })}` : ''}
            </dd>
          </>
        ) : null}
      </dl>

      <h2>{t('act.roster')}</h2>
      {roster.length === 0 ? (
        <p className="meta">{t('act.roster_empty')}</p>
      ) : (
        <DataTable label={t('act.roster')} headers={[t('act.col.status'), t('act.col.helper'), t('act.col.phone'), t('act.col.attendance'), data.canAttend ? t('act.col.record') : null]}>
          {roster.map((r) => (
            <tr key={r.id}>
              <td>
                <span className="badge">{t(`act.signup.${r.status}`)}</span>
                {r.status === 'waitlisted' ? ` ${t('act.waiting_position', { n: waiting.findIndex((w) => w.id === r.id) + 1 })}` : ''}
                {r.status === 'offered' && r.offerExpiresAt ? ` ${t('act.offer_until', { date: formatDateTime(r.offerExpiresAt, locale) })}` : ''}
              </td>
              <td>
                {r.name}
                {r.orgName ? <span className="meta"> · {r.orgName}</span> : null}
              </td>
              <td>{r.phone ? <a href={`tel:${r.phone}`}>{r.phone}</a> : '—'}</td>
              <td>{r.attendance ? `${t(`act.attendance.${r.attendance}`)}${r.attendance === 'attended' ? ` · ${t('act.minutes', { n: r.serviceMinutes ?? 0 })}` : ''}` : '—'}</td>
              {data.canAttend ? <td>{r.status === 'confirmed' ? <AttendRow signup={r} scheduled={slot.scheduledMinutes} result={result} /> : null}</td> : null}
            </tr>
          ))}
        </DataTable>
      )}

      {data.canCancel && roster.some((r) => LIVE.includes(r.status)) ? (
        <CancelSection what="signup" result={result}>
          <p>
            <label htmlFor="cancel-signup-who">{t('act.cancel_signup_who')}</label>
            <select id="cancel-signup-who" name="signupId" required>
              {roster
                .filter((r) => LIVE.includes(r.status))
                .map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.name} · {t(`act.signup.${r.status}`)}
                  </option>
                ))}
            </select>
          </p>
        </CancelSection>
      ) : null}
      {(['close', 'correct'] as const).map((intent) =>
        (intent === 'close' ? data.canClose : data.canCorrect) ? (
          <section key={intent} aria-labelledby={`${intent}-slot`}>
            <h2 id={`${intent}-slot`}>{t(`act.${intent}_title`)}</h2>
            <OutcomeForm intent={intent} data={data} result={result} />
          </section>
        ) : null,
      )}
      {data.canCancel ? (
        <CancelSection what="slot" result={result} />
      ) : null}
    </article>
  );
}

/** A cancel step (of one sign-up, or of the whole slot): what to cancel, if there is a choice, then the reason. */
function CancelSection({ what, result, children }: { what: 'signup' | 'slot'; result: FormResult | undefined; children?: ReactNode }) {
  const t = useT();
  return (
    <section aria-labelledby={`cancel-${what}`}>
      <h2 id={`cancel-${what}`}>{t(`act.cancel_${what}_title`)}</h2>
      <Form method="post" className="stack">
        <input type="hidden" name="intent" value={`cancel_${what}`} />
        {children}
        <ReasonField id={`cancel-${what}-reason`} required label={t('act.cancel_reason')} hint={t(`act.cancel_${what}_hint`)} result={result} />
        <div>
          <button type="submit" className="danger">
            {t(`act.action.cancel_${what}`)}
          </button>
        </div>
      </Form>
    </section>
  );
}

/** One confirmed helper's attendance: attended (with minutes, default the scheduled ones) or no-show. */
function AttendRow({ signup, scheduled, result }: { signup: PageData['roster'][number]; scheduled: number; result: FormResult | undefined }) {
  const t = useT();
  const id = `minutes-${signup.id}`;
  return (
    <Form method="post" className="inline-form attend-form">
      <input type="hidden" name="intent" value="attend" />
      <input type="hidden" name="signupId" value={signup.id} />
      <label htmlFor={id}>
        {t('act.minutes_label')}
        <input id={id} name="minutes" type="number" min={1} max={1440} inputMode="numeric" defaultValue={String(signup.serviceMinutes || scheduled)} />
      </label>
      <button type="submit" name="outcome" value="attended">
        {t('act.attendance.attended')}
      </button>
      <button type="submit" name="outcome" value="no_show" className="secondary">
        {t('act.attendance.no_show')}
      </button>
      {result && !result.ok && result.fieldErrors?.minutes ? <FieldErrors result={result} name="minutes" /> : null}
    </Form>
  );
}

/** Closing a slot (or correcting a closed one): the outcome, and the site's children served as checkboxes. */
function OutcomeForm({ intent, data, result }: { intent: 'close' | 'correct'; data: PageData; result: FormResult | undefined }) {
  const t = useT();
  const locale = useLocale();
  const { slot } = data;
  const correcting = intent === 'correct';
  const p = (name: string) => `${intent}-${name}`;
  const served = new Set(data.servedChildIds);
  const value = (n: number | null, fallback: string) => (correcting && n !== null ? String(n) : fallback);
  const yuan = (fen: number | null) => (correcting && fen !== null ? String(fen / 100) : '');
  const errs = (name: string) => (result && !result.ok ? result.fieldErrors?.[name] : undefined);
  const input = (name: string, label: string, defaultValue: string, extra: Record<string, unknown> = {}) => (
    <label htmlFor={p(name)}>
      {label}
      <input id={p(name)} name={name} defaultValue={defaultValue} aria-invalid={errs(name)?.length ? true : undefined} {...extra} />
      {errs(name)?.length ? <span className="field-error">{errs(name)!.map((k) => t(k)).join(' ')}</span> : null}
    </label>
  );
  return (
    <Form method="post" className="stack">
      <input type="hidden" name="intent" value={intent} />
      {input('childrenServed', t('act.field.children_served'), value(slot.childrenServed, String(slot.childrenExpected)), { type: 'number', min: 0, required: outcomeFields.childrenServed.required, inputMode: 'numeric' })}
      <fieldset>
        <legend>{t('act.field.children')}</legend>
        {data.children.length === 0 ? <p className="meta">{t('act.no_children')}</p> : null}
        {data.children.map((c) => (
          <label key={c.id} htmlFor={p(`child-${c.id}`)} className="check">
            <input type="checkbox" id={p(`child-${c.id}`)} name="childId" value={c.id} defaultChecked={correcting && served.has(c.id)} />
            {c.realName} ({c.alias} · {locale === 'en' ? c.siteEn : c.siteZh})
          </label>
        ))}
        {errs('childIds')?.length ? <span className="field-error">{errs('childIds')!.map((k) => t(k)).join(' ')}</span> : null}
      </fieldset>
      {input('money', t('act.field.money'), yuan(slot.moneyFen), { inputMode: 'decimal' })}
      {input('goods', t('act.field.goods'), yuan(slot.goodsFen), { inputMode: 'decimal' })}
      {input('materials', t('act.field.materials'), value(slot.materials, '0'), { type: 'number', min: 0, inputMode: 'numeric' })}
      {input('sessions', t('act.field.sessions'), value(slot.sessions, '1'), { type: 'number', min: 1, inputMode: 'numeric' })}
      {correcting ? <ReasonField id="correct-reason" required label={t('act.correct_reason')} result={result} /> : null}
      <div>
        <button type="submit">{correcting ? t('act.action.correct') : t('act.action.close')}</button>
      </div>
    </Form>
  );
}

