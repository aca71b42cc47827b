import { Form, Link, useActionData, useLocation, useNavigation } from '@remix-run/react';
import type { ReactNode } from 'react';
import { PasswordSchema } from '../forms/account';
import { HONEYPOT_FIELD, InviteSignUpSchema } from '../forms/auth';
import { formConstraints, inputConstraints, type InputConstraints } from '../forms/constraints';
import { useLocale, useT } from './i18n';
import { PasswordStrengthHint } from './password-strength';
import { useRevealAnswer } from './reveal';

import { asFormResult, type FormResult } from '../forms/result';

export { asFormResult };
export type { FormResult };

/** What a page with a form needs: the action's answer, whether a form is being sent, the translator and the locale. */
export function useFormPage() {
  const result = asFormResult(useActionData());
  const busy = useNavigation().state === 'submitting';
  return { result, busy, t: useT(), locale: useLocale() };
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

export function FieldErrors({ result, name }: { result: FormResult | undefined; name: string }) {
  const t = useT();
  const errors = result?.fieldErrors?.[name];
  if (!errors?.length) return null;
  return (
    <span className="field-error" id={`${name}-error`}>
      {errors.map((key) => t(key)).join(' ')}
    </span>
  );
}

interface FieldProps extends InputConstraints {
  name: string;
  label: string;
  result: FormResult | undefined;
  type?: string;
  defaultValue?: string | null;
  autoComplete?: string;
  hint?: string;
  multiline?: boolean;
  readOnly?: boolean;
  inputMode?: 'decimal' | 'numeric' | 'tel' | 'email';
}

/** The attributes that tie an input to its hint and its errors. */
function described(name: string, hint: string | undefined, result: FormResult | undefined) {
  const invalid = Boolean(result?.fieldErrors?.[name]?.length);
  const describedBy = [hint ? `${name}-hint` : null, invalid ? `${name}-error` : null].filter(Boolean).join(' ') || undefined;
  return { id: name, name, 'aria-invalid': invalid || undefined, 'aria-describedby': describedBy };
}

/** The label's hint and errors below an input, a textarea or a select. */
function FieldFoot({ name, hint, result }: { name: string; hint?: string; result: FormResult | undefined }) {
  return (
    <>
      {hint ? (
        <small className="hint" id={`${name}-hint`}>
          {hint}
        </small>
      ) : null}
      <FieldErrors result={result} name={name} />
    </>
  );
}

/**
 * A labelled input with its hint and errors wired to aria-describedby. Its constraints come from the
 * form's schema: spread `formConstraints(Schema).field` onto it (app/forms/constraints.ts).
 */
export function Field({ name, label, result, type = 'text', defaultValue, hint, multiline, ...rest }: FieldProps) {
  const common = { ...described(name, hint, result), defaultValue: defaultValue ?? undefined, ...rest };
  return (
    <label htmlFor={name}>
      {label}
      {multiline ? <textarea {...common} /> : <input type={type} {...common} />}
      <FieldFoot name={name} hint={hint} result={result} />
    </label>
  );
}

/** A labelled select; of the schema's constraints only `required` applies to it. */
export function SelectField({
  name,
  label,
  result,
  defaultValue,
  hint,
  required,
  options = [],
  children,
}: InputConstraints & {
  name: string;
  label: string;
  result: FormResult | undefined;
  defaultValue?: string | null;
  hint?: string;
  options?: readonly { value: string; label: string }[];
  /** Options before the listed ones (an empty choice). */
  children?: ReactNode;
}) {
  return (
    <label htmlFor={name}>
      {label}
      <select {...described(name, hint, result)} defaultValue={defaultValue ?? ''} required={required}>
        {children}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldFoot name={name} hint={hint} result={result} />
    </label>
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

const STATUS_BADGE: Record<string, string> = { pending: 'badge-warn', approved: 'badge-ok', rejected: 'badge-bad', suspended: 'badge-bad' };

/** Vetting status of a volunteer or an organization. */
export function HelperStatusBadge({ status }: { status: string }) {
  const t = useT();
  return <span className={`badge ${STATUS_BADGE[status] ?? ''}`}>{t(`helper.status.${status}`)}</span>;
}

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
