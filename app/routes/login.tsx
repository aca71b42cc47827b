import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, redirect, useLoaderData } from '@remix-run/react';
import { AuthCard, Field, FormMessage, Honeypot, useFormPage, SubmitButton } from '../components/auth';
import { DoneNotice } from '../components/wish-ui';
import { readDeviceCookie } from '../auth/device.server';
import { getViewer } from '../auth/guards.server';
import { LoginSchema, safeRedirectPath } from '../forms/auth';
import { parseForm } from '../forms/parse';
import { landingPath, requestMeta, signIn } from '../services/auth.server';
import { localeFromRequest } from '../i18n/locale';
import { failure, keepRetryAfter } from '../server/http.server';
import { pageTitle } from '../i18n/meta';
import { formConstraints } from '../forms/constraints';

const fields = formConstraints(LoginSchema);

/** A 429's Retry-After reaches the browser, for the HTML page and the .data request alike. */
export const headers = keepRetryAfter;

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'auth.login.title');

const NOTICES = ['reset', 'signed_out', 'verified', 'email_changed'] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const redirectTo = safeRedirectPath(url.searchParams.get('redirectTo'), '');
  const viewer = getViewer(request);
  if (viewer) throw redirect(redirectTo || landingPath(viewer.actor));
  const notice = url.searchParams.get('notice');
  return { redirectTo, notice: NOTICES.find((n) => n === notice) ?? null };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const parsed = parseForm(LoginSchema, form);
  if (!parsed.ok) return failure({ kind: 'validation', fields: parsed.fieldErrors });
  // A filled honeypot gets the ordinary wrong-password answer.
  if (parsed.value.website) return failure({ kind: 'validation', fields: {}, message: { key: 'auth.login.failed' } });
  const result = await signIn(parsed.value, requestMeta(context), getViewer(request), localeFromRequest(request).locale, readDeviceCookie(request));
  if (!result.ok) return failure(result.error);
  const target = safeRedirectPath(parsed.value.redirectTo, result.value.landing);
  const headers = new Headers();
  headers.append('Set-Cookie', result.value.cookie);
  headers.append('Set-Cookie', result.value.deviceCookie);
  return redirect(target, { headers });
}

export default function Login() {
  const { redirectTo, notice } = useLoaderData<typeof loader>();
  const { result, t, form } = useFormPage(fields);
  return (
    <AuthCard title={t('auth.login.title')}>
      <DoneNotice done={notice} prefix="auth.login.notice" />
      <FormMessage result={result} />
      <Form method="post" className="stack">
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <Field form={form} name="email" label={t('auth.field.email')} type="email" autoComplete="username" />
        <Field form={form} name="password" label={t('auth.field.password')} type="password" autoComplete="current-password" />
        <Honeypot />
        <SubmitButton>{t('auth.login.submit')}</SubmitButton>
      </Form>
      <p>
        <Link to="/forgot-password">{t('auth.login.forgot')}</Link>
      </p>
      <p>
        {t('auth.login.no_account')} <Link to="/signup">{t('nav.signup')}</Link>
      </p>
    </AuthCard>
  );
}
