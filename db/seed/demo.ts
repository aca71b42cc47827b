/**
 * The demo data set (`npm run cli -- seed --demo`, or SEED_DEMO on a new database).
 *
 * Everything is fictional and DETERMINISTIC: ids come from mulberry32 seeded with
 * 20250630 (80 bits → 16 base32 characters, like app ids) and every other choice from
 * a second mulberry32 stream, so the same `now` gives byte-identical databases.
 * Money is integer fen, timestamps UTC ms, birth dates 'YYYY-MM-DD'.
 *
 * It holds a site tree of Wuzhong (吴忠市), demo accounts, 40 organizations, ~1100
 * private child records, a history for the first half of 2025 that reproduces the
 * figures of the bureau's letter (db/seed/letter-figures.json, a copy of the product spec), and a "present"
 * placed relative to `options.now` (open wishes, claims in flight, upcoming slots).
 *
 * Every wish, claim, volunteer and organization carries the audit events the app itself would
 * have written (same entity types and actions as app/services/*), so no timeline is empty:
 * wishes create → submit → publish (by a second staff member) → claim → deliver → fulfil,
 * claims claim → approve → deliver → confirm, helpers apply → approve/reject → recheck/suspend.
 * Audit rows never feed a letter figure.
 *
 * COUNTING RULES. P = 2025-01-01 00:00 … 2025-06-30 24:00 Asia/Shanghai, i.e. UTC ms
 * t with DEMO_PERIOD.from ≤ t ≤ DEMO_PERIOD.to (= Date.UTC(2024,11,31,16) …
 * Date.UTC(2025,5,30,16) − 1). "Closed slot in P" means slots.status = 'closed' and
 * slots.closed_at in P (in this data set every such slot also starts in P, and every
 * history activity is 'completed').
 *
 * - wishesFulfilled (466): wishes with status 'fulfilled' and fulfilled_at in P. Each has
 *   exactly one claim with status 'confirmed' and confirmed_at = fulfilled_at, made by an
 *   approved volunteer (org_id null) or for an approved organization (org_id set,
 *   claimant_user_id a member of it).
 * - moneyAndGoodsYuan (153000): ( Σ claims.value_received_fen of claims 'confirmed' with
 *   confirmed_at in P  +  Σ (money_fen + goods_fen) of closed slots in P ) / 100.
 * - homeVisits (408): Σ children_served of closed slots in P of activities of type
 *   'home_visit' with status approved/completed  +  number of pairing_visits with
 *   kind 'visit', status 'confirmed' and happened_at in P.
 * - safetyTalks (28): closed slots in P of 'safety_talk' activities;
 *   materialsDistributed (420) = Σ their materials.
 * - tutoringSessions (327): closed slots in P of 'case_tutoring' activities.
 * - filmScreenings (51): closed slots in P of 'film_screening' activities;
 *   filmScreeningCoverage (308) = Σ their children_served.
 * - childrenCareServed (973): DISTINCT slot_children.child_id over closed slots in P of
 *   activities of type temporary_care, family_education, legal_aid, crisis_intervention.
 * - socialOrganizations (26) / companies (12): approved organizations of that kind with a
 *   confirmed claim (org_id = it, confirmed_at in P) or a 'completed' activity
 *   (org_id = it) having a closed slot in P.
 * - caringParents (12): DISTINCT approved volunteers with caring_parent = 1 having a
 *   pairing that ran during P: started_at ≤ P.to and (ended_at is null or ended_at ≥
 *   P.from). Every pairing that overlaps P is still 'active', so adding
 *   "status = 'active'" gives the same 12.
 *
 * For every closed slot children_served = its number of slot_children rows.
 */
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { SQLiteInsertValue } from 'drizzle-orm/sqlite-core/query-builders/insert';
import type { DB } from '../client';
import * as schema from '../schema/index';
import { ageBand } from '../../app/domain/wish';
import * as N from './names';

export const DEMO_SEED = 20250630;

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

/** Local time in Asia/Shanghai (UTC+8, no DST) as UTC ms. Month is 1-based. */
function sh(y: number, m: number, d: number, h = 0, min = 0): number {
  return Date.UTC(y, m - 1, d, h - 8, min);
}
/** The Asia/Shanghai calendar date of an instant. */
function shDate(ms: number): string {
  return new Date(ms + 8 * HOUR).toISOString().slice(0, 10);
}
function shMidnight(ms: number): number {
  const [y, m, d] = shDate(ms).split('-').map(Number);
  return sh(y, m, d);
}
function endOfShDay(ms: number): number {
  return shMidnight(ms) + DAY - 1;
}

/** The first half of 2025 in Asia/Shanghai, inclusive bounds in UTC ms. */
export const DEMO_PERIOD = { from: sh(2025, 1, 1), to: sh(2025, 7, 1) - 1 } as const;
/** Day d (0 = 1 January 2025) of the period, at a Shanghai wall-clock time. */
const pday = (d: number, h = 0, min = 0) => DEMO_PERIOD.from + d * DAY + h * HOUR + min * MIN;

export interface SeedOptions {
  now: number;
  passwordHash: string;
}

export interface SeedSummary {
  sites: number;
  users: number;
  volunteers: number;
  organizations: number;
  organizationMembers: number;
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

/** The demo accounts every demo database has (password chosen by the caller's hash). */
export const DEMO_EMAILS = {
  admin: 'admin@demo.local',
  staff: 'staff@demo.local',
  staff2: 'staff2@demo.local',
  staffLt: 'staff.lt@demo.local',
  staffTx: 'staff.tx@demo.local',
  volunteer: 'volunteer@demo.local',
  pending: 'pending@demo.local',
  org: 'org@demo.local',
} as const;

// ---------------------------------------------------------------------------
// Deterministic randomness

class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  /** mulberry32 */
  u32(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }
  next(): number {
    return this.u32() / 4294967296;
  }
  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  }
  sample<T>(items: readonly T[], n: number): T[] {
    return this.shuffle(items).slice(0, Math.min(n, items.length));
  }
}

class IdSource {
  private rng: Rng;
  constructor(seed: number) {
    this.rng = new Rng(seed);
  }
  /** 80 bits as 16 lower-case base32 characters, the shape of app ids. */
  next(): string {
    const bytes = new Uint8Array(12);
    const view = new DataView(bytes.buffer);
    view.setUint32(0, this.rng.u32());
    view.setUint32(4, this.rng.u32());
    view.setUint32(8, this.rng.u32());
    return encodeBase32LowerCaseNoPadding(bytes.subarray(0, 10));
  }
}

// ---------------------------------------------------------------------------
// Row types

type SiteRow = typeof schema.sites.$inferInsert;
type UserRow = typeof schema.users.$inferInsert;
type VolunteerRow = typeof schema.volunteers.$inferInsert;
type OrgRow = typeof schema.organizations.$inferInsert;
type MemberRow = typeof schema.organizationMembers.$inferInsert;
type ChildRow = typeof schema.children.$inferInsert & { id: string; siteId: string };
type WishRow = typeof schema.wishes.$inferInsert;
type ClaimRow = typeof schema.claims.$inferInsert;
type ActivityRow = typeof schema.activities.$inferInsert;
type SlotRow = typeof schema.slots.$inferInsert;
type SignupRow = typeof schema.slotSignups.$inferInsert;
type SlotChildRow = typeof schema.slotChildren.$inferInsert;
type PairingRow = typeof schema.pairings.$inferInsert;
type VisitRow = typeof schema.pairingVisits.$inferInsert;
type AuditRow = typeof schema.auditEvents.$inferInsert;
type ActivityType = (typeof schema.ACTIVITY_TYPES)[number];
type OrgKind = 'social_org' | 'company';

// ---------------------------------------------------------------------------
// The site tree

interface SiteDef {
  code: string;
  seg: string;
  kind: 'city' | 'county' | 'township' | 'institution';
  parent: string | null;
  zh: string;
  en: string;
  /** Private child records kept at this site. */
  kids: number;
}

const SITE_DEFS: readonly SiteDef[] = [
  { code: 'wz', seg: 'wz', kind: 'city', parent: null, zh: '吴忠市', en: 'Wuzhong City', kids: 0 },
  { code: 'wz-fly', seg: 'fly', kind: 'institution', parent: 'wz', zh: '吴忠市儿童福利院', en: "Wuzhong Children's Welfare Home", kids: 15 },
  { code: 'lt', seg: 'lt', kind: 'county', parent: 'wz', zh: '利通区', en: 'Litong District', kids: 0 },
  { code: 'lt-wb', seg: 'wb', kind: 'institution', parent: 'lt', zh: '利通区未成年人救助保护中心', en: 'Litong District Minors Protection Centre', kids: 60 },
  { code: 'lt-jj', seg: 'jj', kind: 'township', parent: 'lt', zh: '金积镇未成年人救助保护站', en: 'Jinji Town Minors Protection Station', kids: 90 },
  { code: 'lt-jj-et', seg: 'et', kind: 'institution', parent: 'lt-jj', zh: '金积镇儿童之家', en: "Jinji Town Children's Home", kids: 70 },
  { code: 'lt-dts', seg: 'dts', kind: 'township', parent: 'lt', zh: '东塔寺乡未成年人救助保护站', en: 'Dongtasi Township Minors Protection Station', kids: 80 },
  { code: 'hsb', seg: 'hsb', kind: 'county', parent: 'wz', zh: '红寺堡区', en: 'Hongsibu District', kids: 0 },
  { code: 'hsb-wb', seg: 'wb', kind: 'institution', parent: 'hsb', zh: '红寺堡区未成年人救助保护中心', en: 'Hongsibu District Minors Protection Centre', kids: 50 },
  { code: 'hsb-dh', seg: 'dh', kind: 'township', parent: 'hsb', zh: '大河乡未成年人救助保护站', en: 'Dahe Township Minors Protection Station', kids: 90 },
  { code: 'hsb-dh-et', seg: 'et', kind: 'institution', parent: 'hsb-dh', zh: '大河乡儿童之家', en: "Dahe Township Children's Home", kids: 60 },
  { code: 'qtx', seg: 'qtx', kind: 'county', parent: 'wz', zh: '青铜峡市', en: 'Qingtongxia City', kids: 0 },
  { code: 'qtx-wb', seg: 'wb', kind: 'institution', parent: 'qtx', zh: '青铜峡市未成年人救助保护中心', en: 'Qingtongxia City Minors Protection Centre', kids: 50 },
  { code: 'qtx-ys', seg: 'ys', kind: 'township', parent: 'qtx', zh: '叶盛镇未成年人救助保护站', en: 'Yesheng Town Minors Protection Station', kids: 90 },
  { code: 'yc', seg: 'yc', kind: 'county', parent: 'wz', zh: '盐池县', en: 'Yanchi County', kids: 0 },
  { code: 'yc-wb', seg: 'wb', kind: 'institution', parent: 'yc', zh: '盐池县未成年人救助保护中心', en: 'Yanchi County Minors Protection Centre', kids: 50 },
  { code: 'yc-hmc', seg: 'hmc', kind: 'township', parent: 'yc', zh: '花马池镇未成年人救助保护站', en: 'Huamachi Town Minors Protection Station', kids: 90 },
  { code: 'yc-hmc-et', seg: 'et', kind: 'institution', parent: 'yc-hmc', zh: '花马池镇儿童之家', en: "Huamachi Town Children's Home", kids: 55 },
  { code: 'tx', seg: 'tx', kind: 'county', parent: 'wz', zh: '同心县', en: 'Tongxin County', kids: 0 },
  { code: 'tx-wb', seg: 'wb', kind: 'institution', parent: 'tx', zh: '同心县未成年人救助保护中心', en: 'Tongxin County Minors Protection Centre', kids: 60 },
  { code: 'tx-yh', seg: 'yh', kind: 'township', parent: 'tx', zh: '豫海镇未成年人救助保护站', en: 'Yuhai Town Minors Protection Station', kids: 100 },
  { code: 'tx-yh-et', seg: 'et', kind: 'institution', parent: 'tx-yh', zh: '豫海镇儿童之家', en: "Yuhai Town Children's Home", kids: 90 },
];

const COUNTIES = ['lt', 'hsb', 'qtx', 'yc', 'tx'] as const;
type County = (typeof COUNTIES)[number];

const CARE_TYPES = ['temporary_care', 'family_education', 'legal_aid', 'crisis_intervention'] as const;

/** Figures the history must reproduce (db/seed/letter-figures.json, a copy of the product spec). */
const TARGET = {
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

const HANDOVER_NOTE =
  '请于工作日 9:00–12:00、14:30–17:30 将礼物送至一楼接待室,报心愿编号,由值班工作人员登记签收并转交;请勿直接交给孩子。';
const HANDOVER_NOTE_HOME =
  '请于工作日 9:00–11:30、14:30–17:30 送至福利院门卫室旁的接待室,报心愿编号,由值班社工签收。为保护孩子隐私,礼物由工作人员转交,请勿拍摄孩子。';

/** A slot of the 2025 history, closed with its outcome. */
interface HistorySlot {
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

// ---------------------------------------------------------------------------

class DemoBuilder {
  readonly rng = new Rng(DEMO_SEED ^ 0x5eed);
  private readonly ids = new IdSource(DEMO_SEED);

  readonly sites: SiteRow[] = [];
  readonly users: UserRow[] = [];
  readonly volunteers: VolunteerRow[] = [];
  readonly orgs: OrgRow[] = [];
  readonly members: MemberRow[] = [];
  readonly children: ChildRow[] = [];
  readonly wishes: WishRow[] = [];
  readonly claims: ClaimRow[] = [];
  readonly activities: ActivityRow[] = [];
  readonly slots: SlotRow[] = [];
  readonly signups: SignupRow[] = [];
  readonly slotChildren: SlotChildRow[] = [];
  readonly pairings: PairingRow[] = [];
  readonly visits: VisitRow[] = [];
  readonly audits: AuditRow[] = [];

  private readonly siteByCode = new Map<string, SiteRow & { id: string; path: string }>();
  private readonly siteCodeById = new Map<string, string>();
  private readonly userByEmail = new Map<string, string>();
  /** County-level staff (and the city staff for the city's own sites). */
  private readonly staffOf = new Map<string, string>();
  readonly kidsBySite = new Map<string, ChildRow[]>();
  private readonly volsByCounty = new Map<County, string[]>();
  private readonly orgList: { id: string; kind: OrgKind; managerId: string; county: County }[] = [];

  constructor(
    private readonly now: number,
    private readonly passwordHash: string,
  ) {}

  id(): string {
    return this.ids.next();
  }

  site(code: string) {
    const s = this.siteByCode.get(code);
    if (!s) throw new Error(`demo seed: unknown site ${code}`);
    return s;
  }
  user(email: string): string {
    const id = this.userByEmail.get(email);
    if (!id) throw new Error(`demo seed: unknown user ${email}`);
    return id;
  }
  /** The county a site belongs to; the city's own sites (the welfare home) stand in 利通区. */
  countyOf(code: string): County {
    const seg = this.site(code).path.split('/')[2];
    return (COUNTIES as readonly string[]).includes(seg) ? (seg as County) : 'lt';
  }
  /** The staff member who acts for a site: its county's staff, or 马老师 for the city's own sites. */
  staffFor(code: string): string {
    const seg = this.site(code).path.split('/')[2];
    return this.staffOf.get(seg) ?? this.user(DEMO_EMAILS.staff);
  }
  /** Days before now, at a Shanghai wall-clock time. */
  ago(days: number, h = 10, min = 0): number {
    return Math.min(shMidnight(this.now) - days * DAY + h * HOUR + min * MIN, this.now - 30 * MIN);
  }
  ahead(days: number, h = 10, min = 0): number {
    return shMidnight(this.now) + days * DAY + h * HOUR + min * MIN;
  }

  audit(e: Omit<AuditRow, 'id'>): void {
    this.audits.push({ id: this.id(), ...e });
  }
  /** What claimWish writes: the wish moves to claimed, the claim starts pending, both by the claimant. */
  private claimAudits(wishId: string, claimId: string, claimant: string, at: number, siteId: string): void {
    this.audit({ at, actorId: claimant, entityType: 'wish', entityId: wishId, action: 'claim', fromStatus: 'published', toStatus: 'claimed', siteId });
    this.audit({ at, actorId: claimant, entityType: 'claim', entityId: claimId, action: 'claim', toStatus: 'pending', siteId });
  }
  /** What the helper's "delivered" writes: the claim, then the wish following it, both by the helper. */
  private deliverAudits(wishId: string, claimId: string, claimant: string, at: number, siteId: string): void {
    this.audit({ at, actorId: claimant, entityType: 'claim', entityId: claimId, action: 'deliver', fromStatus: 'approved', toStatus: 'delivered', siteId });
    this.audit({ at, actorId: claimant, entityType: 'wish', entityId: wishId, action: 'deliver', fromStatus: 'claimed', toStatus: 'delivered', siteId });
  }

  // -------------------------------------------------------------------------
  /**
   * The trail sign-up and vetting leave on every volunteer and organization, as the app writes it
   * (accounts.server.ts, organizations.server.ts, vetting.server.ts): 'apply' (→ pending) by the
   * applicant when the row was created; 'approve' (note = check note) or 'reject' (note = reason) by
   * the county's staff; a 'recheck' at vetted_at when the check on record is later than the first
   * approval; 'suspend' (note = reason) for suspended ones; 'invite_member' / 'join' for invited members.
   * Runs last: v059's suspension follows the no-shows of the history, and its row is completed here.
   */
  private buildHelperTrails(): void {
    type Helper = { kind: 'volunteer' | 'organization'; id: string; applicant: string; row: VolunteerRow | OrgRow };
    const managerOf = new Map(this.members.filter((m) => m.role === 'manager').map((m) => [m.orgId, m.userId]));
    const helpers: Helper[] = [
      ...this.volunteers.map((v) => ({ kind: 'volunteer' as const, id: v.userId, applicant: v.userId, row: v })),
      ...this.orgs.map((o) => ({ kind: 'organization' as const, id: o.id!, applicant: managerOf.get(o.id!)!, row: o })),
    ];
    for (const { kind, id, applicant, row } of helpers) {
      const siteId = row.countySiteId ?? null;
      const event = (at: number, actorId: string, action: string, fromStatus: string | null, toStatus: string | null, note: string | null = null) =>
        this.audit({ at, actorId, entityType: kind, entityId: id, action, fromStatus, toStatus, note, siteId });
      event(row.createdAt, applicant, 'apply', null, 'pending');
      if (row.status === 'pending') continue;
      const staff = row.vettedBy!;
      if (row.status === 'rejected') {
        event(row.vettedAt!, staff, 'reject', 'pending', 'rejected', row.statusReason!);
        continue;
      }
      // First approval about a week after applying; a check on record much later than that is a re-check.
      const firstAt = firstCheckAt(row.createdAt);
      const approvedAt = row.vettedAt! - firstAt > 30 * DAY ? firstAt : row.vettedAt!;
      const firstNote = row.checkNote!.replace(/\d{4}-\d{2}-\d{2}$/, shDate(approvedAt));
      event(approvedAt, staff, 'approve', 'pending', 'approved', firstNote);
      if (row.status === 'suspended') {
        // Two no-shows without notice (see the history's safety talks), suspended two days after the second.
        const lastNoShow = Math.max(...this.signups.filter((g) => g.userId === id && g.attendance === 'no_show').map((g) => g.updatedAt!));
        if (!Number.isFinite(lastNoShow)) throw new Error(`demo seed: suspended ${kind} ${id} has no no-shows`);
        const suspendedAt = shMidnight(lastNoShow) + 2 * DAY + 10 * HOUR;
        event(suspendedAt, staff, 'suspend', 'approved', 'suspended', row.statusReason!);
        Object.assign(row, { checkNote: firstNote, vettedAt: suspendedAt, recheckDueAt: approvedAt + 365 * DAY });
        continue;
      }
      if (row.vettedAt! > approvedAt) event(row.vettedAt!, staff, 'recheck', 'approved', 'approved', row.checkNote!);
    }
    for (const m of this.members.filter((x) => x.role === 'member')) {
      const org = this.orgs.find((o) => o.id === m.orgId)!;
      const siteId = org.countySiteId ?? null;
      this.audit({ at: m.createdAt - DAY, actorId: managerOf.get(m.orgId)!, entityType: 'organization', entityId: m.orgId, action: 'invite_member', siteId });
      this.audit({ at: m.createdAt, actorId: m.userId, entityType: 'organization', entityId: m.orgId, action: 'join' });
    }
  }

  // -------------------------------------------------------------------------
  build(): void {
    this.buildSites();
    this.buildStaff();
    this.buildVolunteers();
    this.buildOrganizations();
    this.buildChildren();
    const homeVisitsFromPairings = this.buildPairings();
    this.buildHistoryWishes();
    this.buildHistoryActivities(TARGET.homeVisits - homeVisitsFromPairings);
    this.buildPresentWishes();
    this.buildPresentActivities();
    this.buildHelperTrails();
  }

  // -------------------------------------------------------------------------
  private buildSites(): void {
    const createdAt = sh(2024, 1, 2, 9);
    SITE_DEFS.forEach((def, i) => {
      const parent = def.parent ? this.site(def.parent) : null;
      const path = `${parent ? parent.path : '/'}${def.seg}/`;
      const hosts = def.kind === 'institution' || def.kind === 'township';
      let address: string | null = null;
      if (hosts) {
        const county = SITE_DEFS.find((d) => d.code === this.countyCodeOfDef(def))!;
        const townDef = def.kind === 'township' ? def : SITE_DEFS.find((d) => d.code === def.parent && d.kind === 'township');
        const town = townDef ? townDef.zh.replace(/未成年人.*$/, '') : '';
        const street = N.INSTITUTION_STREETS[i % N.INSTITUTION_STREETS.length];
        const prefix = county.code === 'qtx' ? '青铜峡市' : `吴忠市${county.zh}`;
        address = `${prefix}${town}${street}${8 + ((i * 37) % 180)}号`;
      }
      const row = {
        id: this.id(),
        code: def.code,
        kind: def.kind,
        parentId: parent ? parent.id : null,
        path,
        nameZh: def.zh,
        nameEn: def.en,
        wishValueCapFen: 30000,
        address,
        handoverNote: hosts ? (def.code === 'wz-fly' ? HANDOVER_NOTE_HOME : HANDOVER_NOTE) : null,
        createdAt,
      };
      this.sites.push(row);
      this.siteByCode.set(def.code, row);
      this.siteCodeById.set(row.id, def.code);
    });
  }

  private countyCodeOfDef(def: SiteDef): string {
    let d: SiteDef | undefined = def;
    while (d && d.kind !== 'county') d = SITE_DEFS.find((x) => x.code === d!.parent);
    return d ? d.code : 'lt';
  }

  private addUser(email: string, displayName: string, createdAt: number, extra: Partial<UserRow> = {}): string {
    const id = this.id();
    this.users.push({
      id,
      email: email.toLowerCase(),
      emailVerifiedAt: createdAt + 12 * MIN,
      passwordHash: this.passwordHash,
      displayName,
      locale: 'zh-CN',
      isAdmin: false,
      staffSiteId: null,
      disabledAt: null,
      createdAt,
      ...extra,
    });
    this.userByEmail.set(email.toLowerCase(), id);
    return id;
  }

  private buildStaff(): void {
    const t = sh(2024, 1, 3, 9);
    this.addUser(DEMO_EMAILS.admin, '市民政局管理员', t, { isAdmin: true });
    this.addUser(DEMO_EMAILS.staff, '马老师(儿童福利院)', t + HOUR, { staffSiteId: this.site('wz').id });
    this.addUser(DEMO_EMAILS.staff2, '李老师(市民政局儿童福利科)', t + 2 * HOUR, { staffSiteId: this.site('wz').id });
    const county: [County, string, string][] = [
      ['lt', DEMO_EMAILS.staffLt, '王督导(利通区)'],
      ['hsb', 'staff.hsb@demo.local', '海主任(红寺堡区)'],
      ['qtx', 'staff.qtx@demo.local', '周督导(青铜峡市)'],
      ['yc', 'staff.yc@demo.local', '白主任(盐池县)'],
      ['tx', DEMO_EMAILS.staffTx, '杨主任(同心县)'],
    ];
    county.forEach(([code, email, name], i) => {
      const id = this.addUser(email, name, t + (3 + i) * HOUR, { staffSiteId: this.site(code).id });
      this.staffOf.set(code, id);
    });
  }

  private adultName(i: number): string {
    return N.SURNAMES[(i * 7 + 3) % N.SURNAMES.length] + N.ADULT_GIVEN[(i * 5 + 1) % N.ADULT_GIVEN.length];
  }
  private phone(i: number): string {
    return `1380000${String(1000 + i).padStart(4, '0')}`;
  }

  /** Vetting recorded at the last off-line check: recent for most, overdue for a few. */
  private vetting(i: number, createdAt: number, what: string): Pick<VolunteerRow, 'checkNote' | 'vettedAt' | 'recheckDueAt'> {
    const daysAgo = i % 9 === 4 ? 380 + (i % 20) : 20 + ((i * 37) % 300);
    const vettedAt = Math.max(createdAt + 7 * DAY, this.ago(daysAgo, 15));
    return { checkNote: `${what} seen on ${shDate(vettedAt)}`, vettedAt, recheckDueAt: vettedAt + 365 * DAY };
  }

  private buildVolunteers(): void {
    for (const c of COUNTIES) this.volsByCounty.set(c, []);
    const availability = ['周末全天', '工作日晚上', '周六上午', '寒暑假', '周日下午'];
    const skills = ['绘画、手工', '陪伴阅读', '数学辅导', '心理咨询(持证)', '篮球、跳绳', '英语辅导', '急救(红十字证书)', '摄影'];

    // volunteer@demo.local: the caring mother of the demo, vetted on 2025-01-10.
    const demoVettedAt = sh(2025, 1, 10, 15);
    const demoId = this.addUser(DEMO_EMAILS.volunteer, '刘芳(爱心妈妈)', sh(2025, 1, 6, 20));
    this.volunteers.push({
      userId: demoId,
      status: 'approved',
      caringParent: true,
      realName: '刘芳',
      phone: this.phone(0),
      countySiteId: this.site('lt').id,
      availability: '周末全天',
      skills: '绘画、陪伴阅读',
      checkNote: '无犯罪记录证明 seen on 2025-01-10',
      statusReason: null,
      vettedAt: demoVettedAt,
      vettedBy: this.staffOf.get('lt')!,
      recheckDueAt: sh(2026, 1, 10, 15),
      createdAt: sh(2025, 1, 6, 20),
    });

    // v001…v012 caring parents (v001–v011 paired at the welfare home, v012's pairing ended in 2024),
    // v013…v058 approved, v059 suspended, v060 rejected, v061 pending.
    for (let i = 1; i <= 61; i++) {
      const email = `v${String(i).padStart(3, '0')}@demo.local`;
      const realName = this.adultName(i);
      const caringParent = i <= 12;
      const county: County = caringParent ? 'lt' : COUNTIES[i % COUNTIES.length];
      // Caring parents signed up in 2023, before their pairings (the first began in January 2024).
      const createdAt = i === 61 ? this.ago(5, 21) : caringParent ? sh(2023, 6 + (i % 6), 1 + ((i * 3) % 27), 19) : sh(2024, 1 + (i % 11), 1 + ((i * 3) % 27), 19);
      const id = this.addUser(email, caringParent ? `${realName}(${i % 2 ? '爱心爸爸' : '爱心妈妈'})` : realName, createdAt);
      const status = i === 59 ? 'suspended' : i === 60 ? 'rejected' : i === 61 ? 'pending' : 'approved';
      // Rejected within days of applying, with no check on record (the certificate never came).
      // The suspension (v059) is decided in buildHelperTrails, after the no-shows that caused it.
      const vet =
        status === 'pending'
          ? { checkNote: null, vettedAt: null, recheckDueAt: null }
          : status === 'rejected'
            ? { checkNote: null, vettedAt: firstCheckAt(createdAt) - 2 * DAY, recheckDueAt: null }
            : this.vetting(i, createdAt, '无犯罪记录证明');
      this.volunteers.push({
        userId: id,
        status,
        caringParent,
        realName,
        phone: this.phone(i),
        countySiteId: this.site(county).id,
        availability: availability[i % availability.length],
        skills: skills[i % skills.length],
        ...vet,
        recheckDueAt: status === 'rejected' ? null : vet.recheckDueAt,
        statusReason:
          status === 'suspended' ? '连续两次报名后未到场且未请假,暂停报名资格;与工作人员沟通后可恢复。' : status === 'rejected' ? '未能提供无犯罪记录证明,请补充后重新申请。' : null,
        vettedBy: vet.vettedAt ? this.staffOf.get(county)! : null,
        createdAt,
      });
      if (status === 'approved' || i === 59) this.volsByCounty.get(county)!.push(id);
    }

    const pendingAt = this.ago(2, 20, 30);
    const pendingId = this.addUser(DEMO_EMAILS.pending, '赵晨', pendingAt);
    this.volunteers.push({
      userId: pendingId,
      status: 'pending',
      caringParent: false,
      realName: '赵晨',
      phone: this.phone(99),
      countySiteId: this.site('lt').id,
      availability: '周末全天',
      skills: '英语辅导',
      createdAt: pendingAt,
    });
  }

  /** Approved volunteers who may sign up / claim at a date (volunteer@demo.local only after vetting). */
  private historyPool(county: County, at: number, includeSuspended = false): string[] {
    const suspended = this.user('v059@demo.local');
    const pool = this.volsByCounty.get(county)!.filter((id) => includeSuspended || id !== suspended);
    return county === 'lt' && at > sh(2025, 1, 15) ? [...pool, this.user(DEMO_EMAILS.volunteer)] : pool;
  }

  private buildOrganizations(): void {
    const countyOfName = (name: string): County =>
      name.startsWith('红寺堡') ? 'hsb' : name.startsWith('青铜峡') ? 'qtx' : name.startsWith('盐池') ? 'yc' : name.startsWith('同心') ? 'tx' : 'lt';
    const add = (name: string, kind: OrgKind, status: 'approved' | 'pending', email: string, i: number) => {
      const county = countyOfName(name);
      const createdAt = status === 'pending' ? this.ago(3 + i, 11) : sh(2024, 1 + (i % 10), 5 + (i % 20), 10);
      const contact = this.adultName(100 + i);
      const managerId = this.addUser(email, `${contact}(${name.replace(/(有限公司|社会工作服务中心|公益协会)$/, '')})`, createdAt);
      const id = this.id();
      const vet = status === 'approved' ? this.vetting(100 + i, createdAt, kind === 'company' ? '营业执照' : '社会组织登记证书') : null;
      this.orgs.push({
        id,
        name,
        kind,
        status,
        contactName: contact,
        contactPhone: `0953-20${String(10000 + i * 137).slice(-5)}`,
        countySiteId: this.site(county).id,
        description:
          kind === 'company'
            ? `${name}长期关注困境儿童,通过捐赠物资、认领微心愿和资助集体活动参与关爱服务。`
            : `${name}是在民政部门登记的社会组织,组织志愿者和专业社工参与困境儿童关爱服务。`,
        checkNote: vet?.checkNote ?? null,
        statusReason: null,
        vettedAt: vet?.vettedAt ?? null,
        vettedBy: vet ? this.staffOf.get(county)! : null,
        recheckDueAt: vet?.recheckDueAt ?? null,
        createdAt,
      });
      this.members.push({ orgId: id, userId: managerId, role: 'manager', createdAt });
      if (status === 'approved') this.orgList.push({ id, kind, managerId, county });
      return { id, createdAt };
    };
    N.SOCIAL_ORGS.forEach((name, i) => {
      const email = i === 0 ? DEMO_EMAILS.org : `org-s${String(i + 1).padStart(2, '0')}@demo.local`;
      const org = add(name, 'social_org', 'approved', email, i);
      if (i < 3) {
        const memberId = this.addUser(`member.s${String(i + 1).padStart(2, '0')}@demo.local`, this.adultName(140 + i), org.createdAt + 20 * DAY);
        this.members.push({ orgId: org.id, userId: memberId, role: 'member', createdAt: org.createdAt + 20 * DAY });
      }
    });
    N.COMPANIES.forEach((name, i) => add(name, 'company', 'approved', `org-c${String(i + 1).padStart(2, '0')}@demo.local`, 30 + i));
    N.PENDING_ORGS.forEach((o, i) => add(o.name, o.kind, 'pending', `org-p${String(i + 1).padStart(2, '0')}@demo.local`, i));
  }

  social(i: number) {
    return this.orgList.filter((o) => o.kind === 'social_org')[i];
  }
  company(i: number) {
    return this.orgList.filter((o) => o.kind === 'company')[i];
  }

  // -------------------------------------------------------------------------
  private buildChildren(): void {
    const categories = ['left_behind', 'in_difficulty', 'de_facto_unsupported', 'migrant', 'orphan'] as const;
    const weights = [0.35, 0.3, 0.15, 0.15, 0.05];
    const birthFrom = Date.UTC(2009, 6, 1);
    const birthSpanDays = Math.floor((Date.UTC(2022, 5, 30) - birthFrom) / DAY);
    for (const def of SITE_DEFS) {
      const list: ChildRow[] = [];
      for (let i = 0; i < def.kids; i++) {
        const female = this.rng.chance(0.5);
        const given = this.rng.pick(female ? N.GIVEN_NAMES_FEMALE : N.GIVEN_NAMES_MALE);
        const realName = this.rng.pick(N.SURNAMES) + given;
        let alias = this.rng.pick(N.ALIASES);
        while (alias.includes(given) || given.includes(alias)) alias = this.rng.pick(N.ALIASES);
        let category: (typeof categories)[number];
        if (def.code === 'wz-fly') category = i < 8 ? 'orphan' : 'de_facto_unsupported';
        else {
          const r = this.rng.next();
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
        const birthDate = new Date(birthFrom + this.rng.int(0, birthSpanDays) * DAY).toISOString().slice(0, 10);
        const row: ChildRow = {
          id: this.id(),
          siteId: this.site(def.code).id,
          realName,
          birthDate,
          gender: female ? 'female' : 'male',
          category,
          guardian: def.code === 'wz-fly' ? '吴忠市儿童福利院(集中供养)' : this.rng.pick(N.GUARDIANS[category]),
          notes: this.rng.chance(0.6) ? this.rng.pick(N.CHILD_NOTES[category]) : null,
          alias,
          createdBy: this.staffFor(def.code),
          createdAt: sh(2024, 2 + (i % 10), 1 + (i % 28), 10),
        };
        list.push(row);
        this.children.push(row);
      }
      if (def.kids > 0) this.kidsBySite.set(def.code, list);
    }
  }

  private kids(code: string): ChildRow[] {
    return this.kidsBySite.get(code) ?? [];
  }
  /** Sites of a county that keep child records. */
  private childSites(county: County): string[] {
    return SITE_DEFS.filter((d) => d.kids > 0 && d.code !== 'wz-fly' && this.countyOf(d.code) === county).map((d) => d.code);
  }

  // -------------------------------------------------------------------------
  /** Caring-parent pairings at the welfare home; returns the confirmed home visits they log in P. */
  private buildPairings(): number {
    const home = this.kids('wz-fly');
    const staff = this.user(DEMO_EMAILS.staff);
    const parents = [this.user(DEMO_EMAILS.volunteer), ...Array.from({ length: 11 }, (_, i) => this.user(`v${String(i + 1).padStart(3, '0')}@demo.local`))];
    let visitsInPeriod = 0;
    parents.forEach((volunteerUserId, p) => {
      const startedAt = p === 0 ? sh(2025, 1, 20, 10) : sh(2024, 3 + (p % 9), 5 + p, 10);
      const pairingId = this.id();
      this.pairings.push({
        id: pairingId,
        volunteerUserId,
        childId: home[p].id,
        siteId: this.site('wz-fly').id,
        status: 'active',
        startedAt,
        endedAt: null,
        createdBy: staff,
      });
      this.audit({ at: startedAt, actorId: staff, entityType: 'pairing', entityId: pairingId, action: 'create', fromStatus: null, toStatus: 'active', siteId: this.site('wz-fly').id });
      // First half of 2025: a visit about every month, a phone call in between.
      let d = p === 0 ? 25 : 6 + p * 2;
      while (d <= 172) {
        const happenedAt = pday(d, 9 + (p % 3), 30);
        this.visits.push({
          id: this.id(),
          pairingId,
          kind: 'visit',
          happenedAt,
          minutes: 90 + 15 * ((p + d) % 5),
          note: this.rng.pick(['陪孩子读绘本、做手工', '一起包饺子,聊了学习和朋友', '陪同去公园散步', '辅导作业,一起整理房间', '带孩子理发、买春季衣服']),
          status: 'confirmed',
          confirmedBy: staff,
          confirmedAt: happenedAt + DAY,
          createdAt: happenedAt + 6 * HOUR,
        });
        visitsInPeriod++;
        if (d + 14 <= 172) {
          const callAt = pday(d + 14, 19, 30);
          this.visits.push({ id: this.id(), pairingId, kind: 'call', happenedAt: callAt, minutes: 20 + (p % 3) * 5, note: '电话问候', status: 'confirmed', confirmedBy: staff, confirmedAt: callAt + DAY, createdAt: callAt + HOUR });
        }
        if (p === 3 && d < 60) {
          // Logged twice by mistake: rejected, so it counts nowhere.
          this.visits.push({ id: this.id(), pairingId, kind: 'visit', happenedAt, minutes: 120, note: '重复登记', status: 'rejected', confirmedBy: staff, confirmedAt: happenedAt + DAY, createdAt: happenedAt + 7 * HOUR });
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
        const happenedAt = this.ago(r.days, r.kind === 'call' ? 19 : 10);
        if (happenedAt <= DEMO_PERIOD.to) continue; // never add to the letter's period
        this.visits.push({
          id: this.id(),
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
    const endedId = this.id();
    this.pairings.push({
      id: endedId,
      volunteerUserId: this.user('v012@demo.local'),
      childId: home[12].id,
      siteId: this.site('wz-fly').id,
      status: 'ended',
      startedAt: sh(2024, 1, 15, 10),
      endedAt: sh(2024, 11, 30, 17),
      createdBy: staff,
    });
    this.visits.push({ id: this.id(), pairingId: endedId, kind: 'visit', happenedAt: sh(2024, 6, 1, 10), minutes: 120, note: '六一陪伴', status: 'confirmed', confirmedBy: staff, confirmedAt: sh(2024, 6, 2, 10), createdAt: sh(2024, 6, 1, 16) });
    return visitsInPeriod;
  }

  // -------------------------------------------------------------------------
  /** Title and story of a wish, checked against the child's names. */
  private wishText(child: ChildRow, at: number): { title: string; story: string; category: N.WishCategory; valueFen: number; ageBand: string } {
    const today = shDate(at);
    const age = ageYears(child.birthDate, today);
    const given = child.realName.slice(1);
    for (let attempt = 0; attempt < 20; attempt++) {
      const item = this.rng.pick(N.WISH_ITEMS);
      const reason = this.rng.pick(item.reasons);
      const closing = this.rng.pick(N.WISH_CLOSINGS);
      const title = `${child.alias}的心愿:${item.item}`;
      const story = `${child.alias}今年${age}岁,${reason},希望有${item.item}。${closing}`;
      const text = title + story;
      if (text.includes(child.realName) || text.includes(given)) continue;
      return { title, story, category: item.category, valueFen: this.rng.int(item.yuan[0], item.yuan[1]) * 100, ageBand: ageBand(child.birthDate, today) };
    }
    throw new Error('demo seed: no privacy-safe wish text found');
  }

  private wishAuthor(code: string): { author: string; reviewer: string } {
    const author = this.staffFor(code);
    const staff = this.user(DEMO_EMAILS.staff);
    const staff2 = this.user(DEMO_EMAILS.staff2);
    return { author, reviewer: author === staff ? staff2 : this.rng.chance(0.5) ? staff : staff2 };
  }

  private buildHistoryWishes(): void {
    const chosen = this.rng.sample(this.children.filter(wishAge), TARGET.wishesFulfilled);
    const demoVol = this.user(DEMO_EMAILS.volunteer);
    let demoClaims = 0;
    let ltVolunteerClaims = 0;
    chosen.forEach((child, k) => {
      const code = this.siteCodeById.get(child.siteId)!;
      const county = this.countyOf(code);
      const createdAt = pday(2 + Math.floor((k * 148) / TARGET.wishesFulfilled), this.rng.int(9, 16), this.rng.int(0, 59));
      const submitAt = createdAt + this.rng.int(10, 120) * MIN;
      const publishedAt = submitAt + this.rng.int(4, 48) * HOUR;
      const claimAt = publishedAt + this.rng.int(2, 240) * HOUR;
      const approvedAt = claimAt + this.rng.int(2, 48) * HOUR;
      const deliveredAt = approvedAt + this.rng.int(1, 10) * DAY + this.rng.int(0, 6) * HOUR;
      const confirmedAt = deliveredAt + this.rng.int(1, 48) * HOUR;
      const text = this.wishText(child, createdAt);
      const { author, reviewer } = this.wishAuthor(code);

      // Every third wish is claimed by an organization (all 38 take part), the rest by volunteers of the county.
      let claimant: string;
      let orgId: string | null = null;
      if (k % 3 === 0) {
        const org = this.orgList[Math.floor(k / 3) % this.orgList.length];
        claimant = org.managerId;
        orgId = org.id;
      } else if (county === 'lt' && claimAt > sh(2025, 1, 20) && ++ltVolunteerClaims % 12 === 0 && demoClaims < 6) {
        claimant = demoVol;
        demoClaims++;
      } else {
        claimant = this.rng.pick(this.historyPool(county, 0));
      }
      const valueReceivedFen = this.rng.chance(0.2) ? Math.max(1000, text.valueFen - this.rng.int(1, 15) * 100) : text.valueFen;

      const wishId = this.id();
      const siteId = child.siteId;
      this.wishes.push({
        id: wishId,
        childId: child.id,
        siteId,
        countySiteId: this.site(county).id,
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
      const claimId = this.id();
      this.claims.push({
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
        thanks: this.rng.pick(N.THANKS),
        reminderSentAt: null,
        createdAt: claimAt,
        updatedAt: confirmedAt,
      });
      this.audit({ at: createdAt, actorId: author, entityType: 'wish', entityId: wishId, action: 'create', toStatus: 'draft', siteId });
      this.audit({ at: submitAt, actorId: author, entityType: 'wish', entityId: wishId, action: 'submit', fromStatus: 'draft', toStatus: 'in_review', siteId });
      this.audit({ at: publishedAt, actorId: reviewer, entityType: 'wish', entityId: wishId, action: 'publish', fromStatus: 'in_review', toStatus: 'published', siteId });
      this.claimAudits(wishId, claimId, claimant, claimAt, siteId);
      this.audit({ at: approvedAt, actorId: author, entityType: 'claim', entityId: claimId, action: 'approve', fromStatus: 'pending', toStatus: 'approved', siteId });
      this.deliverAudits(wishId, claimId, claimant, deliveredAt, siteId);
      this.audit({ at: confirmedAt, actorId: author, entityType: 'claim', entityId: claimId, action: 'confirm', fromStatus: 'delivered', toStatus: 'confirmed', note: `实收 ¥${valueReceivedFen / 100}`, siteId });
      this.audit({ at: confirmedAt, actorId: author, entityType: 'wish', entityId: wishId, action: 'fulfil', fromStatus: 'delivered', toStatus: 'fulfilled', siteId });
    });
  }

  // -------------------------------------------------------------------------
  private addHistoryActivity(a: {
    type: ActivityType;
    title: string;
    description: string;
    site: string;
    org?: { id: string; managerId: string } | null;
    slots: HistorySlot[];
  }): { slotIds: string[] } {
    const staff = this.staffFor(a.site);
    const proposer = a.org ? a.org.managerId : staff;
    const firstStart = Math.min(...a.slots.map((s) => s.startsAt));
    const createdAt = Math.max(pday(1, 9), firstStart - this.rng.int(8, 14) * DAY);
    const submittedAt = createdAt + HOUR;
    const approvedAt = Math.min(createdAt + this.rng.int(20, 40) * HOUR, firstStart - HOUR);
    const activityId = this.id();
    const siteId = this.site(a.site).id;
    let lastClose = 0;
    const slotIds: string[] = [];
    for (const s of a.slots) {
      const slotId = this.id();
      slotIds.push(slotId);
      const endsAt = s.startsAt + s.minutes * MIN;
      const closedAt = Math.min(endsAt + this.rng.int(2, 30) * HOUR, DEMO_PERIOD.to - 12 * HOUR);
      lastClose = Math.max(lastClose, closedAt);
      const slotSite = this.site(s.site).id;
      if (s.volunteers.length + (s.noShows?.length ?? 0) > s.capacity) throw new Error('demo seed: capacity exceeded');
      this.slots.push({
        id: slotId,
        activityId,
        siteId: slotSite,
        startsAt: s.startsAt,
        endsAt,
        capacity: s.capacity,
        childrenExpected: s.children.length,
        status: 'closed',
        childrenServed: s.children.length,
        moneyFen: s.moneyFen ?? 0,
        goodsFen: s.goodsFen ?? 0,
        materials: s.materials ?? 0,
        closedAt,
        createdAt,
      });
      for (const c of s.children) this.slotChildren.push({ slotId, childId: c.id });
      const signupAt = (i: number) => Math.min(Math.max(approvedAt, s.startsAt - 7 * DAY) + (2 + i * 5) * HOUR, s.startsAt - HOUR);
      s.volunteers.forEach((userId, i) => {
        this.signups.push({ id: this.id(), slotId, userId, status: 'confirmed', attendance: 'attended', serviceMinutes: s.minutes, createdAt: signupAt(i), updatedAt: closedAt });
      });
      (s.noShows ?? []).forEach((userId, i) => {
        this.signups.push({ id: this.id(), slotId, userId, status: 'confirmed', attendance: 'no_show', serviceMinutes: 0, createdAt: signupAt(s.volunteers.length + i), updatedAt: closedAt });
      });
      this.audit({ at: closedAt, actorId: this.staffFor(s.site), entityType: 'slot', entityId: slotId, action: 'close', fromStatus: 'open', toStatus: 'closed', note: `服务 ${s.children.length} 人次`, siteId: slotSite });
    }
    const completedAt = lastClose + HOUR;
    this.activities.push({
      id: activityId,
      type: a.type,
      title: a.title,
      description: a.description,
      siteId,
      orgId: a.org ? a.org.id : null,
      proposerId: proposer,
      status: 'completed',
      reason: null,
      createdAt,
      updatedAt: completedAt,
    });
    this.audit({ at: submittedAt, actorId: proposer, entityType: 'activity', entityId: activityId, action: 'submit', fromStatus: 'draft', toStatus: 'submitted', siteId });
    this.audit({ at: approvedAt, actorId: staff, entityType: 'activity', entityId: activityId, action: 'approve', fromStatus: 'submitted', toStatus: 'approved', siteId });
    this.audit({ at: completedAt, actorId: staff, entityType: 'activity', entityId: activityId, action: 'complete', fromStatus: 'approved', toStatus: 'completed', siteId });
    return { slotIds };
  }

  private vols(county: County, at: number, n: number): string[] {
    return this.rng.sample(this.historyPool(county, at), n);
  }

  private buildHistoryActivities(homeVisitChildren: number): void {
    const countyZh = (c: County) => SITE_DEFS.find((d) => d.code === c)!.zh;
    const winterSlots: { index: number; served: number }[] = [];

    // 个案辅导 327: per county two quarters, one child per session, one tutor.
    let tutoringActivity = 0;
    COUNTIES.forEach((c, ci) => {
      const wb = `${c}-wb`;
      const cases = this.kids(wb).slice(0, 8);
      const tutors = this.historyPool(c, 0).slice(0, 8);
      for (let h = 0; h < 2; h++) {
        const n = tutoringActivity < 9 ? 33 : 30;
        tutoringActivity++;
        const [d0, span] = h === 0 ? [6, 80] : [92, 80];
        this.addHistoryActivity({
          type: 'case_tutoring',
          title: `塞上护童 相伴成长 · ${countyZh(c)}个案辅导(${h === 0 ? '第一' : '第二'}季度)`,
          description: '专业社工与志愿者对困境儿童开展一对一个案辅导,每次约一小时,内容包括学业陪伴、情绪疏导和行为支持。',
          site: wb,
          org: this.social(1 + ci * 2 + h),
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
      const sites = this.childSites(c);
      const n = talksPerCounty[ci];
      this.addHistoryActivity({
        type: 'safety_talk',
        title: `安全知识进万家 · ${countyZh(c)}安全宣讲`,
        description: '面向儿童和监护人宣讲防溺水、防火、防拐、防欺凌和交通安全知识,发放安全知识宣传手册。',
        site: c,
        org: this.social(11 + ci),
        slots: Array.from({ length: n }, (_, k) => {
          const site = sites[k % sites.length];
          const slot = {
            site,
            startsAt: pday(10 + Math.floor((k * 160) / n) + ci, 15, 0),
            minutes: 90,
            capacity: 4,
            children: this.rng.sample(this.kids(site), 8 + this.rng.int(0, 8)),
            materials: talk % 2 === 0 ? 12 : 18,
            volunteers: this.vols(c, pday(10), 2),
            // v059 signed up twice and never came: later suspended.
            noShows: c === 'yc' && k < 2 ? [this.user('v059@demo.local')] : [],
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
      const c = this.countyOf(site);
      this.addHistoryActivity({
        type: 'film_screening',
        title: `集体观影 · 周末电影课堂(${SITE_DEFS.find((d) => d.code === site)!.zh})`,
        description: '每月两到三次组织孩子集体观看适龄影片,观影后由志愿者带领分享感受。',
        site,
        org: fi <= 1 ? this.company(1) : this.social(15 + fi),
        slots: Array.from({ length: n }, (_, k) => {
          const startsAt = pday(12 + Math.floor((k * 160) / n) + fi, 14, 30);
          const volunteers = this.vols(c, startsAt, 2);
          const demo = this.user(DEMO_EMAILS.volunteer);
          if (site === 'wz-fly' && startsAt > sh(2025, 2, 1) && k % 2 === 0 && !volunteers.includes(demo)) volunteers.push(demo);
          const slot = { site, startsAt, minutes: 120, capacity: 4, children: this.rng.sample(this.kids(site), filmServed[film]), volunteers };
          film++;
          return slot;
        }),
      });
    });

    // 走访慰问: home-visit slots serve 408 − (confirmed caring-parent visits) children.
    const hvServed = fitSum(Array.from({ length: 40 }, (_, k) => 6 + ((k * 3) % 7)), homeVisitChildren, 3, 20);
    let hv = 0;
    COUNTIES.forEach((c, ci) => {
      const sites = this.childSites(c);
      for (let season = 0; season < 2; season++) {
        const winter = season === 0;
        this.addHistoryActivity({
          type: 'home_visit',
          title: winter ? `塞上护童 温暖过冬 · ${countyZh(c)}困境儿童家庭走访慰问` : `塞上护童 相伴成长 · ${countyZh(c)}困境儿童入户探访`,
          description: winter
            ? '春节前入户走访困境儿童家庭,了解监护和生活情况,送去慰问金和米面油等慰问品。'
            : '儿童督导员、儿童主任与志愿者入户探访,了解孩子学习、健康和监护情况,发放慰问金。',
          site: c,
          org: winter ? this.company(2 + ci) : null,
          slots: Array.from({ length: 4 }, (_, k) => {
            const site = sites[k % sites.length];
            const served = hvServed[hv++];
            return {
              site,
              startsAt: winter ? pday(6 + k * 6 + ci, 9, 30) : pday(95 + k * 18 + ci * 2, 9, 30),
              minutes: 240,
              capacity: 4,
              children: this.rng.sample(this.kids(site), served),
              moneyFen: served * (winter ? 20000 : 10000),
              goodsFen: winter ? served * 10000 : 0,
              volunteers: this.vols(c, pday(6), 2),
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
      t === 2 ? this.social(9) : t === 3 ? this.social(8) : t === 1 ? this.social([15, 16, 17, 19, 20][c]) : this.social([21, 22, 23, 24, 25][c]);
    COUNTIES.forEach((c, ci) => {
      const plans: Record<string, HistorySlot[]> = {};
      for (const t of CARE_TYPES) plans[t] = [];
      let n = 0;
      for (const site of this.childSites(c)) {
        const served = this.kids(site).slice(0, careCount.get(site));
        let i = 0;
        while (i < served.length) {
          const type = CARE_TYPES[n % 4];
          const size = type === 'crisis_intervention' ? this.rng.int(2, 4) : this.rng.int(8, 14);
          const group = served.slice(i, i + size);
          i += size;
          n++;
          plans[type].push({
            site,
            startsAt: pday(this.rng.int(5, 170), type === 'temporary_care' ? 8 : 14, 30),
            minutes: careTitles[type][2],
            capacity: 6,
            children: group,
            volunteers: this.vols(c, pday(5), type === 'crisis_intervention' ? 1 : this.rng.int(2, 3)),
          });
        }
        // A second family-education session for the first ten children: same children, more 人次.
        plans.family_education.push({ site, startsAt: pday(this.rng.int(100, 170), 14, 30), minutes: 120, capacity: 6, children: served.slice(0, 10), volunteers: this.vols(c, pday(100), 2) });
      }
      CARE_TYPES.forEach((t, ti) => {
        if (plans[t].length === 0) return;
        this.addHistoryActivity({
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
    const home = this.kids('wz-fly');
    const caring = [this.user(DEMO_EMAILS.volunteer), ...Array.from({ length: 11 }, (_, i) => this.user(`v${String(i + 1).padStart(3, '0')}@demo.local`))];
    this.addHistoryActivity({
      type: 'festival',
      title: '节日陪伴 · 春节、元宵与六一',
      description: '爱心爸爸妈妈和志愿者陪院内孩子过春节、闹元宵、庆六一:包饺子、猜灯谜、联欢会。',
      site: 'wz-fly',
      org: this.social(0),
      slots: [
        { site: 'wz-fly', startsAt: pday(26, 10), minutes: 240, capacity: 15, children: home, goodsFen: 120000, volunteers: caring.slice(1, 9) },
        { site: 'wz-fly', startsAt: pday(42, 18), minutes: 150, capacity: 15, children: home, goodsFen: 60000, volunteers: caring.slice(0, 8) },
        { site: 'wz-fly', startsAt: pday(151, 9), minutes: 240, capacity: 15, children: home, goodsFen: 150000, volunteers: caring.slice(0, 12) },
      ],
    });
    const homeSessions = (type: ActivityType, org: { id: string; managerId: string }, title: string, description: string, names: [number, number, number][]) =>
      this.addHistoryActivity({
        type,
        title,
        description,
        site: 'wz-fly',
        org,
        slots: names.map(([day, h, kids]) => {
          const startsAt = pday(day, h, 0);
          const volunteers = this.rng.sample(caring.slice(1), 2);
          if (startsAt > sh(2025, 2, 1) && day % 3 === 0) volunteers.push(caring[0]);
          return { site: 'wz-fly', startsAt, minutes: 150, capacity: 4, children: this.rng.sample(home, kids), volunteers };
        }),
      });
    homeSessions('social_integration', this.social(24), '社会融合 · 走出院门看世界', '带孩子参加超市购物体验、博物馆参观、植树和社区运动会,练习与人交往。', [
      [55, 9, 8],
      [74, 9, 10],
      [96, 9, 9],
      [131, 9, 8],
    ]);
    homeSessions('empowerment', this.social(25), '赋能提升 · 生活技能小课堂', '烘焙、手工编织、编程启蒙和零花钱管理,帮助孩子掌握生活技能、建立自信。', [
      [48, 14, 6],
      [69, 14, 7],
      [117, 14, 6],
      [159, 14, 8],
    ]);
    homeSessions('counselling', this.social(8), '心理咨询 · 团体沙盘与情绪课堂', '心理咨询师带领团体沙盘和情绪绘本课,个别孩子另行约谈。', [
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
        const served = Math.min(this.kids(site).length, 20 + this.rng.int(0, 15));
        winterSlots.push({ index: winterSlots.length, served });
        return {
          site,
          startsAt: pday(7 + wi * 5 + k * 3, 10),
          minutes: 180,
          capacity: 6,
          children: this.rng.sample(this.kids(site), served),
          volunteers: this.vols(this.countyOf(site), pday(7), 3),
        };
      });
      const { slotIds } = this.addHistoryActivity({
        type: 'winter_warmth',
        title: `塞上护童 温暖过冬 · ${N.COMPANIES[co].replace(/有限公司$/, '')}冬衣冬被捐赠`,
        description: '爱心企业捐赠羽绒服、棉鞋、棉被和取暖用品,由工作人员和志愿者分发到孩子手中。',
        site: 'wz',
        org: this.company(co),
        slots: plans,
      });
      winterSlotIds.push(...slotIds);
    });

    // Balance: everything else, then split the rest over the winter drives by children served.
    const inP = (t: number | null | undefined) => t != null && t >= DEMO_PERIOD.from && t <= DEMO_PERIOD.to;
    const claimsFen = this.claims.filter((c) => c.status === 'confirmed' && inP(c.confirmedAt)).reduce((a, c) => a + (c.valueReceivedFen ?? 0), 0);
    const slotsFen = this.slots.filter((s) => s.status === 'closed' && inP(s.closedAt)).reduce((a, s) => a + (s.moneyFen ?? 0) + (s.goodsFen ?? 0), 0);
    const rest = TARGET.moneyAndGoodsFen - claimsFen - slotsFen;
    const totalServed = winterSlots.reduce((a, s) => a + s.served, 0);
    if (rest < winterSlots.length * 100_000 || rest > winterSlots.length * 2_000_000 || rest % 100 !== 0) {
      throw new Error(`demo seed: winter goods balance out of range (${rest} fen)`);
    }
    let left = rest;
    winterSlotIds.forEach((slotId, i) => {
      const slot = this.slots.find((s) => s.id === slotId)!;
      const goods = i === winterSlotIds.length - 1 ? left : Math.round((rest * winterSlots[i].served) / totalServed / 100) * 100;
      slot.goodsFen = goods;
      left -= goods;
    });
  }

  // -------------------------------------------------------------------------
  private buildPresentWishes(): void {
    const used = new Set(this.wishes.map((w) => w.childId));
    const pool = this.rng.shuffle(this.children.filter((c) => wishAge(c) && !used.has(c.id)));
    const childAt = (code: string) => {
      const idx = pool.findIndex((c) => c.siteId === this.site(code).id);
      if (idx < 0) throw new Error(`demo seed: no child left at ${code}`);
      return pool.splice(idx, 1)[0];
    };
    const sitesWithKids = SITE_DEFS.filter((d) => d.kids > 0).map((d) => d.code);
    const staff = this.user(DEMO_EMAILS.staff);

    const addWish = (o: {
      child: ChildRow;
      status: 'draft' | 'in_review' | 'published' | 'claimed' | 'delivered' | 'withdrawn';
      createdAt: number;
      publishedAt?: number;
      deadlineAt?: number | null;
      author?: string;
      updatedAt?: number;
    }) => {
      const code = this.siteCodeById.get(o.child.siteId)!;
      const { author, reviewer } = o.author ? { author: o.author, reviewer: o.author === staff ? this.user(DEMO_EMAILS.staff2) : staff } : this.wishAuthor(code);
      const text = this.wishText(o.child, o.createdAt);
      const id = this.id();
      const siteId = o.child.siteId;
      const published = o.publishedAt !== undefined;
      this.wishes.push({
        id,
        childId: o.child.id,
        siteId,
        countySiteId: this.site(this.countyOf(code)).id,
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
      this.audit({ at: o.createdAt, actorId: author, entityType: 'wish', entityId: id, action: 'create', toStatus: 'draft', siteId });
      if (o.status !== 'draft') {
        this.audit({ at: o.createdAt + HOUR, actorId: author, entityType: 'wish', entityId: id, action: 'submit', fromStatus: 'draft', toStatus: 'in_review', siteId });
      }
      if (published) {
        this.audit({ at: o.publishedAt!, actorId: reviewer, entityType: 'wish', entityId: id, action: 'publish', fromStatus: 'in_review', toStatus: 'published', siteId });
      }
      return { id, siteId, author, valueFen: text.valueFen };
    };

    // 24 open wishes, some with a claim deadline 2–6 weeks ahead.
    for (let j = 0; j < 24; j++) {
      const child = childAt(sitesWithKids[j % sitesWithKids.length]);
      const publishedAt = this.ago(1 + ((j * 37) % 40), 10 + (j % 6));
      const deadlineAt = j % 5 === 0 || j % 5 === 2 ? endOfShDay(this.ahead(14 + ((j * 5) % 29))) : null;
      const w = addWish({ child, status: 'published', createdAt: publishedAt - 2 * DAY, publishedAt, deadlineAt });
      if (j === 5) {
        // An earlier helper gave it up: the wish went back to published.
        const claimant = this.user('v021@demo.local');
        const claimId = this.id();
        const createdAt = publishedAt + HOUR * 20;
        this.claims.push({ id: claimId, wishId: w.id, claimantUserId: claimant, orgId: null, status: 'released', reason: '时间冲突,无法按时送达', approvedAt: createdAt + DAY, createdAt, updatedAt: createdAt + 2 * DAY });
        this.claimAudits(w.id, claimId, claimant, createdAt, w.siteId);
        this.audit({ at: createdAt + DAY, actorId: w.author, entityType: 'claim', entityId: claimId, action: 'approve', fromStatus: 'pending', toStatus: 'approved', siteId: w.siteId });
        this.audit({ at: createdAt + 2 * DAY, actorId: claimant, entityType: 'claim', entityId: claimId, action: 'release', fromStatus: 'approved', toStatus: 'released', note: '时间冲突,无法按时送达', siteId: w.siteId });
        this.audit({ at: createdAt + 2 * DAY, actorId: claimant, entityType: 'wish', entityId: w.id, action: 'release', fromStatus: 'claimed', toStatus: 'published', siteId: w.siteId });
      }
    }

    // Claims in flight: approved (volunteer@demo.local), two pending, one delivered.
    const inFlight: { site: string; email: string; org: { id: string } | null; status: 'pending' | 'approved' | 'delivered'; claimedDaysAgo: number }[] = [
      { site: 'lt-jj', email: DEMO_EMAILS.volunteer, org: null, status: 'approved', claimedDaysAgo: 4 },
      { site: 'tx-yh', email: 'org-c01@demo.local', org: this.company(0), status: 'pending', claimedDaysAgo: 1 },
      { site: 'yc-hmc', email: 'v020@demo.local', org: null, status: 'pending', claimedDaysAgo: 0 },
      { site: 'wz-fly', email: DEMO_EMAILS.org, org: this.social(0), status: 'delivered', claimedDaysAgo: 10 },
    ];
    for (const f of inFlight) {
      const child = childAt(f.site);
      const publishedAt = this.ago(f.claimedDaysAgo + 6, 11);
      const claimAt = f.claimedDaysAgo === 0 ? this.now - 6 * HOUR : this.ago(f.claimedDaysAgo, 20);
      const approvedAt = f.status === 'pending' ? null : claimAt + 2 * DAY;
      const deliveredAt = f.status === 'delivered' ? this.ago(1, 15) : null;
      const w = addWish({ child, status: f.status === 'delivered' ? 'delivered' : 'claimed', createdAt: publishedAt - DAY, publishedAt, updatedAt: deliveredAt ?? claimAt });
      const claimant = this.user(f.email);
      const claimId = this.id();
      this.claims.push({
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
      this.claimAudits(w.id, claimId, claimant, claimAt, w.siteId);
      if (approvedAt) this.audit({ at: approvedAt, actorId: w.author, entityType: 'claim', entityId: claimId, action: 'approve', fromStatus: 'pending', toStatus: 'approved', siteId: w.siteId });
      if (deliveredAt) this.deliverAudits(w.id, claimId, claimant, deliveredAt, w.siteId);
    }

    // Written by staff@demo.local, waiting for a second reviewer (staff2) or still drafts.
    for (const [site, status] of [
      ['wz-fly', 'in_review'],
      ['lt-wb', 'in_review'],
      ['hsb-dh', 'in_review'],
      ['wz-fly', 'draft'],
      ['lt-dts', 'draft'],
    ] as const) {
      addWish({ child: childAt(site), status, createdAt: this.ago(status === 'draft' ? 0 : 1, 9, 30), author: staff });
    }

    // Withdrawn before anyone claimed it.
    const wd = addWish({ child: childAt('qtx-ys'), status: 'withdrawn', createdAt: this.ago(32, 9), publishedAt: this.ago(30, 10), updatedAt: this.ago(12, 16) });
    this.audit({ at: this.ago(12, 16), actorId: wd.author, entityType: 'wish', entityId: wd.id, action: 'withdraw', fromStatus: 'published', toStatus: 'withdrawn', note: '孩子已随父母迁往外地', siteId: wd.siteId });
  }

  // -------------------------------------------------------------------------
  private buildPresentActivities(): void {
    const demo = this.user(DEMO_EMAILS.volunteer);
    const caring = Array.from({ length: 11 }, (_, i) => this.user(`v${String(i + 1).padStart(3, '0')}@demo.local`));
    const add = (a: {
      type: ActivityType;
      title: string;
      description: string;
      site: string;
      org: { id: string; managerId: string } | null;
      status: 'approved' | 'submitted';
      slots: { site: string; startsAt: number; minutes: number; capacity: number; childrenExpected: number; signups: string[] }[];
    }) => {
      const staff = this.staffFor(a.site);
      const proposer = a.org ? a.org.managerId : staff;
      const createdAt = this.ago(a.status === 'submitted' ? 1 : 12, 10);
      const approvedAt = a.status === 'approved' ? this.ago(9, 15) : null;
      const activityId = this.id();
      const siteId = this.site(a.site).id;
      this.activities.push({ id: activityId, type: a.type, title: a.title, description: a.description, siteId, orgId: a.org ? a.org.id : null, proposerId: proposer, status: a.status, reason: null, createdAt, updatedAt: approvedAt ?? createdAt + HOUR });
      this.audit({ at: createdAt + HOUR, actorId: proposer, entityType: 'activity', entityId: activityId, action: 'submit', fromStatus: 'draft', toStatus: 'submitted', siteId });
      if (approvedAt) this.audit({ at: approvedAt, actorId: staff, entityType: 'activity', entityId: activityId, action: 'approve', fromStatus: 'submitted', toStatus: 'approved', siteId });
      for (const s of a.slots) {
        const slotId = this.id();
        this.slots.push({ id: slotId, activityId, siteId: this.site(s.site).id, startsAt: s.startsAt, endsAt: s.startsAt + s.minutes * MIN, capacity: s.capacity, childrenExpected: s.childrenExpected, status: 'open', createdAt });
        s.signups.forEach((userId, i) => {
          const at = Math.min(this.now - HOUR, (approvedAt ?? createdAt) + (i + 1) * 7 * HOUR);
          this.signups.push({ id: this.id(), slotId, userId, status: i < s.capacity ? 'confirmed' : 'waitlisted', createdAt: at, updatedAt: at });
        });
      }
    };
    const pool = (c: County, n: number, offset = 0) => this.historyPool(c, 0).slice(offset, offset + n);

    add({
      type: 'winter_warmth',
      title: '塞上护童 温暖过冬 · 盐池县冬衣发放',
      description: '爱心企业捐赠羽绒服和棉鞋,志愿者协助按尺码分装并发放给孩子。',
      site: 'yc',
      org: this.company(4),
      status: 'approved',
      slots: [
        { site: 'yc-hmc', startsAt: this.ahead(5, 10), minutes: 180, capacity: 10, childrenExpected: 30, signups: pool('yc', 4) },
        { site: 'yc-hmc-et', startsAt: this.ahead(12, 10), minutes: 180, capacity: 10, childrenExpected: 25, signups: pool('yc', 2, 4) },
      ],
    });
    add({
      type: 'safety_talk',
      title: '安全知识进万家 · 冬季防火防一氧化碳中毒',
      description: '面向儿童和监护人讲解冬季取暖安全,发放安全知识宣传手册。',
      site: 'tx-yh',
      org: this.social(13),
      status: 'approved',
      slots: [{ site: 'tx-yh', startsAt: this.ahead(3, 15), minutes: 90, capacity: 5, childrenExpected: 25, signups: pool('tx', 7) }],
    });
    add({
      type: 'film_screening',
      title: '集体观影 · 周末电影课堂',
      description: '和院内孩子一起看一部适龄影片,观影后带领分享感受。',
      site: 'wz-fly',
      org: this.company(1),
      status: 'approved',
      slots: [{ site: 'wz-fly', startsAt: this.ahead(6, 14, 30), minutes: 120, capacity: 8, childrenExpected: 12, signups: [demo, ...caring.slice(2, 5)] }],
    });
    add({
      type: 'home_visit',
      title: '塞上护童 温暖过冬 · 金积镇困境儿童家庭走访',
      description: '随儿童主任入户走访,了解冬季取暖和监护情况,送去慰问品。',
      site: 'lt-jj',
      org: null,
      status: 'approved',
      slots: [
        { site: 'lt-jj', startsAt: this.ahead(9, 9, 30), minutes: 240, capacity: 6, childrenExpected: 8, signups: [demo, ...pool('lt', 2, 12)] },
        { site: 'lt-jj-et', startsAt: this.ahead(16, 9, 30), minutes: 240, capacity: 6, childrenExpected: 8, signups: pool('lt', 1, 14) },
      ],
    });
    add({
      type: 'case_tutoring',
      title: '相伴成长 · 青铜峡市个案辅导(冬季)',
      description: '对重点关注儿童开展一对一学业陪伴和情绪支持,每次约一小时。',
      site: 'qtx-wb',
      org: this.social(3),
      status: 'approved',
      slots: [
        { site: 'qtx-wb', startsAt: this.ahead(2, 16), minutes: 60, capacity: 5, childrenExpected: 1, signups: pool('qtx', 2) },
        { site: 'qtx-wb', startsAt: this.ahead(9, 16), minutes: 60, capacity: 5, childrenExpected: 1, signups: pool('qtx', 1, 2) },
        { site: 'qtx-wb', startsAt: this.ahead(16, 16), minutes: 60, capacity: 5, childrenExpected: 1, signups: [] },
      ],
    });
    add({
      type: 'festival',
      title: '节日陪伴 · 新年联欢会',
      description: '和院内孩子一起布置活动室、排练节目、包饺子,迎接新年。',
      site: 'wz-fly',
      org: this.social(0),
      status: 'approved',
      slots: [{ site: 'wz-fly', startsAt: this.ahead(28, 15), minutes: 180, capacity: 20, childrenExpected: 15, signups: [demo, ...caring.slice(0, 7)] }],
    });
    add({
      type: 'empowerment',
      title: '相伴成长 · 周末亲子共读会',
      description: '吴忠市爱心志愿者协会组织志愿者与孩子、监护人共读绘本,并赠送图书。',
      site: 'lt-dts',
      org: this.social(0),
      status: 'submitted',
      slots: [
        { site: 'lt-dts', startsAt: this.ahead(20, 14, 30), minutes: 120, capacity: 10, childrenExpected: 20, signups: [] },
        { site: 'lt-dts', startsAt: this.ahead(27, 14, 30), minutes: 120, capacity: 10, childrenExpected: 20, signups: [] },
      ],
    });
  }
}

/** When a helper's first off-line check is recorded: a week after applying, at 15:00 Shanghai time. */
function firstCheckAt(createdAt: number): number {
  return shMidnight(createdAt) + 7 * DAY + 15 * HOUR;
}

/** Wishes are written for children of four and over. */
function wishAge(child: ChildRow): boolean {
  return child.birthDate <= '2020-12-31';
}

/** Completed years on a calendar date (both 'YYYY-MM-DD'); 0 for a date before birth. */
function ageYears(birthDate: string, today: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [ty, tm, td] = today.split('-').map(Number);
  const age = ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
  return Math.max(0, age);
}

// ---------------------------------------------------------------------------

type Tx = Parameters<Parameters<DB['transaction']>[0]>[0];

/** Rows per INSERT: well under SQLite's bound-variable limit for our widest table. */
const CHUNK = 500;

function insertAll<T extends SQLiteTable>(tx: Tx, table: T, rows: T['$inferInsert'][]): void {
  for (let i = 0; i < rows.length; i += CHUNK) {
    tx.insert(table)
      .values(rows.slice(i, i + CHUNK) as SQLiteInsertValue<T>[])
      .run();
  }
}

/**
 * Loads the demo data set into an empty, migrated database in one immediate
 * transaction, and marks the database as demo (meta demo = true).
 */
export function seedDemo(db: DB, options: SeedOptions): SeedSummary {
  const b = new DemoBuilder(options.now, options.passwordHash);
  b.build();

  db.transaction(
    (tx) => {
      const existing = db.$client.prepare('select count(*) as n from users where email = ?').get(DEMO_EMAILS.admin) as { n: number };
      if (existing.n > 0) throw new Error('this database already holds the demo data');
      insertAll(tx, schema.sites, b.sites);
      insertAll(tx, schema.users, b.users);
      insertAll(tx, schema.volunteers, b.volunteers);
      insertAll(tx, schema.organizations, b.orgs);
      insertAll(tx, schema.organizationMembers, b.members);
      insertAll(tx, schema.children, b.children);
      insertAll(tx, schema.wishes, b.wishes);
      insertAll(tx, schema.claims, b.claims);
      insertAll(tx, schema.activities, b.activities);
      insertAll(tx, schema.slots, b.slots);
      insertAll(tx, schema.slotSignups, b.signups);
      insertAll(tx, schema.slotChildren, b.slotChildren);
      insertAll(tx, schema.pairings, b.pairings);
      insertAll(tx, schema.pairingVisits, b.visits);
      insertAll(tx, schema.auditEvents, b.audits);
      tx.insert(schema.meta).values({ key: 'demo', value: 'true' }).onConflictDoUpdate({ target: schema.meta.key, set: { value: 'true' } }).run();
    },
    { behavior: 'immediate' },
  );

  return {
    sites: b.sites.length,
    users: b.users.length,
    volunteers: b.volunteers.length,
    organizations: b.orgs.length,
    organizationMembers: b.members.length,
    children: b.children.length,
    wishes: b.wishes.length,
    claims: b.claims.length,
    activities: b.activities.length,
    slots: b.slots.length,
    slotSignups: b.signups.length,
    slotChildren: b.slotChildren.length,
    pairings: b.pairings.length,
    pairingVisits: b.visits.length,
    auditEvents: b.audits.length,
  };
}
