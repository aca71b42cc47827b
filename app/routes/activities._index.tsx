import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useLocale, useT } from '../components/i18n';
import { KeysetPager } from '../components/pager';
import { SlotCard } from '../components/slot-card';
import { ActivityListFilters } from '../forms/activity-list';
import { parseQuery } from '../forms/parse';
import { activityListPage } from '../services/activity-list.server';
import { pageTitle } from '../i18n/meta';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'activities.title');

export async function loader({ request }: LoaderFunctionArgs) {
  return activityListPage(parseQuery(ActivityListFilters, request), Date.now());
}

type ListData = ReturnType<typeof useLoaderData<typeof loader>>;

/** The filters as query parameters (defaults left out, so the plain /activities stays the plain list). */
function filterParams(filters: ListData['filters'], changes: Record<string, string> = {}) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filters, ...changes })) {
    if (value && !(key === 'when' && value === 'upcoming')) params.set(key, value);
  }
  return params;
}

const href = (params: URLSearchParams) => (params.toString() ? `/activities?${params}` : '/activities');

/** Upcoming slots (the default) or those that have taken place: a visible switch, keeping the filters. */
function WhenSwitch({ filters }: { filters: ListData['filters'] }) {
  const t = useT();
  return (
    <nav className="switch" aria-label={t('actlist.when')} data-testid="when-switch">
      {(['upcoming', 'past'] as const).map((when) => {
        const current = filters.when === when;
        // "Places left" means nothing for slots that took place: the switch to the past leaves it behind.
        const to = filterParams({ ...filters, when, places: when === 'past' ? '' : filters.places });
        return (
          <Link key={when} to={href(to)} className={current ? 'button current' : 'button secondary'} aria-current={current ? 'page' : undefined}>
            {t(`actlist.when.${when}`)}
          </Link>
        );
      })}
    </nav>
  );
}

function FilterForm({ data }: { data: ListData }) {
  const t = useT();
  const locale = useLocale();
  const { filters, counties, types } = data;
  return (
    <Form method="get" action="/activities" className="filters" role="search">
      <label>
        {t('actlist.type')}
        <select name="type" defaultValue={filters.type}>
          <option value="">{t('common.all')}</option>
          {types.map((type) => (
            <option key={type} value={type}>
              {t(`activity.type.${type}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('actlist.county')}
        <select name="county" defaultValue={filters.county}>
          <option value="">{t('common.all')}</option>
          {counties.map((c) => {
            const name = locale === 'en' ? c.nameEn : c.nameZh;
            return (
              <option key={c.code} value={c.code}>
                {c.kind === 'city' ? t('wishes.county_city', { name }) : name}
              </option>
            );
          })}
        </select>
      </label>
      <label>
        {t('actlist.from')}
        <input type="date" name="from" defaultValue={filters.from} />
      </label>
      <label>
        {t('actlist.to')}
        <input type="date" name="to" defaultValue={filters.to} />
      </label>
      {filters.when === 'past' ? (
        <input type="hidden" name="when" value="past" />
      ) : (
        <label className="checkbox">
          <input type="checkbox" name="places" value="1" defaultChecked={filters.places === '1'} />
          {t('actlist.places')}
        </label>
      )}
      <button type="submit" className="secondary">
        {t('common.filter')}
      </button>
    </Form>
  );
}

export default function Activities() {
  const data = useLoaderData<typeof loader>();
  const { slots, paging, filters } = data;
  const t = useT();
  return (
    <>
      <h1>{t('activities.title')}</h1>
      <p>{t('actlist.intro')}</p>
      <WhenSwitch filters={filters} />
      {/* A new filter starts from the top: the form carries no cursor. */}
      <FilterForm key={JSON.stringify(filters)} data={data} />
      {slots.length ? (
        <ul className="cards">
          {slots.map((slot) => (
            <SlotCard key={slot.slotId} slot={slot} />
          ))}
        </ul>
      ) : (
        <p>{t(filters.when === 'past' ? 'actlist.empty_past' : 'actlist.empty')}</p>
      )}
      <KeysetPager
        paging={paging}
        href={(cursor) => href(filterParams(filters, cursor ? { [cursor.name]: cursor.value } : {}))}
        label={t('actlist.pages')}
        firstLabel={t('actlist.first_page')}
      />
    </>
  );
}
