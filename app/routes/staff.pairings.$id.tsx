import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { requireStaff } from '../auth/guards.server';
import { ReasonField } from '../components/activities';
import { FieldErrors } from '../components/fields';
import { DataTable, Facts } from '../components/lists';
import { BackLink } from '../components/page';
import { DoneNotice, FormNotice, useActionPage } from '../components/wish-ui';
import type { VisitKind } from '../domain/pairing';
import { VISIT_KINDS } from '../domain/pairing';
import { doneParam } from '../forms/parse';
import { ConcernStepForm, EndPairingForm, VisitCorrectionForm, VisitReviewForm } from '../forms/pairing-staff';
import type { FormResult } from '../forms/result';
import { formatDate, formatDateTime } from '../i18n/index';
import { pageTitle } from '../i18n/meta';
import { failure, intentAction, intentStep } from '../server/http.server';
import { answerConcern, correctVisit, endPairing, reviewVisit } from '../services/pairing-staff.server';
import { staffPairingPage } from '../services/pairing-staff-page.server';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'ps.page_title');

const DONE = ['propose', 'withdraw', 'end', 'confirm_visit', 'reject_visit', 'correct_visit', 'acknowledge', 'close_concern'] as const;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const viewer = requireStaff(request, context);
  const result = staffPairingPage(viewer.actor, params.id ?? '', Date.now());
  if (!result.ok) throw failure(result.error);
  return { ...result.value, done: doneParam(request, DONE) };
}

/** Staff on one pairing: withdraw or end it, confirm, reject or correct a contact log, acknowledge or close a concern. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const viewer = requireStaff(request, context);
  const id = params.id ?? '';
  const now = Date.now();
  const end = intentStep(EndPairingForm, (input) => endPairing(viewer.actor, id, input.intent, input.reason, now));
  const review = intentStep(VisitReviewForm, (input) => reviewVisit(viewer.actor, id, input.visitId, input.intent, input.reason, now));
  const concern = intentStep(ConcernStepForm, (input) => answerConcern(viewer.actor, id, input.concernId, input.intent, input.actionTaken, now));
  return intentAction(request, `/staff/pairings/${id}`, {
    withdraw: end,
    end,
    confirm_visit: review,
    reject_visit: review,
    correct_visit: intentStep(VisitCorrectionForm, ({ visitId, happenedOn, kind, minutes, staffAccompanied, reason }) =>
      correctVisit(viewer.actor, id, visitId, { happenedOn, kind, minutes, staffAccompanied }, reason, now),
    ),
    acknowledge: concern,
    close_concern: concern,
  });
}

type PageData = ReturnType<typeof useLoaderData<typeof loader>>;

export default function StaffPairing() {
  const data = useLoaderData<typeof loader>();
  const { failed, busy, t, locale } = useActionPage();
  const { pairing, child, site, volunteer } = data;
  const date = (ms: number | null) => (ms === null ? null : formatDate(ms, locale));
  return (
    <article>
      <BackLink to="/staff" label={t('ps.back')} />
      <h1>
        {t('ps.page_title')}: {child.realName}({child.alias})· {volunteer.name} <span className="badge">{t(`pairing.status.${pairing.status}`)}</span>
        {data.overdue ? <span className="badge badge-warn"> {t('ps.overdue')}</span> : null}
      </h1>
      <DoneNotice done={data.done} prefix="ps.done" />
      <FormNotice failure={failed} showMatches />

      <section aria-labelledby="pairing-facts">
        <h2 id="pairing-facts">{t('ps.facts')}</h2>
        <dl className="facts">
          <Facts
            optional
            facts={[
              [t('ps.status'), t(`pairing.status.${pairing.status}`)],
              [t('ps.child_real_name'), child.realName],
              [t('ps.alias'), child.alias],
              [t('ps.age_band'), child.ageBand],
              [t('ps.site'), locale === 'en' ? site.nameEn : site.nameZh],
              [t('ps.contact'), site.contactName ? `${site.contactName} ${site.contactPhone ?? ''}`.trim() : null],
              [t('ps.volunteer_name'), volunteer.realName ? `${volunteer.name}(${volunteer.realName})` : volunteer.name],
              [t('ps.volunteer_phone'), volunteer.phone ? <a href={`tel:${volunteer.phone}`}>{volunteer.phone}</a> : null],
              [t('ps.recheck_due'), date(volunteer.recheckDueAt)],
              [t('ps.agreement'), t('ps.agreement_line', { date: pairing.agreementSignedOn, witness: pairing.agreementWitness })],
              [t('ps.proposed'), t('ps.proposed_line', { date: formatDate(pairing.proposedAt, locale), name: pairing.proposerName ?? '—' })],
              [t('ps.started'), date(pairing.startedAt)],
              [t('ps.ended'), date(pairing.endedAt)],
              [t('ps.end_reason'), pairing.endReason],
              [
                t('ps.end_requested'),
                pairing.endRequestedAt !== null ? t('ps.end_requested_line', { date: formatDate(pairing.endRequestedAt, locale), reason: pairing.endRequestReason ?? '' }) : null,
              ],
              [t('ps.last_contact'), pairing.startedAt !== null ? (date(data.lastContact) ?? t('ps.no_contact')) : null],
              [t('ps.hours'), t('ps.minutes_total', { n: data.creditedMinutes })],
            ]}
          />
        </dl>
      </section>

      <section aria-labelledby="pairing-concerns">
        <h2 id="pairing-concerns">{t('ps.concerns')}</h2>
        {data.concerns.length === 0 ? <p className="meta">{t('ps.concerns_empty')}</p> : null}
        {data.concerns.map((c) => (
          <div key={c.id} className={c.status === 'open' ? 'notice notice-error' : 'card'} data-testid={`concern-${c.id}`}>
            <p>
              <span className="badge">{t(`concern.status.${c.status}`)}</span> <strong>{t(`concern.kind.${c.kind}`)}</strong> ·{' '}
              {t('ps.raised_at', { date: formatDateTime(c.raisedAt, locale) })}
            </p>
            <p>{c.text}</p>
            {c.actionTaken ? (
              <p>
                {t('ps.action_taken')}: {c.actionTaken}
              </p>
            ) : null}
            {c.canAcknowledge ? (
              <Form method="post" className="inline-form">
                <input type="hidden" name="intent" value="acknowledge" />
                <input type="hidden" name="concernId" value={c.id} />
                <button type="submit" disabled={busy}>
                  {t('ps.action.acknowledge')}
                </button>
              </Form>
            ) : null}
            {c.canClose ? (
              <Form method="post" className="stack">
                <input type="hidden" name="intent" value="close_concern" />
                <input type="hidden" name="concernId" value={c.id} />
                <label htmlFor={`action-taken-${c.id}`}>
                  {t('ps.action_taken')}
                  <textarea id={`action-taken-${c.id}`} name="actionTaken" required maxLength={2000} aria-describedby={`action-taken-${c.id}-hint`} />
                  <small className="hint" id={`action-taken-${c.id}-hint`}>
                    {t('ps.action_taken_hint')}
                  </small>
                </label>
                <div>
                  <button type="submit" disabled={busy}>
                    {t('ps.action.close_concern')}
                  </button>
                </div>
              </Form>
            ) : null}
          </div>
        ))}
      </section>

      <section aria-labelledby="pairing-visits">
        <h2 id="pairing-visits">{t('ps.visits')}</h2>
        {data.visits.length === 0 ? (
          <p className="meta">{t('ps.visits_empty')}</p>
        ) : (
          <DataTable label={t('ps.visits')} headers={[t('ps.col.date'), t('ps.col.kind'), t('ps.col.minutes'), t('ps.col.note'), t('ps.col.status'), data.canManage ? t('ps.col.actions') : null]}>
            {data.visits.map((v) => (
              <tr key={v.id}>
                <td>{formatDate(v.happenedAt, locale)}</td>
                <td>
                  {t(`visit.kind.${v.kind}`)}
                  {v.staffAccompanied ? <span className="meta"> · {t('ps.staff_accompanied')}</span> : null}
                </td>
                <td>{v.minutes}</td>
                <td>{v.note ?? '—'}</td>
                <td>
                  <span className="badge">{t(`visit.status.${v.status}`)}</span>
                  {v.rejectReason ? <span className="meta"> · {v.rejectReason}</span> : null}
                  {v.correctedAt ? <span className="meta"> · {t('ps.corrected')}</span> : null}
                </td>
                {data.canManage ? (
                  <td>
                    {v.canReview ? <ReviewForm visitId={v.id} busy={busy} result={failed} /> : null}
                    {v.canCorrect ? <CorrectForm visit={v} busy={busy} result={failed} /> : null}
                  </td>
                ) : null}
              </tr>
            ))}
          </DataTable>
        )}
      </section>

      {data.steps.includes('withdraw') ? <EndSection step="withdraw" busy={busy} result={failed} /> : null}
      {data.steps.includes('end') ? <EndSection step="end" busy={busy} result={failed} /> : null}
    </article>
  );
}

function ReviewForm({ visitId, busy, result }: { visitId: string; busy: boolean; result: FormResult | undefined }) {
  const { t } = useActionPage();
  const id = `reject-reason-${visitId}`;
  return (
    <Form method="post" className="stack">
      <input type="hidden" name="visitId" value={visitId} />
      <label htmlFor={id}>
        {t('ps.reject_reason')}
        <input id={id} name="reason" maxLength={1000} aria-describedby={`${id}-hint`} />
        <small className="hint" id={`${id}-hint`}>
          {t('ps.reject_hint')}
        </small>
      </label>
      <div>
        <button type="submit" name="intent" value="confirm_visit" disabled={busy}>
          {t('ps.action.confirm_visit')}
        </button>{' '}
        <button type="submit" name="intent" value="reject_visit" className="secondary" disabled={busy}>
          {t('ps.action.reject_visit')}
        </button>
      </div>
      {result?.fieldErrors?.reason ? <FieldErrors result={result} name="reason" /> : null}
    </Form>
  );
}

function CorrectForm({ visit, busy, result }: { visit: PageData['visits'][number]; busy: boolean; result: FormResult | undefined }) {
  const { t } = useActionPage();
  const p = (name: string) => `correct-${visit.id}-${name}`;
  return (
    <details>
      <summary>{t('ps.correct_title')}</summary>
      <Form method="post" className="stack">
        <input type="hidden" name="intent" value="correct_visit" />
        <input type="hidden" name="visitId" value={visit.id} />
        <label htmlFor={p('date')}>
          {t('ps.happened_on')}
          <input id={p('date')} name="happenedOn" type="date" required defaultValue={visit.happenedOn} />
        </label>
        <label htmlFor={p('kind')}>
          {t('ps.kind')}
          <select id={p('kind')} name="kind" defaultValue={visit.kind}>
            {VISIT_KINDS.map((k: VisitKind) => (
              <option key={k} value={k}>
                {t(`visit.kind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label htmlFor={p('minutes')}>
          {t('ps.minutes')}
          <input id={p('minutes')} name="minutes" type="number" min={1} max={720} required inputMode="numeric" defaultValue={String(visit.minutes)} />
        </label>
        <label htmlFor={p('staff')} className="check">
          <input id={p('staff')} type="checkbox" name="staffAccompanied" defaultChecked={visit.staffAccompanied} />
          {t('ps.staff_accompanied')}
        </label>
        <ReasonField id={p('reason')} required label={t('ps.correct_reason')} result={result} />
        <div>
          <button type="submit" disabled={busy}>
            {t('ps.action.correct_visit')}
          </button>
        </div>
      </Form>
    </details>
  );
}

function EndSection({ step, busy, result }: { step: 'withdraw' | 'end'; busy: boolean; result: FormResult | undefined }) {
  const { t } = useActionPage();
  return (
    <section aria-labelledby={`${step}-pairing`}>
      <h2 id={`${step}-pairing`}>{t(`ps.${step}_title`)}</h2>
      <Form method="post" className="stack">
        <input type="hidden" name="intent" value={step} />
        <ReasonField id={`${step}-reason`} required label={t('ps.reason')} hint={t(`ps.${step}_hint`)} result={result} />
        <div>
          <button type="submit" className="danger" disabled={busy}>
            {t(`ps.action.${step}`)}
          </button>
        </div>
      </Form>
    </section>
  );
}
