import { Form, Link, useActionData, useLocation, useNavigation } from '@remix-run/react';
import type { ReactNode } from 'react';
import { PasswordSchema } from '../forms/account';
import { HONEYPOT_FIELD, InviteSignUpSchema } from '../forms/auth';
import { formConstraints, inputConstraints, type InputConstraints } from '../forms/constraints';
import { Field, formKit, SelectField } from './fields';
import { useLocale, useT } from './i18n';
import { PasswordStrengthHint } from './password-strength';
import { useRevealAnswer } from './reveal';
import { StatusBadge } from './wish-ui';

import { asFormResult, type FormResult } from '../forms/result';

export { asFormResult };
// The form kit lives in ./fields; its pieces are also reached from here, where the forms' other pieces are.
export { Field, FieldErrors, formKit, SelectField, type FormKit } from './fields';
export type { FormResult };

/**
 * What a page with a form needs: the action's answer, whether a form is being sent, the translator and the
 * locale, and, given the constraints of the form's schema, the `form` its fields take (./fields).
 */
export function useFormPage(constraints: Readonly<Record<string, InputConstraints>> = {}) {
  const result = asFormResult(useActionData());
  const busy = useNavigation().state === 'submitting';
  return { result, busy, t: useT(), locale: useLocale(), form: formKit(constraints, result) };
}

/** The message above a form: green when the action worked, red when it was refused. */
export function FormMessage({ result }: { result: FormResult | undefined }) {
  const t = useT();
  const ref = useRevealAnswer<HTMLParagraphElement>(result);
  if (!result?.message) return null;
  return (
    <p ref={ref} tabIndex={-1} className={`notice ${result.ok ? 'notice-ok' : 'notice-error'}`} role={result.ok ? 'status' : 'alert'}>
      {t(result.message.key, result.message.params)}
    </p>
  );
}

/** A submit button, disabled while a form of the page is being sent. */
export function SubmitButton({ children, className }: { children: ReactNode; className?: string }) {
  const busy = useNavigation().state === 'submitting';
  return (
    <button type="submit" className={className} disabled={busy}>
      {children}
    </button>
  );
}

/**
 * A password being chosen, with the rules of PasswordSchema and, as the person types, the strength the
 * server will require (app/forms/password-strength.ts, loaded only when needed).
 */
export function NewPasswordField({
  name = 'password',
  label,
  hint,
  result,
  owner,
}: {
  name?: string;
  label?: string;
  hint?: string;
  result: FormResult | undefined;
  /** Whose password it is, when the form has no email or name input of its own. */
  owner?: { email?: string | null; name?: string | null };
}) {
  const t = useT();
  return (
    <div className="new-password">
      <Field
        name={name}
        label={label ?? t('auth.field.password')}
        type="password"
        result={result}
        autoComplete="new-password"
        {...inputConstraints(PasswordSchema)}
        hint={hint ?? t('auth.field.password_hint')}
      />
      <PasswordStrengthHint name={name} owner={owner} />
    </div>
  );
}

export interface CountyOption {
  id: string;
  nameZh: string;
  nameEn: string;
}

/** The optional home county of a volunteer or an organization (field countySiteId). */
export function CountySelect({ counties, defaultValue, result }: { counties: CountyOption[]; defaultValue: string | null; result: FormResult | undefined }) {
  const t = useT();
  const locale = useLocale();
  return (
    <SelectField
      name="countySiteId"
      label={t('me.field.county')}
      result={result}
      defaultValue={defaultValue}
      options={counties.map((c) => ({ value: c.id, label: locale === 'en' ? c.nameEn : c.nameZh }))}
    >
      <option value="">{t('me.field.county_none')}</option>
    </SelectField>
  );
}

/** Invisible to people (and to screen readers); bots that fill every field give themselves away. */
export function Honeypot() {
  const t = useT();
  return (
    <div className="hp" aria-hidden="true">
      <label>
        {t('form.honeypot')}
        <input type="text" name={HONEYPOT_FIELD} tabIndex={-1} autoComplete="off" defaultValue="" />
      </label>
    </div>
  );
}

export function AuthCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="auth-card">
      <h1>{title}</h1>
      {children}
    </section>
  );
}

/**
 * A page opened from a mailed link (verification, email change, password reset). Opening it only shows the
 * form (`children` and the `submit` button), which posts the link's token: mail scanners and link previews
 * fetch URLs, and a GET must never change anything. A link that is unknown, used or expired says `invalid`
 * (and `instead`); once the form worked, `signedIn` says where to go on.
 */
export function MailedLinkPage({
  title,
  result,
  token,
  signedIn,
  submit,
  invalid,
  instead,
  children,
}: {
  title: string;
  result: FormResult | undefined;
  /** The link's token while it is live, else null. */
  token: string | null;
  signedIn?: boolean;
  submit: string;
  invalid: string;
  instead?: ReactNode;
  children: ReactNode;
}) {
  const t = useT();
  return (
    <AuthCard title={title}>
      <FormMessage result={result} />
      {result?.ok && signedIn !== undefined ? (
        <p>
          <Link to={signedIn ? '/me' : '/login'}>{t(signedIn ? 'auth.verify.continue' : 'nav.login')} →</Link>
        </p>
      ) : token ? (
        <Form method="post" className="stack">
          {children}
          <input type="hidden" name="token" value={token} />
          <SubmitButton>{submit}</SubmitButton>
        </Form>
      ) : (
        <>
          <p className="notice notice-error" role="alert">
            {invalid}
          </p>
          {instead}
        </>
      )}
    </AuthCard>
  );
}

/** Vetting status of a volunteer or an organization. */
export const HelperStatusBadge = ({ status }: { status: string }) => <StatusBadge kind="helper" status={status} />;

/** What an invitation page knows of a live invitation (staff or organization). */
export interface InvitationView {
  email: string;
  viewerIsInvitee: boolean;
  accountExists: boolean;
}

/** An invitation link that is unknown, used or expired. */
export function InvalidInvitation() {
  const t = useT();
  return (
    <AuthCard title={t('invite.title')}>
      <p className="notice notice-error" role="alert">
        {t('invite.invalid')}
      </p>
    </AuthCard>
  );
}

/**
 * Accepting an invitation: the invitee signed in accepts (intent "accept"); someone else signed in
 * is told so; an invitee with an account signs in first; anyone else creates the account (intent "create").
 */
export function InvitationCard({
  title,
  invitation,
  signedIn,
  result,
  acceptNote,
  createIntro,
}: {
  title: string;
  invitation: InvitationView;
  signedIn: boolean;
  result: FormResult | undefined;
  /** Shown above the accept button. */
  acceptNote?: string;
  /** Shown above the new-account fields. */
  createIntro: string;
}) {
  const location = useLocation();
  const t = useT();
  return (
    <AuthCard title={title}>
      <p>{t('invite.for', { email: invitation.email })}</p>
      <FormMessage result={result} />
      {invitation.viewerIsInvitee ? (
        <Form method="post">
          <input type="hidden" name="intent" value="accept" />
          {acceptNote ? <p className="hint">{acceptNote}</p> : null}
          <SubmitButton>{t('invite.accept')}</SubmitButton>
        </Form>
      ) : signedIn ? (
        <p className="notice">{t('invite.wrong_account', { email: invitation.email })}</p>
      ) : invitation.accountExists ? (
        <p>
          <Link to={`/login?redirectTo=${encodeURIComponent(location.pathname)}`}>{t('invite.sign_in_to_accept')}</Link>
        </p>
      ) : (
        <Form method="post" className="stack">
          <input type="hidden" name="intent" value="create" />
          <p>{createIntro}</p>
          <Field name="displayName" {...formConstraints(InviteSignUpSchema).displayName} label={t('auth.field.display_name')} result={result} autoComplete="name" />
          <NewPasswordField result={result} owner={{ email: invitation.email }} />
          <SubmitButton>{t('invite.create_and_accept')}</SubmitButton>
        </Form>
      )}
    </AuthCard>
  );
}
