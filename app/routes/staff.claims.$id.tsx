import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, redirect, useLoaderData } from '@remix-run/react';
import { Field, formKit, SubmitButton } from '../components/auth';
import { ClaimStatusBadge, DoneNotice, FormNotice, IntentButton, Timeline, WishStatusBadge, useActionPage } from '../components/wish-ui';
import { requireStaff } from '../auth/guards.server';
import { StaffClaimForm } from '../forms/claim';
import { formConstraints } from '../forms/constraints';
import { parseForm, doneParam } from '../forms/parse';
import { formatDate, formatDateTime, formatMoney } from '../i18n/index';
import { claimForStaff, staffClaimStep } from '../services/claims.server';
import { failure } from '../server/http.server';
import { pageTitle } from '../i18n/meta';
import { BackLink } from '../components/page';
import { Facts } from '../components/lists';

const fields = formConstraints(StaffClaimForm);

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'claim.page_title');

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = requireStaff(request);
  const now = Date.now();
  const result = claimForStaff(viewer.actor, params.id ?? '', now);
  if (!result.ok) throw failure(result.error);
  return { ...result.value, done: doneParam(request, ['approve', 'reject', 'confirm']) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = requireStaff(request);
  const id = params.id ?? '';
  const parsed = parseForm(StaffClaimForm, await request.formData());
  if (!parsed.ok) return failure({ kind: 'validation', fields: parsed.fieldErrors });
  const { intent, reason, valueReceived, thanks } = parsed.value;
  const result = staffClaimStep(viewer.actor, id, intent, { reason, valueReceivedFen: valueReceived, thanks }, Date.now());
  if (!result.ok) return failure(result.error);
  return redirect(`/staff/claims/${id}?done=${intent}`);
}

export default function StaffClaim() {
  const { claim, wish, claimant, own, allowed, timeline, done } = useLoaderData<typeof loader>();
  const { failed, busy, t, locale } = useActionPage();
  const form = formKit(fields, failed);

  return (
    <article>
      <BackLink to="/staff/claims" label={t('staff.claims.title')} />
      <h1>
        {t('claim.page_title')} <ClaimStatusBadge status={claim.status} />
      </h1>
      <dl className="facts">
        <dt>{t('claim.wish')}</dt>
        <dd>
          <Link to={wish.url}>{wish.title}</Link> <WishStatusBadge status={wish.status} /> · {wish.alias} · {t('wishes.age', { band: wish.ageBand })} ·{' '}
          {locale === 'en' ? wish.siteEn : wish.siteZh} · {t('wishes.value')} {formatMoney(wish.valueFen)}
        </dd>
        {wish.handoverAddressMissing ? (
          <dd>
            <p className="notice notice-warn" data-testid="handover-address-missing">
              {t('claim.handover.staff_no_address')}
            </p>
          </dd>
        ) : null}
        <dt>{t('claim.claimant')}</dt>
        <dd>
          {claimant.orgName ? `${claimant.orgName} · ` : ''}
          <Link to={claimant.helperUrl}>{claimant.name}</Link> <span className="meta">{claimant.email}</span>
          {claimant.recheckOverdueSince !== null ? (
            <p className="notice notice-warn" data-testid="recheck-overdue">
              {t('claim.claimant_recheck_overdue', { date: formatDate(claimant.recheckOverdueSince, locale) })}
            </p>
          ) : null}
        </dd>
        <dt>{t('claim.claimed_at')}</dt>
        <dd>{formatDateTime(claim.createdAt, locale)}</dd>
        {claim.dueAt !== null ? (
          <>
            <dt>{t('claim.due_at')}</dt>
            <dd>
              {formatDate(claim.dueAt, locale)} {claim.dueSoon ? <span className="badge badge-warn">{t('queues.expiring')}</span> : null}
            </dd>
          </>
        ) : null}
        <Facts
          optional
          facts={[
            [t('claim.reason_label'), claim.reason],
            [t('claim.value_received'), claim.valueReceivedFen !== null ? formatMoney(claim.valueReceivedFen) : null],
            [t('claim.thanks_label'), claim.thanks],
          ]}
        />
      </dl>

      <DoneNotice done={done} prefix="claim.done" />
      <FormNotice failure={failed} showMatches />
      {own ? <p className="notice">{t('claim.error.own_claim')}</p> : null}

      {allowed.approve ? (
        <div className="actions">
          <IntentButton intent="approve" label={t('claim.action.approve')} busy={busy} />
        </div>
      ) : null}
      {allowed.reject ? (
        <Form method="post" className="stack claim-form">
          <input type="hidden" name="intent" value="reject" />
          <Field form={form} name="reason" label={t('claim.reject_reason')} multiline />
          <div>
            <SubmitButton className="danger">{t('claim.action.reject')}</SubmitButton>
          </div>
        </Form>
      ) : null}
      {allowed.confirm ? (
        <Form method="post" className="stack claim-form">
          <input type="hidden" name="intent" value="confirm" />
          {/* Optional in the schema, which serves reject too; confirming needs the value received. */}
          <Field
            form={form}
            name="valueReceived"
            required
            label={t('claim.value_received_yuan')}
            defaultValue={String(wish.valueFen / 100)}
            inputMode="decimal"
          />
          <Field form={form} name="thanks" label={t('claim.thanks_field')} hint={t('claim.thanks_hint')} multiline />
          <div>
            <SubmitButton>{t('claim.action.confirm')}</SubmitButton>
          </div>
        </Form>
      ) : null}

      <h2>{t('timeline.title')}</h2>
      <Timeline events={timeline} kind="claim" />
    </article>
  );
}
