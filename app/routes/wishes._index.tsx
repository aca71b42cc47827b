import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import * as v from 'valibot';
import { WishCard } from '../components/cards';
import { useLocale, useT } from '../components/i18n';
import { FormNotice, isFailure } from '../components/wish-ui';
import { useRevealAnswer } from '../components/reveal';
import { getViewer, requireViewer } from '../auth/guards.server';
import { BASKET_MAX, BasketForm } from '../forms/claim';
import { parseForm } from '../forms/parse';
import { WishFilters } from '../forms/wish';
import { claimBasket } from '../services/claims.server';
import { failure } from '../server/http.server';
import { publicWishBrowse } from '../services/wish-pages.server';
import { pageTitle } from '../i18n/meta';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'wishes.title');

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = getViewer(request);
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = v.safeParse(WishFilters, query);
  const filters = parsed.success ? parsed.output : v.parse(WishFilters, {});
  return publicWishBrowse(viewer?.actor ?? null, filters, Date.now());
}

/** The organization's wish basket: several open wishes claimed in one action, each result shown next to its wish. */
export async function action({ request }: ActionFunctionArgs) {
  const viewer = requireViewer(request);
  const parsed = parseForm(BasketForm, await request.formData());
  if (!parsed.ok) {
    // Say what is wrong with the basket itself, not just "check the form".
    const picked = parsed.fieldErrors.wishId?.[0];
    const message =
      picked === 'form.too_many' ? { key: 'basket.too_many', params: { max: BASKET_MAX } } : picked ? { key: 'basket.none_picked' } : undefined;
    return failure({ kind: 'validation', fields: parsed.fieldErrors, message });
  }
  const outcomes = claimBasket(viewer.actor, parsed.value.orgId, parsed.value.wishId, Date.now());
  return {
    ok: true as const,
    outcomes: outcomes.map((o) =>
      o.ok
        ? { wishId: o.wishId, title: o.title, ok: true as const, claimId: o.claimId }
        : { wishId: o.wishId, title: o.title, ok: false as const, message: messageKey(o.error) },
    ),
  };
}

/** What to say next to a wish of the basket that was not claimed. */
function messageKey(error: { kind: string; message?: { key: string } }): string {
  if (error.kind === 'not_found') return 'claim.error.not_open';
  if (error.kind === 'forbidden') return error.message?.key ?? 'claim.error.not_approved';
  return error.message?.key ?? 'error.conflict';
}

export default function Wishes() {
  const { wishes, nextCursor, filters, counties, categories, ageBands, basketOrgs } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const navigation = useNavigation();
  const failed = isFailure(actionData) ? actionData : undefined;
  const outcomes = actionData && 'outcomes' in actionData ? actionData.outcomes : [];
  const outcomeOf = (id: string) => outcomes.find((o) => o.wishId === id);
  const claimedCount = outcomes.filter((o) => o.ok).length;
  // Refused wishes the list no longer shows (e.g. "open only" once someone else took them): named above it.
  const missed = outcomes.flatMap((o) => (!o.ok && !wishes.some((w) => w.id === o.wishId) ? [o] : []));
  // The coordinator may have pressed the button at the foot of a long list: bring the outcome into view.
  const summaryRef = useRevealAnswer<HTMLParagraphElement>(outcomes.length ? actionData : null);

  const nextParams = new URLSearchParams();
  for (const [key, value] of Object.entries({ county: filters.county, category: filters.category, age: filters.age, open: filters.open })) {
    if (value) nextParams.set(key, value);
  }
  const firstPage = `?${nextParams}`;
  if (nextCursor) nextParams.set('after', nextCursor);
  const basket = basketOrgs.length > 0;

  const list = wishes.length ? (
    <ul className="cards">
      {wishes.map((w) => {
        const outcome = outcomeOf(w.id);
        return (
          <WishCard key={w.id} wish={w}>
            {basket && w.claimable ? (
              <label className="checkbox basket-pick">
                <input type="checkbox" name="wishId" value={w.id} />
                {t('basket.pick')}
              </label>
            ) : null}
            {outcome ? (
              <p className={outcome.ok ? 'notice notice-ok' : 'notice notice-error'} data-testid="basket-outcome">
                {outcome.ok ? t('basket.claimed') : t(outcome.message)}
              </p>
            ) : null}
          </WishCard>
        );
      })}
    </ul>
  ) : (
    <p>{t('wishes.empty')}</p>
  );

  return (
    <>
      <h1>{t('wishes.title')}</h1>
      <Form method="get" className="filters" role="search">
        <label>
          {t('wishes.county')}
          <select name="county" defaultValue={filters.county}>
            <option value="">{t('common.all')}</option>
            {counties.map((c) => (
              <option key={c.code} value={c.code}>
                {locale === 'en' ? c.nameEn : c.nameZh}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('wishes.category')}
          <select name="category" defaultValue={filters.category}>
            <option value="">{t('common.all')}</option>
            {categories.map((c) => (
              <option key={c} value={c}>
                {t(`wish.category.${c}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('wishes.filter.age')}
          <select name="age" defaultValue={filters.age}>
            <option value="">{t('common.all')}</option>
            {ageBands.map((band) => (
              <option key={band} value={band}>
                {t('wishes.age', { band })}
              </option>
            ))}
          </select>
        </label>
        <label className="checkbox">
          <input type="checkbox" name="open" value="1" defaultChecked={filters.open === '1'} />
          {t('wishes.filter.open')}
        </label>
        <button type="submit" className="secondary">
          {t('common.filter')}
        </button>
      </Form>

      {basket ? (
        <Form method="post" className="basket">
          <input type="hidden" name="intent" value="basket" />
          <div className="notice">
            <p>{t('basket.intro')}</p>
            <FormNotice failure={failed} />
            {outcomes.length ? (
              <p role="status" ref={summaryRef} tabIndex={-1} data-testid="basket-summary">
                {t('basket.summary', { ok: claimedCount, total: outcomes.length })}{' '}
                {claimedCount ? <Link to="/org">{t('basket.see_claims')}</Link> : null}
              </p>
            ) : null}
            {/* A wish that left the list shown (e.g. "open only" after someone else took it) is still named, with why. */}
            {missed.length ? (
              <ul className="basket-missed" data-testid="basket-missed">
                {missed.map((o) => (
                  <li key={o.wishId}>
                    {o.title ? <Link to={`/wishes/${o.wishId}`}>{o.title}</Link> : t('basket.unknown_wish')}: {t(o.message)}
                  </li>
                ))}
              </ul>
            ) : null}
            <div className="filters">
              <label>
                {t('basket.org')}
                <select name="orgId" defaultValue={basketOrgs[0].id}>
                  {basketOrgs.map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.name}
                    </option>
                  ))}
                </select>
              </label>
              <button type="submit" disabled={navigation.state !== 'idle'}>
                {t('basket.submit')}
              </button>
            </div>
          </div>
          {list}
          {/* A coordinator ticks twenty wishes down the page: the button is at hand at both ends. */}
          <p>
            <button type="submit" disabled={navigation.state !== 'idle'}>
              {t('basket.submit')}
            </button>
          </p>
        </Form>
      ) : (
        list
      )}

      <nav className="pager" aria-label={t('wishes.pages')}>
        {filters.after ? (
          <Link to={firstPage} className="button secondary">
            {t('wishes.first_page')}
          </Link>
        ) : null}{' '}
        {nextCursor ? (
          <Link to={`?${nextParams}`} className="button secondary" rel="next">
            {t('common.next_page')}
          </Link>
        ) : null}
      </nav>
    </>
  );
}
