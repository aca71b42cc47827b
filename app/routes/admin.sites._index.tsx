import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, redirect, useLoaderData } from '@remix-run/react';
import { AdminPageTitle, SiteOptions } from '../components/admin';
import { Field, FieldErrors, FormMessage, useFormPage, SubmitButton } from '../components/auth';
import { DataTable } from '../components/lists';
import { requireAdmin } from '../auth/guards.server';
import { SITE_KINDS, SiteCreateSchema } from '../forms/admin';
import { parseForm } from '../forms/parse';
import { formatMoney } from '../i18n/index';
import { createSite, sitesPage } from '../services/admin.server';
import { requestMeta } from '../services/auth.server';
import { failure } from '../server/http.server';
import { pageTitle } from '../i18n/meta';
import { formConstraints } from '../forms/constraints';

const fields = formConstraints(SiteCreateSchema);

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'admin.sites.title');

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = requireAdmin(request, context);
  const result = sitesPage(viewer.actor, requestMeta(context));
  if (!result.ok) throw failure(result.error);
  return { sites: result.value.sites, created: new URL(request.url).searchParams.get('created') };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = requireAdmin(request, context);
  const parsed = parseForm(SiteCreateSchema, await request.formData());
  if (!parsed.ok) return failure({ kind: 'validation', fields: parsed.fieldErrors });
  const result = createSite(viewer.actor, parsed.value, requestMeta(context));
  if (!result.ok) return failure(result.error);
  return redirect(`/admin/sites?created=${result.value.id}`);
}

export default function AdminSites() {
  const { sites, created } = useLoaderData<typeof loader>();
  const { result, t, locale, form } = useFormPage(fields);
  return (
    <>
      <AdminPageTitle title={t('admin.sites.title')} />
      {created ? (
        <p className="notice notice-ok" role="status">
          {t('admin.sites.created')}
        </p>
      ) : null}
      <DataTable label={t('admin.sites.title')} headers={[t('admin.sites.name'), t('admin.sites.code'), t('admin.sites.kind'), t('admin.sites.value_cap')]}>
        {sites.map((s) => (
          <tr key={s.id}>
            <td className={`cell-wrap site-depth-${Math.min(s.depth, 4)}`}>
              <Link to={`/admin/sites/${s.id}`}>{locale === 'en' ? s.nameEn : s.nameZh}</Link>
            </td>
            <td>
              <code>{s.code}</code>
            </td>
            <td>{t(`site.kind.${s.kind}`)}</td>
            <td>{formatMoney(s.wishValueCapFen)}</td>
          </tr>
        ))}
      </DataTable>

      <h2>{t('admin.sites.new')}</h2>
      <FormMessage result={result} />
      <Form method="post" className="stack">
        <label htmlFor="parentId">
          {t('admin.sites.parent')}
          <select id="parentId" name="parentId" defaultValue={sites[0]?.id ?? ''}>
            <option value="">{t('admin.sites.no_parent')}</option>
            <SiteOptions sites={sites} />
          </select>
          <FieldErrors result={result} name="parentId" />
        </label>
        <label htmlFor="kind">
          {t('admin.sites.kind')}
          <select id="kind" name="kind" defaultValue="county">
            {SITE_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`site.kind.${k}`)}
              </option>
            ))}
          </select>
          <FieldErrors result={result} name="kind" />
        </label>
        <Field form={form} name="code" label={t('admin.sites.code')} hint={t('admin.sites.code_hint')} />
        <Field form={form} name="nameZh" label={t('admin.sites.name_zh')} />
        <Field form={form} name="nameEn" label={t('admin.sites.name_en')} />
        <Field form={form} name="address" label={t('admin.sites.address')} hint={t('admin.sites.address_hint')} />
        <Field form={form} name="handoverNote" label={t('admin.sites.handover_note')} multiline />
        <Field form={form} name="wishValueCapFen" label={t('admin.sites.value_cap_yuan')} defaultValue="300" />
        <SubmitButton>{t('admin.sites.create')}</SubmitButton>
      </Form>
    </>
  );
}
