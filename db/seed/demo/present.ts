// The "present", placed relative to options.now: open wishes, claims in flight, upcoming slots.
import { MIN, HOUR, DAY, endOfShDay } from './calendar';
import { DEMO_EMAILS, wishAge, type ActivityType, type ChildRow, type DemoBuilder } from './context';
import { SITE_DEFS, type County } from './sites';

export function buildPresentWishes(b: DemoBuilder): void {
  const used = new Set(b.wishes.map((w) => w.childId));
  const pool = b.rng.shuffle(b.children.filter((c) => wishAge(c) && !used.has(c.id)));
  const childAt = (code: string) => {
    const idx = pool.findIndex((c) => c.siteId === b.site(code).id);
    if (idx < 0) throw new Error(`demo seed: no child left at ${code}`);
    return pool.splice(idx, 1)[0];
  };
  const sitesWithKids = SITE_DEFS.filter((d) => d.kids > 0).map((d) => d.code);
  const staff = b.user(DEMO_EMAILS.staff);

  const addWish = (o: {
    child: ChildRow;
    status: 'draft' | 'in_review' | 'published' | 'claimed' | 'delivered' | 'withdrawn';
    createdAt: number;
    publishedAt?: number;
    deadlineAt?: number | null;
    author?: string;
    updatedAt?: number;
  }) => {
    const code = b.siteCodeById.get(o.child.siteId)!;
    const { author, reviewer } = o.author ? { author: o.author, reviewer: o.author === staff ? b.user(DEMO_EMAILS.staff2) : staff } : b.wishAuthor(code);
    const text = b.wishText(o.child, o.createdAt);
    const id = b.id();
    const siteId = o.child.siteId;
    const published = o.publishedAt !== undefined;
    b.wishes.push({
      id,
      childId: o.child.id,
      siteId,
      countySiteId: b.wishCountyOf(code).id,
      title: text.title,
      story: text.story,
      category: text.category,
      ageBand: text.ageBand,
      valueFen: text.valueFen,
      deadlineAt: o.deadlineAt ?? null,
      status: o.status,
      authorId: author,
      reviewerId: published ? reviewer : null,
      publishedAt: o.publishedAt ?? null,
      fulfilledAt: null,
      createdAt: o.createdAt,
      updatedAt: o.updatedAt ?? o.publishedAt ?? o.createdAt,
    });
    b.audit({ at: o.createdAt, actorId: author, entityType: 'wish', entityId: id, action: 'create', toStatus: 'draft', siteId });
    if (o.status !== 'draft') {
      b.audit({ at: o.createdAt + HOUR, actorId: author, entityType: 'wish', entityId: id, action: 'submit', fromStatus: 'draft', toStatus: 'in_review', siteId });
    }
    if (published) {
      b.audit({ at: o.publishedAt!, actorId: reviewer, entityType: 'wish', entityId: id, action: 'publish', fromStatus: 'in_review', toStatus: 'published', siteId });
    }
    return { id, siteId, author, valueFen: text.valueFen };
  };

  // 24 open wishes, some with a claim deadline 2–6 weeks ahead.
  for (let j = 0; j < 24; j++) {
    const child = childAt(sitesWithKids[j % sitesWithKids.length]);
    const publishedAt = b.ago(1 + ((j * 37) % 40), 10 + (j % 6));
    const deadlineAt = j % 5 === 0 || j % 5 === 2 ? endOfShDay(b.ahead(14 + ((j * 5) % 29))) : null;
    const w = addWish({ child, status: 'published', createdAt: publishedAt - 2 * DAY, publishedAt, deadlineAt });
    if (j === 5) {
      // An earlier helper gave it up: the wish went back to published.
      const claimant = b.user('v021@demo.local');
      const claimId = b.id();
      const createdAt = publishedAt + HOUR * 20;
      b.claims.push({ id: claimId, wishId: w.id, claimantUserId: claimant, orgId: null, status: 'released', reason: '时间冲突,无法按时送达', approvedAt: createdAt + DAY, createdAt, updatedAt: createdAt + 2 * DAY });
      b.claimAudits(w.id, claimId, claimant, createdAt, w.siteId);
      b.audit({ at: createdAt + DAY, actorId: w.author, entityType: 'claim', entityId: claimId, action: 'approve', fromStatus: 'pending', toStatus: 'approved', siteId: w.siteId });
      b.audit({ at: createdAt + 2 * DAY, actorId: claimant, entityType: 'claim', entityId: claimId, action: 'release', fromStatus: 'approved', toStatus: 'released', note: '时间冲突,无法按时送达', siteId: w.siteId });
      b.audit({ at: createdAt + 2 * DAY, actorId: claimant, entityType: 'wish', entityId: w.id, action: 'release', fromStatus: 'claimed', toStatus: 'published', siteId: w.siteId });
    }
  }

  // Claims in flight: approved (volunteer@demo.local), two pending, one delivered.
  const inFlight: { site: string; email: string; org: { id: string } | null; status: 'pending' | 'approved' | 'delivered'; claimedDaysAgo: number }[] = [
    { site: 'lt-jj', email: DEMO_EMAILS.volunteer, org: null, status: 'approved', claimedDaysAgo: 4 },
    { site: 'tx-yh', email: 'org-c01@demo.local', org: b.company(0), status: 'pending', claimedDaysAgo: 1 },
    { site: 'yc-hmc', email: 'v020@demo.local', org: null, status: 'pending', claimedDaysAgo: 0 },
    { site: 'wz-fly', email: DEMO_EMAILS.org, org: b.social(0), status: 'delivered', claimedDaysAgo: 10 },
  ];
  for (const f of inFlight) {
    const child = childAt(f.site);
    const publishedAt = b.ago(f.claimedDaysAgo + 6, 11);
    const claimAt = f.claimedDaysAgo === 0 ? b.now - 6 * HOUR : b.ago(f.claimedDaysAgo, 20);
    const approvedAt = f.status === 'pending' ? null : claimAt + 2 * DAY;
    const deliveredAt = f.status === 'delivered' ? b.ago(1, 15) : null;
    const w = addWish({ child, status: f.status === 'delivered' ? 'delivered' : 'claimed', createdAt: publishedAt - DAY, publishedAt, updatedAt: deliveredAt ?? claimAt });
    const claimant = b.user(f.email);
    const claimId = b.id();
    b.claims.push({
      id: claimId,
      wishId: w.id,
      claimantUserId: claimant,
      orgId: f.org ? f.org.id : null,
      status: f.status,
      approvedAt,
      deliveredAt,
      createdAt: claimAt,
      updatedAt: deliveredAt ?? approvedAt ?? claimAt,
    });
    b.claimAudits(w.id, claimId, claimant, claimAt, w.siteId);
    if (approvedAt) b.audit({ at: approvedAt, actorId: w.author, entityType: 'claim', entityId: claimId, action: 'approve', fromStatus: 'pending', toStatus: 'approved', siteId: w.siteId });
    if (deliveredAt) b.deliverAudits(w.id, claimId, claimant, deliveredAt, w.siteId);
  }

  // Written by staff@demo.local, waiting for a second reviewer (staff2) or still drafts.
  for (const [site, status] of [
    ['wz-fly', 'in_review'],
    ['lt-wb', 'in_review'],
    ['hsb-dh', 'in_review'],
    ['wz-fly', 'draft'],
    ['lt-dts', 'draft'],
  ] as const) {
    addWish({ child: childAt(site), status, createdAt: b.ago(status === 'draft' ? 0 : 1, 9, 30), author: staff });
  }

  // Withdrawn before anyone claimed it.
  const wd = addWish({ child: childAt('qtx-ys'), status: 'withdrawn', createdAt: b.ago(32, 9), publishedAt: b.ago(30, 10), updatedAt: b.ago(12, 16) });
  b.audit({ at: b.ago(12, 16), actorId: wd.author, entityType: 'wish', entityId: wd.id, action: 'withdraw', fromStatus: 'published', toStatus: 'withdrawn', note: '孩子已随父母迁往外地', siteId: wd.siteId });
}

export function buildPresentActivities(b: DemoBuilder): void {
  const demo = b.user(DEMO_EMAILS.volunteer);
  const caring = Array.from({ length: 11 }, (_, i) => b.user(`v${String(i + 1).padStart(3, '0')}@demo.local`));
  const add = (a: {
    type: ActivityType;
    title: string;
    description: string;
    site: string;
    org: { id: string; managerId: string } | null;
    status: 'approved' | 'submitted';
    /**
     * offer: the first person of `signups` cancelled three hours ago and the place was offered to the first
     * person waiting, who has until the offer's deadline to answer (taken still counts the held place).
     */
    slots: { site: string; startsAt: number; minutes: number; capacity: number; childrenExpected: number; signups: string[]; offer?: boolean }[];
  }) => {
    const staff = b.staffFor(a.site);
    const proposer = a.org ? a.org.managerId : staff;
    const createdAt = b.ago(a.status === 'submitted' ? 1 : 12, 10);
    const approvedAt = a.status === 'approved' ? b.ago(9, 15) : null;
    const activityId = b.id();
    const siteId = b.site(a.site).id;
    b.activities.push({ id: activityId, type: a.type, title: a.title, description: a.description, siteId, orgId: a.org ? a.org.id : null, proposerId: proposer, status: a.status, reason: null, submittedAt: createdAt + HOUR, approvedAt, approvedBy: approvedAt ? staff : null, createdAt, updatedAt: approvedAt ?? createdAt + HOUR });
    b.audit({ at: createdAt + HOUR, actorId: proposer, entityType: 'activity', entityId: activityId, action: 'submit', fromStatus: 'draft', toStatus: 'submitted', siteId });
    if (approvedAt) b.audit({ at: approvedAt, actorId: staff, entityType: 'activity', entityId: activityId, action: 'approve', fromStatus: 'submitted', toStatus: 'approved', siteId });
    for (const s of a.slots) {
      const slotId = b.id();
      const taken = Math.min(s.capacity, s.signups.length);
      b.slots.push({ id: slotId, activityId, siteId: b.site(s.site).id, startsAt: s.startsAt, endsAt: s.startsAt + s.minutes * MIN, capacity: s.capacity, taken, scheduledMinutes: s.minutes, childrenExpected: s.childrenExpected, status: 'open', createdAt });
      const freedAt = b.now - 3 * HOUR;
      s.signups.forEach((userId, i) => {
        const at = Math.min(b.now - (s.offer ? 4 : 1) * HOUR, (approvedAt ?? createdAt) + (i + 1) * 7 * HOUR);
        const waiting = i >= s.capacity;
        const queueNo = waiting ? i - s.capacity + 1 : null;
        if (s.offer && i === 0) {
          b.signups.push({ id: b.id(), slotId, userId, signedUpBy: userId, status: 'cancelled', queueNo, createdAt: at, updatedAt: freedAt });
        } else if (s.offer && i === s.capacity) {
          // Held 24 h, or until 2 h before the start if sooner (offerDeadline in app/domain/signup.ts).
          const offerExpiresAt = Math.min(freedAt + 24 * HOUR, s.startsAt - 2 * HOUR);
          b.signups.push({ id: b.id(), slotId, userId, signedUpBy: userId, status: 'offered', queueNo, offeredAt: freedAt, offerExpiresAt, createdAt: at, updatedAt: freedAt });
        } else {
          b.signups.push({ id: b.id(), slotId, userId, signedUpBy: userId, status: waiting ? 'waitlisted' : 'confirmed', queueNo, createdAt: at, updatedAt: at });
        }
      });
    }
  };
  const pool = (c: County, n: number, offset = 0) => b.historyPool(c, 0).slice(offset, offset + n);

  add({
    type: 'winter_warmth',
    title: '塞上护童 温暖过冬 · 盐池县冬衣发放',
    description: '爱心企业捐赠羽绒服和棉鞋,志愿者协助按尺码分装并发放给孩子。',
    site: 'yc',
    org: b.company(4),
    status: 'approved',
    slots: [
      { site: 'yc-hmc', startsAt: b.ahead(5, 10), minutes: 180, capacity: 10, childrenExpected: 30, signups: pool('yc', 4) },
      { site: 'yc-hmc-et', startsAt: b.ahead(12, 10), minutes: 180, capacity: 10, childrenExpected: 25, signups: pool('yc', 2, 4) },
    ],
  });
  add({
    type: 'safety_talk',
    title: '安全知识进万家 · 冬季防火防一氧化碳中毒',
    description: '面向儿童和监护人讲解冬季取暖安全,发放安全知识宣传手册。',
    site: 'tx-yh',
    org: b.social(13),
    status: 'approved',
    // Full, with two people on the waiting list.
    slots: [{ site: 'tx-yh', startsAt: b.ahead(3, 15), minutes: 90, capacity: 5, childrenExpected: 25, signups: pool('tx', 7) }],
  });
  add({
    type: 'film_screening',
    title: '集体观影 · 周末电影课堂',
    description: '和院内孩子一起看一部适龄影片,观影后带领分享感受。',
    site: 'wz-fly',
    org: b.company(1),
    status: 'approved',
    // Full: one place freed and is offered to the demo volunteer, first on the waiting list.
    slots: [{ site: 'wz-fly', startsAt: b.ahead(6, 14, 30), minutes: 120, capacity: 3, childrenExpected: 12, signups: [...caring.slice(2, 5), demo, caring[5]], offer: true }],
  });
  add({
    type: 'home_visit',
    title: '塞上护童 温暖过冬 · 金积镇困境儿童家庭走访',
    description: '随儿童主任入户走访,了解冬季取暖和监护情况,送去慰问品。',
    site: 'lt-jj',
    org: null,
    status: 'approved',
    slots: [
      { site: 'lt-jj', startsAt: b.ahead(9, 9, 30), minutes: 240, capacity: 6, childrenExpected: 8, signups: [demo, ...pool('lt', 2, 12)] },
      { site: 'lt-jj-et', startsAt: b.ahead(16, 9, 30), minutes: 240, capacity: 6, childrenExpected: 8, signups: pool('lt', 1, 14) },
    ],
  });
  add({
    type: 'case_tutoring',
    title: '相伴成长 · 青铜峡市个案辅导(冬季)',
    description: '对重点关注儿童开展一对一学业陪伴和情绪支持,每次约一小时。',
    site: 'qtx-wb',
    org: b.social(3),
    status: 'approved',
    slots: [
      { site: 'qtx-wb', startsAt: b.ahead(2, 16), minutes: 60, capacity: 5, childrenExpected: 1, signups: pool('qtx', 2) },
      { site: 'qtx-wb', startsAt: b.ahead(9, 16), minutes: 60, capacity: 5, childrenExpected: 1, signups: pool('qtx', 1, 2) },
      { site: 'qtx-wb', startsAt: b.ahead(16, 16), minutes: 60, capacity: 5, childrenExpected: 1, signups: [] },
    ],
  });
  add({
    type: 'festival',
    title: '节日陪伴 · 新年联欢会',
    description: '和院内孩子一起布置活动室、排练节目、包饺子,迎接新年。',
    site: 'wz-fly',
    org: b.social(0),
    status: 'approved',
    slots: [{ site: 'wz-fly', startsAt: b.ahead(28, 15), minutes: 180, capacity: 20, childrenExpected: 15, signups: [demo, ...caring.slice(0, 7)] }],
  });
  add({
    type: 'empowerment',
    title: '相伴成长 · 周末亲子共读会',
    description: '吴忠市爱心志愿者协会组织志愿者与孩子、监护人共读绘本,并赠送图书。',
    site: 'lt-dts',
    org: b.social(0),
    status: 'submitted',
    slots: [
      { site: 'lt-dts', startsAt: b.ahead(20, 14, 30), minutes: 120, capacity: 10, childrenExpected: 20, signups: [] },
      { site: 'lt-dts', startsAt: b.ahead(27, 14, 30), minutes: 120, capacity: 10, childrenExpected: 20, signups: [] },
    ],
  });
}
