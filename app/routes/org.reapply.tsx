import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { redirect } from '@remix-run/react';
import { useFormPage } from '../components/auth';
import { SettingsPage } from '../components/settings';
import { requireViewer } from '../auth/guards.server';
import { ButtonForm } from '../forms/parse';
import { pageTitle } from '../i18n/meta';
import { requestMeta } from '../services/auth.server';
import { reapply } from '../services/vetting.server';
import { formAction } from '../server/http.server';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'me.vetting.reapply');

/** Nothing to show but the landing page, where the button is. */
export async function loader({ request }: LoaderFunctionArgs) {
  requireViewer(request);
  throw redirect('/org');
}

/** A rejected organization applies again (D20); the vetting service refuses anyone but its managers. */
export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = requireViewer(request);
  const orgId = String((await request.clone().formData()).get('orgId') ?? '');
  return formAction(request, ButtonForm, () => reapply(viewer.actor, 'organization', orgId, requestMeta(context)), () => redirect(`/org?org=${orgId}&done=reapply`));
}

/** Shown only when applying again was refused. */
export default function OrganizationReapply() {
  const { result, t } = useFormPage();
  return <SettingsPage back="/org" backLabel={t('org.title')} title={t('me.vetting.reapply')} result={result}>{null}</SettingsPage>;
}
