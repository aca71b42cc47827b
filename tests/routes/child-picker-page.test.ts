import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DB } from '../../db/client';
import { closeDatabase, useDatabase } from '../../app/data/db.server';
import { startProductionServer, type RunningServer } from '../helpers/server';
import { tempDbPath } from '../helpers/db';
import { addChild, buildWorld, cookieFor, type World } from '../helpers/wish-fixtures';

// The child picker of /staff/wishes/new as the browser gets it from the production server, without
// JavaScript: a GET search form, the count of matches, the "narrow your search" line past 50, and
// the link from a child's page that opens the form with the child chosen.
let server: RunningServer;
let db: DB;
let world: World;
let staff: string;
let child: string;
const BATCH = 53;

beforeAll(async () => {
  const databasePath = tempDbPath('picker-page');
  server = await startProductionServer({ DATABASE_PATH: databasePath, SEED_DEMO: 'false' });
  db = openDatabase(databasePath);
  useDatabase(db);
  world = buildWorld(db);
  child = addChild(db, { siteId: world.sites.gch, realName: '马思远', alias: '小远' });
  for (let i = 0; i < BATCH; i++) addChild(db, { siteId: i % 2 ? world.sites.gch : world.sites.gc, realName: `赵批${i}`, alias: `星${String(i).padStart(2, '0')}` });
  staff = cookieFor(db, world.users.staffLt);
}, 180_000);

afterAll(async () => {
  closeDatabase();
  await server?.stop();
});

async function page(path: string, cookie = staff) {
  const res = await fetch(`${server.url}${path}`, { headers: { cookie } });
  expect(res.status, path).toBe(200);
  return res.text();
}
const childOptions = (html: string) => {
  const select = html.match(/<select[^>]*name="childId"[^>]*>([\s\S]*?)<\/select>/)![1];
  return [...select.matchAll(/<option[^>]*value="([^"]*)"[^>]*>/g)].map((m) => ({ value: m[1], selected: /\bselected\b/.test(m[0]) }));
};

describe('/staff/wishes/new without JavaScript', () => {
  it('has a GET search form above the picker, and asks to narrow a search that finds more than 50', async () => {
    const html = await page(`/staff/wishes/new?q=${encodeURIComponent('赵批')}`);
    const search = html.match(/<form[^>]*method="get"[^>]*>([\s\S]*?)<\/form>/)!;
    expect(search[0]).toMatch(/action="\/staff\/wishes\/new"/);
    expect(search[1]).toMatch(/<input[^>]*name="q"[^>]*value="赵批"/);
    expect(search[1]).toMatch(/<select[^>]*name="site"/);
    expect(html.indexOf('name="q"')).toBeLessThan(html.indexOf('name="childId"'));
    expect(html).toContain(`找到 ${BATCH} 个孩子。`);
    expect(html).toContain('下面只列出前 50 个');
    const options = childOptions(html);
    expect(options).toHaveLength(51); // "choose a child" and 50 children
    expect(options.some((o) => o.value === child)).toBe(false);
  });

  it('says how many matched, without the "narrow" line, when 50 or fewer do (in English too)', async () => {
    const html = await page(`/staff/wishes/new?q=${encodeURIComponent('思远')}&lang=en`);
    expect(html).toContain('Children found: 1.');
    expect(html).not.toContain('narrow your search');
    expect(childOptions(html)).toEqual([{ value: '', selected: false }, { value: child, selected: true }]);
    const none = await page(`/staff/wishes/new?q=${encodeURIComponent('无此人')}`);
    expect(none).toContain('没有找到符合条件的孩子');
  });

  it('opens from the child’s page with the child chosen, and posts childId with the wish', async () => {
    const childPage = await page(`/staff/children/${child}`);
    const link = childPage.match(/<a[^>]*href="(\/staff\/wishes\/new\?childId=[^"]+)"[^>]*>([^<]*)<\/a>/)!;
    expect(link[2]).toBe('为这个孩子写心愿');
    const html = await page(link[1]);
    expect(childOptions(html).filter((o) => o.selected)).toEqual([{ value: child, selected: true }]);
    expect(html).toContain(`可选的孩子共 ${BATCH + 1} 个。`);
    expect(html).toMatch(/<form[^>]*method="post"[^>]*>[\s\S]*name="childId"/);

    const res = await fetch(`${server.url}${link[1]}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: staff, 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin', origin: server.url },
      body: new URLSearchParams({ childId: child, title: '想要一个篮球', story: '小远喜欢打篮球。', category: 'sports', value: '80', deadline: '' }).toString(),
    });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toMatch(/^\/staff\/wishes\/[a-z0-9]+\?done=create$/);
  });

  it('does not choose a child of another county', async () => {
    const html = await page(`/staff/wishes/new?childId=${child}`, cookieFor(db, world.users.staffYc));
    // (The id is only echoed in the language switch's link to this same URL.)
    expect(html).not.toMatch(new RegExp(`value="${child}"`));
    expect(html).not.toContain('小远');
    expect(html).toContain('您的机构还没有儿童档案');
  });

  it('tells apart children of one alias and age band at one home by real name and birth year, in the picker and the child list', async () => {
    const stars = [
      { realName: '王星辰', birthDate: '2017-03-01' },
      { realName: '李星月', birthDate: '2017-09-15' },
      { realName: '张星宇', birthDate: '2018-01-20' },
    ].map((k) => ({ ...k, id: addChild(db, { siteId: world.sites.gch, alias: '小星', ...k }) }));
    const html = await page(`/staff/wishes/new?q=${encodeURIComponent('小星')}`);
    const select = html.match(/<select[^>]*name="childId"[^>]*>([\s\S]*?)<\/select>/)![1];
    const label = (id: string) => select.match(new RegExp(`<option[^>]*value="${id}"[^>]*>([^<]*)</option>`))![1];
    for (const k of stars) expect(label(k.id)).toMatch(new RegExp(`^小星 · ${k.realName} · ${k.birthDate.slice(0, 4)} 年生 · .+ 岁 · 高闸镇儿童之家$`));
    expect(new Set(stars.map((k) => label(k.id))).size).toBe(3);
    const en = await page(`/staff/wishes/new?q=${encodeURIComponent('星辰')}&lang=en`);
    expect(en).toContain('>小星 · 王星辰 · born 2017 · age ');

    const list = await page(`/staff/children?q=${encodeURIComponent('小星')}`);
    expect(list).toContain('<th>出生年份</th>');
    for (const k of stars) {
      const row = list.match(new RegExp(`<a [^>]*href="/staff/children/${k.id}"[^>]*>小星</a></td>(.*?)</tr>`))![1];
      expect(row).toContain(`<td>${k.realName}</td><td>${k.birthDate.slice(0, 4)}</td>`);
    }
    // The page carries the birth year, not the birth date.
    expect(list).not.toContain(stars[0].birthDate);
  });
});
