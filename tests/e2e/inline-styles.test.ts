import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, signIn, type Browser } from './browser';

// The stylesheet is written into each page (app/components/inline-styles.tsx): the browser applies it under the
// CSP, and keeps it through client-side navigations and hydration, which render an empty <style> in its place.

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('the inline stylesheet, in Chromium', () => {
  it('styles the page, and still does after client-side navigations', async () => {
    const { page, problems } = await browser.newPage();
    await signIn(browser, page, 'staff@demo.local');
    await page.goto(`${inject('baseUrl')}/wishes`);
    await page.waitForFunction(() => Boolean((window as unknown as { __remixRouter?: { state: { initialized: boolean } } }).__remixRouter?.state.initialized));
    await page.waitForLoadState('networkidle');
    const styled = () => page.evaluate(() => ({ nav: getComputedStyle(document.querySelector('.site-nav')!).display, sheets: document.styleSheets.length, css: document.querySelector('head style')?.textContent?.length ?? 0 }));
    const first = await styled();
    expect(first.nav).toBe('flex');
    expect(first.css).toBeGreaterThan(1000);
    let documents = 0;
    page.on('request', (r) => {
      if (r.resourceType() === 'document') documents++;
    });
    await page.locator('.site-nav a[href="/activities"]').click();
    await page.waitForURL(/\/activities$/);
    await page.locator('.site-nav a[href="/staff"]').click();
    await page.waitForURL(/\/staff$/);
    expect(documents).toBe(0);
    expect(await styled()).toEqual(first);
    expect(problems).toEqual([]);
  });
});
