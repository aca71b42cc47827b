// Staff-confirmed service of one volunteer, written straight into the test database, for the certificate tests.
// Everything happens in the first half of 2025 (Asia/Shanghai), over the world of wish-fixtures.ts:
//
//   高闸镇儿童之家 gch (site-run):   a slot attended (150 min), a slot marked no-show (not listed),
//                                   a confirmed pairing contact (90 min), a rejected one and one still logged
//                                   (not listed), a wish fulfilled (listed, 0 h)
//   爱心社工服务中心 orgA (org-run): a slot of its activity at gch attended (120 min): certified by orgA
//   盐池县儿童福利院 ych (site-run): a slot attended (60 min)
//   2024 (outside the period):      a slot attended at gch (45 min)
import type { DB } from '../../db/client';
import { addChild, type World } from './wish-fixtures';
import { uniq } from './accounts';

export const at = (iso: string) => Date.parse(`${iso}+08:00`);

export const TEXTS = {
  siteActivity: '冬日送温暖慰问活动',
  noShowActivity: '安全知识宣讲进村',
  orgActivity: '社工陪伴阅读小组',
  ychActivity: '福利院集体观影',
  oldActivity: '去年的手工课',
  wish: '一套彩色铅笔',
  visitNote: '孩子马思远最近成绩进步',
  rejectedNote: '重复登记的一次走访',
  realName: '王小明',
};

export interface ServiceFixture {
  volunteer: string;
  pairingId: string;
}

export function giveService(db: DB, world: World, volunteer = world.users.volunteer): ServiceFixture {
  const run = (sql: string, ...args: unknown[]) => db.$client.prepare(sql).run(...args);
  const now = at('2025-07-01T10:00:00');
  db.$client.prepare('update volunteers set real_name = ? where user_id = ?').run(TEXTS.realName, volunteer);
  run("update sites set contact_name = '马老师', contact_phone = '0953-1234567', person_in_charge = '张主任' where id = ?", world.sites.gch);

  const activity = (title: string, siteId: string, orgId: string | null) => {
    const id = uniq('a');
    run(
      `insert into activities (id, type, title, description, site_id, org_id, proposer_id, status, created_at, updated_at) values (?, 'winter_warmth', ?, '活动说明', ?, ?, ?, 'completed', ?, ?)`,
      id,
      title,
      siteId,
      orgId,
      orgId ? world.users.memberA : world.users.staffLt,
      now,
      now,
    );
    return id;
  };
  const slot = (activityId: string, siteId: string, startIso: string) => {
    const id = uniq('sl');
    const start = at(startIso);
    run(
      `insert into slots (id, activity_id, site_id, starts_at, ends_at, capacity, scheduled_minutes, status, created_at) values (?, ?, ?, ?, ?, 10, 180, 'closed', ?)`,
      id,
      activityId,
      siteId,
      start,
      start + 3 * 3600_000,
      now,
    );
    return id;
  };
  const signup = (slotId: string, attendance: 'attended' | 'no_show', minutes: number | null, orgId: string | null = null) =>
    run(
      `insert into slot_signups (id, slot_id, user_id, org_id, status, attendance, service_minutes, created_at, updated_at) values (?, ?, ?, ?, 'confirmed', ?, ?, ?, ?)`,
      uniq('su'),
      slotId,
      volunteer,
      orgId,
      attendance,
      minutes,
      now,
      now,
    );

  const { gch, ych, lt } = world.sites;
  signup(slot(activity(TEXTS.siteActivity, gch, null), gch, '2025-01-15T09:00:00'), 'attended', 150);
  signup(slot(activity(TEXTS.noShowActivity, gch, null), gch, '2025-02-10T09:00:00'), 'no_show', 0);
  signup(slot(activity(TEXTS.orgActivity, gch, world.orgs.orgA), gch, '2025-03-08T14:00:00'), 'attended', 120, world.orgs.orgA);
  signup(slot(activity(TEXTS.ychActivity, ych, null), ych, '2025-04-20T14:00:00'), 'attended', 60);
  signup(slot(activity(TEXTS.oldActivity, gch, null), gch, '2024-11-20T14:00:00'), 'attended', 45);

  const child = addChild(db, { siteId: gch, realName: '马思远', alias: '小远' }, now);
  const pairingId = uniq('p');
  run(
    `insert into pairings (id, volunteer_user_id, child_id, site_id, status, proposed_at, started_at, agreement_signed_on, agreement_witness) values (?, ?, ?, ?, 'active', ?, ?, '2025-01-01', '马老师')`,
    pairingId,
    volunteer,
    child,
    gch,
    at('2025-01-01T09:00:00'),
    at('2025-01-02T09:00:00'),
  );
  const visit = (iso: string, minutes: number, status: 'confirmed' | 'rejected' | 'logged', note: string) =>
    run(
      `insert into pairing_visits (id, pairing_id, kind, happened_at, minutes, status, note, created_at) values (?, ?, 'home_visit', ?, ?, ?, ?, ?)`,
      uniq('v'),
      pairingId,
      at(iso),
      minutes,
      status,
      note,
      now,
    );
  visit('2025-05-05T15:00:00', 90, 'confirmed', TEXTS.visitNote);
  visit('2025-05-06T15:00:00', 240, 'rejected', TEXTS.rejectedNote);
  visit('2025-05-20T15:00:00', 60, 'logged', TEXTS.rejectedNote);

  const wishId = uniq('w');
  run(
    `insert into wishes (id, child_id, site_id, county_site_id, title, story, category, age_band, value_fen, status, author_id, created_at, updated_at) values (?, ?, ?, ?, ?, '想画画', 'stationery', '6-8', 5000, 'fulfilled', ?, ?, ?)`,
    wishId,
    child,
    gch,
    lt,
    TEXTS.wish,
    world.users.staffLt,
    now,
    now,
  );
  run(
    `insert into claims (id, wish_id, claimant_user_id, status, confirmed_at, value_received_fen, created_at, updated_at) values (?, ?, ?, 'confirmed', ?, 5000, ?, ?)`,
    uniq('cl'),
    wishId,
    volunteer,
    at('2025-06-01T11:00:00'),
    now,
    now,
  );
  return { volunteer, pairingId };
}
