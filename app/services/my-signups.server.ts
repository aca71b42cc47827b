import { attendedOf, signupsOfUser, waitingQueueNos } from '../data/signups.server';
import type { Actor } from '../domain/actor';
import { shanghaiDate } from '../domain/calendar';
import { waitingPosition } from '../domain/signup';
import type { MyActivities, MySignup } from '../views/signups';
import { feedUrlOf } from './calendar-feeds.server';

// The activity section of /me: places coming up, waiting-list positions, offers to answer, the service
// credited by attendance records (only those: a sign-up alone credits nothing) with hours per year,
// and the personal calendar feed.

export function myActivities(actor: Actor, now: number): MyActivities {
  const rows = signupsOfUser(actor.userId, ['confirmed', 'waitlisted', 'offered']);
  const waitingSlots = rows.filter((r) => r.status === 'waitlisted').map((r) => r.slotId);
  const queues = waitingQueueNos(waitingSlots);
  const view = (r: (typeof rows)[number]): MySignup => ({
    signupId: r.signupId,
    status: r.status,
    position:
      r.status === 'waitlisted'
        ? waitingPosition(
            r.queueNo ?? 0,
            queues.filter((q) => q.slotId === r.slotId).map((q) => q.queueNo ?? 0),
          )
        : null,
    offerExpiresAt: r.status === 'offered' ? r.offerExpiresAt : null,
    slotId: r.slotId,
    startsAt: r.startsAt,
    endsAt: r.endsAt,
    place: r.place,
    activityId: r.activityId,
    activityTitle: r.activityTitle,
    siteZh: r.siteZh,
    siteEn: r.siteEn,
  });
  const live = rows.filter((r) => r.slotStatus === 'open' && r.endsAt > now).sort((a, b) => a.startsAt - b.startsAt);
  const attended = attendedOf(actor.userId).map((a) => ({
    activityId: a.activityId,
    activityTitle: a.activityTitle,
    startsAt: a.startsAt,
    minutes: a.minutes ?? 0,
    siteZh: a.siteZh,
    siteEn: a.siteEn,
  }));
  const byYear = new Map<string, number>();
  for (const a of attended) {
    const year = shanghaiDate(a.startsAt).slice(0, 4);
    byYear.set(year, (byYear.get(year) ?? 0) + a.minutes);
  }
  return {
    upcoming: live.filter((r) => r.status === 'confirmed').map(view),
    waiting: live.filter((r) => r.status === 'waitlisted').map(view),
    offers: live.filter((r) => r.status === 'offered').map(view),
    attended,
    minutesByYear: [...byYear.entries()].sort((a, b) => b[0].localeCompare(a[0])).map(([year, minutes]) => ({ year, minutes })),
    feedUrl: feedUrlOf(actor.userId),
  };
}
