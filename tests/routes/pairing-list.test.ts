import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../helpers/db';
import { callRoute, cookieFor } from '../helpers/accounts';
import { seedDemo } from '../../db/seed/demo';
import * as listRoute from '../../app/routes/staff.pairings._index';
import * as staffRoute from '../../app/routes/staff._index';
import * as childRoute from '../../app/routes/staff.children.$id';
import * as siteRoute from '../../app/routes/admin.sites.$id';
import { staffPairingAlerts, staffPairingList } from '../../app/services/pairing-list.server';
import { loadActor } from '../../app/data/actors.server';
import { findUserById } from '../../app/data/users.server';
import { contactOverdue, type PairingStatus } from '../../app/domain/pairing';
import { DAY_MS } from '../../app/domain/calendar';

// The staff's overview of pairings on the demo data (13 pairings at the welfare home wz-fly, one with overdue
// contact, one with an open concern): the list's filters and flags, the top of /staff, the pairing history of a
// child, the site's contact fields, and that staff of another county see none of it.
const { db } = useTestDatabase('pairing-list');
const sql = <T>(query: string, ...args: unknown[]) => db.$client.prepare(query).all(...args) as T[];
const idOf = (email: string) => sql<{ id: string }>('select id from users where email = ?', email)[0].id;
let city: string;
let county: string;
let volunteer: string;
let admin: string;
const cityActor = () => loadActor(findUserById(idOf('staff@demo.local'))!);

type ListRow = { id: string; url: string; status: string; overdue: boolean; openConcerns: number; unresolvedConcerns: number; lastContactAt: number | null };
const list = async (url: string, cookie = city) => (await callRoute(listRoute.loader, { url, cookie })).data;

/** Each demo pairing with what the domain's rule says of it now, read straight from the tables. */
function expectedFlags(now: number) {
  const rows = sql<{ id: string; status: PairingStatus; started_at: number | null; days: number; last: number | null; open: number }>(
    `select p.id, p.status, p.started_at, s.contact_overdue_days days,
       (select max(happened_at) from pairing_visits v where v.pairing_id = p.id and v.status = 'confirmed') last,
       (select count(*) from pairing_concerns c where c.pairing_id = p.id and c.status = 'open') open
     from pairings p join sites s on s.id = p.site_id`,
  );
  return new Map(rows.map((r) => [r.id, { overdue: contactOverdue({ status: r.status, startedAt: r.started_at }, r.last, now, r.days), open: r.open }]));
}

beforeAll(() => {
  seedDemo(db, { now: Date.now(), passwordHash: 'x' });
  city = cookieFor(idOf('staff@demo.local'));
  county = cookieFor(idOf('staff.lt@demo.local'));
  volunteer = cookieFor(idOf('volunteer@demo.local'));
  admin = cookieFor(idOf('admin@demo.local'));
});

describe('/staff/pairings', () => {
  it('lists the 13 demo pairings, each linked to its page, concerns and overdue contact first and flagged by the domain’s rule', async () => {
    const data = await list('/staff/pairings');
    expect(data.paging).toEqual({ page: 1, pages: 1, total: 13 });
    const rows = data.pairings as ListRow[];
    expect(rows).toHaveLength(13);
    for (const r of rows) expect(r.url).toBe(`/staff/pairings/${r.id}`);
    const expected = expectedFlags(Date.now());
    expect(rows.map((r) => [r.id, r.overdue, r.openConcerns])).toEqual(rows.map((r) => [r.id, expected.get(r.id)!.overdue, expected.get(r.id)!.open]));
    expect(rows.filter((r) => r.overdue)).toHaveLength(1);
    expect(rows.filter((r) => r.openConcerns > 0)).toHaveLength(1);
    // The open concern heads the list, the overdue pairing follows, the ended pairing comes last.
    expect(rows[0].openConcerns).toBe(1);
    expect(rows[1].overdue).toBe(true);
    expect(rows[12].status).toBe('ended');
  });

  it('filters by status, site, overdue contact and open concern, and ignores a site outside the subtree', async () => {
    expect((await list('/staff/pairings?status=active')).paging.total).toBe(12);
    expect((await list('/staff/pairings?status=ended')).paging.total).toBe(1);
    expect((await list('/staff/pairings?status=proposed')).paging.total).toBe(0);
    const home = sql<{ id: string }>("select id from sites where code = 'wz-fly'")[0].id;
    const bySite = await list(`/staff/pairings?site=${home}`);
    expect(bySite.site).toBe(home);
    expect(bySite.sites.map((s: { id: string }) => s.id)).toEqual([home]);
    expect(bySite.paging.total).toBe(13);
    const otherSite = sql<{ id: string }>("select id from sites where code = 'lt-jj'")[0].id;
    const ignored = await list(`/staff/pairings?site=${otherSite}`);
    expect(ignored.site).toBe('');
    expect(ignored.paging.total).toBe(13);

    const overdue = await list('/staff/pairings?overdue=1');
    expect(overdue.paging.total).toBe(1);
    const lateId = [...expectedFlags(Date.now())].find(([, f]) => f.overdue)![0];
    expect(overdue.pairings[0].id).toBe(lateId);
    const concern = await list('/staff/pairings?concern=1');
    expect(concern.paging.total).toBe(1);
    expect(concern.pairings[0].openConcerns).toBe(1);
    expect((await list('/staff/pairings?overdue=1&concern=1')).paging.total).toBe(0);
    expect((await list('/staff/pairings?overdue=1&status=ended')).paging.total).toBe(0);
    // Nonsense values read as no filter.
    expect((await list('/staff/pairings?status=lost&overdue=yes&page=x')).paging.total).toBe(13);
  });

  it('computes overdue in SQL exactly as contactOverdue does, at the site’s own number of days', async () => {
    const actor = cityActor();
    const [late] = [...expectedFlags(Date.now())].find(([, f]) => f.overdue)!;
    const { started_at, last, days } = sql<{ started_at: number; last: number; days: number }>(
      `select p.started_at, s.contact_overdue_days days,
         (select max(happened_at) from pairing_visits v where v.pairing_id = p.id and v.status = 'confirmed') last
       from pairings p join sites s on s.id = p.site_id where p.id = ?`,
      late,
    )[0];
    const since = Math.max(started_at, last);
    const query = { status: '' as const, site: '', overdue: true, concern: false, page: 1 };
    const at = (now: number) => {
      const r = staffPairingList(actor, query, now);
      if (!r.ok) throw new Error('refused');
      return r.value.pairings.map((p) => p.id);
    };
    // Exactly `days` days of silence is not overdue yet; a millisecond more is.
    expect(at(since + days * DAY_MS)).not.toContain(late);
    expect(at(since + days * DAY_MS + 1)).toContain(late);
    expect(contactOverdue({ status: 'active', startedAt: started_at }, last, since + days * DAY_MS, days)).toBe(false);

    // The site's own number of days counts: at 50 days nobody is overdue, at 3 days every active pairing without a recent contact is.
    const home = "(select id from sites where code = 'wz-fly')";
    try {
      db.$client.prepare(`update sites set contact_overdue_days = 50 where id = ${home}`).run();
      expect((await list('/staff/pairings?overdue=1')).paging.total).toBe(0);
      db.$client.prepare(`update sites set contact_overdue_days = 3 where id = ${home}`).run();
      const expected = [...expectedFlags(Date.now())].filter(([, f]) => f.overdue).map(([id]) => id).sort();
      expect(expected.length).toBeGreaterThan(1);
      const data = await list('/staff/pairings?overdue=1');
      expect((data.pairings as ListRow[]).map((p) => p.id).sort()).toEqual(expected);
    } finally {
      db.$client.prepare(`update sites set contact_overdue_days = 30 where id = ${home}`).run();
    }
  });

  it('shows staff of another county none of these pairings, and refuses helpers', async () => {
    const data = await list('/staff/pairings', county);
    expect(data.paging.total).toBe(0);
    expect(data.pairings).toEqual([]);
    expect(data.sites).toEqual([]);
    expect((await list('/staff/pairings?overdue=1&concern=1', county)).paging.total).toBe(0);
    const helper = await callRoute(listRoute.loader, { url: '/staff/pairings', cookie: volunteer });
    expect(helper.thrown).toBe(true);
    expect(helper.status === 403 || helper.status === 302).toBe(true);
  });
});

describe('the top of /staff', () => {
  it('puts the open concern first, linked to its pairing, then the overdue pairing', async () => {
    const data = (await callRoute(staffRoute.loader, { url: '/staff', cookie: city })).data;
    const concern = sql<{ id: string; pairing_id: string; kind: string; text: string }>("select * from pairing_concerns where status = 'open'");
    expect(concern).toHaveLength(1);
    expect(data.pairings.concerns).toHaveLength(1);
    expect(data.pairings.concerns[0]).toMatchObject({ id: concern[0].id, kind: concern[0].kind, url: `/staff/pairings/${concern[0].pairing_id}` });
    // The concern's text stays on the pairing's page.
    expect(JSON.stringify(data.pairings)).not.toContain(concern[0].text);
    expect(data.pairings.overdue.total).toBe(1);
    expect(data.pairings.overdue.url).toBe('/staff/pairings?overdue=1');
    const late = [...expectedFlags(Date.now())].find(([, f]) => f.overdue)![0];
    expect(data.pairings.overdue.items.map((p: { url: string }) => p.url)).toEqual([`/staff/pairings/${late}`]);
    // Listed first: the loader's first key, and the section above the queues (PairingAlerts comes right after the title).
    expect(Object.keys(data)[0]).toBe('pairings');
  });

  it('shows nothing of them to staff of another county, and drops an acknowledged concern', async () => {
    const data = (await callRoute(staffRoute.loader, { url: '/staff', cookie: county })).data;
    expect(data.pairings).toEqual({ concerns: [], overdue: { total: 0, url: '/staff/pairings?overdue=1', items: [] } });
    const [open] = sql<{ id: string }>("select id from pairing_concerns where status = 'open'");
    try {
      db.$client.prepare("update pairing_concerns set status = 'acknowledged' where id = ?").run(open.id);
      expect(staffPairingAlerts(cityActor(), Date.now()).concerns).toEqual([]);
      // Still on the list as a concern in hand until it is closed.
      const rows = (await list('/staff/pairings?concern=1')).pairings as ListRow[];
      expect(rows.map((r) => [r.openConcerns, r.unresolvedConcerns])).toEqual([[0, 1]]);
    } finally {
      db.$client.prepare("update pairing_concerns set status = 'open' where id = ?").run(open.id);
    }
  });
});

describe('the pairing history on /staff/children/:id', () => {
  it('lists every pairing of the child with the volunteer, dates, status and confirmed contacts, linked', async () => {
    const [p] = sql<{ id: string; child_id: string; started_at: number; volunteer: string }>(
      "select p.id, p.child_id, p.started_at, u.display_name volunteer from pairings p join users u on u.id = p.volunteer_user_id where u.email = 'volunteer@demo.local'",
    );
    const visits = sql<{ n: number; m: number }>("select count(*) n, sum(minutes) m from pairing_visits where pairing_id = ? and status = 'confirmed'", p.id)[0];
    const data = (await callRoute(childRoute.loader, { url: `/staff/children/${p.child_id}`, params: { id: p.child_id }, cookie: city })).data;
    expect(data.pairings).toHaveLength(1);
    expect(data.pairings[0]).toMatchObject({
      id: p.id,
      url: `/staff/pairings/${p.id}`,
      status: 'active',
      volunteerName: p.volunteer,
      startedAt: p.started_at,
      endedAt: null,
      confirmedVisits: visits.n,
      confirmedMinutes: visits.m,
    });
    expect(visits.n).toBeGreaterThan(0);

    const [ended] = sql<{ id: string; child_id: string }>("select id, child_id from pairings where status = 'ended'");
    const endedData = (await callRoute(childRoute.loader, { url: `/staff/children/${ended.child_id}`, params: { id: ended.child_id }, cookie: city })).data;
    expect(endedData.pairings.map((x: { id: string; status: string }) => [x.id, x.status])).toContainEqual([ended.id, 'ended']);
  });

  it('is not there for staff of another county (the child page itself is not found)', async () => {
    const [p] = sql<{ child_id: string }>('select child_id from pairings limit 1');
    const res = await callRoute(childRoute.loader, { url: `/staff/children/${p.child_id}`, params: { id: p.child_id }, cookie: county });
    expect(res.thrown).toBe(true);
    expect(res.status).toBe(404);
  });
});

describe('the contact fields of /admin/sites/:id', () => {
  const home = () => sql<{ id: string; name_zh: string; name_en: string; wish_value_cap_fen: number }>("select * from sites where code = 'wz-fly'")[0];
  const post = (form: Record<string, string>) => {
    const site = home();
    return callRoute(siteRoute.action, {
      url: `/admin/sites/${site.id}`,
      params: { id: site.id },
      cookie: admin,
      form: { nameZh: site.name_zh, nameEn: site.name_en, wishValueCapFen: String(site.wish_value_cap_fen / 100), ...form },
    });
  };

  it('shows and saves the contact person, phone and overdue days, audited', async () => {
    const site = home();
    const page = (await callRoute(siteRoute.loader, { url: `/admin/sites/${site.id}`, params: { id: site.id }, cookie: admin })).data;
    expect(page.site).toMatchObject({ contactName: '马老师(社工部)', contactPhone: '0953-2012345', contactOverdueDays: 30 });
    try {
      const res = await post({ contactName: ' 李老师 ', contactPhone: '0953 2010000', contactOverdueDays: '21' });
      expect(res.status).toBe(302);
      expect(sql('select contact_name, contact_phone, contact_overdue_days from sites where id = ?', site.id)[0]).toEqual({
        contact_name: '李老师',
        contact_phone: '0953 2010000',
        contact_overdue_days: 21,
      });
      const [audit] = sql<{ note: string }>("select note from audit_events where entity_type = 'site' and entity_id = ? order by at desc limit 1", site.id);
      expect(audit.note).toBe('contact overdue 30 → 21 days');
    } finally {
      db.$client.prepare("update sites set contact_name = '马老师(社工部)', contact_phone = '0953-2012345', contact_overdue_days = 30 where id = ?").run(site.id);
    }
  });

  it.each([
    ['zero days', { contactOverdueDays: '0' }, 'contactOverdueDays', 'form.overdue_days.invalid'],
    ['too many days', { contactOverdueDays: '400' }, 'contactOverdueDays', 'form.overdue_days.invalid'],
    ['days that are no number', { contactOverdueDays: '3.5' }, 'contactOverdueDays', 'form.overdue_days.invalid'],
    ['a phone with letters', { contactPhone: 'call me' }, 'contactPhone', 'form.phone.invalid'],
  ])('refuses %s and keeps the site', async (_, form, field, key) => {
    const before = sql('select contact_name, contact_phone, contact_overdue_days from sites where code = ?', 'wz-fly')[0];
    const res = await post(form);
    expect(res.status).toBe(400);
    expect(res.data.fieldErrors[field]).toContain(key);
    expect(sql('select contact_name, contact_phone, contact_overdue_days from sites where code = ?', 'wz-fly')[0]).toEqual(before);
  });
});
