import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, redirect, useLoaderData } from '@remix-run/react';
import { Field, FormMessage, useFormPage, SubmitButton } from '../components/auth';
import { requireAdmin } from '../auth/guards.server';
import { SiteEditSchema } from '../forms/admin';
import { parseForm } from '../forms/parse';
import { editSite, sitePage } from '../services/admin.server';
import { requestMeta } from '../services/auth.server';
import { failure } from '../server/http.server';
import { metaLocale, textTitle } from '../i18n/meta';
import { formConstraints } from '../forms/constraints';
import { BackLink } from '../components/page';
import { OkNotice } from '../components/wish-ui';

const fields = formConstraints(SiteEditSchema);

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  textTitle(matches, data && (metaLocale(matches) === 'en' ? data.site.nameEn : data.site.nameZh), 'admin.sites.title');

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const viewer = requireAdmin(request, context);
  const result = sitePage(viewer.actor, params.id ?? '', requestMeta(context));
  if (!result.ok) throw failure(result.error);
  return { ...result.value, saved: new URL(request.url).searchParams.has('saved') };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const viewer = requireAdmin(request, context);
  const parsed = parseForm(SiteEditSchema, await request.formData());
  if (!parsed.ok) return failure({ kind: 'validation', fields: parsed.fieldErrors });
  const result = editSite(viewer.actor, params.id ?? '', parsed.value, requestMeta(context));
  if (!result.ok) return failure(result.error);
  return redirect(`/admin/sites/${result.value.id}?saved=1`);
}

export default function AdminSite() {
  const { site, saved } = useLoaderData<typeof loader>();
  const { result, t, locale, form } = useFormPage(fields);
  const parent = locale === 'en' ? site.parentNameEn : site.parentNameZh;
  return (
    <>
      <BackLink to="/admin/sites" label={t('admin.sites.title')} />
      <h1>{locale === 'en' ? site.nameEn : site.nameZh}</h1>
      <OkNotice text={saved ? t('admin.sites.saved') : null} />
      <p className="meta">
        <span>
          <code>{site.code}</code>
        </span>
        <span>{t(`site.kind.${site.kind}`)}</span>
        {parent ? <span>{t('admin.sites.under', { parent })}</span> : null}
      </p>
      <p className="hint">{t('admin.sites.code_fixed')}</p>
      <FormMessage result={result} />
      <Form method="post" className="stack">
        <Field form={form} name="nameZh" label={t('admin.sites.name_zh')} defaultValue={site.nameZh} />
        <Field form={form} name="nameEn" label={t('admin.sites.name_en')} defaultValue={site.nameEn} />
        <Field form={form} name="address" label={t('admin.sites.address')} defaultValue={site.address} hint={t('admin.sites.address_hint')} />
        <Field form={form} name="handoverNote" label={t('admin.sites.handover_note')} defaultValue={site.handoverNote} multiline />
        <Field form={form} name="wishValueCapFen" label={t('admin.sites.value_cap_yuan')} defaultValue={String(site.wishValueCapFen / 100)} />
        <Field form={form} name="contactName" label={t('admin.sites.contact_name')} defaultValue={site.contactName ?? ''} hint={t('admin.sites.contact_name_hint')} />
        <Field form={form} name="contactPhone" label={t('admin.sites.contact_phone')} defaultValue={site.contactPhone ?? ''} />
        <Field
          form={form}
          name="contactOverdueDays"
          label={t('admin.sites.contact_overdue_days')}
          defaultValue={String(site.contactOverdueDays)}
          hint={t('admin.sites.contact_overdue_days_hint')}
        />
        <SubmitButton>{t('common.save')}</SubmitButton>
      </Form>
    </>
  );
}
