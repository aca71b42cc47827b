import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startProductionServer, type RunningServer } from '../helpers/server';

// The admin logs and the document titles as a browser gets them, on the demo data, in both languages:
// codes the code writes (actions, object types, statuses, event types, templates) show as labels.
let server: RunningServer;
let adminCookie = '';
let volunteerCookie = '';

async function logIn(email: string): Promise<string> {
  const res = await fetch(`${server.url}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email, password: 'demo-password', redirectTo: '' }),
  });
  expect(res.status).toBe(302);
  return (res.headers.get('set-cookie') ?? '').split(';')[0];
}

async function page(path: string, cookie = ''): Promise<{ status: number; html: string }> {
  const res = await fetch(`${server.url}${path}`, { headers: cookie ? { cookie } : {} });
  return { status: res.status, html: await res.text() };
}
const titleOf = (html: string) => html.match(/<title>([^<]*)<\/title>/)?.[1];
const optionsOf = (html: string, name: string) =>
  [...(html.match(new RegExp(`<select name="${name}"[^>]*>([\\s\\S]*?)</select>`))?.[1] ?? '').matchAll(/<option value="([^"]*)"[^>]*>([^<]*)</g)].map((m) => ({ value: m[1], label: m[2] }));

beforeAll(async () => {
  server = await startProductionServer({ SEED_DEMO: 'true' });
  adminCookie = await logIn('admin@demo.local');
  volunteerCookie = await logIn('volunteer@demo.local');
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

describe('document titles', () => {
  it('are in the page’s language, error pages included', async () => {
    expect(titleOf((await page('/wishes')).html)).toBe('微心愿 · 心愿桥');
    expect(titleOf((await page('/wishes?lang=en')).html)).toBe('Wishes · WishBridge');
    const missing = await page('/no-such-page?lang=en');
    expect(missing.status).toBe(404);
    expect(titleOf(missing.html)).toBe('Page not found · WishBridge');
    expect(titleOf((await page('/no-such-page?lang=zh-CN')).html)).toBe('找不到这个页面 · 心愿桥');
    const forbidden = await page('/admin?lang=en', volunteerCookie);
    expect(forbidden.status).toBe(403);
    expect(titleOf(forbidden.html)).toBe('Not allowed · WishBridge');
  });
});

describe('admin logs', () => {
  it('audit log: object types, actions and statuses as labels', async () => {
    const { status, html } = await page('/admin/audit?lang=en', adminCookie);
    expect(status).toBe(200);
    expect(titleOf(html)).toBe('Audit log · WishBridge');
    const types = optionsOf(html, 'entityType');
    expect(types).toContainEqual({ value: 'child', label: 'Child record' });
    for (const o of types.slice(1)) expect(o.label, o.value).not.toBe(o.value);
    const rows = [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => m[1]).slice(1);
    expect(rows.length).toBeGreaterThan(10);
    for (const row of rows) {
      const cells = [...row.matchAll(/<td([^>]*)>([\s\S]*?)<\/td>/g)].map((m) => ({ code: m[1].match(/title="([^"]*)"/)?.[1], text: m[2].replace(/<[^>]+>/g, '') }));
      // cells: time, by, object, action (its code as the tooltip), status change, note
      expect(cells[2].text, row).not.toMatch(/^(user|volunteer|organization|site|child|wish|claim|activity|slot|pairing) /);
      expect(cells[3].code, row).toBeTruthy();
      expect(cells[3].text, row).not.toBe(cells[3].code);
      expect(cells[4].text, row).not.toMatch(/\b(draft|in_review|published|claimed|pending|approved|confirmed)\b/);
    }
    const zh = await page('/admin/audit?lang=zh-CN', adminCookie);
    expect(zh.html).toMatch(/待认领 → 已认领|草稿 → 待审核|待审核 → 已通过/);
  });

  it('security log: event types as labels, users by name', async () => {
    const { html } = await page('/admin/security?lang=en', adminCookie);
    expect(titleOf(html)).toBe('Security log · WishBridge');
    const types = optionsOf(html, 'type');
    expect(types).toContainEqual({ value: 'sign_in_failed', label: 'Failed sign-in' });
    for (const o of types.slice(1)) expect(o.label, o.value).not.toBe(o.value);
    // The admin's own sign-in of this test, with their name (and the id as a tooltip).
    expect(html).toMatch(/<td title="sign_in">Sign-in<\/td><td><span title="[a-z0-9]+">[^<]+<\/span><\/td>/);
    expect(html).not.toMatch(/<td title="[a-z_]+">[a-z_]+<\/td>/);
  });

  it('audit log: the action filter is a select of the actions in the log, labelled in the page’s language', async () => {
    const en = optionsOf((await page('/admin/audit?lang=en', adminCookie)).html, 'action');
    expect(en[0]).toEqual({ value: '', label: 'All' });
    expect(en).toContainEqual({ value: 'publish', label: 'Published' });
    for (const o of en.slice(1)) expect(o.label, o.value).not.toBe(o.value);
    const zh = optionsOf((await page('/admin/audit?lang=zh-CN', adminCookie)).html, 'action');
    expect(zh).toContainEqual({ value: 'publish', label: '发布' });
    expect(zh.map((o) => o.value).sort()).toEqual(en.map((o) => o.value).sort());
    // Choosing 发布 (the form sends its code) lists publications only.
    const { html } = await page('/admin/audit?action=publish&lang=zh-CN', adminCookie);
    const actions = [...html.matchAll(/<td title="([a-z_.]+)">([^<]*)<\/td>/g)].map((m) => [m[1], m[2]]);
    expect(actions.length).toBeGreaterThan(0);
    for (const a of actions) expect(a).toEqual(['publish', '发布']);
  });

  it('audit and security logs: 50 a page with the total, page 2 carries on, a page past the end shows the last', async () => {
    const pageOf = (html: string) => html.match(/data-testid="page-of">第 (\d+) \/ (\d+) 页,共 (\d+) 条</)?.slice(1).map(Number);
    const rowsOf = (html: string) => [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].slice(1).map((m) => m[1]);
    const first = (await page('/admin/audit?lang=zh-CN', adminCookie)).html;
    const [p1, pages, total] = pageOf(first)!;
    expect(p1).toBe(1);
    expect(total).toBeGreaterThan(300);
    expect(pages).toBe(Math.ceil(total / 50));
    expect(rowsOf(first)).toHaveLength(50);
    const second = (await page('/admin/audit?lang=zh-CN&page=2', adminCookie)).html;
    expect(pageOf(second)).toEqual([2, pages, total]);
    expect(rowsOf(second).some((row) => rowsOf(first).includes(row))).toBe(false);
    const beyond = (await page(`/admin/audit?lang=zh-CN&page=${pages + 5}`, adminCookie)).html;
    expect(pageOf(beyond)).toEqual([pages, pages, total]);
    expect(rowsOf(beyond).length).toBeGreaterThan(0);
    // The next page keeps the filters.
    const wishes = (await page('/admin/audit?entityType=wish&lang=zh-CN', adminCookie)).html;
    const next = wishes.match(/<a [^>]*rel="next"[^>]*>/)?.[0] ?? '';
    expect(next).toContain('href="/admin/audit?entityType=wish&amp;lang=zh-CN&amp;page=2"');
    const security = (await page('/admin/security?lang=zh-CN', adminCookie)).html;
    expect(pageOf(security)?.[0]).toBe(1);
  });

  it('logs show objects by name and known notes in words, the raw text as a tooltip', async () => {
    // Staff open the child list: a `child.list` event whose note is the number of rows shown.
    const staffCookie = await logIn('staff@demo.local');
    expect((await page('/staff/children', staffCookie)).status).toBe(200);
    const { html } = await page('/admin/audit?action=child.list&lang=zh-CN', adminCookie);
    const row = [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => m[1]).find((r) => r.includes('title="child.list"'))!;
    expect(row).toBeTruthy();
    expect(row).toMatch(/<td class="cell-wrap" title="(\d+)">显示 \1 条<\/td>/);
    // The object is the staff member's site, by name, its id as a tooltip.
    expect(row).toMatch(/站点<\/a> <span class="log-object" title="[a-z0-9]+">[^<]+<\/span>/);
    // On a whole page of the log, every object of the demo data goes by its name, not its id.
    const all = (await page('/admin/audit?lang=zh-CN', adminCookie)).html;
    expect(all).not.toMatch(/<code>[a-z0-9]{16}<\/code>/);
    expect((all.match(/class="log-object"/g) ?? []).length).toBe(50);
    // A failed sign-in: its reason in words.
    const failed = await fetch(`${server.url}/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email: 'staff@demo.local', password: 'not-the-password', redirectTo: '' }),
    });
    expect(failed.status).toBeGreaterThanOrEqual(400);
    const security = (await page('/admin/security?type=sign_in_failed&lang=en', adminCookie)).html;
    expect(security).toContain('<td class="cell-wrap" title="wrong password">Wrong password</td>');
  });

  it('outbox: template names as labels, the key kept as a tooltip', async () => {
    const reset = await fetch(`${server.url}/forgot-password`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email: 'staff@demo.local' }),
    });
    expect(reset.status).toBeLessThan(400);
    const { html } = await page('/admin/outbox?lang=en', adminCookie);
    expect(titleOf(html)).toBe('Outbox · WishBridge');
    const templates = [...html.matchAll(/<span class="mail-template" title="([^"]+)">([^<]+)<\/span>/g)];
    expect(templates.map(([, key, label]) => [key, label])).toContainEqual(['reset_password', 'Password reset']);
    for (const [, key, label] of templates) expect(label, key).not.toBe(key);
  });
});
