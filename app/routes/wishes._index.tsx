import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import * as v from 'valibot';
import { WishCard } from '../components/cards';
import { KeysetPager } from '../components/pager';
import { SelectField } from '../components/fields';
import { SelectFilter } from '../components/lists';
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
  const url = new URL(request.url);
  const parsed = v.safeParse(WishFilters, Object.fromEntries(url.searchParams));
  const filters = parsed.success ? parsed.output : v.parse(WishFilters, {});
  // The basket's ticks travel in the URL (README D11): every wishId of the query string.
  return publicWishBrowse(viewer?.actor ?? null, filters, url.searchParams.getAll('wishId').slice(0, 100), Date.now());
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

type BrowseData = ReturnType<typeof useLoaderData<typeof loader>>;

/** The filters as query parameters (defaults left out, so the plain /wishes stays the plain list). */
function filterParams(filters: BrowseData['filters'], changes: Record<string, string> = {}) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ county: filters.county, category: filters.category, age: filters.age, show: filters.show, ...changes })) {
    if (value && !(key === 'show' && value === 'open')) params.set(key, value);
  }
  return params;
}

/** The county, category and age selects; `show` rides along hidden (the switch changes it). */
function FilterFields({ data }: { data: BrowseData }) {
  const t = useT();
  const locale = useLocale();
  const { filters, counties, categories, ageBands } = data;
  const countyNames = new Map(
    counties.map((c) => {
      const name = locale === 'en' ? c.nameEn : c.nameZh;
      return [c.code, c.kind === 'city' ? t('wishes.county_city', { name }) : name];
    }),
  );
  return (
    <>
      <SelectFilter label={t('wishes.county')} name="county" value={filters.county} options={[...countyNames.keys()]} optionLabel={(code) => countyNames.get(code) ?? code} />
      <SelectFilter label={t('wishes.category')} name="category" value={filters.category} options={categories} optionLabel={(c) => t(`wish.category.${c}`)} />
      <SelectFilter label={t('wishes.filter.age')} name="age" value={filters.age} options={ageBands} optionLabel={(band) => t('wishes.age', { band })} />
      {filters.show === 'all' ? <input type="hidden" name="show" value="all" /> : null}
    </>
  );
}

/**
 * Open wishes (the default) or every public wish. Links for most people; inside the basket's form, buttons that
 * submit it by GET, so that the ticks travel along (README D11).
 */
function ShowSwitch({ data, inBasket }: { data: BrowseData; inBasket: boolean }) {
  const t = useT();
  const { filters } = data;
  return (
    <nav className="switch" aria-label={t('wishes.show')} data-testid="show-switch">
      {(['open', 'all'] as const).map((value) => {
        const current = filters.show === value;
        const label = t(`wishes.show.${value}`);
        if (inBasket) {
          return (
            <button key={value} type="submit" formMethod="get" formAction="/wishes" name="switch" value={value} className={current ? 'current' : 'secondary'} aria-pressed={current}>
              {label}
            </button>
          );
        }
        return (
          <Link key={value} to={`/wishes?${filterParams(filters, { show: value })}`} className={current ? 'button current' : 'button secondary'} aria-current={current ? 'page' : undefined}>
            {label}
          </Link>
        );
      })}
    </nav>
  );
}

/** The keyset pager (README D19); inside the basket's form its steps are buttons, for the same reason as the switch. */
function WishPager({ data, inBasket }: { data: BrowseData; inBasket: boolean }) {
  const t = useT();
  const { paging, filters } = data;
  return (
    <KeysetPager
      paging={paging}
      href={(cursor) => `/wishes?${filterParams(filters, cursor ? { [cursor.name]: cursor.value } : {})}`}
      label={t('wishes.pages')}
      firstLabel={t('wishes.first_page')}
      formAction={inBasket ? '/wishes' : undefined}
    />
  );
}

export default function Wishes() {
  const data = useLoaderData<typeof loader>();
  const { wishes, basketOrgs, picked, filters } = data;
  const actionData = useActionData<typeof action>();
  const t = useT();
  const navigation = useNavigation();
  const failed = isFailure(actionData) ? actionData : undefined;
  const outcomes = actionData && 'outcomes' in actionData ? actionData.outcomes : [];
  const outcomeOf = (id: string) => outcomes.find((o) => o.wishId === id);
  const claimedCount = outcomes.filter((o) => o.ok).length;
  // Refused wishes the list no longer shows (e.g. "open only" once someone else took them): named above it.
  const missed = outcomes.flatMap((o) => (!o.ok && !wishes.some((w) => w.id === o.wishId) ? [o] : []));
  // The coordinator may have pressed the button at the foot of a long list: bring the outcome into view.
  const summaryRef = useRevealAnswer<HTMLParagraphElement>(outcomes.length ? actionData : null);

  const basket = basketOrgs.length > 0;
  const pickedIds = new Set(picked.map((p) => p.id));
  // Ticked on other pages: listed (and untickable) in the basket's box, and carried on with the form.
  const elsewhere = picked.filter((p) => !wishes.some((w) => w.id === p.id));
  // A new set of ticks (another page, a claim sent) must reset the checkboxes: they are uncontrolled.
  const tickKey = picked.map((p) => p.id).join(',');

  const list = wishes.length ? (
    <ul className="cards">
      {wishes.map((w) => {
        const outcome = outcomeOf(w.id);
        return (
          <WishCard key={w.id} wish={w}>
            {basket && w.claimable ? (
              <label className="checkbox basket-pick">
                <input key={tickKey} type="checkbox" name="wishId" value={w.id} defaultChecked={pickedIds.has(w.id)} />
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

  if (!basket) {
    return (
      <>
        <h1>{t('wishes.title')}</h1>
        <ShowSwitch data={data} inBasket={false} />
        <Form method="get" action="/wishes" className="filters" role="search">
          <FilterFields data={data} />
          <button type="submit" className="secondary">
            {t('common.filter')}
          </button>
        </Form>
        {list}
        <WishPager data={data} inBasket={false} />
      </>
    );
  }

  return (
    <>
      <h1>{t('wishes.title')}</h1>
      {/* One form for the whole page: filtering, the switch and the pager submit it by GET, so the ticks go along. */}
      <Form method="post" className="basket">
        <ShowSwitch data={data} inBasket />
        <div className="filters" role="search">
          <FilterFields data={data} />
          <button type="submit" formMethod="get" formAction="/wishes" className="secondary">
            {t('common.filter')}
          </button>
        </div>
        <div className="notice">
          <p>
            {t('basket.intro')} {t('basket.carry_hint')}
          </p>
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
          {elsewhere.length ? (
            <fieldset className="basket-carried" data-testid="basket-carried">
              <legend>{t('basket.carried', { count: elsewhere.length })}</legend>
              {elsewhere.map((p) => (
                <label key={`${tickKey}|${p.id}`} className="checkbox">
                  <input type="checkbox" name="wishId" value={p.id} defaultChecked />
                  <Link to={`/wishes/${p.id}`}>{p.title}</Link>
                </label>
              ))}
            </fieldset>
          ) : null}
          <div className="filters">
            <SelectField name="orgId" label={t('basket.org')} defaultValue={basketOrgs[0].id} options={basketOrgs.map((o) => ({ value: o.id, label: o.name }))} />
            <button type="submit" name="intent" value="basket" disabled={navigation.state !== 'idle'}>
              {t('basket.submit')}
            </button>
          </div>
        </div>
        {list}
        {/* A coordinator ticks twenty wishes down the page: the button is at hand at both ends. */}
        <p>
          <button type="submit" name="intent" value="basket" disabled={navigation.state !== 'idle'}>
            {t('basket.submit')}
          </button>
        </p>
        <WishPager data={data} inBasket />
      </Form>
    </>
  );
}
