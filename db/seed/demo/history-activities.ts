// The activities of the first half of 2025, sized so the closed slots reproduce the letter's figures.
import { DEMO_PERIOD, pday, sh } from './calendar';
import { DEMO_EMAILS, type ActivityType, type DemoBuilder } from './context';
import { addHistoryActivity, TARGET, type HistorySlot } from './history';
import { COUNTIES, SITE_DEFS, type County } from './sites';
import * as N from '../names';

const CARE_TYPES = ['temporary_care', 'family_education', 'legal_aid', 'crisis_intervention'] as const;

/** Moves values one unit at a time, round-robin within [min, max], until they add up to target. */
function fitSum(values: number[], target: number, min: number, max: number): number[] {
  const out = [...values];
  let diff = target - out.reduce((a, b) => a + b, 0);
  for (let i = 0, stuck = 0; diff !== 0; i = (i + 1) % out.length) {
    const step = diff > 0 ? 1 : -1;
    if (out[i] + step >= min && out[i] + step <= max) {
      out[i] += step;
      diff -= step;
      stuck = 0;
    } else if (++stuck > out.length) {
      throw new Error(`demo seed: cannot reach ${target} within [${min}, ${max}]`);
    }
  }
  return out;
}

function vols(b: DemoBuilder, county: County, at: number, n: number): string[] {
  return b.rng.sample(b.historyPool(county, at), n);
}

export function buildHistoryActivities(b: DemoBuilder, homeVisitChildren: number): void {
  const countyZh = (c: County) => SITE_DEFS.find((d) => d.code === c)!.zh;
  const winterSlots: { index: number; served: number }[] = [];

  // 个案辅导 327: per county two quarters, one child per session, one tutor.
  let tutoringActivity = 0;
  COUNTIES.forEach((c, ci) => {
    const wb = `${c}-wb`;
    const cases = b.kids(wb).slice(0, 8);
    const tutors = b.historyPool(c, 0).slice(0, 8);
    for (let h = 0; h < 2; h++) {
      const n = tutoringActivity < 9 ? 33 : 30;
      tutoringActivity++;
      const [d0, span] = h === 0 ? [6, 80] : [92, 80];
      addHistoryActivity(b, {
        type: 'case_tutoring',
        title: `塞上护童 相伴成长 · ${countyZh(c)}个案辅导(${h === 0 ? '第一' : '第二'}季度)`,
        description: '专业社工与志愿者对困境儿童开展一对一个案辅导,每次约一小时,内容包括学业陪伴、情绪疏导和行为支持。',
        site: wb,
        org: b.social(1 + ci * 2 + h),
        slots: Array.from({ length: n }, (_, k) => ({
          site: wb,
          startsAt: pday(d0 + Math.floor((k * span) / n), 16, 0),
          minutes: 60,
          capacity: 2,
          children: [cases[k % cases.length]],
          volunteers: [tutors[k % tutors.length]],
        })),
      });
    }
  });

  // 安全知识宣讲 28 场, 420 份手册.
  const talksPerCounty = [6, 6, 6, 5, 5];
  let talk = 0;
  COUNTIES.forEach((c, ci) => {
    const sites = b.childSites(c);
    const n = talksPerCounty[ci];
    addHistoryActivity(b, {
      type: 'safety_talk',
      title: `安全知识进万家 · ${countyZh(c)}安全宣讲`,
      description: '面向儿童和监护人宣讲防溺水、防火、防拐、防欺凌和交通安全知识,发放安全知识宣传手册。',
      site: c,
      org: b.social(11 + ci),
      slots: Array.from({ length: n }, (_, k) => {
        const site = sites[k % sites.length];
        const slot = {
          site,
          startsAt: pday(10 + Math.floor((k * 160) / n) + ci, 15, 0),
          minutes: 90,
          capacity: 4,
          children: b.rng.sample(b.kids(site), 8 + b.rng.int(0, 8)),
          materials: talk % 2 === 0 ? 12 : 18,
          volunteers: vols(b, c, pday(10), 2),
          // v059 signed up twice and never came: later suspended.
          noShows: c === 'yc' && k < 2 ? [b.user('v059@demo.local')] : [],
        };
        talk++;
        return slot;
      }),
    });
  });

  // 集体观影 51 场, 308 人次.
  const filmSites: [string, number][] = [
    ['wz-fly', 11],
    ['lt-jj-et', 10],
    ['hsb-dh-et', 10],
    ['yc-hmc-et', 10],
    ['tx-yh-et', 10],
  ];
  const filmServed = fitSum(Array.from({ length: TARGET.filmScreenings }, (_, k) => 4 + (k % 5)), TARGET.filmScreeningCoverage, 3, 12);
  let film = 0;
  filmSites.forEach(([site, n], fi) => {
    const c = b.countyOf(site);
    addHistoryActivity(b, {
      type: 'film_screening',
      title: `集体观影 · 周末电影课堂(${SITE_DEFS.find((d) => d.code === site)!.zh})`,
      description: '每月两到三次组织孩子集体观看适龄影片,观影后由志愿者带领分享感受。',
      site,
      org: fi <= 1 ? b.company(1) : b.social(15 + fi),
      slots: Array.from({ length: n }, (_, k) => {
        const startsAt = pday(12 + Math.floor((k * 160) / n) + fi, 14, 30);
        const volunteers = vols(b, c, startsAt, 2);
        const demo = b.user(DEMO_EMAILS.volunteer);
        if (site === 'wz-fly' && startsAt > sh(2025, 2, 1) && k % 2 === 0 && !volunteers.includes(demo)) volunteers.push(demo);
        const slot = { site, startsAt, minutes: 120, capacity: 4, children: b.rng.sample(b.kids(site), filmServed[film]), volunteers };
        film++;
        return slot;
      }),
    });
  });

  // 走访慰问: home-visit slots serve 408 − (confirmed caring-parent visits) children.
  const hvServed = fitSum(Array.from({ length: 40 }, (_, k) => 6 + ((k * 3) % 7)), homeVisitChildren, 3, 20);
  let hv = 0;
  COUNTIES.forEach((c, ci) => {
    const sites = b.childSites(c);
    for (let season = 0; season < 2; season++) {
      const winter = season === 0;
      addHistoryActivity(b, {
        type: 'home_visit',
        title: winter ? `塞上护童 温暖过冬 · ${countyZh(c)}困境儿童家庭走访慰问` : `塞上护童 相伴成长 · ${countyZh(c)}困境儿童入户探访`,
        description: winter
          ? '春节前入户走访困境儿童家庭,了解监护和生活情况,送去慰问金和米面油等慰问品。'
          : '儿童督导员、儿童主任与志愿者入户探访,了解孩子学习、健康和监护情况,发放慰问金。',
        site: c,
        org: winter ? b.company(2 + ci) : null,
        slots: Array.from({ length: 4 }, (_, k) => {
          const site = sites[k % sites.length];
          const served = hvServed[hv++];
          return {
            site,
            startsAt: winter ? pday(6 + k * 6 + ci, 9, 30) : pday(95 + k * 18 + ci * 2, 9, 30),
            minutes: 240,
            capacity: 4,
            children: b.rng.sample(b.kids(site), served),
            moneyFen: served * (winter ? 20000 : 10000),
            goodsFen: winter ? served * 10000 : 0,
            volunteers: vols(b, c, pday(6), 2),
          };
        }),
      });
    }
  });

  // 关爱服务: temporary care, family education, legal aid, crisis intervention for 973 distinct children.
  const nonHome = SITE_DEFS.filter((d) => d.kids > 0 && d.code !== 'wz-fly');
  const totalKids = nonHome.reduce((a, d) => a + d.kids, 0);
  const careCount = new Map<string, number>();
  let assigned = 0;
  nonHome.forEach((d, i) => {
    const k = i === nonHome.length - 1 ? TARGET.childrenCareServed - assigned : Math.round((d.kids * TARGET.childrenCareServed) / totalKids);
    careCount.set(d.code, k);
    assigned += k;
  });
  const careTitles: Record<(typeof CARE_TYPES)[number], [string, string, number]> = {
    temporary_care: ['临时照料', '监护人外出务工或就医期间,为儿童提供半日或全天的临时照料、午餐和课业陪伴。', 240],
    family_education: ['家庭教育', '面向儿童及监护人开展家庭教育指导,讲解亲子沟通、作息管理与心理健康知识。', 120],
    legal_aid: ['法律援助', '律师志愿者开展未成年人保护法宣讲,并为有需要的家庭提供监护、抚养等法律咨询。', 90],
    crisis_intervention: ['危机干预', '由心理咨询师对遭遇家庭变故或情绪危机的儿童开展一对一干预与跟踪。', 120],
  };
  const careOrg = (c: number, t: number) =>
    t === 2 ? b.social(9) : t === 3 ? b.social(8) : t === 1 ? b.social([15, 16, 17, 19, 20][c]) : b.social([21, 22, 23, 24, 25][c]);
  COUNTIES.forEach((c, ci) => {
    const plans: Record<string, HistorySlot[]> = {};
    for (const t of CARE_TYPES) plans[t] = [];
    let n = 0;
    for (const site of b.childSites(c)) {
      const served = b.kids(site).slice(0, careCount.get(site));
      let i = 0;
      while (i < served.length) {
        const type = CARE_TYPES[n % 4];
        const size = type === 'crisis_intervention' ? b.rng.int(2, 4) : b.rng.int(8, 14);
        const group = served.slice(i, i + size);
        i += size;
        n++;
        plans[type].push({
          site,
          startsAt: pday(b.rng.int(5, 170), type === 'temporary_care' ? 8 : 14, 30),
          minutes: careTitles[type][2],
          capacity: 6,
          children: group,
          volunteers: vols(b, c, pday(5), type === 'crisis_intervention' ? 1 : b.rng.int(2, 3)),
        });
      }
      // A second family-education session for the first ten children: same children, more 人次.
      plans.family_education.push({ site, startsAt: pday(b.rng.int(100, 170), 14, 30), minutes: 120, capacity: 6, children: served.slice(0, 10), volunteers: vols(b, c, pday(100), 2) });
    }
    CARE_TYPES.forEach((t, ti) => {
      if (plans[t].length === 0) return;
      addHistoryActivity(b, {
        type: t,
        title: `塞上护童 相伴成长 · ${countyZh(c)}${careTitles[t][0]}`,
        description: careTitles[t][1],
        site: c,
        org: careOrg(ci, ti),
        slots: plans[t],
      });
    });
  });

  // 儿童福利院: festival companionship, social integration, empowerment, counselling (with the caring parents).
  const home = b.kids('wz-fly');
  const caring = [b.user(DEMO_EMAILS.volunteer), ...Array.from({ length: 11 }, (_, i) => b.user(`v${String(i + 1).padStart(3, '0')}@demo.local`))];
  addHistoryActivity(b, {
    type: 'festival',
    title: '节日陪伴 · 春节、元宵与六一',
    description: '爱心爸爸妈妈和志愿者陪院内孩子过春节、闹元宵、庆六一:包饺子、猜灯谜、联欢会。',
    site: 'wz-fly',
    org: b.social(0),
    slots: [
      { site: 'wz-fly', startsAt: pday(26, 10), minutes: 240, capacity: 15, children: home, goodsFen: 120000, volunteers: caring.slice(1, 9) },
      { site: 'wz-fly', startsAt: pday(42, 18), minutes: 150, capacity: 15, children: home, goodsFen: 60000, volunteers: caring.slice(0, 8) },
      { site: 'wz-fly', startsAt: pday(151, 9), minutes: 240, capacity: 15, children: home, goodsFen: 150000, volunteers: caring.slice(0, 12) },
    ],
  });
  const homeSessions = (type: ActivityType, org: { id: string; managerId: string }, title: string, description: string, names: [number, number, number][]) =>
    addHistoryActivity(b, {
      type,
      title,
      description,
      site: 'wz-fly',
      org,
      slots: names.map(([day, h, kids]) => {
        const startsAt = pday(day, h, 0);
        const volunteers = b.rng.sample(caring.slice(1), 2);
        if (startsAt > sh(2025, 2, 1) && day % 3 === 0) volunteers.push(caring[0]);
        return { site: 'wz-fly', startsAt, minutes: 150, capacity: 4, children: b.rng.sample(home, kids), volunteers };
      }),
    });
  homeSessions('social_integration', b.social(24), '社会融合 · 走出院门看世界', '带孩子参加超市购物体验、博物馆参观、植树和社区运动会,练习与人交往。', [
    [55, 9, 8],
    [74, 9, 10],
    [96, 9, 9],
    [131, 9, 8],
  ]);
  homeSessions('empowerment', b.social(25), '赋能提升 · 生活技能小课堂', '烘焙、手工编织、编程启蒙和零花钱管理,帮助孩子掌握生活技能、建立自信。', [
    [48, 14, 6],
    [69, 14, 7],
    [117, 14, 6],
    [159, 14, 8],
  ]);
  homeSessions('counselling', b.social(8), '心理咨询 · 团体沙盘与情绪课堂', '心理咨询师带领团体沙盘和情绪绘本课,个别孩子另行约谈。', [
    [33, 15, 5],
    [61, 15, 4],
    [89, 15, 6],
    [110, 15, 5],
    [138, 15, 4],
    [166, 15, 5],
  ]);

  // 温暖过冬: companies' winter drives. Their goods balance the money-and-goods total to 15.3 万元 exactly.
  const winterCompanies = [0, 7, 8, 9, 10, 11];
  const winterSites = ['wz-fly', 'lt-dts', 'hsb-dh', 'qtx-ys', 'yc-hmc', 'tx-yh', 'lt-jj-et', 'hsb-dh-et', 'yc-hmc-et', 'tx-yh-et'];
  const winterSlotIds: string[] = [];
  winterCompanies.forEach((co, wi) => {
    const sites = wi < 4 ? [winterSites[wi * 2], winterSites[wi * 2 + 1]] : [winterSites[8 + (wi - 4)]];
    const plans = sites.map((site, k) => {
      const served = Math.min(b.kids(site).length, 20 + b.rng.int(0, 15));
      winterSlots.push({ index: winterSlots.length, served });
      return {
        site,
        startsAt: pday(7 + wi * 5 + k * 3, 10),
        minutes: 180,
        capacity: 6,
        children: b.rng.sample(b.kids(site), served),
        volunteers: vols(b, b.countyOf(site), pday(7), 3),
      };
    });
    const { slotIds } = addHistoryActivity(b, {
      type: 'winter_warmth',
      title: `塞上护童 温暖过冬 · ${N.COMPANIES[co].replace(/有限公司$/, '')}冬衣冬被捐赠`,
      description: '爱心企业捐赠羽绒服、棉鞋、棉被和取暖用品,由工作人员和志愿者分发到孩子手中。',
      site: 'wz',
      org: b.company(co),
      slots: plans,
    });
    winterSlotIds.push(...slotIds);
  });

  // Balance: everything else, then split the rest over the winter drives by children served.
  const inP = (t: number | null | undefined) => t != null && t >= DEMO_PERIOD.from && t <= DEMO_PERIOD.to;
  const claimsFen = b.claims.filter((c) => c.status === 'confirmed' && inP(c.confirmedAt)).reduce((a, c) => a + (c.valueReceivedFen ?? 0), 0);
  const slotsFen = b.slots.filter((s) => s.status === 'closed' && inP(s.closedAt)).reduce((a, s) => a + (s.moneyFen ?? 0) + (s.goodsFen ?? 0), 0);
  const rest = TARGET.moneyAndGoodsFen - claimsFen - slotsFen;
  const totalServed = winterSlots.reduce((a, s) => a + s.served, 0);
  if (rest < winterSlots.length * 100_000 || rest > winterSlots.length * 2_000_000 || rest % 100 !== 0) {
    throw new Error(`demo seed: winter goods balance out of range (${rest} fen)`);
  }
  let left = rest;
  winterSlotIds.forEach((slotId, i) => {
    const slot = b.slots.find((s) => s.id === slotId)!;
    const goods = i === winterSlotIds.length - 1 ? left : Math.round((rest * winterSlots[i].served) / totalServed / 100) * 100;
    slot.goodsFen = goods;
    left -= goods;
  });
}
