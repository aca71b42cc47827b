import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { redirect, useLoaderData } from '@remix-run/react';
import { InvalidInvitation, InvitationCard, useFormPage } from '../components/auth';
import { getViewer, requireViewer } from '../auth/guards.server';
import { looksLikeMailToken } from '../auth/tokens.server';
import { InviteSignUpSchema } from '../forms/auth';
import { ButtonForm } from '../forms/parse';
import { localeFromRequest } from '../i18n/locale';
import { metaLocale, pageTitle } from '../i18n/meta';
import { requestMeta } from '../services/auth.server';
import { acceptInvitation, acceptInvitationWithNewAccount, invitation, type InvitationView } from '../services/invitations.server';
import { formAction, notFound } from '../server/http.server';

function titleOf(invite: InvitationView, locale: string): [string, Record<string, string>] {
  return invite.kind === 'staff' ? ['invite.staff.title', { site: locale === 'en' ? invite.siteEn : invite.siteZh }] : ['invite.org.title', { org: invite.orgName }];
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data?.invitation ? pageTitle(matches, ...titleOf(data.invitation, metaLocale(matches))) : pageTitle(matches, 'invite.title');

function tokenOf(params: LoaderFunctionArgs['params']): string {
  const token = params.token ?? '';
  if (!looksLikeMailToken(token)) notFound();
  return token;
}

/** An invitation to join a site's staff or an organization: one page for both (D16). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const token = tokenOf(params);
  const viewer = getViewer(request);
  return { invitation: invitation(token, viewer, Date.now()), signedIn: viewer !== null };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const token = tokenOf(params);
  const meta = requestMeta(context);
  const landed = ({ landing, cookie }: { landing: string; cookie: string | null }) => redirect(landing, cookie ? { headers: { 'Set-Cookie': cookie } } : undefined);
  if ((await request.clone().formData()).get('intent') === 'accept') {
    const viewer = requireViewer(request);
    return formAction(request, ButtonForm, () => acceptInvitation(token, viewer, meta), landed);
  }
  return formAction(request, InviteSignUpSchema, (input) => acceptInvitationWithNewAccount(token, input, localeFromRequest(request).locale, meta), landed);
}

export default function Invitation() {
  const { invitation, signedIn } = useLoaderData<typeof loader>();
  const { result, t, locale } = useFormPage();
  if (!invitation) return <InvalidInvitation />;
  const [title, params] = titleOf(invitation, locale);
  return (
    <InvitationCard
      title={t(title, params)}
      invitation={invitation}
      signedIn={signedIn}
      result={result}
      acceptNote={invitation.kind === 'staff' ? t('invite.staff.relogin') : undefined}
      createIntro={t(invitation.kind === 'staff' ? 'invite.staff.create_account' : 'invite.create_account')}
    />
  );
}
