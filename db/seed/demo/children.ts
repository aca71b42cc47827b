// Private child records at the sites, and the caring parents' pairings at the welfare home.
import { HOUR, DAY, sh, shDate, pday, DEMO_PERIOD } from './calendar';
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

/** Who witnessed the caring parents' signed agreements (志愿服务条例 art. 14). */
const WITNESS = '马老师(福利院社工部)';
/** The pairing whose last confirmed contact is 45 days old (flagged overdue), and the one with an open concern. */
const OVERDUE_PARENT = 7;
const CONCERN_PARENT = 2;

/** Caring-parent pairings at the welfare home; returns the confirmed home visits they log in P. */
export function buildPairings(b: DemoBuilder): number {
  const home = b.kids('wz-fly');
  const staff = b.user(DEMO_EMAILS.staff);
  const parents = [b.user(DEMO_EMAILS.volunteer), ...Array.from({ length: 11 }, (_, i) => b.user(`v${String(i + 1).padStart(3, '0')}@demo.local`))];
  let visitsInPeriod = 0;
  parents.forEach((volunteerUserId, p) => {
    const startedAt = p === 0 ? sh(2025, 1, 20, 10) : sh(2024, 3 + (p % 9), 5 + p, 10);
    const pairingId = b.id();
    const proposedAt = startedAt - 3 * DAY;
    b.pairings.push({
      id: pairingId,
      volunteerUserId,
      childId: home[p].id,
      siteId: b.site('wz-fly').id,
      status: 'active',
      proposedAt,
      startedAt,
      endedAt: null,
      agreementSignedOn: shDate(proposedAt - DAY),
      agreementWitness: WITNESS,
      createdBy: staff,
    });
    b.audit({ at: proposedAt, actorId: staff, entityType: 'pairing', entityId: pairingId, action: 'propose', fromStatus: null, toStatus: 'proposed', siteId: b.site('wz-fly').id });
    b.audit({ at: startedAt, actorId: volunteerUserId, entityType: 'pairing', entityId: pairingId, action: 'accept', fromStatus: 'proposed', toStatus: 'active', siteId: b.site('wz-fly').id });
    // First half of 2025: a visit about every month, a phone call in between.
    let d = p === 0 ? 25 : 6 + p * 2;
    while (d <= 172) {
      const happenedAt = pday(d, 9 + (p % 3), 30);
      b.visits.push({
        id: b.id(),
        pairingId,
        kind: 'home_visit',
        happenedAt,
        minutes: 90 + 15 * ((p + d) % 5),
        note: b.rng.pick(['陪孩子读绘本、做手工', '一起包饺子,聊了学习和朋友', '陪同去公园散步', '辅导作业,一起整理房间', '带孩子理发、买春季衣服']),
        status: 'confirmed',
        confirmedBy: staff,
        confirmedAt: happenedAt + DAY,
        loggedBy: volunteerUserId,
        createdAt: happenedAt + 6 * HOUR,
      });
      visitsInPeriod++;
      if (d + 14 <= 172) {
        const callAt = pday(d + 14, 19, 30);
        b.visits.push({ id: b.id(), pairingId, kind: 'call', happenedAt: callAt, minutes: 20 + (p % 3) * 5, note: '电话问候', status: 'confirmed', confirmedBy: staff, confirmedAt: callAt + DAY, loggedBy: volunteerUserId, createdAt: callAt + HOUR });
      }
      if (p === 3 && d < 60) {
        // Logged twice by mistake: rejected, so it counts nowhere.
        b.visits.push({ id: b.id(), pairingId, kind: 'home_visit', happenedAt, minutes: 120, note: '重复登记', status: 'rejected', confirmedBy: staff, confirmedAt: happenedAt + DAY, rejectReason: '与同日的走访记录重复', loggedBy: volunteerUserId, createdAt: happenedAt + 7 * HOUR });
      }
      d += 28 + ((p * 3 + d) % 8);
    }
    // The present: recent contact. Every pairing had confirmed contact within the last 30 days but one
    // (OVERDUE_PARENT's last confirmed visit was 45 days ago: flagged on /staff).
    const recent: { kind: 'home_visit' | 'call'; days: number; status: 'confirmed' | 'logged' }[] =
      p === 0
        ? [
            { kind: 'home_visit', days: 24, status: 'confirmed' },
            { kind: 'call', days: 17, status: 'confirmed' },
            { kind: 'home_visit', days: 10, status: 'confirmed' },
            { kind: 'home_visit', days: 3, status: 'logged' },
          ]
        : [{ kind: 'home_visit', days: p === OVERDUE_PARENT ? 45 : 5 + ((p * 11) % 20), status: 'confirmed' }];
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
        loggedBy: volunteerUserId,
        createdAt: happenedAt + 4 * HOUR,
      });
    }
    if (p === CONCERN_PARENT) {
      // An open concern, raised two days ago from the pairing page: at the top of /staff, marked urgent.
      const raisedAt = b.ago(2, 20);
      const concernId = b.id();
      b.concerns.push({
        id: concernId,
        pairingId,
        visitId: null,
        siteId: b.site('wz-fly').id,
        raisedBy: volunteerUserId,
        kind: 'neglect',
        text: '孩子说周末常常一个人在家,没有人做饭,奶奶最近住院了。想请社工了解一下家里的照看情况。',
        status: 'open',
        raisedAt,
      });
      b.audit({ at: raisedAt, actorId: volunteerUserId, entityType: 'concern', entityId: concernId, action: 'raise', fromStatus: null, toStatus: 'open', siteId: b.site('wz-fly').id });
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
    proposedAt: sh(2024, 1, 12, 10),
    startedAt: sh(2024, 1, 15, 10),
    endedAt: sh(2024, 11, 30, 17),
    endReason: '志愿者工作调动到外地,双方商定结束结对',
    endedBy: staff,
    agreementSignedOn: '2024-01-10',
    agreementWitness: WITNESS,
    createdBy: staff,
  });
  b.audit({ at: sh(2024, 11, 30, 17), actorId: staff, entityType: 'pairing', entityId: endedId, action: 'end', fromStatus: 'active', toStatus: 'ended', siteId: b.site('wz-fly').id, note: '志愿者工作调动到外地,双方商定结束结对' });
  b.visits.push({ id: b.id(), pairingId: endedId, kind: 'home_visit', happenedAt: sh(2024, 6, 1, 10), minutes: 120, note: '六一陪伴', status: 'confirmed', confirmedBy: staff, confirmedAt: sh(2024, 6, 2, 10), loggedBy: b.user('v012@demo.local'), createdAt: sh(2024, 6, 1, 16) });
  auditVisits(b);
  return visitsInPeriod;
}

/** The audit events the app writes for each visit log: logged by the volunteer, then confirmed or rejected by staff. */
function auditVisits(b: DemoBuilder): void {
  const siteId = b.site('wz-fly').id;
  for (const v of b.visits) {
    b.audit({ at: v.createdAt, actorId: v.loggedBy ?? null, entityType: 'visit', entityId: v.id, action: 'log_visit', fromStatus: null, toStatus: 'logged', siteId });
    if (v.status === 'logged' || v.confirmedAt == null) continue;
    const action = v.status === 'confirmed' ? 'confirm_visit' : 'reject_visit';
    b.audit({ at: v.confirmedAt, actorId: v.confirmedBy ?? null, entityType: 'visit', entityId: v.id, action, fromStatus: 'logged', toStatus: v.status, siteId, note: v.rejectReason ?? null });
  }
}
