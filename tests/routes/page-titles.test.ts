import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../helpers/db';
import * as root from '../../app/root';
import type { Locale } from '../../app/i18n/index';

// Every page's <title> is in the page's language: `meta` reads the locale from the root loader's data.
useTestDatabase('page-titles');

const routesDir = path.resolve(__dirname, '../../app/routes');
// Pages are the route modules with a component; resource routes (logout) have none.
const pageFiles = fs.readdirSync(routesDir).filter((f) => f.endsWith('.tsx') && /^export default /m.test(fs.readFileSync(path.join(routesDir, f), 'utf8')));
// The splat route only throws a 404: its page is the root's error page, titled by the root's meta.
const WITHOUT_OWN_TITLE = ['$.tsx'];

type Meta = (args: Record<string, unknown>) => Array<{ title?: string }>;
const rootMatch = (locale: Locale) => ({ id: 'root', pathname: '/', params: {}, data: { locale, demo: false, viewer: null }, meta: [] });
function titleOf(meta: unknown, locale: Locale, args: Record<string, unknown> = {}): string {
  const matches = [rootMatch(locale)];
  const result = (meta as Meta)({ data: undefined, params: {}, location: { pathname: '/' }, matches, error: undefined, ...args });
  const titles = result.filter((m) => 'title' in m).map((m) => m.title!);
  expect(titles).toHaveLength(1);
  return titles[0];
}
const CJK = /[\u3400-\u9fff]/;
const RAW_KEY = /\b[a-z_]+\.[a-z_.]+\b/;

describe('page titles', () => {
  it.each(pageFiles.filter((f) => !WITHOUT_OWN_TITLE.includes(f)))('%s has a title in Chinese and in English', async (file) => {
    const mod = (await import(path.join(routesDir, file))) as { meta?: unknown; default?: unknown };
    expect(typeof mod.meta, 'exports meta').toBe('function');
    const zh = titleOf(mod.meta, 'zh-CN');
    const en = titleOf(mod.meta, 'en');
    expect(zh).toMatch(CJK);
    expect(zh).toContain('心愿桥');
    expect(en).not.toMatch(CJK);
    expect(en).toContain('WishBridge');
    for (const title of [zh, en]) expect(title).not.toMatch(RAW_KEY);
  });

  it.each(pageFiles.filter((f) => !WITHOUT_OWN_TITLE.includes(f)))('%s has a meta description in Chinese and in English', async (file) => {
    const mod = (await import(path.join(routesDir, file))) as { meta?: unknown };
    const description = (locale: Locale) => {
      const result = (mod.meta as (args: Record<string, unknown>) => Array<{ name?: string; content?: string }>)({
        data: undefined,
        params: {},
        location: { pathname: '/' },
        matches: [rootMatch(locale)],
        error: undefined,
      });
      const found = result.filter((m) => m.name === 'description');
      expect(found).toHaveLength(1);
      return found[0].content!;
    };
    expect(description('zh-CN')).toMatch(CJK);
    expect(description('en')).not.toMatch(CJK);
    expect(description('en').length).toBeGreaterThan(50);
    expect(titleOf(root.meta, 'en')).toBe('WishBridge');
  });

  it('uses the page’s own data where it has it', async () => {
    const wish = await import('../../app/routes/wishes.$id');
    expect(titleOf(wish.meta, 'en', { data: { wish: { title: '一盒水彩笔' } } })).toBe('一盒水彩笔 · WishBridge');
    expect(titleOf(wish.meta, 'en')).toBe('Wishes · WishBridge');
    const site = await import('../../app/routes/admin.sites.$id');
    const data = { site: { nameZh: '盐池县', nameEn: 'Yanchi County' } };
    expect(titleOf(site.meta, 'en', { data })).toBe('Yanchi County · WishBridge');
    expect(titleOf(site.meta, 'zh-CN', { data })).toBe('盐池县 · 心愿桥');
    const invite = await import('../../app/routes/invite.$token');
    expect(titleOf(invite.meta, 'en', { data: { invitation: { kind: 'staff', siteZh: '盐池县', siteEn: 'Yanchi County' } } })).toBe('Work as staff of “Yanchi County” · WishBridge');
    expect(titleOf(invite.meta, 'zh-CN', { data: { invitation: { kind: 'org', orgName: '爱心社工服务中心' } } })).toContain('爱心社工服务中心');
    expect(titleOf(invite.meta, 'zh-CN', { data: { invitation: null } })).toBe('邀请 · 心愿桥');
  });

  it('titles the error pages, which render with the root’s meta', () => {
    const notFound = { status: 404, statusText: 'Not Found', internal: false, data: 'Not Found' };
    const forbidden = { status: 403, statusText: 'Forbidden', internal: false, data: '' };
    expect(titleOf(root.meta, 'zh-CN', { error: notFound })).toBe('找不到这个页面 · 心愿桥');
    expect(titleOf(root.meta, 'en', { error: notFound })).toBe('Page not found · WishBridge');
    expect(titleOf(root.meta, 'en', { error: forbidden })).toBe('Not allowed · WishBridge');
    expect(titleOf(root.meta, 'en', { error: new Error('boom') })).toBe('Something went wrong · WishBridge');
    expect(titleOf(root.meta, 'zh-CN')).toBe('心愿桥');
    // Without the root's data (its own loader failed), the default language.
    expect((root.meta as unknown as Meta)({ matches: [], error: new Error('boom') })[0].title).toBe('出错了 · 心愿桥');
  });
});
