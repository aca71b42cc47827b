import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { redirect, useActionData, useLoaderData } from '@remix-run/react';
import { InvalidInvitation, InvitationCard, asFormResult } from '../components/auth';
import { useLocale, useT } from '../components/i18n';
import { getViewer, requireViewer } from '../auth/guards.server';
import { looksLikeMailToken } from '../auth/tokens.server';
import { InviteSignUpSchema } from '../forms/auth';
import { parseForm } from '../forms/parse';
import { localeFromRequest } from '../i18n/locale';
import { acceptStaffInvitation, acceptStaffInvitationWithNewAccount, staffInvitation } from '../services/admin.server';
import { requestMeta } from '../services/auth.server';
import { failure, notFound } from '../server/http.server';
import { metaLocale, pageTitle } from '../i18n/meta';

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data?.invitation
    ? pageTitle(matches, 'invite.staff.title', { site: metaLocale(matches) === 'en' ? data.invitation.siteEn : data.invitation.siteZh })
    : pageTitle(matches, 'invite.title');

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
  const t = useT();
  const locale = useLocale();
  if (!invitation) return <InvalidInvitation />;
  return (
    <InvitationCard
      title={t('invite.staff.title', { site: locale === 'en' ? invitation.siteEn : invitation.siteZh })}
      invitation={invitation}
      signedIn={signedIn}
      result={result}
      acceptNote={t('invite.staff.relogin')}
      createIntro={t('invite.staff.create_account')}
    />
  );
}
