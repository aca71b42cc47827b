import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../helpers/db';
import { addChild, buildWorld, cookieFor, type World } from '../helpers/wish-fixtures';
import { callRoute } from '../helpers/accounts';
import * as newWish from '../../app/routes/staff.wishes.new';

// /staff/wishes/new: the child picker is narrowed by a GET search (part of an alias or real name, a
// site), capped at 50 choices, scoped to the staff member's subtree, and every search is audited
// without the text searched.
const { db } = useTestDatabase('child-picker');
let world: World;
const kids: Record<string, string> = {};
const cookies: Record<string, string> = {};
const BATCH = 55;

interface Picker {
  q: string;
  site: string;
  sites: { id: string }[];
  children: { id: string; alias: string; realName: string; birthYear: string; siteZh: string }[];
  total: number;
  limit: number;
  searched: boolean;
  hasChildren: boolean;
  childId: string;
}

beforeAll(() => {
  world = buildWorld(db);
  kids.siyuan = addChild(db, { siteId: world.sites.gch, realName: '马思远', alias: '小远', birthDate: '2016-05-20' });
  kids.hehe = addChild(db, { siteId: world.sites.gch, realName: '李禾禾', alias: '小禾', birthDate: '2014-03-02' });
  kids.yc = addChild(db, { siteId: world.sites.ych, realName: '王思琪', alias: '琪琪', birthDate: '2012-09-09' });
  kids.city = addChild(db, { siteId: world.sites.wzi, realName: '周明', alias: 'Mingming', birthDate: '2015-01-01' });
  kids.odd = addChild(db, { siteId: world.sites.gch, realName: '杨%_乐', alias: '乐乐', birthDate: '2013-07-07' });
  // A batch under 利通区 (two sites) for the 50 cap, named so that they share a part.
  for (let i = 0; i < BATCH; i++) {
    const site = i % 2 ? world.sites.gch : world.sites.gc;
    kids[`batch${i}`] = addChild(db, { siteId: site, realName: `赵批${i}`, alias: `星${String(i).padStart(2, '0')}`, birthDate: '2015-06-01' });
  }
  for (const [key, id] of Object.entries(world.users)) cookies[key] = cookieFor(db, id);
});

async function picker(url: string, who: keyof World['users']): Promise<Picker> {
  const res = await callRoute(newWish.loader, { url, cookie: cookies[who] });
  expect(res.status).toBe(200);
  return res.data.picker as Picker;
}
const ids = (p: Picker) => p.children.map((c) => c.id);
const listEvents = () =>
  db.$client.prepare("select * from audit_events where action = 'child.list' order by at, rowid").all() as Record<string, unknown>[];
const searchEvents = () =>
  db.$client.prepare("select * from audit_events where action = 'child.search' order by at, rowid").all() as Record<string, unknown>[];

describe('the child picker of a new wish', () => {
  it('narrows the choices by part of an alias or of the real name, case-insensitively', async () => {
    expect(ids(await picker('/staff/wishes/new?q=思远', 'staffLt'))).toEqual([kids.siyuan]);
    expect(ids(await picker('/staff/wishes/new?q=远', 'staffLt'))).toEqual([kids.siyuan]);
    expect(ids(await picker('/staff/wishes/new?q=%E5%B0%8F%E7%A6%BE', 'staffLt'))).toEqual([kids.hehe]); // 小禾, the alias
    expect(ids(await picker('/staff/wishes/new?q=+%E7%A6%BE%E7%A6%BE+', 'staffLt'))).toEqual([kids.hehe]); // " 禾禾 ", trimmed
    expect(ids(await picker('/staff/wishes/new?q=mingMING', 'admin'))).toEqual([kids.city]);
    const found = await picker('/staff/wishes/new?q=思', 'admin');
    expect(new Set(ids(found))).toEqual(new Set([kids.siyuan, kids.yc]));
    expect(found).toMatchObject({ total: 2, searched: true, q: '思' });
    // Staff see the real name and birth year (to tell children apart), never the birth date, category or guardian.
    expect(found.children.map((c) => [c.realName, c.birthYear]).sort()).toEqual([['王思琪', '2012'], ['马思远', '2016']]);
    expect(JSON.stringify(found)).not.toMatch(/2016-05-20|left_behind|马爷爷/);
  });

  it('treats % and _ as plain characters', async () => {
    expect(ids(await picker('/staff/wishes/new?q=%25', 'staffLt'))).toEqual([kids.odd]);
    expect(ids(await picker('/staff/wishes/new?q=_', 'staffLt'))).toEqual([kids.odd]);
    expect(ids(await picker('/staff/wishes/new?q=%25_', 'staffLt'))).toEqual([kids.odd]);
    expect((await picker('/staff/wishes/new?q=_%25', 'staffLt')).total).toBe(0);
  });

  it('narrows by a site of the subtree that has children, and ignores any other site', async () => {
    const lt = await picker('/staff/wishes/new', 'staffLt');
    expect(lt.sites.map((s) => s.id)).toEqual([world.sites.gc, world.sites.gch]);
    const gc = await picker(`/staff/wishes/new?site=${world.sites.gc}`, 'staffLt');
    expect(gc.total).toBe(Math.ceil(BATCH / 2));
    expect(gc).toMatchObject({ site: world.sites.gc, searched: true });
    const both = await picker(`/staff/wishes/new?site=${world.sites.gch}&q=小`, 'staffLt');
    expect(new Set(ids(both))).toEqual(new Set([kids.siyuan, kids.hehe]));
    // Another county's site is not a filter for 利通区: the choices stay those of 利通区.
    const foreign = await picker(`/staff/wishes/new?site=${world.sites.ych}`, 'staffLt');
    expect(foreign).toMatchObject({ site: '', searched: false });
    expect(ids(foreign)).not.toContain(kids.yc);
    expect((await picker('/staff/wishes/new', 'admin')).sites.map((s) => s.id)).toEqual(
      expect.arrayContaining([world.sites.gc, world.sites.gch, world.sites.ych, world.sites.wzi]),
    );
  });

  it('never offers a child outside the subtree', async () => {
    // 盐池县 staff search the name and the alias of a 利通区 child: nothing.
    for (const q of ['马思远', '思远', '小远']) {
      const found = await picker(`/staff/wishes/new?q=${encodeURIComponent(q)}`, 'staffYc');
      expect(found).toMatchObject({ total: 0, children: [], searched: true });
    }
    const all = await picker('/staff/wishes/new', 'staffYc');
    expect(ids(all)).toEqual([kids.yc]);
    expect(all.sites.map((s) => s.id)).toEqual([world.sites.ych]);
    // The township sees its own children only.
    const gc = await picker('/staff/wishes/new?q=小', 'staffGc');
    expect(ids(gc)).toEqual(expect.arrayContaining([kids.siyuan, kids.hehe]));
    expect(ids(await picker('/staff/wishes/new?q=Ming', 'staffGc'))).toEqual([]);
  });

  it('offers at most 50 children, by site then alias, and says how many matched', async () => {
    const many = await picker('/staff/wishes/new?q=%E8%B5%B5%E6%89%B9', 'staffLt'); // 赵批
    expect(many.total).toBe(BATCH);
    expect(many.limit).toBe(50);
    expect(many.children).toHaveLength(50);
    // 高闸镇 (gc) comes before its children's home (gch), and within a site the aliases are in order.
    const gcCount = many.children.filter((c) => c.siteZh === '高闸镇').length;
    expect(gcCount).toBe(Math.ceil(BATCH / 2));
    expect(many.children.slice(0, gcCount).every((c) => c.siteZh === '高闸镇')).toBe(true);
    for (const part of [many.children.slice(0, gcCount), many.children.slice(gcCount)]) {
      const aliases = part.map((c) => c.alias);
      expect(aliases).toEqual([...aliases].sort());
    }
    // Unsearched, the page also offers no more than 50.
    const all = await picker('/staff/wishes/new', 'staffLt');
    expect(all.children).toHaveLength(50);
    expect(all).toMatchObject({ total: BATCH + 3, searched: false });
  });

  it('preselects ?childId only when that child is in the subtree, and keeps it offered', async () => {
    const own = await picker(`/staff/wishes/new?childId=${kids.siyuan}`, 'staffLt');
    expect(own.childId).toBe(kids.siyuan);
    expect(ids(own)).toContain(kids.siyuan);
    // Still offered when the search would not find it.
    const narrowed = await picker(`/staff/wishes/new?childId=${kids.siyuan}&q=%E7%90%AA`, 'admin');
    expect(narrowed.childId).toBe(kids.siyuan);
    expect(ids(narrowed)).toEqual([kids.siyuan, kids.yc]);
    // Another county's child: not selected, not offered, not even by alias.
    const foreign = await picker(`/staff/wishes/new?childId=${kids.siyuan}`, 'staffYc');
    expect(foreign.childId).toBe('');
    expect(ids(foreign)).not.toContain(kids.siyuan);
    expect(JSON.stringify(foreign)).not.toContain('小远');
    expect((await picker('/staff/wishes/new?childId=nonsense', 'staffLt')).childId).toBe('');
    // A search that finds exactly one child chooses it.
    expect((await picker('/staff/wishes/new?q=%E7%A6%BE', 'staffLt')).childId).toBe(kids.hehe);
  });

  it('audits each search once, without the text searched or any field of a child', async () => {
    const before = searchEvents().length;
    const listedBefore = listEvents().length;
    await picker('/staff/wishes/new', 'staffLt');
    await picker(`/staff/wishes/new?childId=${kids.siyuan}`, 'staffLt');
    expect(searchEvents()).toHaveLength(before); // looking without a search is not a search…
    // …but the choices show real names: each look is one child.list event with the number shown.
    expect(listEvents().slice(listedBefore).map((e) => [e.action, e.actor_id, e.note])).toEqual([
      ['child.list', world.users.staffLt, '50'],
      ['child.list', world.users.staffLt, '50'], // 小远 is among the first 50 already
    ]);

    await picker('/staff/wishes/new?q=%E6%80%9D%E8%BF%9C', 'staffLt'); // 思远
    await picker(`/staff/wishes/new?site=${world.sites.gc}`, 'staffLt');
    await picker('/staff/wishes/new?q=%E9%A9%AC%E6%80%9D%E8%BF%9C', 'staffYc'); // 马思远, found nowhere
    const events = searchEvents().slice(before);
    expect(events).toHaveLength(3);
    expect(events.map((e) => e.actor_id)).toEqual([world.users.staffLt, world.users.staffLt, world.users.staffYc]);
    expect(events.map((e) => e.note)).toEqual(['1', String(Math.ceil(BATCH / 2)), '0']);
    const text = JSON.stringify(events);
    for (const secret of ['思远', '马思远', '小远', '2016-05-20', 'left_behind', kids.siyuan]) expect(text).not.toContain(secret);
    expect(events.every((e) => e.entity_type === 'site')).toBe(true);
  });

  it('is closed to helpers', async () => {
    const res = await callRoute(newWish.loader, { url: '/staff/wishes/new?q=小', cookie: cookies.volunteer });
    expect(res.status).toBe(403);
  });
});
