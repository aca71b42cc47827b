import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { redirect, useLoaderData } from '@remix-run/react';
import { useFormPage } from '../components/auth';
import { ActionButton, SettingsPage } from '../components/settings';
import { requireViewer } from '../auth/guards.server';
import { ButtonForm } from '../forms/parse';
import { pageTitle } from '../i18n/meta';
import { requestMeta } from '../services/auth.server';
import { mePage } from '../services/profile.server';
import { reapply } from '../services/vetting.server';
import { formAction } from '../server/http.server';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'me.vetting.reapply');

export async function loader({ request }: LoaderFunctionArgs) {
  const { volunteer } = mePage(requireViewer(request), Date.now());
  return { reason: volunteer?.statusReason ?? null };
}

/** A rejected volunteer applies again (D20); the vetting service refuses anyone else. */
export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = requireViewer(request);
  return formAction(request, ButtonForm, () => reapply(viewer.actor, 'volunteer', viewer.user.id, requestMeta(context)), () => redirect('/me?done=reapply'));
}

export default function MeReapply() {
  const { reason } = useLoaderData<typeof loader>();
  const { result, t } = useFormPage();
  return (
    <SettingsPage back="/me" backLabel={t('nav.me')} title={t('me.vetting.reapply')} result={result}>
      {reason ? (
        <p className="notice notice-error">
          {t('me.vetting.reason')}: {reason}
        </p>
      ) : null}
      <ActionButton action="/me/reapply" hint={t('me.vetting.reapply_hint')} label={t('me.vetting.reapply')} />
    </SettingsPage>
  );
}
