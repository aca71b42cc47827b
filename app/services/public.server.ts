import {
  countUpcomingSlots,
  countWishesByStatus,
  latestPublicWishes,
  publicActivity,
  publicSlotsOf,
  upcomingPublicActivities,
} from '../data/public.server';

export function homePage(now: number) {
  return {
    counts: {
      openWishes: countWishesByStatus(['published']),
      upcomingSlots: countUpcomingSlots(now),
      fulfilledWishes: countWishesByStatus(['fulfilled']),
    },
    latestWishes: latestPublicWishes(6, ['published']),
    upcomingActivities: upcomingPublicActivities(now, 4),
  };
}

export function publicActivityList(now: number) {
  return upcomingPublicActivities(now, 60);
}

export function publicActivityPage(id: string) {
  const activity = publicActivity(id);
  if (!activity) return null;
  return { activity, slots: publicSlotsOf(id) };
}
