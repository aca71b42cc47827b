import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, migrate, type DB } from '../../db/client';
import { DEMO_PERIOD, seedDemo, type SeedSummary } from '../../db/seed/demo';
import { checkPublicText, checkPublicTextWarnings, deriveGivenName } from '../../app/domain/privacy';
import { childPrivacyFacts } from '../../app/server/child-facts.server';
import { closeDatabase, useDatabase } from '../../app/data/db.server';
import { publicCounties } from '../../app/data/wishes.server';
import { publicCountyOf } from '../../app/services/wishes.server';

// The demo data set must reproduce the letter's first-half-2025 figures under the
// counting rules written at the top of db/seed/demo.ts. Every figure is recomputed
// here with raw SQL, independently of the seed's own bookkeeping.

const NOW = Date.UTC(2026, 10, 29, 2);
// The repo keeps the letter figures the demo and these tests need (db/seed/letter-figures.json), a copy of
// the product's letter-figures.json; the product spec sits beside the repo (here and in CI), and the
// copy must still be the same. A missing spec is a failure, not a silent skip.
const COPY = path.resolve(__dirname, '../../db/seed/letter-figures.json');
const SPEC = path.resolve(__dirname, '../../../shared/spec/letter-figures.json');
const letter = JSON.parse(fs.readFileSync(COPY, 'utf8')) as {
  period: { from: string; to: string };
  figures: Record<string, { value: number }>;
};
const expected = (key: string) => letter.figures[key].value;

describe('the letter figures', () => {
  it('are the same as in the product spec', () => {
    expect(fs.existsSync(SPEC), `the product spec's letter figures are missing: ${SPEC}`).toBe(true);
    expect(JSON.parse(fs.readFileSync(SPEC, 'utf8'))).toEqual(letter);
  });

  it('are kept in the repository for the demo and these tests', () => {
    expect(Object.keys(letter.figures).length).toBeGreaterThan(0);
    expect(letter.period).toEqual({ from: '2025-01-01', to: '2025-06-30' });
  });
});

const files: string[] = [];
function freshDb(): DB {
  const file = path.join(os.tmpdir(), `seed-${crypto.randomUUID()}.db`);
  files.push(file);
  const db = openDatabase(file);
  migrate(db);
  return db;
}
const opened: DB[] = [];

let db: DB;
let summary: SeedSummary;

beforeAll(() => {
  db = freshDb();
  opened.push(db);
  // How long the seed takes is measured by `npm run bench`, never by a timed test.
  summary = seedDemo(db, { now: NOW, passwordHash: 'x' });
});

afterAll(() => {
  for (const d of opened) d.$client.close();
  for (const file of files) for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
});

const P = () => ({ from: DEMO_PERIOD.from, to: DEMO_PERIOD.to });
function one<T = number>(sql: string, params: Record<string, unknown> = P()): T {
  const row = db.$client.prepare(sql).get(params) as Record<string, T>;
  return Object.values(row)[0];
}
function all<T>(sql: string, params: Record<string, unknown> = {}): T[] {
  return db.$client.prepare(sql).all(params) as T[];
}

/** Closed slots in P of activities of the given types (approved or completed activities). */
const CLOSED_SLOTS = (types: string) => `
  from slots s join activities a on a.id = s.activity_id
  where a.type in (${types}) and a.status in ('approved', 'completed')
    and s.status = 'closed' and s.closed_at between :from and :to`;

describe('demo seed', () => {
  it('covers exactly the letter period (2025-01-01 … 2025-06-30, Asia/Shanghai)', () => {
    expect(letter.period).toEqual({ from: '2025-01-01', to: '2025-06-30' });
    expect(new Date(DEMO_PERIOD.from).toISOString()).toBe('2024-12-31T16:00:00.000Z');
    expect(new Date(DEMO_PERIOD.to + 1).toISOString()).toBe('2025-06-30T16:00:00.000Z');
  });

  it('reports what it inserted', () => {
    expect(summary.wishes).toBe(one('select count(*) from wishes', {}));
    expect(summary.children).toBe(one('select count(*) from children', {}));
    expect(summary.children).toBeGreaterThanOrEqual(1000);
    expect(one<string>("select value from meta where key = 'demo'", {})).toBe('true');
  });

  describe('reproduces the letter figures', () => {
    it('wishesFulfilled: fulfilled in P, each with exactly one confirmed claim at fulfilment', () => {
      expect(one("select count(*) from wishes where status = 'fulfilled' and fulfilled_at between :from and :to")).toBe(expected('wishesFulfilled'));
      const good = one(`
        select count(*) from wishes w
        where w.status = 'fulfilled' and w.fulfilled_at between :from and :to
          and (select count(*) from claims c where c.wish_id = w.id and c.status = 'confirmed') = 1
          and exists (
            select 1 from claims c where c.wish_id = w.id and c.status = 'confirmed' and c.confirmed_at = w.fulfilled_at
              and (
                (c.org_id is null and exists (select 1 from volunteers v where v.user_id = c.claimant_user_id and v.status = 'approved'))
                or (c.org_id is not null
                    and exists (select 1 from organizations o where o.id = c.org_id and o.status = 'approved')
                    and exists (select 1 from organization_members m where m.org_id = c.org_id and m.user_id = c.claimant_user_id))
              ))
          and w.value_fen <= 30000`);
      expect(good).toBe(expected('wishesFulfilled'));
    });

    it('moneyAndGoodsYuan: confirmed claims received + slot money and goods', () => {
      const fen = one(`
        select (select coalesce(sum(value_received_fen), 0) from claims where status = 'confirmed' and confirmed_at between :from and :to)
             + (select coalesce(sum(coalesce(money_fen, 0) + coalesce(goods_fen, 0)), 0) from slots where status = 'closed' and closed_at between :from and :to)`);
      expect(fen).toBe(expected('moneyAndGoodsYuan') * 100);
    });

    it('homeVisits: home-visit slots served + confirmed caring-parent visits', () => {
      const slots = one(`select coalesce(sum(s.children_served), 0) ${CLOSED_SLOTS("'home_visit'")}`);
      const visits = one("select count(*) from pairing_visits where kind = 'home_visit' and status = 'confirmed' and happened_at between :from and :to");
      expect(visits).toBeGreaterThan(0);
      expect(slots + visits).toBe(expected('homeVisits'));
    });

    it('safety talks, materials, tutoring, film screenings and coverage', () => {
      expect(one(`select count(*) ${CLOSED_SLOTS("'safety_talk'")}`)).toBe(expected('safetyTalks'));
      expect(one(`select sum(s.materials) ${CLOSED_SLOTS("'safety_talk'")}`)).toBe(expected('materialsDistributed'));
      expect(one(`select count(*) ${CLOSED_SLOTS("'case_tutoring'")}`)).toBe(expected('tutoringSessions'));
      expect(one(`select count(*) ${CLOSED_SLOTS("'film_screening'")}`)).toBe(expected('filmScreenings'));
      expect(one(`select sum(s.children_served) ${CLOSED_SLOTS("'film_screening'")}`)).toBe(expected('filmScreeningCoverage'));
    });

    it('childrenCareServed: distinct children of care slots', () => {
      const n = one(`
        select count(distinct sc.child_id) from slot_children sc
        where sc.slot_id in (select s.id ${CLOSED_SLOTS("'temporary_care', 'family_education', 'legal_aid', 'crisis_intervention'")})`);
      expect(n).toBe(expected('childrenCareServed'));
    });

    it('socialOrganizations and companies that took part', () => {
      const count = (kind: string) =>
        one(
          `select count(*) from organizations o
           where o.status = 'approved' and o.kind = :kind and (
             exists (select 1 from claims c where c.org_id = o.id and c.status = 'confirmed' and c.confirmed_at between :from and :to)
             or exists (select 1 from activities a join slots s on s.activity_id = a.id
                        where a.org_id = o.id and a.status = 'completed' and s.status = 'closed' and s.closed_at between :from and :to))`,
          { ...P(), kind },
        );
      expect(count('social_org')).toBe(expected('socialOrganizations'));
      expect(count('company')).toBe(expected('companies'));
    });

    it('caringParents: approved caring-parent volunteers with a pairing running in P', () => {
      const q = (extra: string) => `
        select count(distinct v.user_id) from volunteers v join pairings p on p.volunteer_user_id = v.user_id
        where v.status = 'approved' and v.caring_parent = 1
          and p.started_at <= :to and (p.ended_at is null or p.ended_at >= :from) ${extra}`;
      expect(one(q(''))).toBe(expected('caringParents'));
      expect(one(q("and p.status = 'active'"))).toBe(expected('caringParents'));
    });

    it('keeps slot outcomes consistent: children_served = number of slot_children, capacity respected', () => {
      expect(
        one(`select count(*) from slots s where s.status = 'closed'
             and s.children_served != (select count(*) from slot_children sc where sc.slot_id = s.id)`, {}),
      ).toBe(0);
      expect(
        one(`select count(*) from slots s
             where (select count(*) from slot_signups g where g.slot_id = s.id and g.status = 'confirmed') > s.capacity`, {}),
      ).toBe(0);
      // No closed slot straddles the period: one that starts in it also closes in it, and the other way round.
      expect(one("select count(*) from slots where status = 'closed' and (starts_at between :from and :to) != (closed_at between :from and :to)")).toBe(0);
    });

    it('has a history after the period too (the second half of 2025 and 2026), so other periods are not empty', () => {
      const h2 = { from: Date.UTC(2025, 5, 30, 16), to: Date.UTC(2025, 11, 31, 16) - 1 };
      const y2026 = { from: Date.UTC(2025, 11, 31, 16), to: Date.UTC(2026, 11, 31, 16) - 1 };
      for (const p of [h2, y2026]) {
        expect(one("select count(*) from wishes where status = 'fulfilled' and fulfilled_at between :from and :to", p)).toBeGreaterThan(100);
        expect(one("select count(*) from slots where status = 'closed' and starts_at between :from and :to", p)).toBeGreaterThan(10);
      }
    });
  });

  it('is deterministic: two fresh databases get identical content', () => {
    const other = freshDb();
    opened.push(other);
    seedDemo(other, { now: NOW, passwordHash: 'x' });
    for (const table of ['sites', 'users', 'children', 'wishes', 'claims', 'activities', 'slots', 'slot_signups', 'pairing_visits', 'audit_events']) {
      const rows = (d: DB) => d.$client.prepare(`select * from ${table} order by id`).all();
      expect(rows(other), table).toEqual(rows(db));
    }
    const wishes = other.$client.prepare('select id, title from wishes order by id').all();
    expect(wishes.length).toBeGreaterThan(466);
  });

  it('refuses to seed twice into the same database', () => {
    expect(() => seedDemo(db, { now: NOW, passwordHash: 'x' })).toThrow();
  });

  it('has the demo accounts with their roles', () => {
    const user = (email: string) =>
      db.$client
        .prepare(
          `select u.id, u.email, u.is_admin as isAdmin, u.email_verified_at as verified, s.code as site
           from users u left join sites s on s.id = u.staff_site_id where u.email = ?`,
        )
        .get(email) as { id: string; isAdmin: number; verified: number | null; site: string | null } | undefined;

    expect(user('admin@demo.local')).toMatchObject({ isAdmin: 1, site: null });
    expect(user('staff@demo.local')).toMatchObject({ isAdmin: 0, site: 'wz' });
    expect(user('staff2@demo.local')).toMatchObject({ isAdmin: 0, site: 'wz' });
    expect(user('staff.lt@demo.local')).toMatchObject({ site: 'lt' });
    expect(user('staff.tx@demo.local')).toMatchObject({ site: 'tx' });
    expect(one("select count(*) from users where email != lower(email) or email_verified_at is null", {})).toBe(0);

    // Each staff account is named after the area it covers (the city's accounts work on every site in the city),
    // not after one institution.
    const staffNames = all<{ email: string; name: string; kind: string; site: string }>(
      `select u.email, u.display_name as name, s.kind, s.name_zh as site from users u join sites s on s.id = u.staff_site_id`,
    );
    expect(staffNames.length).toBeGreaterThan(2);
    for (const { email, name, kind, site } of staffNames) {
      expect(name, email).toContain(kind === 'city' ? '全市' : site);
      if (kind === 'city') expect(name, email).not.toMatch(/福利院|儿童之家|保护中心/);
    }

    const vol = db.$client
      .prepare('select v.* , s.code as county from volunteers v join users u on u.id = v.user_id left join sites s on s.id = v.county_site_id where u.email = ?')
      .get('volunteer@demo.local') as Record<string, unknown>;
    expect(vol).toMatchObject({ status: 'approved', caring_parent: 1, county: 'lt' });
    // Re-checked about forty days before now (one-to-one contact is re-checked yearly): not overdue.
    expect(vol.check_note).toMatch(/^已查验无犯罪记录证明\(\d{4}-\d{2}-\d{2}\)$/);
    expect(vol.recheck_due_at).toBe((vol.vetted_at as number) + 365 * 24 * 3600_000);
    expect(vol.recheck_due_at).toBeGreaterThan(NOW + 300 * 24 * 3600_000);
    expect(
      one(
        `select count(*) from pairings p join users u on u.id = p.volunteer_user_id
         where u.email = 'volunteer@demo.local' and p.status = 'active' and p.started_at <= :to`,
      ),
    ).toBe(1);

    expect(one("select v.status from volunteers v join users u on u.id = v.user_id where u.email = 'pending@demo.local'", {})).toBe('pending');

    const org = db.$client
      .prepare(
        `select o.name, o.kind, o.status, m.role from organization_members m
         join organizations o on o.id = m.org_id join users u on u.id = m.user_id where u.email = ?`,
      )
      .get('org@demo.local');
    expect(org).toEqual({ name: '吴忠市爱心志愿者协会', kind: 'social_org', status: 'approved', role: 'manager' });
    expect(one("select count(*) from organizations where status = 'pending'", {})).toBe(2);
  });

  it('keeps every public wish text free of the child’s identity', () => {
    const rows = all<{ title: string; story: string; realName: string; birthDate: string; alias: string }>(
      'select w.title, w.story, c.real_name as realName, c.birth_date as birthDate, c.alias from wishes w join children c on c.id = w.child_id',
    );
    expect(rows.length).toBeGreaterThan(0);
    const leaks = rows.filter(({ title, story, realName }) => {
      const given = deriveGivenName({ realName }) ?? realName.slice(1);
      const text = `${title}\n${story}`;
      return text.includes(realName) || text.includes(given) || /小学|中学|学校|幼儿园|\d{11}/.test(text);
    });
    expect(leaks).toEqual([]);
    // The platform's own privacy check passes too.
    const findings = rows.flatMap((r) => checkPublicText([r.title, r.story], childPrivacyFacts(r)));
    expect(findings).toEqual([]);
    // No story states the child's exact age, which would defeat the public age band.
    expect(rows.flatMap((r) => checkPublicTextWarnings([r.title, r.story]))).toEqual([]);
    // Aliases never carry the given name.
    const aliases = all<{ realName: string; alias: string }>('select real_name as realName, alias from children');
    expect(aliases.filter((c) => c.alias.includes(c.realName.slice(1)))).toEqual([]);
  });

  it('has at most one live claim per wish, and claimed/delivered wishes have theirs', () => {
    expect(
      all("select wish_id from claims where status in ('pending', 'approved', 'delivered') group by wish_id having count(*) > 1"),
    ).toEqual([]);
    expect(
      one(
        `select count(*) from wishes w where w.status in ('claimed', 'delivered')
         and (select count(*) from claims c where c.wish_id = w.id and c.status in ('pending', 'approved', 'delivered')) != 1`,
        {},
      ),
    ).toBe(0);
    expect(
      one(
        `select count(*) from claims c join users u on u.id = c.claimant_user_id
         where u.email = 'volunteer@demo.local' and c.status = 'approved'`,
        {},
      ),
    ).toBe(1);
  });

  describe('audit trails (what the app itself would have written)', () => {
    type Event = { entityId: string; action: string; fromStatus: string | null; toStatus: string | null; actorId: string | null; at: number; note: string | null };
    /** Events of one entity type, oldest first as timelines show them (at, then insertion order). */
    const trails = (entityType: string) => {
      const byId = new Map<string, Event[]>();
      const rows = all<Event>(
        `select entity_id as entityId, action, from_status as fromStatus, to_status as toStatus, actor_id as actorId, at, note
         from audit_events where entity_type = :entityType order by at, rowid`,
        { entityType },
      );
      for (const e of rows) byId.set(e.entityId, [...(byId.get(e.entityId) ?? []), e]);
      return byId;
    };
    /** Replays a trail: each move starts where the last one ended; returns the final status. */
    const replay = (events: Event[]) => {
      let status: string | null = null;
      for (const e of events) {
        if (e.fromStatus !== null) expect(e.fromStatus, `${e.entityId} ${e.action}`).toBe(status);
        if (e.toStatus !== null) status = e.toStatus;
      }
      return status;
    };
    const staffIds = () => new Set(all<{ id: string }>('select id from users where staff_site_id is not null').map((u) => u.id));

    it('gives every wish, claim, volunteer and organization at least one event', () => {
      for (const [table, type, key] of [
        ['wishes', 'wish', 'id'],
        ['claims', 'claim', 'id'],
        ['volunteers', 'volunteer', 'user_id'],
        ['organizations', 'organization', 'id'],
      ]) {
        const bare = all<{ id: string }>(
          `select t.${key} as id from ${table} t
           where not exists (select 1 from audit_events e where e.entity_type = '${type}' and e.entity_id = t.${key})`,
        );
        expect(bare, table).toEqual([]);
      }
    });

    it('never dates an event after now', () => {
      expect(one('select count(*) from audit_events where at > :now', { now: NOW })).toBe(0);
    });

    it('has every wish created by its author and every publication by a second staff member (four eyes)', () => {
      const wishes = all<{ id: string; status: string; authorId: string; reviewerId: string | null; createdAt: number; publishedAt: number | null }>(
        'select id, status, author_id as authorId, reviewer_id as reviewerId, created_at as createdAt, published_at as publishedAt from wishes',
      );
      const byId = trails('wish');
      const staff = staffIds();
      for (const w of wishes) {
        const events = byId.get(w.id) ?? [];
        expect(events[0], w.id).toMatchObject({ action: 'create', toStatus: 'draft', actorId: w.authorId, at: w.createdAt });
        expect(replay(events), w.id).toBe(w.status);
        const publish = events.filter((e) => e.action === 'publish');
        if (w.publishedAt === null) {
          expect(publish, w.id).toEqual([]);
          continue;
        }
        expect(publish, w.id).toHaveLength(1);
        expect(publish[0].actorId, w.id).not.toBe(w.authorId);
        expect(publish[0], w.id).toMatchObject({ actorId: w.reviewerId, at: w.publishedAt });
        expect(staff.has(publish[0].actorId!), w.id).toBe(true);
      }
      expect(wishes.filter((w) => w.publishedAt !== null).length).toBeGreaterThan(466);
    });

    it('has every claim made by its claimant and decided by staff, matching the claim row', () => {
      const claims = all<{ id: string; wishId: string; status: string; claimant: string; createdAt: number; approvedAt: number | null; deliveredAt: number | null }>(
        `select id, wish_id as wishId, status, claimant_user_id as claimant, created_at as createdAt, approved_at as approvedAt, delivered_at as deliveredAt from claims`,
      );
      const byId = trails('claim');
      const wishTrails = trails('wish');
      const staff = staffIds();
      for (const c of claims) {
        const events = byId.get(c.id) ?? [];
        expect(events[0], c.id).toMatchObject({ action: 'claim', fromStatus: null, toStatus: 'pending', actorId: c.claimant, at: c.createdAt });
        expect(wishTrails.get(c.wishId)!.some((e) => e.action === 'claim' && e.at === c.createdAt && e.actorId === c.claimant), c.id).toBe(true);
        expect(replay(events), c.id).toBe(c.status);
        const approve = events.find((e) => e.action === 'approve');
        expect(approve?.at ?? null, c.id).toBe(c.approvedAt);
        if (approve) expect(staff.has(approve.actorId!), c.id).toBe(true);
        const deliver = events.find((e) => e.action === 'deliver');
        expect(deliver?.at ?? null, c.id).toBe(c.deliveredAt);
        if (deliver) expect(deliver.actorId, c.id).toBe(c.claimant);
      }
    });

    it('has every volunteer and organization apply, then the vetting decisions on record, by staff', () => {
      const helpers = [
        ...all<{ id: string; applicant: string; status: string; createdAt: number; vettedAt: number | null; vettedBy: string | null; checkNote: string | null; statusReason: string | null }>(
          `select 'volunteer' as kind, user_id as id, user_id as applicant, status, created_at as createdAt, vetted_at as vettedAt, vetted_by as vettedBy,
                  check_note as checkNote, status_reason as statusReason from volunteers`,
        ).map((h) => ({ ...h, kind: 'volunteer' })),
        ...all<{ id: string; applicant: string; status: string; createdAt: number; vettedAt: number | null; vettedBy: string | null; checkNote: string | null; statusReason: string | null }>(
          `select o.id, m.user_id as applicant, o.status, o.created_at as createdAt, o.vetted_at as vettedAt, o.vetted_by as vettedBy,
                  o.check_note as checkNote, o.status_reason as statusReason
           from organizations o join organization_members m on m.org_id = o.id and m.role = 'manager'`,
        ).map((h) => ({ ...h, kind: 'organization' })),
      ];
      expect(helpers.length).toBe(one('select (select count(*) from volunteers) + (select count(*) from organizations)', {}));
      const byKind = { volunteer: trails('volunteer'), organization: trails('organization') };
      const staff = staffIds();
      const decisions = ['approve', 'reject', 'suspend', 'reinstate', 'recheck'];
      for (const h of helpers) {
        const events = byKind[h.kind as 'volunteer' | 'organization'].get(h.id) ?? [];
        expect(events[0], h.id).toMatchObject({ action: 'apply', toStatus: 'pending', actorId: h.applicant, at: h.createdAt });
        expect(replay(events), h.id).toBe(h.status);
        const decided = events.filter((e) => decisions.includes(e.action));
        for (const d of decided) expect(staff.has(d.actorId!), `${h.id} ${d.action}`).toBe(true);
        if (h.status === 'pending') {
          expect(decided, h.id).toEqual([]);
          continue;
        }
        // The last decision is the one the row records.
        const last = decided[decided.length - 1];
        expect(last, h.id).toMatchObject({ at: h.vettedAt, actorId: h.vettedBy, note: h.status === 'approved' ? h.checkNote : h.statusReason });
        if (h.status !== 'rejected') expect(decided[0], h.id).toMatchObject({ action: 'approve', fromStatus: 'pending' });
      }
      // The demo's caring mother: applied 2025-01-03, approved 2025-01-10, re-checked about forty days ago.
      const demo = db.$client
        .prepare(
          `select e.action, e.note from audit_events e join users u on u.id = e.entity_id
           where e.entity_type = 'volunteer' and u.email = 'volunteer@demo.local' order by e.at, e.rowid`,
        )
        .all();
      expect(demo).toEqual([
        { action: 'apply', note: null },
        { action: 'approve', note: '已查验无犯罪记录证明(2025-01-10)' },
        { action: 'recheck', note: expect.stringMatching(/^已查验无犯罪记录证明\(2026-10-\d{2}\)$/) },
      ]);
    });
  });

  it('has sign-ups in every state the activity page shows: a full slot with a waiting list, an offer in flight', () => {
    const count = (sql: string) => one(sql, { now: NOW });
    // Every slot's taken is exactly its confirmed places plus its offers in flight.
    expect(
      count(`select count(*) from slots s where s.taken != (select count(*) from slot_signups g where g.slot_id = s.id and g.status in ('confirmed', 'offered'))`),
    ).toBe(0);
    expect(
      count(`select count(*) from slots s where s.status = 'open' and s.starts_at > :now and s.taken = s.capacity
             and exists (select 1 from slot_signups g where g.slot_id = s.id and g.status = 'waitlisted')`),
    ).toBeGreaterThanOrEqual(1);
    expect(
      count(`select count(*) from slot_signups g join slots s on s.id = g.slot_id join users u on u.id = g.user_id
             where g.status = 'offered' and g.offer_expires_at > :now and g.offer_expires_at <= s.starts_at - 2 * 3600000
             and s.status = 'open' and u.email = 'volunteer@demo.local'`),
    ).toBe(1);
    expect(count("select count(*) from slots s where s.status = 'open' and s.starts_at > :now and s.activity_id in (select id from activities where status = 'approved')")).toBeGreaterThan(0);
  });

  it('has a present to work on, relative to now', () => {
    const count = (sql: string) => one(sql, { now: NOW });
    expect(count("select count(*) from wishes where status = 'published'")).toBeGreaterThanOrEqual(20);
    expect(count("select count(*) from wishes where status = 'published' and deadline_at between :now + 14 * 86400000 and :now + 43 * 86400000")).toBeGreaterThan(0);
    expect(count("select count(*) from wishes w join users u on u.id = w.author_id where w.status = 'in_review' and u.email = 'staff@demo.local'")).toBeGreaterThan(0);
    expect(count("select count(*) from wishes where status = 'claimed'")).toBe(3);
    expect(count("select count(*) from wishes where status = 'delivered'")).toBe(1);
    expect(
      count(`select count(distinct a.id) from activities a join slots s on s.activity_id = a.id
             where a.status = 'approved' and s.status = 'open' and s.starts_at between :now + 86400000 and :now + 31 * 86400000`),
    ).toBeGreaterThanOrEqual(5);
    expect(count("select count(*) from activities a join users u on u.id = a.proposer_id where a.status = 'submitted' and u.email = 'org@demo.local'")).toBe(1);
    expect(
      count(`select count(*) from slot_signups g join users u on u.id = g.user_id join slots s on s.id = g.slot_id
             where u.email = 'volunteer@demo.local' and s.status = 'open'`),
    ).toBeGreaterThan(0);
    // Seeded wishes are filed as a new wish is (README D7): under the county above the site, or under the
    // city for the city's own welfare home; and every place they are filed under is offered by the county filter.
    useDatabase(db);
    try {
      const filed = db.$client.prepare('select distinct site_id as siteId, county_site_id as countyId from wishes').all() as { siteId: string; countyId: string }[];
      expect(filed.filter((f) => f.countyId !== publicCountyOf(f.siteId))).toEqual([]);
      const home = db.$client.prepare("select c.code from wishes w join sites s on s.id = w.site_id join sites c on c.id = w.county_site_id where s.code = 'wz-fly' group by c.code").all();
      expect(home).toEqual([{ code: 'wz' }]);
      const offered = new Set(publicCounties().map((c) => c.id));
      const publicIds = db.$client.prepare("select distinct county_site_id as id from wishes where status in ('published', 'claimed', 'delivered', 'fulfilled')").all() as { id: string }[];
      expect(publicIds.filter((c) => !offered.has(c.id))).toEqual([]);
      expect(publicCounties().map((c) => c.nameZh)).toEqual(['红寺堡区', '利通区', '青铜峡市', '同心县', '盐池县', '吴忠市']);
    } finally {
      closeDatabase();
    }
  });
});
