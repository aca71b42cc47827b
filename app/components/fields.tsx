import type { ReactNode } from 'react';
import type { InputConstraints } from '../forms/constraints';
import type { FormResult } from '../forms/result';
import { useT } from './i18n';

// The form kit: a labelled input or select with its hint and its errors wired to aria-describedby, its HTML
// constraints read from the form's valibot schema (app/forms/constraints.ts).

/**
 * One form's fields as its inputs need them: the constraints its schema gives each field
 * (`formConstraints(Schema)`) and the action's answer. Given as `form`, a field takes both by its name.
 */
export interface FormKit {
  constraints: Readonly<Record<string, InputConstraints>>;
  result: FormResult | undefined;
}

export function formKit(constraints: Readonly<Record<string, InputConstraints>>, result: FormResult | undefined): FormKit {
  return { constraints, result };
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

/** What every field takes: its name and label, and either a `form` or its own constraints and `result`. */
interface BaseFieldProps extends InputConstraints {
  name: string;
  label: string;
  form?: FormKit;
  result?: FormResult | undefined;
  defaultValue?: string | null;
  hint?: string;
}

interface FieldProps extends BaseFieldProps {
  type?: string;
  autoComplete?: string;
  multiline?: boolean;
  readOnly?: boolean;
  inputMode?: 'decimal' | 'numeric' | 'tel' | 'email';
}

/** The constraints and the answer a field works with: its own, else its form's. */
function bound({ form, result, name, ...own }: Omit<BaseFieldProps, 'label' | 'defaultValue' | 'hint'>) {
  return { constraints: { ...form?.constraints[name], ...own }, result: result ?? form?.result };
}

/** The attributes that tie an input to its hint and its errors. */
function described(name: string, hint: string | undefined, result: FormResult | undefined) {
  const invalid = Boolean(result?.fieldErrors?.[name]?.length);
  const describedBy = [hint ? `${name}-hint` : null, invalid ? `${name}-error` : null].filter(Boolean).join(' ') || undefined;
  return { id: name, name, 'aria-invalid': invalid || undefined, 'aria-describedby': describedBy };
}

/** A label around its control, then the hint and the errors. */
function LabelledField({ name, label, hint, result, children }: { name: string; label: string; hint?: string; result: FormResult | undefined; children: ReactNode }) {
  return (
    <label htmlFor={name}>
      {label}
      {children}
      {hint ? (
        <small className="hint" id={`${name}-hint`}>
          {hint}
        </small>
      ) : null}
      <FieldErrors result={result} name={name} />
    </label>
  );
}

/**
 * A labelled input (or textarea) with its hint and errors. Its constraints come from the form's schema:
 * give it the form (`form={formKit(formConstraints(Schema), result)}`) or spread `formConstraints(Schema).field`.
 */
export function Field({ name, label, form, result, type = 'text', defaultValue, hint, multiline, autoComplete, readOnly, inputMode, ...own }: FieldProps) {
  const field = bound({ form, result, name, ...own });
  const common = { ...described(name, hint, field.result), defaultValue: defaultValue ?? undefined, ...field.constraints, autoComplete, readOnly, inputMode };
  return (
    <LabelledField name={name} label={label} hint={hint} result={field.result}>
      {multiline ? <textarea {...common} /> : <input type={type} {...common} />}
    </LabelledField>
  );
}

/**
 * A labelled select; of the schema's constraints only `required` applies to it. Its options are `options`, or
 * `choices` labelled by the catalogue under `choiceLabel` (`choiceLabel.choice`), after any `children`.
 */
export function SelectField({
  name,
  label,
  form,
  result,
  defaultValue,
  hint,
  options,
  choices = [],
  choiceLabel,
  children,
  ...own
}: BaseFieldProps & {
  options?: readonly { value: string; label: string }[];
  choices?: readonly string[];
  choiceLabel?: string;
  /** Options before the listed ones (an empty choice). */
  children?: ReactNode;
}) {
  const t = useT();
  const field = bound({ form, result, name, ...own });
  const listed = options ?? choices.map((c) => ({ value: c, label: t(`${choiceLabel}.${c}`) }));
  return (
    <LabelledField name={name} label={label} hint={hint} result={field.result}>
      <select {...described(name, hint, field.result)} defaultValue={defaultValue ?? ''} required={field.constraints.required}>
        {children}
        {listed.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </LabelledField>
  );
}
