import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, type Browser } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('home page in Chromium', () => {
  it('opens in Chinese, switches to English and back, with no console errors', async () => {
    const { page, problems } = await browser.newPage();
    await page.goto(inject('baseUrl'));
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    await expect.poll(() => page.textContent('h1')).toContain('心愿桥');
    expect(await page.textContent('.demo-banner')).toContain('演示数据');

    await page.getByRole('link', { name: 'English', exact: true }).click();
    await page.waitForURL(/lang=en/);
    // The URL changes before React renders the new page: poll for what it shows.
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('en');
    await expect.poll(() => page.textContent('body')).toContain('Wishes waiting for a helper');

    // The choice sticks when navigating on.
    await page.getByRole('link', { name: 'Wishes', exact: true }).first().click();
    await page.waitForURL(/\/wishes/);
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('en');

    await page.getByRole('link', { name: '中文', exact: true }).click();
    await page.waitForURL(/lang=zh-CN/);
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('zh-CN');
    // Wait for hydration to settle before reading the console.
    await page.waitForLoadState('networkidle');
    expect(problems).toEqual([]);
  });

  it('shows a wish from the list when its card is clicked', async () => {
    const { page, problems } = await browser.newPage();
    await page.goto(`${inject('baseUrl')}/wishes`);
    const first = page.locator('.card h2 a').first();
    const href = await first.getAttribute('href');
    expect(href).toMatch(/^\/wishes\/[a-z0-9]+$/);
    await page.waitForLoadState('networkidle');
    expect(problems).toEqual([]);
  });
});
