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
