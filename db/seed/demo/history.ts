// The first half of 2025: the figures to reproduce, the fulfilled wishes, and addHistoryActivity,
// which writes a completed activity with its closed slots (see the COUNTING RULES in db/seed/demo.ts).
import { MIN, HOUR, DAY, sh, pday, endOfShDay, DEMO_PERIOD } from './calendar';
import { DEMO_EMAILS, wishAge, type ActivityType, type ChildRow, type DemoBuilder } from './context';
import * as N from '../names';

/** Figures the history must reproduce (db/seed/letter-figures.json, a copy of the product spec). */
export const TARGET = {
  homeVisits: 408,
  wishesFulfilled: 466,
  moneyAndGoodsFen: 153_000 * 100,
  safetyTalks: 28,
  materialsDistributed: 420,
  tutoringSessions: 327,
  filmScreenings: 51,
  filmScreeningCoverage: 308,
  childrenCareServed: 973,
  caringParents: 12,
} as const;

/** A slot of the 2025 history, closed with its outcome. */
export interface HistorySlot {
  site: string;
  startsAt: number;
  minutes: number;
  capacity: number;
  /** Children served; children_served is their number. */
  children: ChildRow[];
  moneyFen?: number;
  goodsFen?: number;
  materials?: number;
  /** Attended. */
  volunteers: string[];
  noShows?: string[];
}

export function buildHistoryWishes(b: DemoBuilder): void {
  const chosen = b.rng.sample(b.children.filter(wishAge), TARGET.wishesFulfilled);
  const demoVol = b.user(DEMO_EMAILS.volunteer);
  let demoClaims = 0;
  let ltVolunteerClaims = 0;
  chosen.forEach((child, k) => {
    const code = b.siteCodeById.get(child.siteId)!;
    const county = b.countyOf(code);
    const createdAt = pday(2 + Math.floor((k * 148) / TARGET.wishesFulfilled), b.rng.int(9, 16), b.rng.int(0, 59));
    const submitAt = createdAt + b.rng.int(10, 120) * MIN;
    const publishedAt = submitAt + b.rng.int(4, 48) * HOUR;
    const claimAt = publishedAt + b.rng.int(2, 240) * HOUR;
    const approvedAt = claimAt + b.rng.int(2, 48) * HOUR;
    const deliveredAt = approvedAt + b.rng.int(1, 10) * DAY + b.rng.int(0, 6) * HOUR;
    const confirmedAt = deliveredAt + b.rng.int(1, 48) * HOUR;
    const text = b.wishText(child, createdAt);
    const { author, reviewer } = b.wishAuthor(code);

    // Every third wish is claimed by an organization (all 38 take part), the rest by volunteers of the county.
    let claimant: string;
    let orgId: string | null = null;
    if (k % 3 === 0) {
      const org = b.orgList[Math.floor(k / 3) % b.orgList.length];
      claimant = org.managerId;
      orgId = org.id;
    } else if (county === 'lt' && claimAt > sh(2025, 1, 20) && ++ltVolunteerClaims % 12 === 0 && demoClaims < 6) {
      claimant = demoVol;
      demoClaims++;
    } else {
      claimant = b.rng.pick(b.historyPool(county, 0));
    }
    const valueReceivedFen = b.rng.chance(0.2) ? Math.max(1000, text.valueFen - b.rng.int(1, 15) * 100) : text.valueFen;

    const wishId = b.id();
    const siteId = child.siteId;
    b.wishes.push({
      id: wishId,
      childId: child.id,
      siteId,
      countySiteId: b.wishCountyOf(code).id,
      title: text.title,
      story: text.story,
      category: text.category,
      ageBand: text.ageBand,
      valueFen: text.valueFen,
      deadlineAt: k % 4 === 0 ? endOfShDay(publishedAt + 30 * DAY) : null,
      status: 'fulfilled',
      authorId: author,
      reviewerId: reviewer,
      publishedAt,
      fulfilledAt: confirmedAt,
      createdAt,
      updatedAt: confirmedAt,
    });
    const claimId = b.id();
    b.claims.push({
      id: claimId,
      wishId,
      claimantUserId: claimant,
      orgId,
      status: 'confirmed',
      reason: null,
      approvedAt,
      deliveredAt,
      confirmedAt,
      valueReceivedFen,
      thanks: b.rng.pick(N.THANKS),
      reminderSentAt: null,
      createdAt: claimAt,
      updatedAt: confirmedAt,
    });
    b.audit({ at: createdAt, actorId: author, entityType: 'wish', entityId: wishId, action: 'create', toStatus: 'draft', siteId });
    b.audit({ at: submitAt, actorId: author, entityType: 'wish', entityId: wishId, action: 'submit', fromStatus: 'draft', toStatus: 'in_review', siteId });
    b.audit({ at: publishedAt, actorId: reviewer, entityType: 'wish', entityId: wishId, action: 'publish', fromStatus: 'in_review', toStatus: 'published', siteId });
    b.claimAudits(wishId, claimId, claimant, claimAt, siteId);
    b.audit({ at: approvedAt, actorId: author, entityType: 'claim', entityId: claimId, action: 'approve', fromStatus: 'pending', toStatus: 'approved', siteId });
    b.deliverAudits(wishId, claimId, claimant, deliveredAt, siteId);
    b.audit({ at: confirmedAt, actorId: author, entityType: 'claim', entityId: claimId, action: 'confirm', fromStatus: 'delivered', toStatus: 'confirmed', note: `实收 ¥${valueReceivedFen / 100}`, siteId });
    b.audit({ at: confirmedAt, actorId: author, entityType: 'wish', entityId: wishId, action: 'fulfil', fromStatus: 'delivered', toStatus: 'fulfilled', siteId });
  });
}

export function addHistoryActivity(b: DemoBuilder, a: {
  type: ActivityType;
  title: string;
  description: string;
  site: string;
  org?: { id: string; managerId: string } | null;
  slots: HistorySlot[];
  /** The window the activity lives in: by default the letter's period (created from its first days, closed before its end). */
  window?: { from: number; to: number };
}): { slotIds: string[] } {
  const window = a.window ?? { from: pday(1, 9), to: DEMO_PERIOD.to };
  const staff = b.staffFor(a.site);
  const proposer = a.org ? a.org.managerId : staff;
  const firstStart = Math.min(...a.slots.map((s) => s.startsAt));
  const createdAt = Math.max(window.from, firstStart - b.rng.int(8, 14) * DAY);
  const submittedAt = createdAt + HOUR;
  const approvedAt = Math.min(createdAt + b.rng.int(20, 40) * HOUR, firstStart - HOUR);
  const activityId = b.id();
  const siteId = b.site(a.site).id;
  let lastClose = 0;
  const slotIds: string[] = [];
  for (const s of a.slots) {
    const slotId = b.id();
    slotIds.push(slotId);
    const endsAt = s.startsAt + s.minutes * MIN;
    const closedAt = Math.min(endsAt + b.rng.int(2, 30) * HOUR, window.to - 12 * HOUR);
    lastClose = Math.max(lastClose, closedAt);
    const slotSite = b.site(s.site).id;
    if (s.volunteers.length + (s.noShows?.length ?? 0) > s.capacity) throw new Error('demo seed: capacity exceeded');
    b.slots.push({
      id: slotId,
      activityId,
      siteId: slotSite,
      startsAt: s.startsAt,
      endsAt,
      capacity: s.capacity,
      taken: s.volunteers.length + (s.noShows?.length ?? 0),
      scheduledMinutes: s.minutes,
      childrenExpected: s.children.length,
      status: 'closed',
      childrenServed: s.children.length,
      sessions: 1,
      moneyFen: s.moneyFen ?? 0,
      goodsFen: s.goodsFen ?? 0,
      materials: s.materials ?? 0,
      closedAt,
      closedBy: b.staffFor(s.site),
      createdAt,
    });
    for (const c of s.children) b.slotChildren.push({ slotId, childId: c.id });
    const signupAt = (i: number) => Math.min(Math.max(approvedAt, s.startsAt - 7 * DAY) + (2 + i * 5) * HOUR, s.startsAt - HOUR);
    s.volunteers.forEach((userId, i) => {
      b.signups.push({ id: b.id(), slotId, userId, status: 'confirmed', attendance: 'attended', serviceMinutes: s.minutes, createdAt: signupAt(i), updatedAt: closedAt });
    });
    (s.noShows ?? []).forEach((userId, i) => {
      b.signups.push({ id: b.id(), slotId, userId, status: 'confirmed', attendance: 'no_show', serviceMinutes: 0, createdAt: signupAt(s.volunteers.length + i), updatedAt: closedAt });
    });
    b.audit({ at: closedAt, actorId: b.staffFor(s.site), entityType: 'slot', entityId: slotId, action: 'close', fromStatus: 'open', toStatus: 'closed', note: `服务 ${s.children.length} 人次`, siteId: slotSite });
  }
  const completedAt = lastClose + HOUR;
  b.activities.push({
    id: activityId,
    type: a.type,
    title: a.title,
    description: a.description,
    siteId,
    orgId: a.org ? a.org.id : null,
    proposerId: proposer,
    status: 'completed',
    reason: null,
    submittedAt,
    approvedAt,
    approvedBy: b.staffFor(a.site),
    createdAt,
    updatedAt: completedAt,
  });
  b.audit({ at: submittedAt, actorId: proposer, entityType: 'activity', entityId: activityId, action: 'submit', fromStatus: 'draft', toStatus: 'submitted', siteId });
  b.audit({ at: approvedAt, actorId: staff, entityType: 'activity', entityId: activityId, action: 'approve', fromStatus: 'submitted', toStatus: 'approved', siteId });
  b.audit({ at: completedAt, actorId: staff, entityType: 'activity', entityId: activityId, action: 'complete', fromStatus: 'approved', toStatus: 'completed', siteId });
  return { slotIds };
}
