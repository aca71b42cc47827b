// After the letter's period: a steady history from July 2025 until a month before `now`, so that reports
// of other periods (the second half of 2025, this year, a county) are not empty. Nothing here falls in
// the letter's period, and it runs last, so the earlier steps' random choices are unchanged.
import { MIN, HOUR, DAY, sh, endOfShDay, DEMO_PERIOD } from './calendar';
import { wishAge, type ActivityType, type DemoBuilder } from './context';
import { addHistoryActivity, type HistorySlot } from './history';
import { COUNTIES, SITE_DEFS, type County } from './sites';
import * as N from '../names';

/** The activities a month brings, by type: title, description, slots, and what a slot records. */
const MONTHLY: { type: ActivityType; title: string; description: string; slots: number; perSlot: (b: DemoBuilder) => Partial<HistorySlot> & { kids: number } }[] = [
  {
    type: 'safety_talk',
    title: '安全知识进万家 · 安全宣讲',
    description: '面向儿童和监护人宣讲防溺水、防火、防拐、防欺凌和交通安全知识,发放安全知识宣传手册。',
    slots: 2,
    perSlot: (b) => ({ kids: b.rng.int(8, 20), materials: b.rng.int(10, 25) }),
  },
  {
    type: 'film_screening',
    title: '童心影院 · 集体观影',
    description: '组织儿童集体观看优秀影片,观影后开展分享讨论。',
    slots: 1,
    perSlot: (b) => ({ kids: b.rng.int(5, 12) }),
  },
  {
    type: 'case_tutoring',
    title: '塞上护童 相伴成长 · 个案辅导',
    description: '专业社工与志愿者对困境儿童开展一对一个案辅导,每次约一小时。',
    slots: 3,
    perSlot: () => ({ kids: 1 }),
  },
  {
    type: 'home_visit',
    title: '困境儿童家庭走访慰问',
    description: '社工和志愿者入户走访困境儿童家庭,了解生活和学习情况,送去慰问品。',
    slots: 2,
    perSlot: (b) => ({ kids: b.rng.int(3, 8), goodsFen: b.rng.int(3, 9) * 10_000 }),
  },
  {
    type: 'family_education',
    title: '家庭教育指导讲座',
    description: '面向监护人开展家庭教育指导,讲解亲子沟通和儿童心理健康。',
    slots: 1,
    perSlot: (b) => ({ kids: b.rng.int(6, 15) }),
  },
];

export function buildLaterHistory(b: DemoBuilder): { wishes: number; slots: number } {
  const end = b.now - 45 * DAY;
  let wishes = 0;
  let slots = 0;
  const children = b.children.filter(wishAge);
  for (let y = 2025, m = 7; sh(y, m, 1) < end; m === 12 ? ((y += 1), (m = 1)) : (m += 1)) {
    const monthStart = Math.max(sh(y, m, 1), DEMO_PERIOD.to + 1);
    const monthEnd = Math.min(m === 12 ? sh(y + 1, 1, 1) - 1 : sh(y, m + 1, 1) - 1, end);
    const days = Math.max(1, Math.floor((monthEnd - monthStart) / DAY));
    // Fulfilled wishes, claimed by volunteers of the county or (every third) an organization.
    const n = b.rng.int(18, 32);
    for (let k = 0; k < n; k++) {
      const createdAt = monthStart + b.rng.int(0, Math.max(0, days - 16)) * DAY + b.rng.int(9, 16) * HOUR;
      if (addFulfilledWish(b, b.rng.pick(children), createdAt, k % 3 === 0, monthEnd)) wishes++;
    }
    // Two of the monthly activities, one county each, run by a social organization or staff.
    for (const def of b.rng.sample(MONTHLY, 2)) {
      const county: County = b.rng.pick([...COUNTIES]);
      const sites = b.childSites(county);
      if (sites.length === 0) continue;
      const site = b.rng.pick(sites);
      const pool = b.historyPool(county, monthStart);
      const slotDefs: HistorySlot[] = Array.from({ length: def.slots }, (_, i) => {
        const extra = def.perSlot(b);
        const startsAt = Math.min(monthStart + (3 + Math.floor(((i + 1) * days) / (def.slots + 2))) * DAY + 15 * HOUR, monthEnd - 2 * DAY);
        return {
          site,
          startsAt,
          minutes: 90,
          capacity: 4,
          children: b.rng.sample(b.kids(site), Math.min(extra.kids, b.kids(site).length)),
          volunteers: b.rng.sample(pool, 2),
          moneyFen: extra.moneyFen,
          goodsFen: extra.goodsFen,
          materials: extra.materials,
        };
      });
      const countyZh = SITE_DEFS.find((d) => d.code === county)!.zh;
      addHistoryActivity(b, {
        type: def.type,
        title: `${def.title}(${countyZh} ${y} 年 ${m} 月)`,
        description: def.description,
        site,
        org: b.rng.chance(0.6) ? b.social(b.rng.int(0, 9)) : null,
        slots: slotDefs,
        window: { from: monthStart, to: monthEnd + 10 * DAY },
      });
      slots += slotDefs.length;
    }
  }
  return { wishes, slots };
}

/** A wish written, published, claimed, delivered and confirmed by `before`, with the audit the app writes. */
function addFulfilledWish(b: DemoBuilder, child: (typeof b.children)[number], createdAt: number, byOrg: boolean, before: number): boolean {
  const code = b.siteCodeById.get(child.siteId)!;
  const county = b.countyOf(code);
  const submitAt = createdAt + b.rng.int(10, 120) * MIN;
  const publishedAt = submitAt + b.rng.int(4, 48) * HOUR;
  const claimAt = publishedAt + b.rng.int(2, 96) * HOUR;
  const approvedAt = claimAt + b.rng.int(2, 24) * HOUR;
  const deliveredAt = approvedAt + b.rng.int(1, 6) * DAY;
  const confirmedAt = deliveredAt + b.rng.int(1, 24) * HOUR;
  if (confirmedAt > before) return false;
  const text = b.wishText(child, createdAt);
  const { author, reviewer } = b.wishAuthor(code);
  const org = byOrg ? b.orgList[b.rng.int(0, b.orgList.length - 1)] : null;
  const claimant = org ? org.managerId : b.rng.pick(b.historyPool(county, claimAt));
  const wishId = b.id();
  const claimId = b.id();
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
    deadlineAt: b.rng.chance(0.25) ? endOfShDay(publishedAt + 30 * DAY) : null,
    status: 'fulfilled',
    authorId: author,
    reviewerId: reviewer,
    publishedAt,
    fulfilledAt: confirmedAt,
    createdAt,
    updatedAt: confirmedAt,
  });
  b.claims.push({
    id: claimId,
    wishId,
    claimantUserId: claimant,
    orgId: org ? org.id : null,
    status: 'confirmed',
    reason: null,
    approvedAt,
    deliveredAt,
    confirmedAt,
    valueReceivedFen: text.valueFen,
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
  b.audit({ at: confirmedAt, actorId: author, entityType: 'claim', entityId: claimId, action: 'confirm', fromStatus: 'delivered', toStatus: 'confirmed', note: `实收 ¥${text.valueFen / 100}`, siteId });
  b.audit({ at: confirmedAt, actorId: author, entityType: 'wish', entityId: wishId, action: 'fulfil', fromStatus: 'delivered', toStatus: 'fulfilled', siteId });
  return true;
}
