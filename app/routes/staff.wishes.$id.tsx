import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, redirect, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useLocale, useT } from '../components/i18n';
import { WishFields } from '../components/wish-form';
import { ClaimStatusBadge, DoneNotice, FormNotice, PrivacyFindings, Timeline, WishStatusBadge, isFailure } from '../components/wish-ui';
import { requireStaff } from '../auth/guards.server';
import { parseForm } from '../forms/parse';
import { StaffWishIntent, WISH_CATEGORIES, WishDraftForm } from '../forms/wish';
import { formatDate, formatDateTime, formatMoney } from '../i18n/index';
import { failure } from '../services/http.server';
import { updateWish, wishForStaff } from '../services/wishes.server';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.wish.title} · 心愿管理` : '心愿管理 · 心愿桥' }];

const DONE = ['create', 'save', 'submit', 'publish', 'return_to_draft', 'withdraw'];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = requireStaff(request);
  const result = wishForStaff(viewer.actor, params.id ?? '');
  if (!result.ok) throw failure(result.error);
  const done = new URL(request.url).searchParams.get('done');
  return { ...result.value, done: done && DONE.includes(done) ? done : null };
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
  const result = updateWish(viewer.actor, id, intent.value.intent, draft, Date.now());
  if (!result.ok) return failure(result.error);
  return redirect(`/staff/wishes/${id}?done=${intent.value.intent}`);
}

export default function StaffWish() {
  const { wish, findings, isAuthor, allowed, liveClaimId, claims, timeline, done } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const failed = isFailure(actionData) ? actionData : undefined;
  const busy = useNavigation().state !== 'idle';
  const t = useT();
  const locale = useLocale();
  const isPublic = ['published', 'claimed', 'delivered', 'fulfilled'].includes(wish.status);

  return (
    <article>
      <p>
        <Link to="/staff/wishes">← {t('staff.wishes.title')}</Link>
      </p>
      <h1>
        {wish.title} <WishStatusBadge status={wish.status} />
      </h1>
      <p className="meta">
        <span>
          {t('child.alias')}: <Link to={`/staff/children/${wish.childId}`}>{wish.alias}</Link>
        </span>
        <span>{t('wishes.age', { band: wish.ageBand })}</span>
        <span>{locale === 'en' ? wish.countyEn : wish.countyZh}</span>
        <span>{locale === 'en' ? wish.siteEn : wish.siteZh}</span>
        <span>
          {t('wish.author')}: {wish.authorName}
        </span>
      </p>
      <p className="meta">
        <span className="badge">{t(`wish.category.${wish.category}`)}</span>
        <span>
          {t('wishes.value')} {formatMoney(wish.valueFen)}
        </span>
        {wish.deadlineAt ? (
          <span>
            {t('wishes.deadline')} {formatDate(wish.deadlineAt, locale)}
          </span>
        ) : null}
        {isPublic ? <Link to={`/wishes/${wish.id}`}>{t('wish.public_link')}</Link> : null}
      </p>

      <DoneNotice done={done} prefix="wish.done" />
      <FormNotice failure={failed} showMatches />
      {findings.length && !failed?.findings ? (
        <div className="notice notice-error" data-testid="privacy-warning">
          <p>{t('privacy.pending')}</p>
          <PrivacyFindings findings={findings} showMatches />
        </div>
      ) : null}

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
        <div className="hero wish-story">
          <p>{wish.story}</p>
        </div>
      )}

      {wish.status === 'in_review' ? (
        <section className="card">
          <h2>{t('wish.review.title')}</h2>
          {isAuthor && !allowed.publish ? <p>{t('wish.review.own')}</p> : null}
          <div className="actions">
            {allowed.publish ? (
              <Form method="post" className="inline-form">
                <input type="hidden" name="intent" value="publish" />
                <button type="submit" disabled={busy}>
                  {t('wish.action.publish')}
                </button>
              </Form>
            ) : null}{' '}
            {allowed.returnToDraft ? (
              <Form method="post" className="inline-form">
                <input type="hidden" name="intent" value="return_to_draft" />
                <button type="submit" className="secondary" disabled={busy}>
                  {t('wish.action.return_to_draft')}
                </button>
              </Form>
            ) : null}
          </div>
        </section>
      ) : null}

      <h2>{t('staff.claims.title')}</h2>
      {claims.length === 0 ? (
        <p>{t('common.none')}</p>
      ) : (
        <ul className="queue-list">
          {claims.map((c) => (
            <li key={c.id}>
              <Link to={c.url}>
                {c.orgName ? `${c.orgName} · ` : ''}
                {c.claimantName}
              </Link>{' '}
              <ClaimStatusBadge status={c.status} /> <span className="meta">{formatDateTime(c.createdAt, locale)}</span>
            </li>
          ))}
        </ul>
      )}

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
      <Timeline events={timeline} kind="wish" />
    </article>
  );
}
