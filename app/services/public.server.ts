import {
  countUpcomingSlots,
  countWishesByStatus,
  latestPublicWishes,
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

export function publicWishList() {
  return latestPublicWishes(60);
}

export function publicActivityList(now: number) {
  return upcomingPublicActivities(now, 60);
}
