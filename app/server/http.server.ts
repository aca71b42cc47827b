import { data, redirect, type HeadersFunction } from '@remix-run/node';
import type * as v from 'valibot';
import type { DomainError, Result } from '../domain/errors';
import { parseForm } from '../forms/parse';
import type { FormFailure } from '../forms/result';

const STATUS: Record<DomainError['kind'], number> = {
  validation: 400,
  privacy: 400,
  conflict: 409,
  capacity: 409,
  bad_transition: 409,
  forbidden: 403,
  not_found: 404,
  rate_limited: 429,
};

/**
 * The one mapping from expected failures to HTTP. Forbidden and not-found become thrown responses
 * (the error boundary shows them); the rest go back to the form with a message the user can act on.
 */
export function failure(error: DomainError) {
  const status = STATUS[error.kind];
  if (error.kind === 'not_found') throw new Response('Not Found', { status });
  if (error.kind === 'forbidden') throw new Response('Forbidden', { status });
  const body: FormFailure = { ok: false };
  const headers = new Headers();
  switch (error.kind) {
    case 'validation':
      body.fieldErrors = error.fields;
      body.message = error.message ?? { key: 'error.validation' };
      break;
    case 'privacy':
      body.findings = error.findings;
      body.message = { key: 'privacy.refused' };
      break;
    case 'rate_limited':
      body.message = error.message;
      headers.set('Retry-After', String(error.retryAfterSeconds));
      break;
    default:
      body.message = error.message;
  }
  return data(body, { status, headers });
}

/**
 * The `headers` export of every route that can answer 429. Remix passes only a loader's or action's
 * cookies on to the response unless the route says which headers to keep, so without it Retry-After
 * would be dropped from the HTML page and from the `.data` request alike.
 */
export const keepRetryAfter: HeadersFunction = ({ parentHeaders, loaderHeaders, actionHeaders, errorHeaders }) => {
  const headers = new Headers(parentHeaders);
  for (const source of [loaderHeaders, actionHeaders, errorHeaders]) {
    const retryAfter = source?.get('Retry-After');
    if (retryAfter) headers.set('Retry-After', retryAfter);
  }
  return headers;
};

export function notFound(): never {
  throw new Response('Not Found', { status: 404 });
}

/**
 * One form, one use case: the schema parses the post, `run` does the change, and `done` answers a success
 * (a redirect with its `?done=` notice); a refusal goes back to the form through `failure`.
 */
export async function formAction<S extends v.GenericSchema, T>(
  request: Request,
  schema: S,
  run: (input: v.InferOutput<S>) => Result<T> | Promise<Result<T>>,
  done: (value: T) => Response,
) {
  const parsed = parseForm(schema, await request.formData());
  if (!parsed.ok) return failure({ kind: 'validation', fields: parsed.fieldErrors });
  const result = await run(parsed.value);
  return result.ok ? done(result.value) : failure(result.error);
}

/**
 * One intent of a page with several forms: the schema its post is read with and the use case it runs.
 * Success answers with `to` when given, else the page's own `?done=<intent>` notice.
 */
export type IntentStep = (form: FormData) => Result<string | undefined>;

export function intentStep<S extends v.GenericSchema>(schema: S, run: (input: v.InferOutput<S>) => Result<unknown>, to?: string): IntentStep {
  return (form) => {
    const parsed = parseForm(schema, form);
    if (!parsed.ok) return { ok: false, error: { kind: 'validation', fields: parsed.fieldErrors } };
    const result = run(parsed.value);
    return result.ok ? { ok: true, value: to } : result;
  };
}

/**
 * The post of a page with several forms, told apart by their `intent`: the named step parses and runs,
 * and a success redirects to `page?done=<intent>` (or the step's own address). An unknown intent is a
 * validation failure, as is a post its step's schema refuses; a refusal goes back through `failure`.
 */
export async function intentAction(request: Request, page: string, steps: Readonly<Record<string, IntentStep>>) {
  const form = await request.formData();
  const intent = form.get('intent');
  const step = typeof intent === 'string' && Object.hasOwn(steps, intent) ? steps[intent] : undefined;
  if (!step) return failure({ kind: 'validation', fields: { intent: ['form.choose_one'] } });
  const result = step(form);
  return result.ok ? redirect(result.value ?? `${page}?done=${intent}`) : failure(result.error);
}
