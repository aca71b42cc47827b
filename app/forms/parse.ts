import * as v from 'valibot';
import { page } from './queries';

export type FieldErrors = Record<string, string[]>;

/** Parses form data with a valibot schema; issues become field → catalogue keys. */
export function parseForm<S extends v.GenericSchema>(
  schema: S,
  formData: FormData,
): { ok: true; value: v.InferOutput<S> } | { ok: false; fieldErrors: FieldErrors } {
  const raw: Record<string, unknown> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value !== 'string') continue;
    if (key in raw) raw[key] = ([] as unknown[]).concat(raw[key], value);
    else raw[key] = value;
  }
  // One message per field: an empty email is "required", not also "not an email address".
  const result = v.safeParse(schema, raw, { abortPipeEarly: true });
  if (result.success) return { ok: true, value: result.output };
  const fieldErrors: FieldErrors = {};
  for (const issue of result.issues) {
    const key = v.getDotPath(issue) ?? 'form';
    (fieldErrors[key] ??= []).push(issue.message);
  }
  return { ok: false, fieldErrors };
}

/**
 * The `?done=` notice a page shows after its own redirect. Only the page's known notices are
 * accepted, so a crafted link cannot make the page say anything else.
 */
export function doneParam<T extends string>(request: Request, known: readonly T[]): T | null {
  return parseQuery(v.object({ done: v.fallback(v.optional(v.picklist(known)), undefined) }), request).done ?? null;
}

/** The `?page=` of a paged list: a whole number from 1; anything else is the first page. */
export function pageParam(request: Request): number {
  return parseQuery(v.object({ page }), request).page;
}

/** The post of a form that is one button (its route is the action): no fields to read. */
export const ButtonForm = v.object({});

/**
 * Reads a query string with a valibot schema (the first value of each key). Filters take `v.fallback`s,
 * so an odd value in a shared link narrows nothing instead of failing the page.
 */
export function parseQuery<S extends v.GenericSchema>(schema: S, request: Request): v.InferOutput<S> {
  return v.parse(schema, Object.fromEntries(new URL(request.url).searchParams));
}
