import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, redirect, useLoaderData } from '@remix-run/react';
import * as v from 'valibot';
import { requireStaff } from '../auth/guards.server';
import { Field, formKit, SelectField } from '../components/fields';
import { BackLink } from '../components/page';
import { FormNotice, useActionPage } from '../components/wish-ui';
import { formConstraints } from '../forms/constraints';
import { parseQuery } from '../forms/parse';
import { NewPairingForm } from '../forms/pairing-staff';
import { pageTitle } from '../i18n/meta';
import { failure, formAction } from '../server/http.server';
import { proposePairing } from '../services/pairing-staff.server';
import { newPairingPage } from '../services/pairing-staff-page.server';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'ps.new_title');

const fields = formConstraints(NewPairingForm);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = requireStaff(request, context);
  const { childId } = parseQuery(v.object({ childId: v.fallback(v.optional(v.string()), undefined) }), request);
  const result = newPairingPage(viewer.actor, childId ?? null, Date.now());
  if (!result.ok) throw failure(result.error);
  return result.value;
}

/** Staff propose a pairing: the child, the caring parent, the signed agreement. */
export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = requireStaff(request, context);
  return formAction(
    request,
    NewPairingForm,
    (input) =>
      proposePairing(
        viewer.actor,
        { childId: input.childId, volunteerUserId: input.volunteerUserId, signedOn: input.agreementSignedOn, witness: input.agreementWitness },
        Date.now(),
      ),
    ({ pairingId }) => redirect(`/staff/pairings/${pairingId}?done=propose`),
  );
}

export default function NewPairing() {
  const data = useLoaderData<typeof loader>();
  const { failed, busy, t, locale } = useActionPage();
  const form = formKit(fields, failed);
  return (
    <article>
      <BackLink to="/staff" label={t('ps.back')} />
      <h1>{t('ps.new_title')}</h1>
      <FormNotice failure={failed} />
      <Form method="post" className="stack">
        {data.children.length === 0 ? <p className="meta">{t('ps.no_children')}</p> : null}
        <SelectField
          name="childId"
          label={t('ps.child')}
          hint={t('ps.child_hint')}
          form={form}
          defaultValue={data.childId}
          options={data.children.map((c) => ({
            value: c.id,
            label: t('ps.child_option', { realName: c.realName, alias: c.alias, birthYear: c.birthYear, site: locale === 'en' ? c.siteEn : c.siteZh }),
          }))}
        >
          <option value="">{t('ps.choose_child')}</option>
        </SelectField>
        {data.volunteers.length === 0 ? <p className="meta">{t('ps.no_volunteers')}</p> : null}
        <SelectField
          name="volunteerUserId"
          label={t('ps.volunteer')}
          hint={t('ps.volunteer_hint', { max: data.maxActive })}
          form={form}
          options={data.volunteers.map((vol) => {
            const name = vol.realName ? `${vol.name}(${vol.realName})` : vol.name;
            const why = vol.why ? t(vol.why.key, vol.why.params) : null;
            return { value: vol.userId, label: why ? t('ps.volunteer_unavailable', { name, why }) : t('ps.volunteer_option', { name, n: vol.activePairings, max: data.maxActive }) };
          })}
        >
          <option value="">{t('ps.choose_volunteer')}</option>
        </SelectField>
        <Field name="agreementSignedOn" type="date" label={t('ps.agreement_signed_on')} hint={t('ps.agreement_hint')} form={form} />
        <Field name="agreementWitness" label={t('ps.agreement_witness')} form={form} />
        <div>
          <button type="submit" disabled={busy}>
            {t('ps.action.propose')}
          </button>
        </div>
      </Form>
    </article>
  );
}
