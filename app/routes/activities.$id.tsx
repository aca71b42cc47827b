import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, redirect, useActionData, useLoaderData, useLocation, useNavigation } from '@remix-run/react';
import { useLocale, useT } from '../components/i18n';
import { SlotSignupControls } from '../components/slot-signup';
import type { ColleagueResult } from '../views/signups';
import { DoneNotice, FormNotice, isFailure } from '../components/wish-ui';
import { getViewer, requireViewer } from '../auth/guards.server';
import { doneParam, parseForm } from '../forms/parse';
import { SlotIntent } from '../forms/slot-signup';
import { formatTimeRange } from '../i18n/index';
import { textTitle } from '../i18n/meta';
import { failure } from '../server/http.server';
import { activityPage } from '../services/activity-page.server';
import { answerMyOffer, cancelMySignup, signUp, signUpColleagues } from '../services/signups.server';

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => textTitle(matches, data?.activity.title, 'activities.title');

const DONE = ['signup', 'cancel', 'accept_offer', 'decline_offer'] as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = getViewer(request);
  const page = activityPage(viewer?.actor ?? null, params.id ?? '', Date.now());
  if (!page.ok) throw failure(page.error);
  return { ...page.value, done: doneParam(request, DONE) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = requireViewer(request);
  const id = params.id ?? '';
  const parsed = parseForm(SlotIntent, await request.formData());
  if (!parsed.ok) return failure({ kind: 'validation', fields: parsed.fieldErrors });
  const input = parsed.value;
  const now = Date.now();
  // The slot must belong to this activity: the page's own slots are the only ones it acts on.
  const page = activityPage(viewer.actor, id, now);
  if (!page.ok) return failure(page.error);
  if (!page.value.slots.some((s) => s.id === input.slotId)) return failure({ kind: 'not_found' });
  if (input.intent === 'signup_colleagues') {
    const result = signUpColleagues(viewer.actor, input.orgId, input.slotId, input.userId, now);
    if (!result.ok) return failure(result.error);
    const colleagues: ColleagueResult[] = result.value.map((o) => ({
      name: o.name ?? o.userId,
      ok: o.ok,
      status: o.ok ? o.value.status : null,
      message: o.ok ? null : o.error.kind === 'conflict' || o.error.kind === 'forbidden' ? (o.error.message ?? { key: 'error.forbidden' }) : { key: 'error.conflict' },
    }));
    return { ok: true as const, colleagues };
  }
  const result =
    input.intent === 'signup'
      ? signUp(viewer.actor, input.slotId, now)
      : input.intent === 'cancel'
        ? cancelMySignup(viewer.actor, input.slotId, now)
        : answerMyOffer(viewer.actor, input.slotId, input.intent, now);
  if (!result.ok) return failure(result.error);
  return redirect(`/activities/${id}?done=${input.intent}#slot-${input.slotId}`);
}

export default function ActivityPage() {
  const { activity, contact, slots, colleagues, signedIn, done } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const failed = isFailure(actionData) ? actionData : undefined;
  const colleagueResults = actionData && 'colleagues' in actionData ? actionData.colleagues : null;
  const busy = useNavigation().state !== 'idle';
  const location = useLocation();
  const t = useT();
  const locale = useLocale();
  const loginTo = `/login?redirectTo=${encodeURIComponent(location.pathname)}`;
  const openSlots = slots.filter((s) => s.status === 'open' && s.refusal !== 'signup.error.started');
  return (
    <>
      <p>
        <Link to="/activities">← {t('activities.title')}</Link>
      </p>
      <h1>{activity.title}</h1>
      <p className="meta">
        <span className="badge">{t(`activity.type.${activity.type}`)}</span>
        <span>{locale === 'en' ? activity.siteEn : activity.siteZh}</span>
        {activity.orgName ? <span>{activity.orgName}</span> : null}
        <span className="badge" data-testid="contact-tier">
          {t(`signups.tier.${activity.contactTier}`)}
        </span>
        {/* "Approved" is staff's word: the public only needs to know when an activity is over or off. */}
        {activity.status === 'approved' ? null : <span className="badge">{t(`activity.status.${activity.status}`)}</span>}
      </p>
      <p>{activity.description}</p>
      <p className="meta">{t(`signups.tier_hint.${activity.contactTier}`)}</p>
      {contact ? (
        <p className="notice" data-testid="organizer-contact">
          <strong>{t('signups.contact')}</strong> {contact}
        </p>
      ) : null}

      <DoneNotice done={done} prefix="signups.done" />
      <FormNotice failure={failed} />
      {colleagueResults ? (
        <div className="notice" role="status" data-testid="colleague-results">
          <ul>
            {colleagueResults.map((r, i) => (
              <li key={i}>
                {r.name}: {r.ok ? t(`signup.status.${r.status}`) : t(r.message!.key, r.message!.params)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      <h2>{t('activities.slots')}</h2>
      {slots.length ? (
        <ul className="cards">
          {slots.map((slot) => (
            <li key={slot.id} className="card" id={`slot-${slot.id}`} data-testid="slot">
              <h3>{formatTimeRange(slot.startsAt, slot.endsAt, locale)}</h3>
              <p className="meta">
                <span>
                  {locale === 'en' ? slot.siteEn : slot.siteZh}
                  {slot.place ? ` · ${slot.place}` : ''}
                </span>
                {slot.status === 'closed' ? (
                  <span className="badge">{t('activities.slot_closed')}</span>
                ) : slot.status === 'cancelled' ? (
                  <span className="badge badge-bad">{t('signups.slot_cancelled')}</span>
                ) : slot.placesLeft > 0 ? (
                  <span className="badge badge-ok">{t('activities.places_left', { n: slot.placesLeft })}</span>
                ) : (
                  <span className="badge badge-warn">{t('activities.full')}</span>
                )}
              </p>
              <SlotSignupControls slot={slot} signedIn={signedIn} loginTo={loginTo} busy={busy} />
              {slot.status === 'open' ? (
                <p className="meta">
                  {/* A resource route: a plain link, so the browser downloads the file. */}
                  <a href={`/activities/${activity.id}/slots/${slot.id}.ics`} download>
                    {t('signups.add_to_calendar')}
                  </a>
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('common.none')}</p>
      )}

      {colleagues.length && openSlots.length ? (
        <section className="card" aria-labelledby="colleagues-heading">
          <h2 id="colleagues-heading">{t('signups.colleagues.title')}</h2>
          <p className="meta">{t('signups.colleagues.intro')}</p>
          {colleagues.map((org) => (
            <Form method="post" key={org.orgId} className="stack">
              <input type="hidden" name="intent" value="signup_colleagues" />
              <input type="hidden" name="orgId" value={org.orgId} />
              <fieldset>
                <legend>{t('signups.colleagues.for_org', { org: org.orgName })}</legend>
                <label>
                  {t('signups.colleagues.slot')}
                  <select name="slotId" required>
                    {openSlots.map((s) => (
                      <option key={s.id} value={s.id}>
                        {formatTimeRange(s.startsAt, s.endsAt, locale)}
                      </option>
                    ))}
                  </select>
                </label>
                {org.members.map((m) => (
                  <label key={m.userId} className="check">
                    <input type="checkbox" name="userId" value={m.userId} /> {m.name}
                    {m.onSlots.length ? <span className="meta"> ({t('signups.colleagues.already', { n: m.onSlots.length })})</span> : null}
                  </label>
                ))}
              </fieldset>
              <button type="submit" disabled={busy}>
                {t('signups.colleagues.submit')}
              </button>
            </Form>
          ))}
        </section>
      ) : null}
    </>
  );
}
