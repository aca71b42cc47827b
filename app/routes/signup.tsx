import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, redirect, useLoaderData } from '@remix-run/react';
import { AuthCard, Field, FieldErrors, FormMessage, Honeypot, NewPasswordField, useFormPage, SubmitButton } from '../components/auth';
import { getViewer } from '../auth/guards.server';
import { SignUpSchema } from '../forms/auth';
import { parseForm } from '../forms/parse';
import { localeFromRequest } from '../i18n/locale';
import { signUp } from '../services/accounts.server';
import { landingPath, requestMeta } from '../services/auth.server';
import { failure, keepRetryAfter } from '../server/http.server';
import { pageTitle } from '../i18n/meta';
import { formConstraints } from '../forms/constraints';

const fields = formConstraints(SignUpSchema);

/** A 429's Retry-After reaches the browser, for the HTML page and the .data request alike. */
export const headers = keepRetryAfter;

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'nav.signup');

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = getViewer(request);
  if (viewer) throw redirect(landingPath(viewer.actor));
  return { sent: new URL(request.url).searchParams.get('sent') === '1' };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = parseForm(SignUpSchema, await request.formData());
  if (!parsed.ok) return failure({ kind: 'validation', fields: parsed.fieldErrors });
  const result = await signUp(parsed.value, localeFromRequest(request).locale, requestMeta(context));
  if (!result.ok) return failure(result.error);
  // The same answer for a new address, a taken one and a bot: check your mail.
  return redirect('/signup?sent=1');
}

export default function SignUp() {
  const { sent } = useLoaderData<typeof loader>();
  const { result, t, form } = useFormPage(fields);
  if (sent) {
    return (
      <AuthCard title={t('auth.signup.sent_title')}>
        <p className="notice notice-ok" role="status">
          {t('auth.signup.sent')}
        </p>
        <p className="hint">{t('auth.signup.sent_hint')}</p>
        <p>
          <Link to="/login">{t('nav.login')}</Link>
        </p>
      </AuthCard>
    );
  }
  return (
    <AuthCard title={t('auth.signup.title')}>
      <p>
        {t('auth.signup.intro')} <Link to="/activities">{t('actlist.see_activities')}</Link>
      </p>
      <FormMessage result={result} />
      <Form method="post" className="stack signup-form" noValidate>
        <fieldset className="choice">
          <legend>{t('auth.signup.account_type')}</legend>
          <label className="checkbox">
            <input type="radio" name="accountType" value="volunteer" defaultChecked />
            {t('auth.signup.type.volunteer')}
          </label>
          <label className="checkbox">
            <input type="radio" name="accountType" value="organization" />
            {t('auth.signup.type.organization')}
          </label>
          <FieldErrors result={result} name="accountType" />
        </fieldset>
        <Field form={form} name="displayName" label={t('auth.field.display_name')} autoComplete="name" />
        <Field form={form} name="email" label={t('auth.field.email')} type="email" autoComplete="email" />
        <NewPasswordField result={result} />
        <div className="volunteer-only">
          <label className="checkbox">
            <input type="checkbox" name="caringParent" />
            {t('auth.signup.caring_parent')}
          </label>
          <small className="hint">{t('auth.signup.caring_parent_hint')}</small>
        </div>
        <fieldset className="organization-only">
          <legend>{t('auth.signup.organization')}</legend>
          <Field form={form} name="organizationName" label={t('auth.field.organization_name')} autoComplete="organization" />
          <label htmlFor="organizationKind">
            {t('auth.field.organization_kind')}
            <select id="organizationKind" name="organizationKind" defaultValue="social_org">
              <option value="social_org">{t('org.kind.social_org')}</option>
              <option value="company">{t('org.kind.company')}</option>
            </select>
            <FieldErrors result={result} name="organizationKind" />
          </label>
        </fieldset>
        <Honeypot />
        <p className="hint">{t('auth.signup.privacy')}</p>
        <SubmitButton>{t('auth.signup.submit')}</SubmitButton>
      </Form>
      <p>
        {t('auth.signup.have_account')} <Link to="/login">{t('nav.login')}</Link>
      </p>
    </AuthCard>
  );
}
