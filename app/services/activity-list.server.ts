import { countSlotCards, countUpcomingSlots, listSlotCards, siteTree, type SlotListFilter } from '../data/activity-list.server';
import { publicCounties } from '../data/wishes.server';
import { ACTIVITY_TYPES } from '../domain/activity';
import { DAY_MS, endOfShanghaiDay } from '../domain/calendar';
import { countyShownFor } from '../domain/wish';
import type { ActivityListInput } from '../forms/activity-list';
import { decodeCursor, readKeysetPage } from '../server/paging.server';

// /activities: the public list of activity slots, one card per slot. Reads only; an activity names no child and
// a card carries only activity and slot fields.

/** Each site's public county (README D7: the nearest county, or the city for a site outside every county), by id. */
function countiesOfSites() {
  const sites = siteTree();
  const known = countiesOfTree.get(sites);
  if (known) return known;
  const byId = new Map(sites.map((s) => [s.id, s]));
  const shown = new Map<string, (typeof sites)[number]>();
  for (const site of sites) {
    const chain: (typeof sites)[number][] = [];
    for (let at: (typeof sites)[number] | undefined = site; at && chain.length < 32; at = at.parentId ? byId.get(at.parentId) : undefined) chain.push(at);
    const county = countyShownFor(chain);
    if (county) shown.set(site.id, county);
  }
  countiesOfTree.set(sites, shown);
  return shown;
}

/** The counties worked out from each kept site tree (the data layer keeps one array per version of the sites). */
const countiesOfTree = new WeakMap<object, Map<string, ReturnType<typeof siteTree>[number]>>();

type SlotRow = ReturnType<typeof listSlotCards>[number];

/** The cards of these slots: activity and slot fields, places left, the county shown for the slot's site. */
function toCards(rows: SlotRow[], shown: ReturnType<typeof countiesOfSites>, ended: boolean) {
  return rows.map((r) => {
    const county = shown.get(r.siteId);
    return {
      slotId: r.slotId,
      activityId: r.activityId,
      title: r.title,
      type: r.type,
      contactTier: r.contactTier,
      startsAt: r.startsAt,
      endsAt: r.endsAt,
      placesLeft: Math.max(0, r.capacity - r.taken),
      siteZh: r.siteZh,
      siteEn: r.siteEn,
      countyZh: county?.nameZh ?? '',
      countyEn: county?.nameEn ?? '',
      ended,
    };
  });
}

/** The home page's part: how many upcoming slots the list has (its total) and the first few of them. */
export function upcomingSlotsPreview(now: number, count: number) {
  return {
    total: countUpcomingSlots(now),
    slots: toCards(listSlotCards({ when: 'upcoming', now, placesLeft: false, limit: count }).slice(0, count), countiesOfSites(), false),
  };
}

/**
 * The slots of approved activities, one card each: upcoming ones (soonest first) or, with `when=past`, those that
 * have taken place (latest first, approved and completed activities alike); filtered by type, county (the rule wishes
 * are filed by, README D7), Shanghai date range and free places, a page at a time by keyset (README D19).
 */
export function activityListPage(input: ActivityListInput, now: number) {
  const counties = publicCounties();
  const county = counties.find((c) => c.code === input.county);
  const shown = countiesOfSites();
  const past = input.when === 'past';
  const filter: SlotListFilter = {
    when: input.when,
    now,
    type: input.type || undefined,
    siteIds: county ? [...shown].flatMap(([siteId, c]) => (c.id === county.id ? [siteId] : [])) : undefined,
    fromMs: input.from ? endOfShanghaiDay(input.from) + 1 - DAY_MS : undefined,
    toMs: input.to ? endOfShanghaiDay(input.to) : undefined,
    // A slot that has taken place has no place to take.
    placesLeft: !past && input.places === '1',
  };
  const { rows, paging } = readKeysetPage(
    {
      read: (q) => listSlotCards({ ...filter, ...q }),
      count: (first) => countSlotCards(filter, first),
      cursorOf: (r) => ({ at: r.startsAt, id: r.slotId }),
    },
    {
      before: input.before ? decodeCursor(input.before) : undefined,
      after: input.after ? decodeCursor(input.after) : undefined,
    },
  );
  return {
    slots: toCards(rows, shown, past),
    paging,
    filters: {
      type: input.type,
      county: county?.code ?? '',
      from: input.from,
      to: input.to,
      places: past ? '' : input.places,
      when: input.when,
    },
    counties: counties.map(({ code, kind, nameZh, nameEn }) => ({ code, kind, nameZh, nameEn })),
    types: ACTIVITY_TYPES,
  };
}
