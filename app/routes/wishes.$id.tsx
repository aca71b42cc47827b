import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, redirect, useLoaderData } from '@remix-run/react';
import {
  ClaimStatusBadge,
  DoneNotice,
  FormNotice,
  IntentButton,
  Timeline,
  WishChildLine,
  WishFactsLine,
  WishStatusBadge,
  WishStory,
  useActionPage,
} from '../components/wish-ui';
import { getViewer, requireViewer } from '../auth/guards.server';
import { parseForm, doneParam } from '../forms/parse';
import { HelperWishIntent } from '../forms/claim';
import { ClaimDue } from '../components/my-claims';
import { claimWish, helperClaimStep } from '../services/claims.server';
import { failure } from '../server/http.server';
import { publicWishPage } from '../services/wish-pages.server';
import { textTitle } from '../i18n/meta';
import { BackLink } from '../components/page';

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => textTitle(matches, data?.wish.title, 'wishes.title');

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = getViewer(request);
  const result = publicWishPage(viewer?.actor ?? null, params.id ?? '', Date.now());
  if (!result.ok) throw failure(result.error);
  return { ...result.value, done: doneParam(request, ['claim', 'release', 'deliver']) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = requireViewer(request);
  const id = params.id ?? '';
  const parsed = parseForm(HelperWishIntent, await request.formData());
  if (!parsed.ok) return failure({ kind: 'validation', fields: parsed.fieldErrors });
  const { intent, orgId } = parsed.value;
  const now = Date.now();
  const result =
    intent === 'claim' ? claimWish(viewer.actor, id, orgId, now) : helperClaimStep(viewer.actor, id, intent, now);
  if (!result.ok) return failure(result.error);
  return redirect(`/wishes/${id}?done=${intent}`);
}

export default function WishPage() {
  const { wish, open, standing, myClaim, staffUrl, timeline, done } = useLoaderData<typeof loader>();
  const { failed, busy, t, locale } = useActionPage();

  return (
    <article className="wish-page">
      <BackLink to="/wishes" label={t('wishes.title')} />
      <h1>{wish.title}</h1>
      <WishChildLine wish={wish} />
      <WishFactsLine wish={wish}>
        <span data-testid="wish-status">
          <WishStatusBadge status={wish.status} />
        </span>
      </WishFactsLine>
      <WishStory story={wish.story} />

      <DoneNotice done={done} prefix="wish.done" />
      <FormNotice failure={failed} />

      {myClaim ? (
        <section className="card my-claim" aria-labelledby="my-claim-title" data-testid="my-claim">
          <h2 id="my-claim-title">{t('claim.mine.title')}</h2>
          <p>
            <ClaimStatusBadge status={myClaim.status} /> {myClaim.orgName ? t('my_claims.for_org', { org: myClaim.orgName }) : null}
          </p>
          <p>{t(`claim.next.${myClaim.status}`)}</p>
          {myClaim.status === 'pending' || myClaim.status === 'approved' ? (
            <p data-testid="claim-due">
              <ClaimDue status={myClaim.status} dueAt={myClaim.dueAt} />
            </p>
          ) : null}
          {myClaim.reason ? (
            <p>
              {t('claim.reason_label')}: {myClaim.reason}
            </p>
          ) : null}
          {myClaim.thanks ? (
            <p>
              {t('claim.thanks_label')}: {myClaim.thanks}
            </p>
          ) : null}
          {myClaim.handover ? (
            <div className="notice" data-testid="handover">
              <p>
                <strong>{t('claim.handover.where')}</strong> {locale === 'en' ? myClaim.handover.siteEn : myClaim.handover.siteZh}
                {myClaim.handover.address ? <>,{myClaim.handover.address}</> : null}
              </p>
              {myClaim.handover.note ? (
                <p>
                  <strong>{t('claim.handover.note')}</strong> {myClaim.handover.note}
                </p>
              ) : null}
              {myClaim.handover.address ? null : <p data-testid="handover-no-address">{t('claim.handover.no_address')}</p>}
              <p className="meta">{t('claim.handover.never_child')}</p>
            </div>
          ) : null}
          <div className="actions">
            {myClaim.canDeliver ? (
              <IntentButton intent="deliver" label={t('claim.action.deliver')} busy={busy} />
            ) : null}
            {myClaim.canRelease ? (
              <IntentButton intent="release" label={t('claim.action.release')} className="secondary" busy={busy} confirm={t('claim.release_confirm')} />
            ) : null}
          </div>
        </section>
      ) : null}

      {standing?.kind === 'visitor' ? (
        <p className="notice" data-testid="claim-visitor">
          {t('claim.visitor.before')}{' '}
          <Link to={`/login?redirectTo=${encodeURIComponent(`/wishes/${wish.id}`)}`}>{t('nav.login')}</Link> / <Link to="/signup">{t('nav.signup')}</Link>{' '}
          {t('claim.visitor.after')}
        </p>
      ) : null}
      {standing?.kind === 'not_approved' ? (
        <div className="notice" data-testid="claim-not-approved">
          <p>{t('claim.why.title')}</p>
          <ul>
            {standing.reasons.map((key) => (
              <li key={key}>{t(key)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {standing?.kind === 'can_claim' ? (
        <Form method="post" className="stack claim-form">
          <input type="hidden" name="intent" value="claim" />
          {standing.orgs.length > 0 ? (
            <label>
              {t('claim.as')}
              <select name="orgId" defaultValue={standing.personal ? '' : standing.orgs[0].id}>
                {standing.personal ? <option value="">{t('claim.as_myself')}</option> : null}
                {standing.orgs.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          <p className="meta">{t('claim.promise')}</p>
          <div>
            <button type="submit" disabled={busy}>
              {t('claim.action.claim')}
            </button>
          </div>
        </Form>
      ) : null}
      {!open && !myClaim && wish.status !== 'fulfilled' ? <p className="meta">{t(`wish.closed.${wish.status}`)}</p> : null}
      {wish.status === 'fulfilled' ? <p className="notice notice-ok">{t('wish.closed.fulfilled')}</p> : null}

      {staffUrl ? (
        <p>
          <Link to={staffUrl}>{t('wish.staff_link')}</Link>
        </p>
      ) : null}

      <h2>{t('timeline.title')}</h2>
      <Timeline events={timeline} kind="wish" />
    </article>
  );
}
