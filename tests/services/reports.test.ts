import fs from 'node:fs';
import path from 'node:path';
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../../db/client';
import { seedDemo } from '../../db/seed/demo';
import { reportMeasuresStatement } from '../../app/data/reports.server';
import type { Actor } from '../../app/domain/actor';
import { CSV_BOM, FIGURE_KEYS, paragraphText, periodBounds, reportParagraph, type FigureKey } from '../../app/domain/report';
import { reportFor, reportFromCli, reportJson } from '../../app/services/reports.server';
import { createSites, type TestSites } from '../helpers/accounts';
import { useTestDatabase } from '../helpers/db';

// Each figure's definition on a small hand-made world (under its own city, so the demo data seeded into the
// same database stays out of it), then the demo data set against the letter.

const { db } = useTestDatabase('reports');
const META = { ip: '127.0.0.1', now: Date.UTC(2026, 0, 1) };
const H1 = { from: '2025-01-01', to: '2025-06-30' };
const sh = (y: number, m: number, d: number, h = 12, min = 0) => Date.UTC(y, m - 1, d, h - 8, min);
const IN = sh(2025, 3, 1);
/** 30 June 23:59 in Shanghai: the period's last minute. */
const LAST_MINUTE = sh(2025, 6, 30, 23, 59);
/** 1 July 00:00 in Shanghai: just after the period. */
const AFTER = sh(2025, 7, 1, 0, 0);
/** 31 December 2024 23:00 in Shanghai: just before it. */
const BEFORE = sh(2024, 12, 31, 23, 0);

const admin: Actor = { userId: 'admin-x', admin: true, staff: null, volunteer: null, orgs: [] };

let n = 0;
const id = (p: string) => `${p}${++n}`;
let sites: TestSites;
let cityCode: string;

function user(extra: { volunteer?: { status: 'approved' | 'suspended'; caringParent?: boolean }; org?: { kind: 'social_org' | 'company'; status: 'approved' | 'suspended' } } = {}) {
  const uid = id('u');
  db.insert(schema.users).values({ id: uid, email: `${uid}@example.org`, passwordHash: 'x', displayName: uid, createdAt: 0 }).run();
  if (extra.volunteer)
    db.insert(schema.volunteers).values({ userId: uid, status: extra.volunteer.status, caringParent: extra.volunteer.caringParent ?? false, createdAt: 0 }).run();
  let orgId: string | null = null;
  if (extra.org) {
    orgId = id('o');
    db.insert(schema.organizations).values({ id: orgId, name: orgId, kind: extra.org.kind, status: extra.org.status, createdAt: 0 }).run();
    db.insert(schema.organizationMembers).values({ orgId, userId: uid, role: 'manager', createdAt: 0 }).run();
  }
  return { id: uid, orgId };
}

function child(siteId: string) {
  const cid = id('c');
  db.insert(schema.children).values({ id: cid, siteId, realName: '王小明', birthDate: '2015-01-01', gender: 'male', category: 'left_behind', alias: '小明', createdAt: 0 }).run();
  return cid;
}

type WishStatus = (typeof schema.wishes.$inferInsert)['status'];
function wish(siteId: string, countyId: string, status: WishStatus, publishedAt: number | null, fulfilledAt: number | null = null) {
  const wid = id('w');
  db.insert(schema.wishes)
    .values({ id: wid, childId: child(siteId), siteId, countySiteId: countyId, title: '书包', story: '想要一个书包', category: 'stationery', ageBand: '7-9', valueFen: 10000, status, authorId: author, publishedAt, fulfilledAt, createdAt: 0, updatedAt: 0 })
    .run();
  return wid;
}

type ClaimStatus = (typeof schema.claims.$inferInsert)['status'];
function claim(wishId: string, by: { id: string; orgId: string | null }, status: ClaimStatus, createdAt: number, confirmedAt: number | null = null, valueFen: number | null = null) {
  db.insert(schema.claims)
    .values({ id: id('cl'), wishId, claimantUserId: by.id, orgId: by.orgId, status, createdAt, confirmedAt, valueReceivedFen: valueFen, updatedAt: createdAt })
    .run();
}

type ActivityType = (typeof schema.activities.$inferInsert)['type'];
type ActivityStatus = (typeof schema.activities.$inferInsert)['status'];
function activity(type: ActivityType, status: ActivityStatus, siteId: string, orgId: string | null = null) {
  const aid = id('a');
  db.insert(schema.activities).values({ id: aid, type, title: type, description: '', siteId, orgId, proposerId: author, status, createdAt: 0, updatedAt: 0 }).run();
  return aid;
}

type SlotStatus = (typeof schema.slots.$inferInsert)['status'];
function slot(
  activityId: string,
  siteId: string,
  startsAt: number,
  status: SlotStatus,
  outcome: { childrenServed?: number; moneyFen?: number; goodsFen?: number; materials?: number; sessions?: number; correctedAt?: number; children?: string[] } = {},
) {
  const sid = id('s');
  const closed = status === 'closed';
  db.insert(schema.slots)
    .values({
      id: sid,
      activityId,
      siteId,
      startsAt,
      endsAt: startsAt + 3_600_000,
      capacity: 10,
      scheduledMinutes: 60,
      status,
      childrenServed: closed ? (outcome.childrenServed ?? outcome.children?.length ?? 0) : null,
      moneyFen: outcome.moneyFen ?? null,
      goodsFen: outcome.goodsFen ?? null,
      materials: outcome.materials ?? null,
      sessions: closed ? (outcome.sessions ?? 1) : null,
      closedAt: closed ? startsAt + 7_200_000 : null,
      correctedAt: outcome.correctedAt ?? null,
      createdAt: 0,
    })
    .run();
  for (const childId of outcome.children ?? []) db.insert(schema.slotChildren).values({ slotId: sid, childId }).run();
  return sid;
}

function attend(slotId: string, userId: string, attendance: 'attended' | 'no_show', minutes: number | null) {
  db.insert(schema.slotSignups)
    .values({ id: id('g'), slotId, userId, status: 'confirmed', attendance, serviceMinutes: minutes, createdAt: 0, updatedAt: 0 })
    .run();
}

function pairing(volunteerUserId: string, siteId: string, status: 'active' | 'ended', startedAt: number, endedAt: number | null = null) {
  const pid = id('p');
  db.insert(schema.pairings)
    .values({ id: pid, volunteerUserId, childId: child(siteId), siteId, status, proposedAt: startedAt, startedAt, endedAt, agreementSignedOn: '2024-01-01', agreementWitness: '张老师' })
    .run();
  return pid;
}

type VisitKind = (typeof schema.pairingVisits.$inferInsert)['kind'];
function visit(pairingId: string, kind: VisitKind, status: 'logged' | 'confirmed' | 'rejected', happenedAt: number, minutes: number) {
  db.insert(schema.pairingVisits).values({ id: id('v'), pairingId, kind, happenedAt, minutes, status, createdAt: happenedAt }).run();
}

let author: string;

function report(period = H1, siteCode = cityCode) {
  const r = reportFor(admin, { ...period, siteCode }, META);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}
const total = (key: FigureKey) => report().figures.total[key];
const inCounty = (code: string, key: FigureKey) => report().figures.byCounty.find((c) => c.county.code === code)!.figures[key];

beforeAll(() => {
  sites = createSites(db, 0);
  cityCode = `${sites.paths.city.slice(1, -1)}-wz`;
  author = user().id;
  const { lt, yc, ltTown } = sites;

  const v1 = user({ volunteer: { status: 'approved' } });
  const v2 = user({ volunteer: { status: 'approved' } });
  const v3 = user({ volunteer: { status: 'approved' } });
  const socialOrg = user({ org: { kind: 'social_org', status: 'approved' } });
  const company = user({ org: { kind: 'company', status: 'approved' } });
  const suspendedOrg = user({ org: { kind: 'social_org', status: 'suspended' } });

  // Wishes and claims: the confirmation decides the period.
  const w1 = wish(ltTown, lt, 'fulfilled', IN, IN + 1000);
  claim(w1, v1, 'confirmed', IN, IN + 1000, 10_000);
  const w2 = wish(ltTown, lt, 'fulfilled', IN, AFTER); // a claim confirmed after the period ends
  claim(w2, socialOrg, 'confirmed', IN, AFTER, 99_999);
  const w3 = wish(ltTown, lt, 'withdrawn', IN); // a withdrawn wish (its claim released)
  claim(w3, v2, 'released', IN);
  const w4 = wish(ltTown, lt, 'published', IN); // its only claim rejected
  claim(w4, v2, 'rejected', IN);
  const w5 = wish(yc, yc, 'fulfilled', IN, LAST_MINUTE); // confirmed in the period's last minute
  claim(w5, company, 'confirmed', IN, LAST_MINUTE, 5_000);
  const w6 = wish(ltTown, lt, 'fulfilled', IN, IN + 2000);
  claim(w6, suspendedOrg, 'confirmed', IN, IN + 2000, 2_000);
  wish(ltTown, lt, 'fulfilled', BEFORE, BEFORE); // published and fulfilled before the period

  // Activities: the slot's start decides the period; only closed slots of approved/completed activities count.
  const homeVisit = activity('home_visit', 'approved', ltTown);
  const s1 = slot(homeVisit, ltTown, IN, 'closed', { childrenServed: 5, moneyFen: 100_000, goodsFen: 50_000 });
  attend(s1, v1.id, 'attended', 90);
  attend(s1, v2.id, 'no_show', null);
  const s2 = slot(homeVisit, ltTown, BEFORE, 'closed', { childrenServed: 7, moneyFen: 1_000_000 }); // started before, closed in the period
  attend(s2, v3.id, 'attended', 60);
  const talk = activity('safety_talk', 'completed', ltTown, socialOrg.orgId);
  slot(talk, ltTown, IN, 'closed', { sessions: 2, materials: 30 });
  slot(talk, ltTown, IN, 'open');
  slot(talk, ltTown, IN, 'cancelled', { materials: 500 });
  const film = activity('film_screening', 'approved', yc);
  slot(film, yc, IN, 'closed', { childrenServed: 12, correctedAt: IN + 86_400_000 }); // a corrected slot: 10 → 12, counted once
  slot(activity('case_tutoring', 'cancelled', ltTown), ltTown, IN, 'closed');
  slot(activity('case_tutoring', 'approved', ltTown), ltTown, IN, 'closed');
  // Care services: K1 served twice in 利通区 and once in 盐池县 counts once in each county and once in all.
  const k1 = child(ltTown);
  const k2 = child(ltTown);
  const care = activity('temporary_care', 'approved', ltTown);
  slot(care, ltTown, IN, 'closed', { children: [k1, k2] });
  slot(care, ltTown, IN + 86_400_000, 'closed', { children: [k1] });
  slot(activity('legal_aid', 'completed', yc), yc, IN, 'closed', { children: [k1] });
  slot(activity('counselling', 'approved', ltTown), ltTown, IN, 'closed', { children: [k2] }); // not a care-service type

  // Pairings: confirmed contacts count; a rejected or unconfirmed visit log does not.
  const parent = user({ volunteer: { status: 'approved', caringParent: true } });
  const p1 = pairing(parent.id, ltTown, 'active', sh(2024, 6, 1));
  visit(p1, 'home_visit', 'confirmed', IN, 60);
  visit(p1, 'call', 'confirmed', IN, 30);
  visit(p1, 'home_visit', 'rejected', IN, 45);
  visit(p1, 'home_visit', 'logged', IN, 45);
  visit(p1, 'home_visit', 'confirmed', AFTER, 45);
  pairing(parent.id, yc, 'active', IN); // the same parent in another county
  const before = user({ volunteer: { status: 'approved', caringParent: true } });
  pairing(before.id, ltTown, 'ended', sh(2024, 1, 1), sh(2024, 12, 1)); // ended before the period
  const suspended = user({ volunteer: { status: 'suspended', caringParent: true } });
  pairing(suspended.id, ltTown, 'active', sh(2024, 1, 1));
});

describe('each figure on hand-made records', () => {
  it('wishesFulfilled: by confirmation date; one confirmed after the period, a withdrawn wish and one before it do not count', () => {
    expect(inCounty(`${cityCode.slice(0, -3)}-lt`, 'wishesFulfilled')).toBe(2);
    expect(inCounty(`${cityCode.slice(0, -3)}-yc`, 'wishesFulfilled')).toBe(1);
    expect(total('wishesFulfilled')).toBe(3);
    // The next half-year picks up the claim confirmed just after this one.
    expect(report({ from: '2025-07-01', to: '2025-12-31' }).figures.total.wishesFulfilled).toBe(1);
  });

  it('moneyAndGoodsYuan: claims confirmed in the period plus money and goods of slots that started in it', () => {
    // 100 + 50 + 20 yuan of claims (not the 999.99 confirmed after), 1,500 of the home-visit slot (not the one started before)
    expect(total('moneyAndGoodsYuan')).toBe(1670);
  });

  it('homeVisits: children of home-visit slots plus confirmed home visits, not rejected or unconfirmed logs', () => {
    expect(total('homeVisits')).toBe(5 + 1);
  });

  it('safetyTalks and materials: sessions and materials of closed slots only', () => {
    expect(total('safetyTalks')).toBe(2);
    expect(total('materialsDistributed')).toBe(30);
  });

  it('tutoringSessions: a closed slot of a cancelled activity does not count', () => {
    expect(total('tutoringSessions')).toBe(1);
  });

  it('filmScreenings and coverage: a corrected slot counts once, with its corrected children', () => {
    expect(total('filmScreenings')).toBe(1);
    expect(total('filmScreeningCoverage')).toBe(12);
  });

  it('childrenCareServed: a child served twice counts once; distinct per county and again overall', () => {
    expect(inCounty(`${cityCode.slice(0, -3)}-lt`, 'childrenCareServed')).toBe(2);
    expect(inCounty(`${cityCode.slice(0, -3)}-yc`, 'childrenCareServed')).toBe(1);
    expect(total('childrenCareServed')).toBe(2);
  });

  it('socialOrganizations and companies: approved ones that took part in the period', () => {
    // The social organization's claim was confirmed after the period, but its completed safety talk was held in it;
    // the suspended organization's confirmed claim does not make it count.
    expect(total('socialOrganizations')).toBe(1);
    expect(total('companies')).toBe(1);
    expect(inCounty(`${cityCode.slice(0, -3)}-yc`, 'companies')).toBe(1);
  });

  it('caringParents: approved caring parents whose pairing ran during the period, each once', () => {
    expect(inCounty(`${cityCode.slice(0, -3)}-lt`, 'caringParents')).toBe(1);
    expect(inCounty(`${cityCode.slice(0, -3)}-yc`, 'caringParents')).toBe(1);
    expect(total('caringParents')).toBe(1);
  });

  it('wishesPublished, wishesClaimed and fulfilmentRate', () => {
    expect(total('wishesPublished')).toBe(5); // w1, w2, w4, w5, w6: not the withdrawn one, not the one published before
    expect(total('wishesClaimed')).toBe(4); // w1, w2, w5, w6: not the withdrawn one, not the one whose claim was rejected
    expect(total('fulfilmentRate')).toBe(60); // w1, w5, w6 fulfilled by the end; w2 only after
  });

  it('activeVolunteers and serviceHours: attended slots, confirmed contacts and own confirmed claims', () => {
    expect(total('activeVolunteers')).toBe(2); // v1 (attended, claimed) and the caring parent; not the no-show, not v3 (before)
    expect(total('serviceHours')).toBe(3); // 90 attended + 60 + 30 confirmed contact minutes
  });

  it('narrows to a subtree: a county, or a township inside it', () => {
    const lt = report(H1, `${cityCode.slice(0, -3)}-lt`);
    expect(lt.figures.byCounty.map((c) => c.county.code)).toEqual([`${cityCode.slice(0, -3)}-lt`]);
    expect(lt.figures.total.wishesFulfilled).toBe(2);
    expect(lt.figures.total.childrenCareServed).toBe(2);
    const town = report(H1, `${cityCode.slice(0, -3)}-gz`);
    expect(town.figures.total.homeVisits).toBe(6);
    expect(town.figures.byCounty.map((c) => c.county.code)).toEqual([`${cityCode.slice(0, -3)}-lt`]);
  });
});

describe('who may read a report', () => {
  const staffOf = (siteId: string, sitePath: string): Actor => ({ userId: 'staff-x', admin: false, staff: { siteId, sitePath }, volunteer: null, orgs: [] });

  it('gives staff their own subtree by default and refuses a site outside it', () => {
    const staff = staffOf(sites.lt, sites.paths.lt);
    const own = reportFor(staff, H1, META);
    expect(own.ok && own.value.site?.path).toBe(sites.paths.lt);
    expect(reportFor(staff, { ...H1, siteCode: cityCode }, META)).toEqual({ ok: false, error: { kind: 'forbidden' } });
    const denied = db.$client.prepare("select count(*) as n from security_events where type = 'permission_denied' and detail = 'report.read'").get() as { n: number };
    expect(denied.n).toBeGreaterThan(0);
  });

  it('gives admins everything without a site, and refuses visitors and helpers', () => {
    const all = reportFor(admin, H1, META);
    expect(all.ok && all.value.site).toBeNull();
    expect(reportFor(null, H1, META).ok).toBe(false);
    const helper: Actor = { userId: 'h', admin: false, staff: null, volunteer: { status: 'approved', caringParent: false }, orgs: [] };
    expect(reportFor(helper, { ...H1, siteCode: cityCode }, META)).toEqual({ ok: false, error: { kind: 'forbidden' } });
  });

  it('refuses a bad period and an unknown site', () => {
    expect(reportFor(admin, { from: '2025-07-01', to: '2025-06-30' }, META)).toMatchObject({ ok: false, error: { kind: 'validation', fields: { to: ['report.error.to_before_from'] } } });
    expect(reportFor(admin, { from: 'soon', to: '2025-06-30' }, META)).toMatchObject({ ok: false, error: { kind: 'validation' } });
    expect(reportFor(admin, { ...H1, siteCode: 'nowhere' }, META)).toEqual({ ok: false, error: { kind: 'not_found' } });
  });
});

describe('the demo data set', () => {
  const letter = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../shared/spec/letter-figures.json'), 'utf8')) as {
    figures: Record<string, { value: number; letter: string }>;
  };

  beforeAll(() => {
    seedDemo(db, { now: Date.UTC(2026, 10, 29, 2), passwordHash: 'x' });
  });

  it('reproduces every figure of the letter for 2025-01-01 … 2025-06-30 over 吴忠市', () => {
    const r = report(H1, 'wz');
    const json = reportJson(r);
    for (const [key, f] of Object.entries(letter.figures)) expect(json[key], key).toBe(f.value);
    // The counties add up to the total for every sum.
    for (const key of ['homeVisits', 'wishesFulfilled', 'safetyTalks', 'tutoringSessions', 'filmScreeningCoverage'] as const)
      expect(r.figures.byCounty.reduce((s, c) => s + c.figures[key], 0), key).toBe(r.figures.total[key]);
    // How long the statement takes on the demo data is said in the note; never asserted here.
    console.info(`report over the demo data: ${r.tookMs.toFixed(1)} ms`);
  });

  it('writes each figure in the paragraph as the letter does', () => {
    const text = paragraphText(reportParagraph(report(H1, 'wz').figures.total, H1, 'zh-CN'));
    const words = ['408 人次', '466 个', '15.3 万元', '28 场次', '420 余份', '327 次', '51 场', '308 人次', '973 名', '26 家社会组织', '12 家爱心企业', '12 名爱心人士'];
    for (const w of words) expect(text, w).toContain(w);
    for (const [key, f] of Object.entries(letter.figures)) {
      const number = /(\d+(?:\.\d+)?)/.exec(f.letter.replace(/[“”"]/g, ''))![1];
      expect(text, key).toContain(number);
    }
  });

  it('exports the figures as CSV with a BOM and the right columns', () => {
    const r = reportFromCli({ from: H1.from, to: H1.to, site: 'wz', format: 'csv' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.output.startsWith(CSV_BOM)).toBe(true);
    const lines = r.output.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('指标代码,指标,县区,数值,单位,统计口径');
    expect(lines).toContain(lines.find((l) => l.startsWith('wishesFulfilled,实现微心愿,吴忠市(合计),466,个,')));
    expect(new Set(lines.slice(1).map((l) => l.split(',')[0]))).toEqual(new Set(FIGURE_KEYS));
  });

  it('uses indexes for the period: slots by their start, published wishes by status and date', () => {
    const q = new SQLiteSyncDialect().sqlToQuery(reportMeasuresStatement('/wz/', periodBounds(H1)));
    const plan = (db.$client.prepare(`explain query plan ${q.sql}`).all(...q.params) as { detail: string }[]).map((p) => p.detail);
    // Migration 0007 replaced slots_starts_idx with slots_starts_id_idx (starts_at, id).
    expect(plan.some((d) => /^SEARCH s USING (COVERING )?INDEX slots_(starts_id|status_starts)_idx \((status=\? AND )?starts_at>\? AND starts_at<\?\)/.test(d)), plan.join('\n')).toBe(true);
    // Migration 0008: published wishes by status and date in a covering index (no row of the table read).
    expect(plan.some((d) => d.startsWith('SEARCH w USING COVERING INDEX wishes_status_published_site_idx (status=? AND published_at>?'))).toBe(true);
    expect(plan.filter((d) => /^SCAN (s|g|slots|slot_signups)$/.test(d))).toEqual([]);
    expect(plan).toContain('SEARCH g USING INDEX slot_signups_slot_status_idx (slot_id=?)');
  });
});
