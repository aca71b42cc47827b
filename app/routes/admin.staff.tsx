import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, redirect, useLoaderData } from '@remix-run/react';
import { AdminPageTitle, SiteOptions } from '../components/admin';
import { Field, FieldErrors, FormMessage, useFormPage, SubmitButton } from '../components/auth';
import { DoneNotice } from '../components/wish-ui';
import { DataTable } from '../components/lists';
import { requireAdmin } from '../auth/guards.server';
import { StaffChangeSchema, StaffInviteSchema } from '../forms/admin';
import { parseForm, doneParam } from '../forms/parse';
import { formatDate } from '../i18n/index';
import { localeFromRequest } from '../i18n/locale';
import { changeStaff, staffPage } from '../services/admin.server';
import { inviteStaff } from '../services/invitations.server';
import { requestMeta } from '../services/auth.server';
import { failure, keepRetryAfter } from '../server/http.server';
import { pageTitle } from '../i18n/meta';
import { formConstraints } from '../forms/constraints';

const fields = formConstraints(StaffInviteSchema);

/** A 429's Retry-After reaches the browser, for the HTML page and the .data request alike. */
export const headers = keepRetryAfter;

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'admin.staff.title');

const DONE = ['invite', 'move', 'remove'] as const;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = requireAdmin(request, context);
  const result = staffPage(viewer.actor, requestMeta(context));
  if (!result.ok) throw failure(result.error);
  return { ...result.value, done: doneParam(request, DONE) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = requireAdmin(request, context);
  const meta = requestMeta(context);
  const form = await request.formData();
  if (form.get('intent') === 'invite') {
    const parsed = parseForm(StaffInviteSchema, form);
    if (!parsed.ok) return failure({ kind: 'validation', fields: parsed.fieldErrors });
    const result = inviteStaff(viewer.actor, parsed.value, localeFromRequest(request).locale, meta);
    if (!result.ok) return failure(result.error);
    return redirect('/admin/staff?done=invite');
  }
  const parsed = parseForm(StaffChangeSchema, form);
  if (!parsed.ok) return failure({ kind: 'validation', fields: parsed.fieldErrors });
  const result = changeStaff(viewer.actor, parsed.value, meta);
  if (!result.ok) return failure(result.error);
  return redirect(`/admin/staff?done=${parsed.value.intent}`);
}

export default function AdminStaff() {
  const { staff, invitations, sites, done } = useLoaderData<typeof loader>();
  const { result, t, locale, form } = useFormPage(fields);
  return (
    <>
      <AdminPageTitle title={t('admin.staff.title')} />
      <DoneNotice done={done} prefix="admin.staff.done" />
      <FormMessage result={result} />
      <DataTable label={t('admin.staff.title')} headers={[t('auth.field.display_name'), t('auth.field.email'), t('admin.staff.site'), t('common.actions')]}>
        {staff.map((s) => (
          <tr key={s.id}>
            <td>
              {s.displayName} {s.isAdmin ? <span className="badge">{t('admin.staff.admin')}</span> : null}
            </td>
            <td>{s.email}</td>
            <td className="cell-wrap">{s.staffSiteId ? (locale === 'en' ? s.siteNameEn : s.siteNameZh) : '—'}</td>
            <td className="cell-wrap">
              {s.staffSiteId ? (
                <details>
                  <summary>{t('admin.staff.change')}</summary>
                  <Form method="post" className="stack">
                    <input type="hidden" name="intent" value="move" />
                    <input type="hidden" name="userId" value={s.id} />
                    <label>
                      {t('admin.staff.move_to')}
                      <select name="siteId" defaultValue={s.staffSiteId}>
                        <SiteOptions sites={sites} />
                      </select>
                    </label>
                    <SubmitButton className="secondary">{t('admin.staff.move')}</SubmitButton>
                  </Form>
                  <Form method="post">
                    <input type="hidden" name="intent" value="remove" />
                    <input type="hidden" name="userId" value={s.id} />
                    <SubmitButton className="danger">{t('admin.staff.remove')}</SubmitButton>
                  </Form>
                </details>
              ) : null}
            </td>
          </tr>
        ))}
      </DataTable>

      <h2>{t('admin.staff.invite')}</h2>
      {invitations.length ? (
        <p className="meta">{t('admin.staff.open_invitations')}</p>
      ) : null}
      {invitations.length ? (
        <ul className="plain">
          {invitations.map((i) => (
            <li key={i.id} className="meta">
              {i.email} · {locale === 'en' ? i.siteEn : i.siteZh} · {t('admin.staff.invite_until', { date: formatDate(i.expiresAt, locale) })}
            </li>
          ))}
        </ul>
      ) : null}
      {/* Keyed by the notice, so the address typed is cleared once the invitation is sent. */}
      <Form method="post" className="stack" key={done ?? 'invite'}>
        <input type="hidden" name="intent" value="invite" />
        <Field form={form} name="email" label={t('auth.field.email')} type="email" />
        <label htmlFor="siteId">
          {t('admin.staff.site')}
          <select id="siteId" name="siteId" required defaultValue="">
            <option value="" disabled>
              {t('admin.staff.choose_site')}
            </option>
            <SiteOptions sites={sites} />
          </select>
          <FieldErrors result={result} name="siteId" />
        </label>
        <p className="hint">{t('admin.staff.invite_hint')}</p>
        <SubmitButton>{t('admin.staff.send_invite')}</SubmitButton>
      </Form>
    </>
  );
}
