import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, redirect, useLoaderData, type ShouldRevalidateFunction } from '@remix-run/react';
import { ReturnedNotice, SendBackForm, WishFields } from '../components/wish-form';
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
  PrivacyNotice,
} from '../components/wish-ui';
import { requireStaff } from '../auth/guards.server';
import { parseForm, doneParam } from '../forms/parse';
import { StaffWishIntent, WISH_CATEGORIES, WishDraftForm, WishReturnForm, type WishReturnInput } from '../forms/wish';
import { formatDateTime } from '../i18n/index';
import { failure } from '../server/http.server';
import type { FormFailure } from '../forms/result';
import { wishForStaff } from '../services/wish-pages.server';
import { updateWish } from '../services/wishes.server';
import { isPublicWishStatus } from '../domain/wish';
import { textTitle } from '../i18n/meta';
import { BackLink } from '../components/page';
import { ItemList } from '../components/lists';

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => textTitle(matches, data?.wish.title, 'staff.wishes.title');

const DONE = ['create', 'save', 'submit', 'publish', 'return_to_draft', 'withdraw'] as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = requireStaff(request);
  const result = wishForStaff(viewer.actor, params.id ?? '');
  if (!result.ok) throw failure(result.error);
  return { ...result.value, done: doneParam(request, DONE) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = requireStaff(request);
  const id = params.id ?? '';
  const form = await request.formData();
  const intent = parseForm(StaffWishIntent, form);
  if (!intent.ok) return failure({ kind: 'validation', fields: intent.fieldErrors });
  let draft;
  if (form.has('title')) {
    const fields = parseForm(WishDraftForm, form);
    if (!fields.ok) return failure({ kind: 'validation', fields: fields.fieldErrors });
    draft = fields.value;
  }
  let input: WishReturnInput = {};
  if (intent.value.intent === 'return_to_draft') {
    const fields = parseForm(WishReturnForm, form);
    if (!fields.ok) return failure({ kind: 'validation', fields: fields.fieldErrors });
    input = fields.value;
  }
  const result = updateWish(viewer.actor, id, intent.value.intent, draft, Date.now(), input);
  if (!result.ok) {
    if (result.error.kind === 'privacy' && result.draftSaved) {
      // The edits were saved before the check refused to submit: say so, and what to fix.
      const body: FormFailure = { ok: false, message: { key: 'privacy.saved_not_submitted' }, findings: result.error.findings };
      return data(body, { status: 400 });
    }
    return failure(result.error);
  }
  return redirect(`/staff/wishes/${id}?done=${intent.value.intent}`);
}

/**
 * Read the page again after every post, refused ones too: a refused submit has still saved the draft
 * (the history and the findings below come from the saved text, not from before the post).
 */
export const shouldRevalidate: ShouldRevalidateFunction = ({ formMethod, defaultShouldRevalidate }) =>
  formMethod?.toUpperCase() === 'POST' ? true : defaultShouldRevalidate;

export default function StaffWish() {
  const { wish, findings, warnings, returned, isAuthor, allowed, liveClaimId, claims, timeline, done } = useLoaderData<typeof loader>();
  const { failed, busy, t, locale } = useActionPage();
  const isPublic = isPublicWishStatus(wish.status);

  return (
    <article>
      <BackLink to="/staff/wishes" label={t('staff.wishes.title')} />
      <h1>
        {wish.title} <WishStatusBadge status={wish.status} />
      </h1>
      <WishChildLine
        wish={wish}
        alias={
          <>
            {t('child.alias')}: <Link to={`/staff/children/${wish.childId}`}>{wish.alias}</Link>
          </>
        }
      >
        <span>{locale === 'en' ? wish.siteEn : wish.siteZh}</span>
        <span>
          {t('wish.author')}: {wish.authorName}
        </span>
      </WishChildLine>
      <WishFactsLine wish={wish}>{isPublic ? <Link to={`/wishes/${wish.id}`}>{t('wish.public_link')}</Link> : null}</WishFactsLine>

      <DoneNotice done={done} prefix="wish.done" />
      <ReturnedNotice returned={returned} />
      <FormNotice failure={failed} showMatches />
      {failed?.findings ? null : <PrivacyNotice findings={findings} tone="error" text={t('privacy.pending')} testId="privacy-warning" />}
      <PrivacyNotice findings={warnings} tone="warn" text={t('privacy.warning')} testId="privacy-reminder" />

      {allowed.edit ? (
        <Form method="post" className="stack">
          <WishFields
            defaults={{ title: wish.title, story: wish.story, category: wish.category, value: String(wish.valueFen / 100), deadline: wish.deadline }}
            failure={failed}
            categories={WISH_CATEGORIES}
            capFen={wish.capFen}
          />
          <div className="actions">
            <button type="submit" name="intent" value="save" className="secondary" disabled={busy}>
              {t('wish.action.save')}
            </button>{' '}
            <button type="submit" name="intent" value="submit" disabled={busy}>
              {t('wish.action.submit')}
            </button>
          </div>
        </Form>
      ) : (
        <WishStory story={wish.story} />
      )}

      {wish.status === 'in_review' ? (
        <section className="card">
          <h2>{t('wish.review.title')}</h2>
          {isAuthor && !allowed.publish ? <p>{t('wish.review.own')}</p> : null}
          <div className="actions">
            {allowed.publish ? <IntentButton intent="publish" label={t('wish.action.publish')} busy={busy} /> : null}{' '}
            {allowed.returnToDraft && isAuthor ? (
              <IntentButton intent="return_to_draft" label={t('wish.action.pull_back')} className="secondary" busy={busy} />
            ) : null}
          </div>
          {allowed.returnToDraft && !isAuthor ? <SendBackForm failure={failed} busy={busy} /> : null}
        </section>
      ) : null}

      <h2>{t('staff.claims.title')}</h2>
      <ItemList items={claims}>
        {(c) => (
          <>
            <Link to={c.url}>
              {c.orgName ? `${c.orgName} · ` : ''}
              {c.claimantName}
            </Link>{' '}
            <ClaimStatusBadge status={c.status} /> <span className="meta">{formatDateTime(c.createdAt, locale)}</span>
          </>
        )}
      </ItemList>

      {allowed.withdraw ? (
        <Form method="post" className="stack withdraw-form">
          <input type="hidden" name="intent" value="withdraw" />
          <p className="meta">{liveClaimId ? t('wish.withdraw.with_claim') : t('wish.withdraw.hint')}</p>
          <div>
            <button type="submit" className="danger" disabled={busy}>
              {t('wish.action.withdraw')}
            </button>
          </div>
        </Form>
      ) : null}

      <h2>{t('timeline.title')}</h2>
      <Timeline events={timeline} kind="wish" returnReasons />
    </article>
  );
}
