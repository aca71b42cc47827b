// The state the demo seed builds up (one array per table) and the look-ups every step shares.
// Each build step (sites, people, children, history, present, trails) is a function of a DemoBuilder.
import * as schema from '../../schema/index';
import { ageBand, countyShownFor } from '../../../app/domain/wish';
import * as N from '../names';
import { Rng, IdSource } from './random';
import { MIN, HOUR, DAY, sh, shDate, shMidnight, ageYears } from './calendar';
import { COUNTIES, SITE_DEFS, type County, type SiteDef } from './sites';

export const DEMO_SEED = 20250630;

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
// Row types

export type SiteRow = typeof schema.sites.$inferInsert;
export type UserRow = typeof schema.users.$inferInsert;
export type VolunteerRow = typeof schema.volunteers.$inferInsert;
export type OrgRow = typeof schema.organizations.$inferInsert;
export type MemberRow = typeof schema.organizationMembers.$inferInsert;
export type ChildRow = typeof schema.children.$inferInsert & { id: string; siteId: string };
export type WishRow = typeof schema.wishes.$inferInsert;
export type ClaimRow = typeof schema.claims.$inferInsert;
export type ActivityRow = typeof schema.activities.$inferInsert;
export type SlotRow = typeof schema.slots.$inferInsert;
export type SignupRow = typeof schema.slotSignups.$inferInsert;
export type SlotChildRow = typeof schema.slotChildren.$inferInsert;
export type PairingRow = typeof schema.pairings.$inferInsert;
export type VisitRow = typeof schema.pairingVisits.$inferInsert;
export type ConcernRow = typeof schema.pairingConcerns.$inferInsert;
export type AuditRow = typeof schema.auditEvents.$inferInsert;
export type ActivityType = (typeof schema.ACTIVITY_TYPES)[number];
export type OrgKind = 'social_org' | 'company';

// ---------------------------------------------------------------------------

export class DemoBuilder {
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
  readonly concerns: ConcernRow[] = [];
  readonly audits: AuditRow[] = [];

  readonly siteByCode = new Map<string, SiteRow & { id: string; path: string }>();
  readonly siteCodeById = new Map<string, string>();
  readonly userByEmail = new Map<string, string>();
  /** County-level staff (and the city staff for the city's own sites). */
  readonly staffOf = new Map<string, string>();
  readonly kidsBySite = new Map<string, ChildRow[]>();
  readonly volsByCounty = new Map<County, string[]>();
  readonly orgList: { id: string; kind: OrgKind; managerId: string; county: County }[] = [];

  constructor(
    readonly now: number,
    readonly passwordHash: string,
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
  /**
   * The site a wish of this site is filed under, by the app's own rule (README D7): its county, or the city
   * for the city's own welfare home. (countyOf, for helpers and staff, places the home in 利通区.)
   */
  wishCountyOf(code: string) {
    const chain: SiteDef[] = [];
    for (let def = SITE_DEFS.find((d) => d.code === code); def; def = SITE_DEFS.find((d) => d.code === def!.parent)) chain.push(def);
    return this.site(countyShownFor(chain)!.code);
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
  claimAudits(wishId: string, claimId: string, claimant: string, at: number, siteId: string): void {
    this.audit({ at, actorId: claimant, entityType: 'wish', entityId: wishId, action: 'claim', fromStatus: 'published', toStatus: 'claimed', siteId });
    this.audit({ at, actorId: claimant, entityType: 'claim', entityId: claimId, action: 'claim', toStatus: 'pending', siteId });
  }
  /** What the helper's "delivered" writes: the claim, then the wish following it, both by the helper. */
  deliverAudits(wishId: string, claimId: string, claimant: string, at: number, siteId: string): void {
    this.audit({ at, actorId: claimant, entityType: 'claim', entityId: claimId, action: 'deliver', fromStatus: 'approved', toStatus: 'delivered', siteId });
    this.audit({ at, actorId: claimant, entityType: 'wish', entityId: wishId, action: 'deliver', fromStatus: 'claimed', toStatus: 'delivered', siteId });
  }

  /** Approved volunteers who may sign up / claim at a date (volunteer@demo.local only after vetting). */
  historyPool(county: County, at: number, includeSuspended = false): string[] {
    const suspended = this.user('v059@demo.local');
    const pool = this.volsByCounty.get(county)!.filter((id) => includeSuspended || id !== suspended);
    return county === 'lt' && at > sh(2025, 1, 15) ? [...pool, this.user(DEMO_EMAILS.volunteer)] : pool;
  }

  social(i: number) {
    return this.orgList.filter((o) => o.kind === 'social_org')[i];
  }
  company(i: number) {
    return this.orgList.filter((o) => o.kind === 'company')[i];
  }

  kids(code: string): ChildRow[] {
    return this.kidsBySite.get(code) ?? [];
  }
  /** Sites of a county that keep child records. */
  childSites(county: County): string[] {
    return SITE_DEFS.filter((d) => d.kids > 0 && d.code !== 'wz-fly' && this.countyOf(d.code) === county).map((d) => d.code);
  }

  /** Title and story of a wish, checked against the child's names. */
  wishText(child: ChildRow, at: number): { title: string; story: string; category: N.WishCategory; valueFen: number; ageBand: string } {
    const today = shDate(at);
    const given = child.realName.slice(1);
    for (let attempt = 0; attempt < 20; attempt++) {
      const item = this.rng.pick(N.WISH_ITEMS);
      const reason = this.rng.pick(item.reasons);
      const closing = this.rng.pick(N.WISH_CLOSINGS);
      const title = `${child.alias}的心愿:${item.item}`;
      // No exact age: the public page shows the age band only.
      const story = `${child.alias}${reason},希望有${item.item}。${closing}`;
      const text = title + story;
      if (text.includes(child.realName) || text.includes(given)) continue;
      return { title, story, category: item.category, valueFen: this.rng.int(item.yuan[0], item.yuan[1]) * 100, ageBand: ageBand(child.birthDate, today) };
    }
    throw new Error('demo seed: no privacy-safe wish text found');
  }

  wishAuthor(code: string): { author: string; reviewer: string } {
    const author = this.staffFor(code);
    const staff = this.user(DEMO_EMAILS.staff);
    const staff2 = this.user(DEMO_EMAILS.staff2);
    return { author, reviewer: author === staff ? staff2 : this.rng.chance(0.5) ? staff : staff2 };
  }
}

/** Wishes are written for children of four and over. */
export function wishAge(child: ChildRow): boolean {
  return child.birthDate <= '2020-12-31';
}
