import { countWishesByStatus, latestPublicWishes, publicActivity, publicSlotsOf } from '../data/public.server';
import { upcomingSlotsPreview } from './activity-list.server';

export function homePage(now: number) {
  // The figure is the total of /activities as it opens: open slots of approved activities starting after now.
  const upcoming = upcomingSlotsPreview(now, 4);
  return {
    counts: {
      openWishes: countWishesByStatus(['published']),
      upcomingSlots: upcoming.total,
      fulfilledWishes: countWishesByStatus(['fulfilled']),
    },
    latestWishes: latestPublicWishes(6, ['published']),
    upcomingSlots: upcoming.slots,
  };
}

export function publicActivityPage(id: string) {
  const activity = publicActivity(id);
  if (!activity) return null;
  return { activity, slots: publicSlotsOf(id) };
}
