import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, redirect, useActionData, useLoaderData, useLocation, useNavigation } from '@remix-run/react';
import { AuthCard, Field, FormMessage, asFormResult } from '../components/auth';
import { useLocale, useT } from '../components/i18n';
import { getViewer, requireViewer } from '../auth/guards.server';
import { looksLikeMailToken } from '../auth/tokens.server';
import { InviteSignUpSchema } from '../forms/auth';
import { parseForm } from '../forms/parse';
import { localeFromRequest } from '../i18n/locale';
import { acceptStaffInvitation, acceptStaffInvitationWithNewAccount, staffInvitation } from '../services/admin.server';
import { requestMeta } from '../services/auth.server';
import { failure, notFound } from '../services/http.server';

export const meta: MetaFunction = () => [{ title: '工作人员邀请 · 心愿桥' }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const token = params.token ?? '';
  if (!looksLikeMailToken(token)) notFound();
  const viewer = getViewer(request);
  return { invitation: staffInvitation(token, viewer, Date.now()), signedIn: viewer !== null };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const token = params.token ?? '';
  if (!looksLikeMailToken(token)) notFound();
  const meta = requestMeta(context);
  const form = await request.formData();
  if (form.get('intent') === 'accept') {
    const viewer = requireViewer(request);
    const result = acceptStaffInvitation(token, viewer, meta);
    if (!result.ok) return failure(result.error);
    return redirect('/staff', { headers: { 'Set-Cookie': result.value.cookie } });
  }
  const parsed = parseForm(InviteSignUpSchema, form);
  if (!parsed.ok) return failure({ kind: 'validation', fields: parsed.fieldErrors });
  const result = await acceptStaffInvitationWithNewAccount(token, parsed.value, localeFromRequest(request).locale, meta);
  if (!result.ok) return failure(result.error);
  return redirect('/staff', { headers: { 'Set-Cookie': result.value.cookie } });
}

export default function StaffInvitation() {
  const { invitation, signedIn } = useLoaderData<typeof loader>();
  const result = asFormResult(useActionData<typeof action>());
  const busy = useNavigation().state === 'submitting';
  const location = useLocation();
  const t = useT();
  const locale = useLocale();
  if (!invitation) {
    return (
      <AuthCard title={t('invite.title')}>
        <p className="notice notice-error" role="alert">
          {t('invite.invalid')}
        </p>
      </AuthCard>
    );
  }
  return (
    <AuthCard title={t('invite.staff.title', { site: locale === 'en' ? invitation.siteEn : invitation.siteZh })}>
      <p>{t('invite.for', { email: invitation.email })}</p>
      <FormMessage result={result} />
      {invitation.viewerIsInvitee ? (
        <Form method="post">
          <input type="hidden" name="intent" value="accept" />
          <p className="hint">{t('invite.staff.relogin')}</p>
          <button type="submit" disabled={busy}>
            {t('invite.accept')}
          </button>
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
          <p>{t('invite.staff.create_account')}</p>
          <Field name="displayName" label={t('auth.field.display_name')} result={result} autoComplete="name" required maxLength={60} />
          <Field
            name="password"
            label={t('auth.field.password')}
            type="password"
            result={result}
            autoComplete="new-password"
            required
            minLength={8}
            maxLength={128}
            hint={t('auth.field.password_hint')}
          />
          <button type="submit" disabled={busy}>
            {t('invite.create_and_accept')}
          </button>
        </Form>
      )}
    </AuthCard>
  );
}
