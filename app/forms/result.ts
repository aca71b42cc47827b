// The one shape an action sends back to its form. Client-safe: the server builds it (app/server/http.server.ts)
// and components render it.

/** A catalogue key plus its parameters; the UI translates it. */
export interface FormMessageRef {
  key: string;
  params?: Record<string, string | number>;
}

/** A refused change: messages next to the fields, one above the form, and privacy findings (staff pages only). */
export interface FormFailure {
  ok: false;
  /** field name → catalogue keys */
  fieldErrors?: Record<string, string[]>;
  message?: FormMessageRef;
  findings?: { kind: string; match: string }[];
}

/** A change that went through and answers on its own page. */
export interface FormSuccess {
  ok: true;
  message?: FormMessageRef;
  fieldErrors?: never;
  findings?: never;
}

export type FormResult = FormFailure | FormSuccess;

export function asFormResult(value: unknown): FormResult | undefined {
  if (typeof value !== 'object' || value === null || typeof (value as { ok?: unknown }).ok !== 'boolean') return undefined;
  return value as FormResult;
}

export function isFailure(value: unknown): value is FormFailure {
  return asFormResult(value)?.ok === false;
}
