/**
 * Bulk volume for benchmarks (`npm run cli -- seed --scale N`), loaded on top of the demo data set so that the
 * demo accounts (and their password) work on a scaled database too.
 *
 * At N = 1,000,000: 1M wishes, 1M claims, 100k activities with 300k slots, 50k volunteers (plus 1,000
 * organizations and their managers), 20k children and 2M audit rows; sign-ups about 3 a slot, pairings for about
 * a sixth of the children with about 5 visits each. Every count scales with N.
 *
 * Every row respects the schema's constraints and the app's invariants: foreign keys, CHECKs, unique indexes (one live
 * claim per wish, one live pairing per child, one sign-up per person and slot), slots.taken = the slot's confirmed
 * sign-ups ≤ capacity, a closed slot's children_served = its slot_children rows, statuses consistent with their
 * timestamps (published_at on every wish that left review, fulfilled_at on fulfilled wishes and confirmed_at = it on
 * their confirmed claim, approved_at/delivered_at on claims that reached those steps, closed_at on closed slots).
 * Wishes are filed under their county by the app's own rule (countyShownFor, README D7).
 *
 * DETERMINISTIC: choices and ids come from mulberry32 streams (db/seed/demo/random.ts) seeded apart from the demo's.
 * Rows go in through prepared statements in immediate transactions of CHUNK rows.
 */
import type { DB } from '../client';
import { ageBand, countyShownFor } from '../../app/domain/wish';
import { Rng, IdSource } from './demo/random';
import { RECHECK_GRACE_MS } from '../../app/domain/pairing';

export const SCALE_SEED = 20251212;

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
/** A slot's reminder goes out this long before it starts (REMINDER_BEFORE_MS, app/services/signups.server.ts). */
const SLOT_REMINDER = 24 * HOUR;
/** The tables the load fills with volume. */
const BULK_TABLES = ['users', 'volunteers', 'children', 'wishes', 'claims', 'audit_events', 'activities', 'slots', 'slot_signups', 'slot_children', 'pairings', 'pairing_visits'];
/** Rows per transaction. */
const CHUNK = 50_000;

export interface ScaleSummary {
  volunteers: number;
  organizations: number;
  children: number;
  wishes: number;
  claims: number;
  activities: number;
  slots: number;
  slotSignups: number;
  slotChildren: number;
  pairings: number;
  pairingVisits: number;
  auditEvents: number;
}

export interface ScaleOptions {
  now: number;
  /** Called now and then with what is being loaded and how far along it is. */
  progress?: (table: string, done: number, total: number) => void;
}

/** How many rows of each kind N asks for (at least a handful of each, so a tiny N still covers every page). */
export function scaleCounts(n: number) {
  const at = (share: number, least: number) => Math.max(least, Math.round(n * share));
  return {
    wishes: at(1, 10),
    volunteers: at(0.05, 10),
    organizations: at(0.001, 2),
    children: at(0.02, 5),
    activities: at(0.1, 3),
  };
}

const CATEGORIES = ['stationery', 'clothing', 'books', 'toys', 'sports', 'daily', 'other'] as const;
const WISH_ITEMS: Record<(typeof CATEGORIES)[number], string[]> = {
  stationery: ['一套水彩笔', '一个新书包', '一盒彩色铅笔', '一本带锁的日记本', '一个文具盒'],
  clothing: ['一件冬天的羽绒服', '一双运动鞋', '一顶毛线帽和围巾', '一套新校服外套'],
  books: ['一套科普绘本', '一本成语故事', '一套童话书', '一本中华字典'],
  toys: ['一套积木', '一个篮球', '一副跳棋', '一个魔方'],
  sports: ['一副羽毛球拍', '一个足球', '一根跳绳和毽子', '一双轮滑鞋'],
  daily: ['一个保温水杯', '一盏护眼台灯', '一床厚被子', '一个新枕头'],
  other: ['一台收音机', '一次去科技馆的门票', '一个电子琴'],
};
const STORIES = [
  '我喜欢画画,想把学校的样子画下来。',
  '冬天上学路上很冷,希望能暖和一点。',
  '我想在课后多读一些书。',
  '我和小伙伴想在操场上一起玩。',
  '晚上写作业的时候灯太暗了。',
];
const ALIASES = ['小禾', '小雨', '小星', '小树', '小芽', '小溪', '小月', '小石', '小云', '小麦', '小桃', '小松'];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭'];
const GIVEN = ['子涵', '浩然', '欣怡', '宇轩', '梓萱', '俊杰', '雨桐', '博文', '诗琪', '明轩', '佳怡', '志强', '晓燕', '嘉豪'];
const CHILD_CATEGORIES = ['orphan', 'de_facto_unsupported', 'left_behind', 'in_difficulty', 'migrant', 'other'] as const;
const ACTIVITY_TYPES = [
  'winter_warmth',
  'safety_talk',
  'film_screening',
  'home_visit',
  'counselling',
  'case_tutoring',
  'festival',
  'social_integration',
  'empowerment',
  'temporary_care',
  'family_education',
  'legal_aid',
  'crisis_intervention',
  'other',
] as const;
const ACTIVITY_TITLES = ['冬日暖心行动', '安全知识课堂', '周末电影放映', '入户探访', '心理陪伴', '学业辅导', '节日联欢', '社区融入活动', '兴趣课堂', '临时照料'];
const PLACES = ['活动室', '多功能厅', '阅览室', '操场', '会议室'];
const VISIT_KINDS = ['home_visit', 'call', 'letter', 'outing', 'institution_visit'] as const;

interface SiteInfo {
  id: string;
  code: string;
  kind: 'city' | 'county' | 'township' | 'institution';
  parentId: string | null;
  path: string;
}

/** Fails unless the database holds the demo data set and nothing of a previous scale load. */
export function assertReadyForScale(db: DB): void {
  const client = db.$client;
  const demo = client.prepare("select value from meta where key = 'demo'").get() as { value: string } | undefined;
  if (!demo) throw new Error('seed --scale loads on top of the demo data set, into an empty database');
  const scaled = client.prepare("select value from meta where key = 'scale'").get() as { value: string } | undefined;
  if (scaled) throw new Error(`this database already holds scale data (N = ${scaled.value})`);
}

/** Loads N's volume into a database holding only the demo data set (see assertReadyForScale). */
export function seedScale(db: DB, n: number, options: ScaleOptions): ScaleSummary {
  if (!Number.isSafeInteger(n) || n < 1) throw new Error('the scale N must be a whole number of at least 1');
  assertReadyForScale(db);
  const client = db.$client;
  const rng = new Rng(SCALE_SEED ^ 0x5ca1e);
  const ids = new IdSource(SCALE_SEED);
  const now = options.now;
  const progress = options.progress ?? (() => {});
  const counts = scaleCounts(n);

  // ---------------------------------------------------------------- what the demo set holds
  const sites = client.prepare('select id, code, kind, parent_id as parentId, path from sites').all() as SiteInfo[];
  const byId = new Map(sites.map((s) => [s.id, s]));
  const chainOf = (id: string): SiteInfo[] => {
    const chain: SiteInfo[] = [];
    for (let s = byId.get(id); s; s = s.parentId ? byId.get(s.parentId) : undefined) chain.push(s);
    return chain;
  };
  /** Sites that keep children and host activities. */
  const homes = sites.filter((s) => s.kind === 'institution' || s.kind === 'township');
  const wishCounty = new Map(homes.map((s) => [s.id, countyShownFor(chainOf(s.id))!.id]));
  const counties = sites.filter((s) => s.kind === 'county');
  const staffRows = client
    .prepare('select u.id, s.path from users u join sites s on s.id = u.staff_site_id where u.disabled_at is null')
    .all() as { id: string; path: string }[];
  /** Staff who can act on a site: those whose subtree holds it (two, where there are, so author ≠ reviewer). */
  const staffFor = new Map(
    homes.map((h) => {
      const over = staffRows.filter((s) => h.path.startsWith(s.path)).map((s) => s.id);
      return [h.id, over];
    }),
  );
  const { password_hash: passwordHash } = client.prepare("select password_hash from users where email = 'admin@demo.local'").get() as {
    password_hash: string;
  };

  const pick = <T>(items: readonly T[]): T => items[Math.floor(rng.next() * items.length)]!;
  const twoStaff = (siteId: string): [string, string] => {
    const over = staffFor.get(siteId)!;
    const a = pick(over);
    const others = over.filter((x) => x !== a);
    return [a, others.length ? pick(others) : a];
  };

  // ---------------------------------------------------------------- bulk loading plumbing
  const summary: ScaleSummary = {
    volunteers: 0,
    organizations: 0,
    children: 0,
    wishes: 0,
    claims: 0,
    activities: 0,
    slots: 0,
    slotSignups: 0,
    slotChildren: 0,
    pairings: 0,
    pairingVisits: 0,
    auditEvents: 0,
  };
  let pending = 0;
  const begin = () => client.prepare('begin immediate').run();
  const commit = () => client.prepare('commit').run();
  /** Counts a row and commits every CHUNK rows, so that the WAL stays small. */
  const tick = () => {
    if (++pending >= CHUNK) {
      commit();
      begin();
      pending = 0;
    }
  };
  const insert = (table: string, columns: string[]) => {
    const stmt = client.prepare(`insert into ${table} (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`);
    return (...values: unknown[]) => {
      stmt.run(...values);
      tick();
    };
  };

  const insertUser = insert('users', ['id', 'email', 'email_verified_at', 'password_hash', 'display_name', 'locale', 'is_admin', 'created_at']);
  const insertVolunteer = insert('volunteers', [
    'user_id',
    'status',
    'caring_parent',
    'real_name',
    'phone',
    'county_site_id',
    'check_note',
    'status_reason',
    'vetted_at',
    'vetted_by',
    'recheck_due_at',
    'created_at',
  ]);
  const insertOrg = insert('organizations', [
    'id',
    'name',
    'kind',
    'status',
    'contact_name',
    'contact_phone',
    'county_site_id',
    'check_note',
    'vetted_at',
    'vetted_by',
    'recheck_due_at',
    'created_at',
  ]);
  const insertMember = insert('organization_members', ['org_id', 'user_id', 'role', 'created_at']);
  const insertChild = insert('children', ['id', 'site_id', 'real_name', 'birth_date', 'gender', 'category', 'alias', 'created_by', 'created_at']);
  const insertWish = insert('wishes', [
    'id',
    'child_id',
    'site_id',
    'county_site_id',
    'title',
    'story',
    'category',
    'age_band',
    'value_fen',
    'deadline_at',
    'status',
    'author_id',
    'reviewer_id',
    'published_at',
    'fulfilled_at',
    'created_at',
    'updated_at',
  ]);
  const insertClaim = insert('claims', [
    'id',
    'wish_id',
    'claimant_user_id',
    'org_id',
    'status',
    'reason',
    'approved_at',
    'delivered_at',
    'confirmed_at',
    'value_received_fen',
    'thanks',
    'created_at',
    'updated_at',
  ]);
  const insertAudit = insert('audit_events', ['id', 'at', 'actor_id', 'entity_type', 'entity_id', 'action', 'from_status', 'to_status', 'note', 'site_id']);
  const insertActivity = insert('activities', [
    'id',
    'type',
    'title',
    'description',
    'site_id',
    'org_id',
    'proposer_id',
    'status',
    'reason',
    'submitted_at',
    'approved_at',
    'approved_by',
    'created_at',
    'updated_at',
  ]);
  const insertSlot = insert('slots', [
    'id',
    'activity_id',
    'site_id',
    'starts_at',
    'ends_at',
    'place',
    'capacity',
    'taken',
    'children_expected',
    'scheduled_minutes',
    'status',
    'children_served',
    'money_fen',
    'goods_fen',
    'materials',
    'sessions',
    'closed_at',
    'closed_by',
    'cancel_reason',
    'reminded_at',
    'created_at',
  ]);
  const insertSignup = insert('slot_signups', [
    'id',
    'slot_id',
    'user_id',
    'signed_up_by',
    'status',
    'attendance',
    'service_minutes',
    'attendance_by',
    'attendance_at',
    'created_at',
    'updated_at',
  ]);
  const insertSlotChild = insert('slot_children', ['slot_id', 'child_id']);
  const insertPairing = insert('pairings', [
    'id',
    'volunteer_user_id',
    'child_id',
    'site_id',
    'status',
    'proposed_at',
    'started_at',
    'ended_at',
    'end_reason',
    'ended_by',
    'agreement_signed_on',
    'agreement_witness',
    'created_by',
    'overdue_mailed_at',
  ]);
  const insertVisit = insert('pairing_visits', [
    'id',
    'pairing_id',
    'kind',
    'happened_at',
    'minutes',
    'staff_accompanied',
    'status',
    'confirmed_by',
    'confirmed_at',
    'logged_by',
    'created_at',
  ]);
  const audit = (at: number, actor: string | null, type: string, entityId: string, action: string, from: string | null, to: string | null, siteId: string | null) => {
    insertAudit(ids.next(), at, actor, type, entityId, action, from, to, null, siteId);
    summary.auditEvents++;
  };
  const report = (table: string, done: number, total: number) => {
    if (done === total || done % 100_000 === 0) progress(table, done, total);
  };

  /** Spread over the three years before now. */
  const past = (maxDays = 3 * 365, minDays = 1) => now - Math.floor((minDays + rng.next() * (maxDays - minDays)) * DAY);
  const shanghaiDate = (t: number) => new Date(t + 8 * HOUR).toISOString().slice(0, 10);

  // Only for the load: no fsync per commit (a crash mid-load leaves a database to throw away anyway), a large page
  // cache; put back to the connection's settings (db/client.ts) at the end.
  client.pragma('synchronous = OFF');
  client.pragma('cache_size = -786432');
  client.pragma('temp_store = MEMORY');
  // The secondary indexes of the bulk tables are dropped for the load and built again at the end: one sort each
  // instead of a random B-tree insert per row. Unique ones are checked again as they are built.
  const indexes = client
    .prepare(
      `select type, name, sql from sqlite_master where type in ('index', 'trigger') and sql is not null and tbl_name in (${BULK_TABLES.map(() => '?').join(', ')}) order by type`,
    )
    .all(...BULK_TABLES) as { type: 'index' | 'trigger'; name: string; sql: string }[];
  // The triggers that bump the tables' versions (migration 0006) too: the versions are bumped once at the end.
  for (const index of indexes) client.exec(`drop ${index.type} "${index.name}"`);
  begin();
  try {
    // ---------------------------------------------------------------- the demo set's share of the jobs' work
    // As on a live platform where the jobs have run: the demo set's lapsed re-checks told, its overdue pairings'
    // volunteers mailed (the scale rows below are written so; read before they are, the demo tables are small enough to read whole).
    const untold = client
      .prepare(
        `select v.user_id as id, v.recheck_due_at as dueAt, v.county_site_id as siteId from volunteers v
          where v.status = 'approved' and v.recheck_due_at < ? and not exists (select 1 from audit_events e
            where e.entity_type = 'volunteer' and e.entity_id = v.user_id and e.action = 'recheck_lapsed' and e.at >= v.recheck_due_at)`,
      )
      .all(now) as { id: string; dueAt: number; siteId: string | null }[];
    for (const v of untold) {
      audit(v.dueAt + Math.min(HOUR / 2, Math.floor((now - v.dueAt) / 2)), null, 'volunteer', v.id, 'recheck_lapsed', null, null, v.siteId);
    }
    const demoPairings = client
      .prepare(
        `select p.id, p.started_at as startedAt, p.overdue_mailed_at as mailedAt, s.contact_overdue_days as days,
            (select max(happened_at) from pairing_visits pv where pv.pairing_id = p.id and pv.status = 'confirmed') as lastContact
          from pairings p join sites s on s.id = p.site_id where p.status = 'active' and p.started_at is not null`,
      )
      .all() as { id: string; startedAt: number; mailedAt: number | null; days: number; lastContact: number | null }[];
    const setMailed = client.prepare('update pairings set overdue_mailed_at = ? where id = ?');
    for (const p of demoPairings) {
      const since = Math.max(p.startedAt, p.lastContact ?? 0);
      if (now - since > p.days * DAY && (p.mailedAt === null || p.mailedAt < since)) setMailed.run(Math.min(since + p.days * DAY + HOUR / 2, now), p.id);
    }

    // ---------------------------------------------------------------- helpers
    /** Approved volunteers (ids), the pool claimants and sign-ups are drawn from; and caring parents among them. */
    const approved: string[] = [];
    const caringParents: string[] = [];
    /** Approved volunteers whose yearly re-check has lapsed: when it fell due. */
    const recheckDue = new Map<string, number>();
    const anyStaff = staffRows.map((s) => s.id);
    for (let i = 0; i < counts.volunteers; i++) {
      const id = ids.next();
      const createdAt = past(4 * 365, 30);
      const r = rng.next();
      const status = r < 0.85 ? 'approved' : r < 0.95 ? 'pending' : r < 0.98 ? 'rejected' : 'suspended';
      const vetted = status !== 'pending';
      const vettedAt = vetted ? createdAt + Math.floor(rng.next() * 10 * DAY) + HOUR : null;
      const caring = status === 'approved' && rng.chance(0.2);
      insertUser(id, `scale-v${i}@scale.local`, status === 'pending' && rng.chance(0.3) ? null : createdAt + 10 * MIN, passwordHash, `志愿者${i}`, rng.chance(0.9) ? 'zh-CN' : 'en', 0, createdAt);
      const realName = `${pick(SURNAMES)}${pick(GIVEN)}`;
      const countyId = pick(counties).id;
      const recheckDueAt = status === 'approved' ? vettedAt! + 365 * DAY : null;
      insertVolunteer(
        id,
        status,
        caring ? 1 : 0,
        realName,
        `139${String(10_000_000 + i).slice(-8)}`,
        countyId,
        vetted ? '已查验身份证件' : null,
        status === 'rejected' ? '资料不全' : status === 'suspended' ? '多次未到' : null,
        vettedAt,
        vetted ? pick(anyStaff) : null,
        recheckDueAt,
        createdAt,
      );
      audit(vettedAt ?? createdAt, vetted ? null : id, 'volunteer', id, vetted ? (status === 'approved' ? 'approve' : status === 'rejected' ? 'reject' : 'suspend') : 'apply', null, status, null);
      // The hourly re-check job has told the helper (and their staff) of a lapse already: its event marks it told.
      if (recheckDueAt !== null && recheckDueAt < now) {
        recheckDue.set(id, recheckDueAt);
        audit(recheckDueAt + Math.min(HOUR / 2, Math.floor((now - recheckDueAt) / 2)), null, 'volunteer', id, 'recheck_lapsed', null, null, countyId);
      }
      if (status === 'approved') approved.push(id);
      if (caring) caringParents.push(id);
      summary.volunteers++;
      report('volunteers', i + 1, counts.volunteers);
    }
    if (approved.length === 0) throw new Error('scale seed: no approved volunteer drawn');

    const approvedOrgs: { id: string; managerId: string }[] = [];
    for (let i = 0; i < counts.organizations; i++) {
      const id = ids.next();
      const managerId = ids.next();
      const createdAt = past(4 * 365, 60);
      const status = rng.chance(0.9) ? 'approved' : 'pending';
      const vettedAt = status === 'approved' ? createdAt + 5 * DAY : null;
      insertUser(managerId, `scale-org${i}@scale.local`, createdAt + 10 * MIN, passwordHash, `机构联系人${i}`, 'zh-CN', 0, createdAt);
      insertOrg(
        id,
        `爱心机构${i}`,
        rng.chance(0.7) ? 'social_org' : 'company',
        status,
        `联系人${i}`,
        `0953${String(1_000_000 + i).slice(-7)}`,
        pick(counties).id,
        vettedAt ? '已查验登记证书' : null,
        vettedAt,
        vettedAt ? pick(anyStaff) : null,
        vettedAt ? vettedAt + 365 * DAY : null,
        createdAt,
      );
      insertMember(id, managerId, 'manager', createdAt);
      if (status === 'approved') approvedOrgs.push({ id, managerId });
      summary.organizations++;
    }
    progress('organizations', counts.organizations, counts.organizations);

    // ---------------------------------------------------------------- children
    const kids: { id: string; siteId: string; birthDate: string }[] = [];
    const kidsBySite = new Map<string, string[]>();
    for (let i = 0; i < counts.children; i++) {
      const id = ids.next();
      const site = pick(homes);
      const year = 2008 + Math.floor(rng.next() * 14);
      const birthDate = `${year}-${String(1 + Math.floor(rng.next() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rng.next() * 28)).padStart(2, '0')}`;
      insertChild(id, site.id, `${pick(SURNAMES)}${pick(GIVEN)}`, birthDate, pick(['female', 'male'] as const), pick(CHILD_CATEGORIES), pick(ALIASES), pick(staffFor.get(site.id)!), past(4 * 365, 400));
      kids.push({ id, siteId: site.id, birthDate });
      const list = kidsBySite.get(site.id) ?? [];
      list.push(id);
      kidsBySite.set(site.id, list);
      summary.children++;
      report('children', i + 1, counts.children);
    }

    // ---------------------------------------------------------------- wishes, claims and their audit
    // One audit row for the wish's last step and one for each claim's: 2 per wish in all.
    const claimant = (): { user: string; org: string | null } => {
      if (approvedOrgs.length && rng.chance(0.1)) {
        const o = pick(approvedOrgs);
        return { user: o.managerId, org: o.id };
      }
      return { user: pick(approved), org: null };
    };
    for (let i = 0; i < counts.wishes; i++) {
      const id = ids.next();
      const kid = kids[Math.floor(rng.next() * kids.length)]!;
      const [author, reviewer] = twoStaff(kid.siteId);
      const category = pick(CATEGORIES);
      const item = pick(WISH_ITEMS[category]);
      const r = rng.next();
      const status =
        r < 0.02 ? 'draft' : r < 0.03 ? 'in_review' : r < 0.15 ? 'published' : r < 0.19 ? 'claimed' : r < 0.2 ? 'delivered' : r < 0.98 ? 'fulfilled' : 'withdrawn';
      // Wishes claimed now were written in the last days, so that no claim is due (the claims job would expire them
      // all at the server's first run): approved a few days ago, due in more than a week, deadline weeks ahead.
      const inFlight = status === 'claimed' || status === 'delivered';
      const createdAt = inFlight ? now - Math.floor((3 + rng.next() * 5) * DAY) : past(3 * 365, 2);
      const band = ageBand(kid.birthDate, shanghaiDate(createdAt));
      const valueFen = (20 + Math.floor(rng.next() * 280)) * 100;
      const left = status !== 'draft' && status !== 'in_review';
      // Published a day or two after writing; never in the future.
      const publishedAt = left ? Math.min(createdAt + DAY + Math.floor(rng.next() * DAY), now - MIN) : null;
      // A deadline some weeks after publishing; open wishes mostly still ahead, some past.
      const deadlineAt =
        status === 'published'
          ? rng.chance(0.85)
            ? now + Math.floor((1 + rng.next() * 60) * DAY)
            : publishedAt! + 30 * DAY
          : inFlight
            ? now + Math.floor((10 + rng.next() * 50) * DAY)
            : publishedAt
              ? publishedAt + 60 * DAY
              : null;
      let updatedAt = publishedAt ?? createdAt;
      let fulfilledAt: number | null = null;
      const site = kid.siteId;

      // Claims in time order: maybe an earlier one that ended without delivery, then the live or final one.
      const claimRows: unknown[][] = [];
      const claimSteps: { at: number; actor: string | null; id: string; action: string; to: string }[] = [];
      const claimedFrom = publishedAt ? publishedAt + HOUR : 0;
      const deadEnd = (from: number) => {
        const c = claimant();
        const cid = ids.next();
        const at = Math.min(from + Math.floor(rng.next() * 5 * DAY), now - 2 * HOUR);
        const end = Math.min(at + 3 * DAY, now - HOUR);
        const how = rng.next();
        const [to, actor, reason] = how < 0.5 ? ['released', c.user, null] : how < 0.8 ? ['expired', null, null] : ['rejected', reviewer, '请先完成志愿者培训'];
        claimRows.push([cid, id, c.user, c.org, to, reason, to === 'expired' ? at + HOUR : null, null, null, null, null, at, end]);
        claimSteps.push({ at: end, actor, id: cid, action: to === 'released' ? 'release' : to === 'expired' ? 'expire' : 'reject', to });
        return end;
      };
      if (left && status !== 'withdrawn') {
        let from = claimedFrom;
        if (!inFlight && rng.chance(0.17)) from = deadEnd(from) + HOUR;
        if (status === 'claimed' || status === 'delivered' || status === 'fulfilled') {
          const c = claimant();
          const cid = ids.next();
          const at = Math.min(from + Math.floor(rng.next() * 3 * DAY), now - 3 * HOUR);
          const stage = status === 'claimed' ? (rng.chance(0.5) ? 'pending' : 'approved') : status === 'delivered' ? 'delivered' : 'confirmed';
          const approvedAt = stage === 'pending' ? null : Math.min(at + DAY, now - 2 * HOUR);
          const deliveredAt = stage === 'delivered' || stage === 'confirmed' ? Math.min(approvedAt! + 3 * DAY, now - HOUR) : null;
          const confirmedAt = stage === 'confirmed' ? Math.min(deliveredAt! + DAY, now - 30 * MIN) : null;
          const last = confirmedAt ?? deliveredAt ?? approvedAt ?? at;
          claimRows.push([cid, id, c.user, c.org, stage, null, approvedAt, deliveredAt, confirmedAt, confirmedAt ? valueFen : null, confirmedAt && rng.chance(0.3) ? '谢谢你的礼物!' : null, at, last]);
          claimSteps.push({
            at: last,
            actor: stage === 'confirmed' || stage === 'approved' ? reviewer : c.user,
            id: cid,
            action: stage === 'pending' ? 'claim' : stage === 'approved' ? 'approve' : stage === 'delivered' ? 'deliver' : 'confirm',
            to: stage,
          });
          updatedAt = last;
          if (stage === 'confirmed') fulfilledAt = confirmedAt;
        } else if (claimRows.length) {
          updatedAt = claimSteps[0]!.at;
        }
      }
      if (status === 'withdrawn') updatedAt = publishedAt! + 2 * DAY;

      insertWish(
        id,
        kid.id,
        site,
        wishCounty.get(site)!,
        `${item}`,
        pick(STORIES),
        category,
        band,
        valueFen,
        deadlineAt,
        status,
        author,
        left ? reviewer : null,
        publishedAt,
        fulfilledAt,
        createdAt,
        updatedAt,
      );
      summary.wishes++;
      const wishStep =
        status === 'draft' ? 'create' : status === 'in_review' ? 'submit' : status === 'withdrawn' ? 'withdraw' : status === 'fulfilled' ? 'fulfil' : status === 'published' ? 'publish' : status === 'claimed' ? 'claim' : 'deliver';
      audit(updatedAt, status === 'draft' || status === 'in_review' ? author : reviewer, 'wish', id, wishStep, null, status, site);
      for (const row of claimRows) {
        insertClaim(...row);
        summary.claims++;
      }
      for (const step of claimSteps) audit(step.at, step.actor, 'claim', step.id, step.action, null, step.to, site);
      report('wishes', i + 1, counts.wishes);
    }

    // ---------------------------------------------------------------- activities, slots, sign-ups, children served
    const signupPool = approved;
    for (let i = 0; i < counts.activities; i++) {
      const id = ids.next();
      const site = pick(homes);
      const [author, reviewer] = twoStaff(site.id);
      const org = approvedOrgs.length && rng.chance(0.2) ? pick(approvedOrgs) : null;
      const type = pick(ACTIVITY_TYPES);
      const r = rng.next();
      const status = r < 0.6 ? 'completed' : r < 0.9 ? 'approved' : r < 0.94 ? 'submitted' : r < 0.97 ? 'draft' : r < 0.99 ? 'rejected' : 'cancelled';
      // Completed activities lie in the past; approved ones around now; the rest ahead.
      const firstStart =
        status === 'completed' ? past(2 * 365, 21) : status === 'approved' ? now + Math.floor((rng.next() * 180 - 30) * DAY) : now + Math.floor((7 + rng.next() * 90) * DAY);
      const createdAt = Math.min(firstStart - 20 * DAY, now - DAY);
      const submittedAt = status === 'draft' ? null : createdAt + HOUR;
      const approvedAt = status === 'approved' || status === 'completed' ? createdAt + 2 * DAY : null;
      const proposer = org ? org.managerId : author;
      insertActivity(
        id,
        type,
        `${pick(ACTIVITY_TITLES)}·${i}`,
        '与孩子们一起度过一段愉快的时光,活动由机构工作人员全程陪同。',
        site.id,
        org?.id ?? null,
        proposer,
        status,
        status === 'rejected' || status === 'cancelled' ? '时间安排冲突' : null,
        submittedAt,
        approvedAt,
        approvedAt ? reviewer : null,
        createdAt,
        approvedAt ?? submittedAt ?? createdAt,
      );
      summary.activities++;
      const siteKids = kidsBySite.get(site.id) ?? [];
      for (let k = 0; k < 3; k++) {
        const slotId = ids.next();
        const startsAt = firstStart + k * 7 * DAY + 10 * HOUR;
        const minutes = 60 + 30 * Math.floor(rng.next() * 4);
        const capacity = 5 + Math.floor(rng.next() * 26);
        const isPast = startsAt + minutes * MIN < now;
        const slotStatus =
          status === 'cancelled' || status === 'rejected'
            ? 'cancelled'
            : status === 'completed'
              ? 'closed'
              : status === 'approved'
                ? isPast && rng.chance(0.8)
                  ? 'closed'
                  : 'open'
                : 'open';
        const holdsPeople = status === 'approved' || status === 'completed';
        // Confirmed sign-ups, about 3 a slot, distinct people (a stride through the pool); taken is their number.
        const wanted = holdsPeople && slotStatus !== 'cancelled' ? Math.min(capacity, Math.floor(rng.next() * 7)) : 0;
        const people = new Set<string>();
        const start = Math.floor(rng.next() * signupPool.length);
        for (let p = 0; p < signupPool.length && people.size < wanted; p++) people.add(signupPool[(start + p * 7919) % signupPool.length]!);
        const confirmed = people.size;
        const closed = slotStatus === 'closed';
        const served = closed ? Math.min(siteKids.length, Math.floor(rng.next() * 4)) : null;
        const closedAt = closed ? Math.min(startsAt + minutes * MIN + 2 * HOUR, now - MIN) : null;
        insertSlot(
          slotId,
          id,
          site.id,
          startsAt,
          startsAt + minutes * MIN,
          pick(PLACES),
          capacity,
          confirmed,
          Math.min(10, siteKids.length),
          minutes,
          slotStatus,
          served,
          closed ? Math.floor(rng.next() * 50) * 100 : null,
          closed ? Math.floor(rng.next() * 50) * 100 : null,
          closed ? Math.floor(rng.next() * 20) : null,
          closed ? 1 : null,
          closedAt,
          closed ? reviewer : null,
          slotStatus === 'cancelled' ? '时间安排冲突' : null,
          // The slot-reminder job (every 5 minutes) has reminded every slot of an approved activity starting within 24 h.
          holdsPeople && slotStatus !== 'cancelled' && startsAt - SLOT_REMINDER <= now ? Math.min(startsAt - SLOT_REMINDER + 2 * MIN, now) : null,
          createdAt,
        );
        summary.slots++;
        if (closed) audit(closedAt!, reviewer, 'slot', slotId, 'close', 'open', 'closed', site.id);
        if (confirmed) {
          const signedAt = Math.min(createdAt + 3 * DAY, now - HOUR);
          for (const user of people) {
            const attended = closed ? (rng.chance(0.9) ? 'attended' : 'no_show') : null;
            insertSignup(ids.next(), slotId, user, user, 'confirmed', attended, attended === 'attended' ? minutes : attended ? 0 : null, closed ? reviewer : null, closed ? closedAt : null, signedAt, closedAt ?? signedAt);
            summary.slotSignups++;
          }
        }
        if (served) {
          const startKid = Math.floor(rng.next() * siteKids.length);
          for (let c = 0; c < served; c++) {
            insertSlotChild(slotId, siteKids[(startKid + c) % siteKids.length]!);
            summary.slotChildren++;
          }
        }
      }
      report('activities', i + 1, counts.activities);
    }

    // ---------------------------------------------------------------- pairings and visits
    // About a sixth of the children: one live pairing (mostly active, some proposed), and some an ended one before it.
    const parents = caringParents.length ? caringParents : approved;
    const overdueDaysOf = new Map(
      (client.prepare('select id, contact_overdue_days as days from sites').all() as { id: string; days: number }[]).map((r) => [r.id, r.days]),
    );
    for (let i = 0; i < kids.length; i++) {
      if (!rng.chance(1 / 6)) continue;
      const kid = kids[i]!;
      const staff = pick(staffFor.get(kid.siteId)!);
      const proposedAt = past(2 * 365, 10);
      const ended = rng.chance(0.25);
      if (ended) {
        const pid = ids.next();
        insertPairing(pid, pick(parents), kid.id, kid.siteId, 'ended', proposedAt - 90 * DAY, proposedAt - 89 * DAY, proposedAt - 2 * DAY, '志愿者搬家', staff, shanghaiDate(proposedAt - 90 * DAY), staff, staff, null);
        summary.pairings++;
      }
      const pid = ids.next();
      const active = rng.chance(0.85);
      const startedAt = active ? Math.min(proposedAt + 3 * DAY, now - HOUR) : null;
      const volunteer = pick(parents);
      // The hourly pairing job has ended (action 'lapse', no end reason, no person) an active pairing whose
      // volunteer's re-check lapsed over 30 days ago; the visits lie before that end.
      const lapsedAt = recheckDue.get(volunteer);
      const endedAt =
        active && lapsedAt !== undefined && lapsedAt + RECHECK_GRACE_MS < now
          ? Math.min(Math.max(startedAt! + HOUR / 2, lapsedAt + RECHECK_GRACE_MS + HOUR / 2), now - MIN)
          : null;
      const until = endedAt ?? now;
      const visits: { happenedAt: number; confirmed: boolean; rest: [string, number, number] }[] = [];
      if (active) {
        const count = 1 + Math.floor(rng.next() * 9);
        for (let v = 0; v < count; v++) {
          const happenedAt = startedAt! + Math.floor(rng.next() * Math.max(1, until - startedAt! - HOUR));
          const confirmed = happenedAt < now - 7 * DAY && rng.chance(0.9);
          visits.push({ happenedAt, confirmed, rest: [pick(VISIT_KINDS), 30 + 30 * Math.floor(rng.next() * 4), rng.chance(0.3) ? 1 : 0] });
        }
      }
      // The volunteer of a pairing without confirmed contact for the site's overdue days has been mailed once
      // for this spell (the same job, pairings.overdue_mailed_at).
      const lastContact = Math.max(0, ...visits.filter((v) => v.confirmed).map((v) => v.happenedAt));
      const since = startedAt === null ? null : Math.max(startedAt, lastContact);
      const overdueDays = overdueDaysOf.get(kid.siteId) ?? 30;
      const overdueMailedAt =
        active && endedAt === null && since !== null && now - since > overdueDays * DAY ? Math.min(since + overdueDays * DAY + HOUR / 2, now) : null;
      const status = !active ? 'proposed' : endedAt === null ? 'active' : 'ended';
      insertPairing(pid, volunteer, kid.id, kid.siteId, status, proposedAt, startedAt, endedAt, null, null, shanghaiDate(proposedAt), staff, staff, overdueMailedAt);
      summary.pairings++;
      audit(startedAt ?? proposedAt, staff, 'pairing', pid, active ? 'accept' : 'propose', null, active ? 'active' : 'proposed', kid.siteId);
      if (endedAt !== null) audit(endedAt, null, 'pairing', pid, 'lapse', 'active', 'ended', kid.siteId);
      for (const v of visits) {
        const [kind, minutes, accompanied] = v.rest;
        insertVisit(ids.next(), pid, kind, v.happenedAt, minutes, accompanied, v.confirmed ? 'confirmed' : 'logged', v.confirmed ? staff : null, v.confirmed ? v.happenedAt + 2 * DAY : null, null, v.happenedAt + HOUR);
        summary.pairingVisits++;
      }
      report('pairings', i + 1, kids.length);
    }

    // ---------------------------------------------------------------- the rest of the audit trail
    // Reads of children's records and other staff traffic, up to 2 audit rows per N.
    const target = 2 * n;
    const before = summary.auditEvents;
    for (let i = summary.auditEvents; i < target; i++) {
      const kid = kids[Math.floor(rng.next() * kids.length)]!;
      audit(past(3 * 365, 0), pick(staffFor.get(kid.siteId)!), 'child', kid.id, 'child.read', null, null, kid.siteId);
      report('audit', i + 1 - before, target - before);
    }

    client.prepare("insert into meta (key, value) values ('scale', ?)").run(String(n));
    // Every table version (migrations 0006, 0007, 0008): their triggers were dropped for the load.
    client.prepare("update meta set value = value + 1 where key glob '*_version'").run();
    commit();
  } catch (error) {
    if (client.inTransaction) client.prepare('rollback').run();
    throw error;
  } finally {
    indexes.forEach((index, i) => {
      progress(`${index.type} ${index.name}`, i, indexes.length);
      client.exec(index.sql);
    });
    client.pragma('synchronous = FULL');
    client.pragma('cache_size = -2000');
  }
  progress('analyze', 0, 1);
  client.exec('analyze');
  client.pragma('wal_checkpoint(TRUNCATE)');
  progress('analyze', 1, 1);
  return summary;
}
