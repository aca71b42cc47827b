import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, redirect, useLoaderData } from '@remix-run/react';
import { Field, FormMessage, HelperStatusBadge, useFormPage, SubmitButton } from '../components/auth';
import { DoneNotice } from '../components/wish-ui';
import { HelperTimeline } from '../components/staff-vetting';
import { requireStaff } from '../auth/guards.server';
import { VettingDecisionSchema } from '../forms/admin';
import { parseForm, doneParam } from '../forms/parse';
import { formatDate } from '../i18n/index';
import { requestMeta } from '../services/auth.server';
import { failure } from '../server/http.server';
import { decideHelper, helperPage } from '../services/vetting.server';
import { pageTitle } from '../i18n/meta';
import { formConstraints } from '../forms/constraints';
import { BackLink } from '../components/page';
import { Facts } from '../components/lists';

const fields = formConstraints(VettingDecisionSchema);

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'vetting.page_title');

const DONE = ['approve', 'reject', 'suspend', 'reinstate', 'recheck'] as const;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const viewer = requireStaff(request, context);
  const result = helperPage(viewer.actor, params.id ?? '', requestMeta(context));
  if (!result.ok) throw failure(result.error);
  return { helper: result.value, done: doneParam(request, DONE) };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const viewer = requireStaff(request, context);
  const id = params.id ?? '';
  const parsed = parseForm(VettingDecisionSchema, await request.formData());
  if (!parsed.ok) return failure({ kind: 'validation', fields: parsed.fieldErrors });
  const result = decideHelper(viewer.actor, id, parsed.value, requestMeta(context));
  if (!result.ok) return failure(result.error);
  return redirect(`/staff/helpers/${id}?done=${parsed.value.intent}`);
}

export default function HelperVetting() {
  const { helper, done } = useLoaderData<typeof loader>();
  const { result, t, locale, form } = useFormPage(fields);
  const v = helper.volunteer;
  const o = helper.organization;
  const name = v ? v.realName || v.displayName : o!.name;
  const county = v ? (locale === 'en' ? v.countyEn : v.countyZh) : locale === 'en' ? o!.countyEn : o!.countyZh;
  const facts = v ?? o!;
  const caringParent = v?.caringParent ?? false;

  return (
    <article>
      <BackLink to="/staff" label={t('staff.home.title')} />
      <h1>
        {name} <HelperStatusBadge status={helper.status} />
      </h1>
      <DoneNotice done={done} prefix="vetting.done" />
      <FormMessage result={result} />
      {helper.recheckOverdueSince !== null ? (
        <p className="notice notice-warn" role="status">
          {t('vetting.recheck_overdue_paused', { date: formatDate(helper.recheckOverdueSince, locale) })}
        </p>
      ) : null}
      <p className="meta">
        <span className="badge">{t(`helper.kind.${helper.kind}`)}</span>
        {caringParent ? <span className="badge">{t('helper.caring_parent')}</span> : null}
        <span>{county ?? t('helper.no_county')}</span>
        <span className={`badge ${helper.emailVerified ? 'badge-ok' : 'badge-warn'}`}>
          {t(helper.emailVerified ? 'me.email_verified' : 'me.email_unverified')}
        </span>
      </p>

      <section aria-labelledby="profile-heading">
        <h2 id="profile-heading">{t('vetting.profile')}</h2>
        <dl className="facts">
          {v ? (
            <Facts
              facts={[
                [t('auth.field.display_name'), v.displayName],
                [t('auth.field.email'), v.email],
                [t('me.field.real_name'), v.realName],
                [t('me.field.phone'), v.phone],
                [t('me.field.availability'), v.availability],
                [t('me.field.skills'), v.skills],
              ]}
            />
          ) : (
            <>
              <Facts
                facts={[
                  [t('auth.field.organization_kind'), t(`org.kind.${o!.kind}`)],
                  [t('org.field.contact_name'), o!.contactName],
                  [t('org.field.contact_phone'), o!.contactPhone],
                  [t('org.field.description'), o!.description],
                ]}
              />
              <dt>{t('org.members')}</dt>
              <dd>
                <ul className="plain">
                  {o!.members.map((m) => (
                    <li key={m.userId}>
                      {m.displayName} · {m.email} · {t(`org.role.${m.role}`)}
                    </li>
                  ))}
                </ul>
              </dd>
            </>
          )}
          <dt>{t('vetting.applied')}</dt>
          <dd>{formatDate(facts.createdAt, locale)}</dd>
          <dt>{t('vetting.check_note')}</dt>
          <dd>{facts.checkNote ?? '—'}</dd>
          {facts.statusReason ? (
            <>
              <dt>{t('me.vetting.reason')}</dt>
              <dd>{facts.statusReason}</dd>
            </>
          ) : null}
          {facts.recheckDueAt ? (
            <>
              <dt>{t('vetting.recheck_at')}</dt>
              <dd>{formatDate(facts.recheckDueAt, locale)}</dd>
            </>
          ) : null}
        </dl>
      </section>

      {helper.canVet && helper.intents.length ? (
        <section aria-labelledby="decide-heading">
          <h2 id="decide-heading">{t('vetting.decide')}</h2>
          <p className="hint">{t('vetting.no_id_numbers')}</p>
          <div className="decision-forms">
            {helper.intents.map((intent) => (
              <Form method="post" className="stack card" key={intent}>
                <h3>{t(`vetting.intent.${intent}`)}</h3>
                <input type="hidden" name="intent" value={intent} />
                {intent === 'approve' || intent === 'reinstate' || intent === 'recheck' ? (
                  <Field form={form} name="checkNote" required label={t('vetting.check_note')} hint={t('vetting.check_note_hint')} />
                ) : (
                  <Field form={form} name="reason" required label={t('vetting.reason')} hint={t('vetting.reason_hint')} multiline />
                )}
                {(intent === 'approve' || intent === 'reinstate') && !caringParent ? (
                  <label className="checkbox">
                    <input type="checkbox" name="oneToOne" />
                    {t('vetting.one_to_one')}
                  </label>
                ) : null}
                <SubmitButton className={intent === 'reject' || intent === 'suspend' ? 'danger' : undefined}>{t(`vetting.intent.${intent}`)}</SubmitButton>
              </Form>
            ))}
          </div>
        </section>
      ) : null}

      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">{t('vetting.timeline')}</h2>
        <HelperTimeline events={helper.timeline} />
      </section>
    </article>
  );
}
