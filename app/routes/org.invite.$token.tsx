import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { redirect, useActionData, useLoaderData } from '@remix-run/react';
import { InvalidInvitation, InvitationCard, asFormResult } from '../components/auth';
import { useT } from '../components/i18n';
import { getViewer, requireViewer } from '../auth/guards.server';
import { looksLikeMailToken } from '../auth/tokens.server';
import { InviteSignUpSchema } from '../forms/auth';
import { parseForm } from '../forms/parse';
import { localeFromRequest } from '../i18n/locale';
import { requestMeta } from '../services/auth.server';
import { failure, notFound } from '../server/http.server';
import { acceptOrgInvitation, acceptOrgInvitationWithNewAccount, orgInvitation } from '../services/organizations.server';
import { pageTitle } from '../i18n/meta';

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data?.invitation ? pageTitle(matches, 'invite.org.title', { org: data.invitation.orgName }) : pageTitle(matches, 'invite.title');

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
  const t = useT();
  if (!invitation) return <InvalidInvitation />;
  return (
    <InvitationCard
      title={t('invite.org.title', { org: invitation.orgName })}
      invitation={invitation}
      signedIn={signedIn}
      result={result}
      createIntro={t('invite.create_account')}
    />
  );
}
