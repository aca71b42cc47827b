import type { ActionFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link } from '@remix-run/react';
import { AuthCard, Field, FormMessage, Honeypot, useFormPage, SubmitButton } from '../components/auth';
import { EmailOnlySchema } from '../forms/auth';
import { parseForm } from '../forms/parse';
import { requestPasswordReset } from '../services/accounts.server';
import { requestMeta } from '../services/auth.server';
import { failure, keepRetryAfter } from '../server/http.server';
import { pageTitle } from '../i18n/meta';
import { formConstraints } from '../forms/constraints';

const fields = formConstraints(EmailOnlySchema);

/** A 429's Retry-After reaches the browser, for the HTML page and the .data request alike. */
export const headers = keepRetryAfter;

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'auth.forgot.title');

const SENT = { ok: true as const, message: { key: 'auth.forgot.sent' } };

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = parseForm(EmailOnlySchema, await request.formData());
  if (!parsed.ok) return failure({ kind: 'validation', fields: parsed.fieldErrors });
  if (parsed.value.website) return SENT;
  const result = requestPasswordReset(parsed.value.email, requestMeta(context));
  if (!result.ok) return failure(result.error);
  // The same words whether or not the address has an account.
  return SENT;
}

export default function ForgotPassword() {
  const { result, t, form } = useFormPage(fields);
  return (
    <AuthCard title={t('auth.forgot.title')}>
      <FormMessage result={result} />
      {result?.ok ? null : (
        <Form method="post" className="stack">
          <p>{t('auth.forgot.intro')}</p>
          <Field form={form} name="email" label={t('auth.field.email')} type="email" autoComplete="email" />
          <Honeypot />
          <SubmitButton>{t('auth.forgot.submit')}</SubmitButton>
        </Form>
      )}
      <p>
        <Link to="/login">{t('nav.login')}</Link>
      </p>
    </AuthCard>
  );
}
