// Private child records at the sites, and the caring parents' pairings at the welfare home.
import { HOUR, DAY, sh, pday, DEMO_PERIOD } from './calendar';
import { DEMO_EMAILS, type ChildRow, type DemoBuilder } from './context';
import { SITE_DEFS } from './sites';
import * as N from '../names';

export function buildChildren(b: DemoBuilder): void {
  const categories = ['left_behind', 'in_difficulty', 'de_facto_unsupported', 'migrant', 'orphan'] as const;
  const weights = [0.35, 0.3, 0.15, 0.15, 0.05];
  const birthFrom = Date.UTC(2009, 6, 1);
  const birthSpanDays = Math.floor((Date.UTC(2022, 5, 30) - birthFrom) / DAY);
  for (const def of SITE_DEFS) {
    const list: ChildRow[] = [];
    for (let i = 0; i < def.kids; i++) {
      const female = b.rng.chance(0.5);
      const given = b.rng.pick(female ? N.GIVEN_NAMES_FEMALE : N.GIVEN_NAMES_MALE);
      const realName = b.rng.pick(N.SURNAMES) + given;
      let alias = b.rng.pick(N.ALIASES);
      while (alias.includes(given) || given.includes(alias)) alias = b.rng.pick(N.ALIASES);
      let category: (typeof categories)[number];
      if (def.code === 'wz-fly') category = i < 8 ? 'orphan' : 'de_facto_unsupported';
      else {
        const r = b.rng.next();
        let acc = 0;
        category = categories[categories.length - 1];
        for (let k = 0; k < categories.length; k++) {
          acc += weights[k];
          if (r < acc) {
            category = categories[k];
            break;
          }
        }
      }
      const birthDate = new Date(birthFrom + b.rng.int(0, birthSpanDays) * DAY).toISOString().slice(0, 10);
      const row: ChildRow = {
        id: b.id(),
        siteId: b.site(def.code).id,
        realName,
        birthDate,
        gender: female ? 'female' : 'male',
        category,
        guardian: def.code === 'wz-fly' ? '吴忠市儿童福利院(集中供养)' : b.rng.pick(N.GUARDIANS[category]),
        notes: b.rng.chance(0.6) ? b.rng.pick(N.CHILD_NOTES[category]) : null,
        alias,
        createdBy: b.staffFor(def.code),
        createdAt: sh(2024, 2 + (i % 10), 1 + (i % 28), 10),
      };
      list.push(row);
      b.children.push(row);
    }
    if (def.kids > 0) b.kidsBySite.set(def.code, list);
  }
}

/** Caring-parent pairings at the welfare home; returns the confirmed home visits they log in P. */
export function buildPairings(b: DemoBuilder): number {
  const home = b.kids('wz-fly');
  const staff = b.user(DEMO_EMAILS.staff);
  const parents = [b.user(DEMO_EMAILS.volunteer), ...Array.from({ length: 11 }, (_, i) => b.user(`v${String(i + 1).padStart(3, '0')}@demo.local`))];
  let visitsInPeriod = 0;
  parents.forEach((volunteerUserId, p) => {
    const startedAt = p === 0 ? sh(2025, 1, 20, 10) : sh(2024, 3 + (p % 9), 5 + p, 10);
    const pairingId = b.id();
    b.pairings.push({
      id: pairingId,
      volunteerUserId,
      childId: home[p].id,
      siteId: b.site('wz-fly').id,
      status: 'active',
      startedAt,
      endedAt: null,
      createdBy: staff,
    });
    b.audit({ at: startedAt, actorId: staff, entityType: 'pairing', entityId: pairingId, action: 'create', fromStatus: null, toStatus: 'active', siteId: b.site('wz-fly').id });
    // First half of 2025: a visit about every month, a phone call in between.
    let d = p === 0 ? 25 : 6 + p * 2;
    while (d <= 172) {
      const happenedAt = pday(d, 9 + (p % 3), 30);
      b.visits.push({
        id: b.id(),
        pairingId,
        kind: 'visit',
        happenedAt,
        minutes: 90 + 15 * ((p + d) % 5),
        note: b.rng.pick(['陪孩子读绘本、做手工', '一起包饺子,聊了学习和朋友', '陪同去公园散步', '辅导作业,一起整理房间', '带孩子理发、买春季衣服']),
        status: 'confirmed',
        confirmedBy: staff,
        confirmedAt: happenedAt + DAY,
        createdAt: happenedAt + 6 * HOUR,
      });
      visitsInPeriod++;
      if (d + 14 <= 172) {
        const callAt = pday(d + 14, 19, 30);
        b.visits.push({ id: b.id(), pairingId, kind: 'call', happenedAt: callAt, minutes: 20 + (p % 3) * 5, note: '电话问候', status: 'confirmed', confirmedBy: staff, confirmedAt: callAt + DAY, createdAt: callAt + HOUR });
      }
      if (p === 3 && d < 60) {
        // Logged twice by mistake: rejected, so it counts nowhere.
        b.visits.push({ id: b.id(), pairingId, kind: 'visit', happenedAt, minutes: 120, note: '重复登记', status: 'rejected', confirmedBy: staff, confirmedAt: happenedAt + DAY, createdAt: happenedAt + 7 * HOUR });
      }
      d += 28 + ((p * 3 + d) % 8);
    }
    // The present: recent contact.
    const recent: { kind: 'visit' | 'call'; days: number; status: 'confirmed' | 'logged' }[] =
      p === 0
        ? [
            { kind: 'visit', days: 24, status: 'confirmed' },
            { kind: 'call', days: 17, status: 'confirmed' },
            { kind: 'visit', days: 10, status: 'confirmed' },
            { kind: 'visit', days: 3, status: 'logged' },
          ]
        : [{ kind: 'visit', days: 5 + ((p * 11) % 50), status: 'confirmed' }];
    for (const r of recent) {
      const happenedAt = b.ago(r.days, r.kind === 'call' ? 19 : 10);
      if (happenedAt <= DEMO_PERIOD.to) continue; // never add to the letter's period
      b.visits.push({
        id: b.id(),
        pairingId,
        kind: r.kind,
        happenedAt,
        minutes: r.kind === 'call' ? 25 : 150,
        note: r.kind === 'call' ? '电话问候,聊了最近的学习' : '周末陪伴:一起做饭、读书',
        status: r.status,
        confirmedBy: r.status === 'confirmed' ? staff : null,
        confirmedAt: r.status === 'confirmed' ? happenedAt + DAY : null,
        createdAt: happenedAt + 4 * HOUR,
      });
    }
  });
  // v012: a caring father whose pairing ended in 2024 (not counted for 2025).
  const endedId = b.id();
  b.pairings.push({
    id: endedId,
    volunteerUserId: b.user('v012@demo.local'),
    childId: home[12].id,
    siteId: b.site('wz-fly').id,
    status: 'ended',
    startedAt: sh(2024, 1, 15, 10),
    endedAt: sh(2024, 11, 30, 17),
    createdBy: staff,
  });
  b.visits.push({ id: b.id(), pairingId: endedId, kind: 'visit', happenedAt: sh(2024, 6, 1, 10), minutes: 120, note: '六一陪伴', status: 'confirmed', confirmedBy: staff, confirmedAt: sh(2024, 6, 2, 10), createdAt: sh(2024, 6, 1, 16) });
  return visitsInPeriod;
}
