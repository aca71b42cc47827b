import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { catalogues, type Locale } from '../../app/i18n/index';
import { launchBrowser, signIn, type Browser } from './browser';

// A public page's browser holds the public pages' texts only (vite.config.ts, clientCatalogues); every other
// page, reached by a client-side navigation too, must still find each of its texts, never show a key.

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const REST = /_wishbridge-texts-rest_/;
const PUBLIC = /_wishbridge-catalogue_/;

/** The scripts and documents the page asks for from now on. */
function watch(page: Page) {
  const scripts: string[] = [];
  const documents: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'document') documents.push(request.url());
    else if (request.url().endsWith('.js')) scripts.push(request.url());
  });
  return { scripts, documents };
}

async function hydrated(page: Page) {
  await page.waitForFunction(() => Boolean((window as unknown as { __remixRouter?: { state: { initialized: boolean } } }).__remixRouter?.state.initialized));
  await page.waitForLoadState('networkidle');
}

/** The catalogue keys that the page shows as they are, in place of their texts. */
async function rawKeys(page: Page): Promise<string[]> {
  const text = `${await page.locator('body').innerText()} ${await page.title()}`;
  const keys = new Set(Object.keys(catalogues['zh-CN']));
  return [...new Set(text.match(/[a-z][a-z_-]*(?:\.[a-z0-9_-]+)+/g) ?? [])].filter((token) => keys.has(token));
}

async function expectHeading(page: Page, locale: Locale, key: string) {
  await expect.poll(() => page.locator('h1').first().textContent()).toBe(catalogues[locale][key]);
}

describe('the texts a page loads, in Chromium', () => {
  it('gives a public page the public part of its language only', async () => {
    await browser.context.clearCookies();
    const { page, problems } = await browser.newPage();
    const { scripts } = watch(page);
    await page.goto(`${inject('baseUrl')}/wishes`);
    await hydrated(page);
    expect(scripts.some((s) => PUBLIC.test(s))).toBe(true);
    expect(scripts.filter((s) => REST.test(s))).toEqual([]);
    expect(await rawKeys(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('loads the rest before showing a staff member the work queues after signing in from a public page', async () => {
    await browser.context.clearCookies();
    const { page, problems } = await browser.newPage();
    await page.goto(`${inject('baseUrl')}/wishes`);
    await hydrated(page);
    const { scripts, documents } = watch(page);
    await page.getByRole('link', { name: catalogues['zh-CN']['nav.login'], exact: true }).click();
    await page.waitForURL(/\/login$/);
    const form = page.locator('form:has(input[name="password"])');
    await form.locator('input[name="email"]').fill('staff@demo.local');
    await form.locator('input[name="password"]').fill('demo-password');
    await form.locator('button[type="submit"]').click();
    await page.waitForURL(/\/staff$/);
    await expectHeading(page, 'zh-CN', 'staff.home.title');
    // Every step was a client-side navigation: the page was never loaded anew.
    expect(documents).toEqual([]);
    expect(scripts.some((s) => REST.test(s))).toBe(true);
    expect(await rawKeys(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('loads the rest before a link from a public page opens a staff page', async () => {
    const { page, problems } = await browser.newPage();
    await signIn(browser, page, 'staff@demo.local');
    await page.goto(`${inject('baseUrl')}/wishes`);
    await hydrated(page);
    const { scripts, documents } = watch(page);
    await page.getByRole('link', { name: catalogues['zh-CN']['nav.staff'], exact: true }).click();
    await page.waitForURL(/\/staff$/);
    await expectHeading(page, 'zh-CN', 'staff.home.title');
    expect(documents).toEqual([]);
    expect(scripts.some((s) => REST.test(s))).toBe(true);
    expect(await rawKeys(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('shows the error page of a refused client-side navigation in full', async () => {
    const { page, problems } = await browser.newPage();
    await signIn(browser, page, 'volunteer@demo.local');
    await page.goto(`${inject('baseUrl')}/wishes`);
    await hydrated(page);
    const { documents } = watch(page);
    const earlier = problems.length;
    const failed: string[] = [];
    page.on('response', (r) => {
      if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
    });
    await page.evaluate(() => (window as unknown as { __remixRouter: { navigate: (to: string) => Promise<void> } }).__remixRouter.navigate('/admin'));
    await expectHeading(page, 'zh-CN', 'error.forbidden.title');
    expect(documents).toEqual([]);
    expect(await rawKeys(page)).toEqual([]);
    // The error page keeps the site's stylesheet (a head built again must carry the same text under the page's nonce).
    expect(await page.evaluate(() => document.querySelectorAll('head > style').length)).toBe(1);
    expect(await page.evaluate(() => document.querySelector('head > style')?.textContent?.length ?? 0)).toBeGreaterThan(1000);
    // The refused page's own 403 is the one failed request of the page (the browser's own look for a
    // /favicon.ico after a client-side error page logs a 404 too); no script failed.
    expect(failed.map((f) => f.split(' ')[0])).toEqual(['403']);
    expect(problems.slice(earlier).filter((p) => !p.startsWith('console: Failed to load resource'))).toEqual([]);
  });

  it('loads the rest of the other language after switching language', async () => {
    const { page, problems } = await browser.newPage();
    await signIn(browser, page, 'staff@demo.local');
    await page.goto(`${inject('baseUrl')}/wishes`);
    await hydrated(page);
    await page.getByRole('link', { name: 'English', exact: true }).click();
    await page.waitForURL(/lang=en/);
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('en');
    await hydrated(page);
    const { scripts } = watch(page);
    await page.getByRole('link', { name: catalogues.en['nav.staff'], exact: true }).click();
    await page.waitForURL(/\/staff$/);
    await expectHeading(page, 'en', 'staff.home.title');
    expect(scripts.some((s) => /_wishbridge-texts-rest_en-/.test(s))).toBe(true);
    expect(await rawKeys(page)).toEqual([]);
    await page.goto(`${inject('baseUrl')}/wishes?lang=zh-CN`);
    expect(problems).toEqual([]);
  });
});
