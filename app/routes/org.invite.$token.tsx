import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, redirect, useActionData, useLoaderData, useLocation, useNavigation } from '@remix-run/react';
import { AuthCard, Field, FormMessage, asFormResult } from '../components/auth';
import { useT } from '../components/i18n';
import { getViewer, requireViewer } from '../auth/guards.server';
import { looksLikeMailToken } from '../auth/tokens.server';
import { InviteSignUpSchema } from '../forms/auth';
import { parseForm } from '../forms/parse';
import { localeFromRequest } from '../i18n/locale';
import { requestMeta } from '../services/auth.server';
import { failure, notFound } from '../services/http.server';
import { acceptOrgInvitation, acceptOrgInvitationWithNewAccount, orgInvitation } from '../services/organizations.server';

export const meta: MetaFunction = () => [{ title: '加入机构 · 心愿桥' }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const token = params.token ?? '';
  if (!looksLikeMailToken(token)) notFound();
  return { invitation: orgInvitation(token, getViewer(request), Date.now()), signedIn: getViewer(request) !== null };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const token = params.token ?? '';
  if (!looksLikeMailToken(token)) notFound();
  const meta = requestMeta(context);
  const form = await request.formData();
  if (form.get('intent') === 'accept') {
    const viewer = requireViewer(request);
    const result = acceptOrgInvitation(token, viewer, meta);
    if (!result.ok) return failure(result.error);
    return redirect(`/org?org=${result.value.orgId}&welcome=1`);
  }
  const parsed = parseForm(InviteSignUpSchema, form);
  if (!parsed.ok) return failure({ kind: 'validation', fields: parsed.fieldErrors });
  const result = await acceptOrgInvitationWithNewAccount(token, parsed.value, localeFromRequest(request).locale, meta);
  if (!result.ok) return failure(result.error);
  return redirect(`/org?org=${result.value.orgId}&welcome=1`, { headers: { 'Set-Cookie': result.value.cookie } });
}

export default function OrgInvitation() {
  const { invitation, signedIn } = useLoaderData<typeof loader>();
  const result = asFormResult(useActionData<typeof action>());
  const busy = useNavigation().state === 'submitting';
  const location = useLocation();
  const t = useT();
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
    <AuthCard title={t('invite.org.title', { org: invitation.orgName })}>
      <p>{t('invite.for', { email: invitation.email })}</p>
      <FormMessage result={result} />
      {invitation.viewerIsInvitee ? (
        <Form method="post">
          <input type="hidden" name="intent" value="accept" />
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
          <p>{t('invite.create_account')}</p>
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
