import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, redirect, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { CountySelect, Field, FormMessage, HelperStatusBadge, NewPasswordField, asFormResult } from '../components/auth';
import { useLocale, useT } from '../components/i18n';
import { DoneNotice } from '../components/wish-ui';
import { MyClaims } from '../components/my-claims';
import { claimsOfHelper } from '../services/my-claims.server';
import { requireViewer } from '../auth/guards.server';
import { ChangeEmailSchema, ChangePasswordSchema } from '../forms/auth';
import { parseForm, doneParam } from '../forms/parse';
import { AccountSettingsSchema, VolunteerProfileSchema } from '../forms/profile';
import { formatDate } from '../i18n/index';
import { changePassword, resendVerification } from '../services/accounts.server';
import { requestEmailChange } from '../services/email-change.server';
import { requestMeta } from '../services/auth.server';
import { failure, keepRetryAfter } from '../server/http.server';
import { becomeVolunteer, mePage, saveAccountSettings, saveVolunteerProfile } from '../services/profile.server';
import { reapply } from '../services/vetting.server';
import { pageTitle } from '../i18n/meta';

/** A 429's Retry-After reaches the browser, for the HTML page and the .data request alike. */
export const headers = keepRetryAfter;

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'nav.me');

const DONE = ['account', 'profile', 'password', 'verification_sent', 'volunteer', 'reapply', 'email_change_sent', 'email_changed'] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = requireViewer(request);
  const url = new URL(request.url);
  return {
    ...mePage(viewer, Date.now()),
    claims: claimsOfHelper(viewer.actor, 'personal'),
    welcome: url.searchParams.has('welcome'),
    done: doneParam(request, DONE),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = requireViewer(request);
  const meta = requestMeta(context);
  const form = await request.formData();
  const intent = form.get('intent');
  switch (intent) {
    case 'account': {
      const parsed = parseForm(AccountSettingsSchema, form);
      if (!parsed.ok) return failure({ kind: 'validation', fields: parsed.fieldErrors });
      const result = saveAccountSettings(viewer, parsed.value, meta);
      if (!result.ok) return failure(result.error);
      return redirect('/me?done=account');
    }
    case 'profile': {
      const parsed = parseForm(VolunteerProfileSchema, form);
      if (!parsed.ok) return failure({ kind: 'validation', fields: parsed.fieldErrors });
      const result = saveVolunteerProfile(viewer, parsed.value, meta);
      if (!result.ok) return failure(result.error);
      return redirect('/me?done=profile');
    }
    case 'password': {
      const parsed = parseForm(ChangePasswordSchema, form);
      if (!parsed.ok) return failure({ kind: 'validation', fields: parsed.fieldErrors });
      const result = await changePassword(viewer, parsed.value, meta);
      if (!result.ok) return failure(result.error);
      return redirect('/me?done=password', { headers: { 'Set-Cookie': result.value.cookie } });
    }
    case 'email': {
      const parsed = parseForm(ChangeEmailSchema, form);
      if (!parsed.ok) return failure({ kind: 'validation', fields: parsed.fieldErrors });
      const result = await requestEmailChange(viewer, parsed.value, meta);
      if (!result.ok) return failure(result.error);
      return redirect('/me?done=email_change_sent');
    }
    case 'resend_verification': {
      const result = resendVerification(viewer, meta);
      if (!result.ok) return failure(result.error);
      return redirect('/me?done=verification_sent');
    }
    case 'reapply': {
      const result = reapply(viewer.actor, 'volunteer', viewer.user.id, meta);
      if (!result.ok) return failure(result.error);
      return redirect('/me?done=reapply');
    }
    case 'become_volunteer': {
      const result = becomeVolunteer(viewer, meta);
      if (!result.ok) return failure(result.error);
      return redirect('/me?done=volunteer');
    }
    default:
      return failure({ kind: 'validation', fields: { intent: ['form.intent.invalid'] } });
  }
}

export default function Me() {
  const { account, volunteer, orgs, counties, welcome, done, claims } = useLoaderData<typeof loader>();
  const result = asFormResult(useActionData<typeof action>());
  const busy = useNavigation().state === 'submitting';
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <h1>{t('me.title', { name: account.displayName })}</h1>
      {welcome ? (
        <p className="notice notice-ok" role="status">
          {t('me.welcome')}
        </p>
      ) : null}
      <DoneNotice done={done} prefix="me.done" />
      <FormMessage result={result} />

      <section className="card" aria-labelledby="account-heading">
        <h2 id="account-heading">{t('me.account')}</h2>
        <p>
          {account.email}{' '}
          {account.emailVerified ? (
            <span className="badge badge-ok">{t('me.email_verified')}</span>
          ) : (
            <span className="badge badge-warn">{t('me.email_unverified')}</span>
          )}
        </p>
        {account.emailVerified ? null : (
          <Form method="post" className="inline-form">
            <input type="hidden" name="intent" value="resend_verification" />
            <span className="hint">{t('me.verify_hint')}</span>
            <button type="submit" className="secondary" disabled={busy}>
              {t('me.resend_verification')}
            </button>
          </Form>
        )}
        <Form method="post" className="stack">
          <input type="hidden" name="intent" value="account" />
          <Field name="displayName" label={t('auth.field.display_name')} result={result} defaultValue={account.displayName} autoComplete="nickname" maxLength={60} required />
          <button type="submit" className="secondary" disabled={busy}>
            {t('me.save_account')}
          </button>
        </Form>
        <h3 id="email-heading">{t('me.email')}</h3>
        <Form method="post" className="stack" aria-labelledby="email-heading">
          <input type="hidden" name="intent" value="email" />
          <p className="hint">{t('me.email_hint')}</p>
          <Field name="newEmail" label={t('me.field.new_email')} type="email" result={result} autoComplete="email" maxLength={254} required />
          <Field name="password" label={t('me.field.current_password')} type="password" result={result} autoComplete="current-password" required />
          <button type="submit" className="secondary" disabled={busy}>
            {t('me.change_email')}
          </button>
        </Form>
        {orgs.length ? (
          <p>
            {t('me.orgs')}:{' '}
            {orgs.map((o) => (
              <span key={o.id}>
                <Link to={`/org?org=${o.id}`}>{o.name}</Link> <HelperStatusBadge status={o.status} />{' '}
              </span>
            ))}
          </p>
        ) : null}
      </section>

      {volunteer ? (
        <section className="card" aria-labelledby="vetting-heading">
          <h2 id="vetting-heading">{t('me.vetting')}</h2>
          <p data-testid="vetting-status">
            <HelperStatusBadge status={volunteer.status} /> {t(`me.vetting.${volunteer.status}`)}
          </p>
          {volunteer.pendingSteps.length ? (
            <ul data-testid="pending-steps">
              {volunteer.pendingSteps.map((step) => (
                <li key={step}>{t(`me.vetting.step.${step}`)}</li>
              ))}
            </ul>
          ) : null}
          {volunteer.statusReason ? (
            <p className="notice notice-error">
              {t('me.vetting.reason')}: {volunteer.statusReason}
            </p>
          ) : null}
          {volunteer.status === 'rejected' ? (
            <Form method="post" className="stack">
              <input type="hidden" name="intent" value="reapply" />
              <p className="hint">{t('me.vetting.reapply_hint')}</p>
              <button type="submit" disabled={busy}>
                {t('me.vetting.reapply')}
              </button>
            </Form>
          ) : null}
          {volunteer.status === 'approved' && volunteer.recheckDueAt ? (
            volunteer.recheckOverdue ? (
              <p className="notice notice-warn" data-testid="recheck-overdue">
                {t('me.vetting.recheck_overdue', { date: formatDate(volunteer.recheckDueAt, locale) })}
              </p>
            ) : (
              <p className="meta">{t('me.vetting.recheck', { date: formatDate(volunteer.recheckDueAt, locale) })}</p>
            )
          ) : null}
        </section>
      ) : (
        <section className="card">
          <h2>{t('me.volunteer')}</h2>
          <p>{t('me.become_volunteer_intro')}</p>
          <Form method="post">
            <input type="hidden" name="intent" value="become_volunteer" />
            <button type="submit" disabled={busy}>
              {t('me.become_volunteer')}
            </button>
          </Form>
        </section>
      )}

      {volunteer && (volunteer.status === 'approved' || claims.length > 0) ? <MyClaims claims={claims} /> : null}

      {volunteer ? (
        <section aria-labelledby="profile-heading">
          <h2 id="profile-heading">{t('me.profile')}</h2>
          <p className="hint">{t('me.profile_privacy')}</p>
          <Form method="post" className="stack">
            <input type="hidden" name="intent" value="profile" />
            <Field name="realName" label={t('me.field.real_name')} result={result} defaultValue={volunteer.realName} autoComplete="name" maxLength={40} />
            <Field name="phone" label={t('me.field.phone')} type="tel" result={result} defaultValue={volunteer.phone} autoComplete="tel" maxLength={20} />
            <CountySelect counties={counties} defaultValue={volunteer.countySiteId} result={result} />
            <Field name="availability" label={t('me.field.availability')} result={result} defaultValue={volunteer.availability} maxLength={200} hint={t('me.field.availability_hint')} />
            <Field name="skills" label={t('me.field.skills')} result={result} defaultValue={volunteer.skills} maxLength={300} multiline />
            <label className="checkbox">
              <input type="checkbox" name="caringParent" defaultChecked={volunteer.caringParent} />
              {t('auth.signup.caring_parent')}
            </label>
            <button type="submit" disabled={busy}>
              {t('common.save')}
            </button>
          </Form>
        </section>
      ) : null}

      <section aria-labelledby="password-heading">
        <h2 id="password-heading">{t('me.password')}</h2>
        <Form method="post" className="stack">
          <input type="hidden" name="intent" value="password" />
          <Field name="currentPassword" label={t('me.field.current_password')} type="password" result={result} autoComplete="current-password" required />
          <NewPasswordField name="newPassword" label={t('auth.field.new_password')} hint={t('me.password_hint')} result={result} />
          <button type="submit" disabled={busy}>
            {t('me.change_password')}
          </button>
        </Form>
      </section>
    </>
  );
}
