import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, redirect, useLoaderData } from '@remix-run/react';
import { Field, SelectField, formKit } from '../components/fields';
import { DataTable } from '../components/lists';
import { hoursOf } from '../components/my-pairings';
import { BackLink } from '../components/page';
import { DoneNotice, FormNotice, useActionPage } from '../components/wish-ui';
import { requireViewer } from '../auth/guards.server';
import { formConstraints } from '../forms/constraints';
import { doneParam, parseForm } from '../forms/parse';
import { DeclinePairingForm, LogVisitForm, PairingMeIntent, RaiseConcernForm, RequestEndForm } from '../forms/pairing-me';
import { asFormResult } from '../forms/result';
import { CONCERN_KINDS, MAX_VISIT_MINUTES, VISIT_KINDS } from '../domain/pairing';
import { formatDate, formatDateTime } from '../i18n/index';
import { pageTitle } from '../i18n/meta';
import { failure } from '../server/http.server';
import { myPairingPage } from '../services/pairing-me-page.server';
import { acceptPairing, declinePairing, logPairingVisit, raiseConcern, requestPairingEnd } from '../services/pairing-volunteer.server';

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? pageTitle(matches, 'pairme.title', { alias: data.child.alias }) : pageTitle(matches, 'pairme.my_pairings');

const DONE = ['accept', 'decline', 'log_visit', 'raise_concern', 'request_end'] as const;

const logFields = formConstraints(LogVisitForm);
const concernFields = formConstraints(RaiseConcernForm);
const endFields = formConstraints(RequestEndForm);
const declineFields = formConstraints(DeclinePairingForm);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = requireViewer(request);
  const page = myPairingPage(viewer.actor, params.id ?? '', Date.now());
  if (!page.ok) throw failure(page.error);
  return { ...page.value, done: doneParam(request, DONE) };
}

/** The volunteer's steps on their pairing: accept, decline, request_end, log_visit, raise_concern. */
export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = requireViewer(request);
  const id = params.id ?? '';
  const parsed = parseForm(PairingMeIntent, await request.formData());
  if (!parsed.ok) return failure({ kind: 'validation', fields: parsed.fieldErrors });
  const input = parsed.value;
  const now = Date.now();
  const result =
    input.intent === 'accept'
      ? acceptPairing(viewer.actor, id, now)
      : input.intent === 'decline'
        ? declinePairing(viewer.actor, id, input.reason, now)
        : input.intent === 'request_end'
          ? requestPairingEnd(viewer.actor, id, input.reason, now)
          : input.intent === 'log_visit'
            ? logPairingVisit(viewer.actor, id, { happenedOn: input.happenedOn, kind: input.kind, minutes: input.minutes, staffAccompanied: input.staffAccompanied, note: input.note ?? '' }, now)
            : raiseConcern(viewer.actor, id, { kind: input.kind, text: input.text, visitId: input.visitId }, now);
  if (!result.ok) return failure(result.error);
  return redirect(`/me/pairings/${id}?done=${input.intent}`);
}

export default function MyPairing() {
  const data = useLoaderData<typeof loader>();
  const { failed, busy, t, locale } = useActionPage();
  const result = asFormResult(failed);
  const { pairing, child, site } = data;
  const county = locale === 'en' ? child.countyEn : child.countyZh;
  return (
    <article>
      <BackLink to="/me" label={t('pairme.back')} className="meta" />
      <h1>
        {t('pairme.title', { alias: child.alias })} <span className="badge">{t(`pairing.status.${pairing.status}`)}</span>
      </h1>
      <DoneNotice done={data.done} prefix="pairme.done" />
      <FormNotice failure={failed} />

      <dl className="facts">
        <dt>{t('pairme.child')}</dt>
        <dd data-testid="child-face">{t('pairme.child_face', { alias: child.alias, band: child.ageBand, county })}</dd>
        <dt>{t('pairme.site')}</dt>
        <dd>{locale === 'en' ? site.nameEn : site.nameZh}</dd>
        <dt>{t('pairme.contact')}</dt>
        <dd data-testid="site-contact">{site.contactName || site.contactPhone ? [site.contactName, site.contactPhone].filter(Boolean).join(' ') : t('pairme.contact_none')}</dd>
        <dt>{t('pairme.agreement')}</dt>
        <dd>{pairing.agreementSignedOn}</dd>
        {pairing.startedAt ? (
          <>
            <dt>{t('pairme.started')}</dt>
            <dd>{formatDate(pairing.startedAt, locale)}</dd>
          </>
        ) : null}
        {pairing.endedAt ? (
          <>
            <dt>{t('pairme.ended')}</dt>
            <dd>{formatDate(pairing.endedAt, locale)}</dd>
          </>
        ) : null}
        {pairing.status === 'ended' && pairing.endReason ? (
          <>
            <dt>{t('pairme.end_reason')}</dt>
            <dd>{pairing.endReason}</dd>
          </>
        ) : null}
        <dt>{t('pairme.credited')}</dt>
        <dd data-testid="credited-hours">{t('pairme.hours', { hours: hoursOf(data.creditedMinutes) })}</dd>
        <dt>{t('pairme.home_visits')}</dt>
        <dd>{data.homeVisits}</dd>
        <dt>{t('pairme.last_contact')}</dt>
        <dd>{data.lastContactAt === null ? t('pairme.never') : formatDate(data.lastContactAt, locale)}</dd>
      </dl>
      {data.overdue ? (
        <p className="notice notice-warn" data-testid="contact-overdue">
          {t('pairme.overdue_notice')}
        </p>
      ) : null}

      {data.steps.length ? (
        <section className="card" aria-labelledby="answer-heading">
          <h2 id="answer-heading">{t('pairme.accept')}</h2>
          <p>{t('pairme.proposed_intro')}</p>
          {data.steps.includes('accept') ? (
            <Form method="post" className="inline-form">
              <input type="hidden" name="intent" value="accept" />
              <button type="submit" disabled={busy}>
                {t('pairme.accept')}
              </button>
            </Form>
          ) : null}
          {data.steps.includes('decline') ? (
            <Form
              method="post"
              className="stack"
              onSubmit={(event) => (window.confirm(t('pairme.decline_confirm')) ? undefined : event.preventDefault())}
            >
              <input type="hidden" name="intent" value="decline" />
              <Field name="reason" label={t('pairme.decline_reason')} multiline form={formKit(declineFields, result)} />
              <div>
                <button type="submit" className="secondary" disabled={busy}>
                  {t('pairme.decline')}
                </button>
              </div>
            </Form>
          ) : null}
        </section>
      ) : null}

      {data.canLogVisit ? (
        <section className="card" aria-labelledby="log-heading">
          <h2 id="log-heading">{t('pairme.log_title')}</h2>
          <p className="meta">{t('pairme.log_intro')}</p>
          <Form method="post" className="stack">
            <input type="hidden" name="intent" value="log_visit" />
            <Field name="happenedOn" type="date" label={t('pairme.field.happened_on')} defaultValue={data.today} form={formKit(logFields, result)} />
            <SelectField name="kind" label={t('pairme.field.kind')} choices={VISIT_KINDS} choiceLabel="visit.kind" form={formKit(logFields, result)} />
            <Field name="minutes" type="number" inputMode="numeric" label={t('pairme.field.minutes')} form={formKit(logFields, result)} min={1} max={MAX_VISIT_MINUTES} />
            <label className="check" htmlFor="staffAccompanied">
              <input type="checkbox" id="staffAccompanied" name="staffAccompanied" /> {t('pairme.field.staff_accompanied')}
            </label>
            <Field name="note" label={t('pairme.field.note')} multiline form={formKit(logFields, result)} />
            <div>
              <button type="submit" disabled={busy}>
                {t('pairme.log_submit')}
              </button>
            </div>
          </Form>
        </section>
      ) : null}

      <section aria-labelledby="visits-heading">
        <h2 id="visits-heading">{t('pairme.visits')}</h2>
        {data.visits.length ? (
          <DataTable label={t('pairme.visits')} headers={[t('pairme.col.date'), t('pairme.col.kind'), t('pairme.col.minutes'), t('pairme.col.status'), t('pairme.col.note')]}>
            {data.visits.map((v) => (
              <tr key={v.id} data-testid="visit">
                <td>{v.happenedOn}</td>
                <td>
                  {t(`visit.kind.${v.kind}`)}
                  {v.staffAccompanied ? <span className="meta"> · {t('pairme.accompanied')}</span> : null}
                </td>
                <td>{v.minutes}</td>
                <td>
                  <span className={`badge ${v.status === 'confirmed' ? 'badge-ok' : v.status === 'rejected' ? 'badge-bad' : 'badge-warn'}`}>{t(`visit.status.${v.status}`)}</span>
                  {v.corrected ? <span className="meta"> · {t('pairme.corrected')}</span> : null}
                  {v.status === 'rejected' && v.rejectReason ? <div className="meta">{t('pairme.rejected_because', { reason: v.rejectReason })}</div> : null}
                </td>
                <td>{v.note}</td>
              </tr>
            ))}
          </DataTable>
        ) : (
          <p className="meta">{t('pairme.visits_none')}</p>
        )}
      </section>

      <section className="card" aria-labelledby="concern-heading" id="concern">
        <h2 id="concern-heading">{t('pairme.concern_title')}</h2>
        <p className="notice notice-warn" role="note" data-testid="emergency">
          <strong>{t('pairme.emergency')}</strong>
        </p>
        <p className="meta">{t('pairme.concern_intro')}</p>
        <Form method="post" className="stack">
          <input type="hidden" name="intent" value="raise_concern" />
          {/* Its own id: the contact log's form above has a field named kind too. */}
          <label htmlFor="concernKind">
            {t('pairme.field.concern_kind')}
            <select id="concernKind" name="kind" required defaultValue="">
              <option value="" disabled>
                {t('form.choose_one')}
              </option>
              {CONCERN_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`concern.kind.${k}`)}
                </option>
              ))}
            </select>
          </label>
          <Field name="text" label={t('pairme.field.concern_text')} multiline form={formKit(concernFields, result)} />
          {data.visits.length ? (
            <SelectField
              name="visitId"
              label={t('pairme.field.concern_visit')}
              form={formKit(concernFields, result)}
              options={data.visits.map((v) => ({ value: v.id, label: `${v.happenedOn} · ${t(`visit.kind.${v.kind}`)}` }))}
            >
              <option value="">{t('pairme.concern_no_visit')}</option>
            </SelectField>
          ) : null}
          <div>
            <button type="submit" disabled={busy}>
              {t('pairme.concern_submit')}
            </button>
          </div>
        </Form>
        {data.concerns.length ? (
          <>
            <h3>{t('pairme.my_concerns')}</h3>
            <ul>
              {data.concerns.map((c) => (
                <li key={c.id} data-testid="my-concern">
                  {t('pairme.concern_line', { date: formatDateTime(c.raisedAt, locale), kind: t(`concern.kind.${c.kind}`) })}{' '}
                  <span className="badge">{t(`concern.status.${c.status}`)}</span>
                  <p>{c.text}</p>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      {data.canRequestEnd || pairing.endRequestedAt ? (
        <section className="card" aria-labelledby="end-heading">
          <h2 id="end-heading">{t('pairme.end_title')}</h2>
          {pairing.endRequestedAt ? (
            <p data-testid="end-requested">{t('pairme.end_requested', { date: formatDate(pairing.endRequestedAt, locale) })}</p>
          ) : (
            <Form method="post" className="stack">
              <input type="hidden" name="intent" value="request_end" />
              <p className="meta">{t('pairme.end_intro')}</p>
              <Field name="reason" label={t('pairme.end_reason_field')} multiline form={formKit(endFields, result)} />
              <div>
                <button type="submit" className="secondary" disabled={busy}>
                  {t('pairme.end_submit')}
                </button>
              </div>
            </Form>
          )}
        </section>
      ) : null}
    </article>
  );
}
