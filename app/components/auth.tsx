import type { ReactNode } from 'react';
import { HONEYPOT_FIELD } from '../forms/auth';
import { useT } from './i18n';

/** What an action sends back to its form (the shape of ActionFailure in app/services/http.server.ts, or a success). */
export interface FormResult {
  ok: boolean;
  fieldErrors?: Record<string, string[]>;
  message?: { key: string; params?: Record<string, string | number> };
}

export function asFormResult(value: unknown): FormResult | undefined {
  if (typeof value !== 'object' || value === null || typeof (value as { ok?: unknown }).ok !== 'boolean') return undefined;
  return value as FormResult;
}

/** The message above a form: green when the action worked, red when it was refused. */
export function FormMessage({ result }: { result: FormResult | undefined }) {
  const t = useT();
  if (!result?.message) return null;
  return (
    <p className={`notice ${result.ok ? 'notice-ok' : 'notice-error'}`} role={result.ok ? 'status' : 'alert'}>
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

interface FieldProps {
  name: string;
  label: string;
  result: FormResult | undefined;
  type?: string;
  defaultValue?: string | null;
  required?: boolean;
  autoComplete?: string;
  hint?: string;
  minLength?: number;
  maxLength?: number;
  multiline?: boolean;
  readOnly?: boolean;
}

/** A labelled input with its hint and errors wired to aria-describedby. */
export function Field({ name, label, result, type = 'text', defaultValue, hint, multiline, ...rest }: FieldProps) {
  const invalid = Boolean(result?.fieldErrors?.[name]?.length);
  const describedBy = [hint ? `${name}-hint` : null, invalid ? `${name}-error` : null].filter(Boolean).join(' ') || undefined;
  const common = { id: name, name, defaultValue: defaultValue ?? undefined, 'aria-invalid': invalid || undefined, 'aria-describedby': describedBy, ...rest };
  return (
    <label htmlFor={name}>
      {label}
      {multiline ? <textarea {...common} /> : <input type={type} {...common} />}
      {hint ? (
        <small className="hint" id={`${name}-hint`}>
          {hint}
        </small>
      ) : null}
      <FieldErrors result={result} name={name} />
    </label>
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
