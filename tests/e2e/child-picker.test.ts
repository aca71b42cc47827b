import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, type Browser } from './browser';

// The child picker of /staff/wishes/new on the demo site, for city-level staff (over a thousand
// children): the page offers 50 and asks to narrow; a search by alias narrows the select in place.
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('choosing a child for a new wish', () => {
  it('narrows the select with a search, with no console errors', async () => {
    const { page, problems } = await browser.newPage();
    const base = inject('baseUrl');
    await browser.context.clearCookies();
    await page.goto(`${base}/login`);
    const login = page.locator('form:has(input[name="password"])');
    await login.locator('input[name="email"]').fill('staff@demo.local');
    await login.locator('input[name="password"]').fill('demo-password');
    await Promise.all([page.waitForURL((url) => !url.pathname.startsWith('/login')), login.locator('button[type="submit"]').click()]);

    await page.goto(`${base}/staff/wishes/new`);
    await page.waitForLoadState('networkidle');
    const select = page.locator('select[name="childId"]');
    expect(await select.locator('option').count()).toBe(51);
    expect(await page.getByTestId('child-matches').textContent()).toContain('下面只列出前 50 个');

    const alias = (await select.locator('option').nth(7).textContent())!.split(' · ')[0];
    await page.locator('input[name="q"]').fill(alias);
    await Promise.all([page.waitForURL((url) => url.searchParams.get('q') === alias), page.getByRole('button', { name: '查找' }).click()]);
    await expect.poll(() => page.getByTestId('child-matches').textContent()).toMatch(/找到 \d+ 个孩子/);
    const texts = await select.locator('option').allTextContents();
    expect(texts.length).toBeGreaterThan(1);
    expect(texts.length).toBeLessThan(51);
    // (The text also matches real names: check the alias searched is offered.)
    expect(texts.slice(1).map((t) => t.split(' · ')[0])).toContain(alias);
    // Each choice names the child as staff know it: alias · real name · birth year · age band · site.
    for (const text of texts.slice(1)) expect(text).toMatch(/^[^·]+ · [^·]+ · \d{4} 年生 · [^·]+ 岁 · [^·]+$/);

    await page.waitForLoadState('networkidle');
    expect(problems).toEqual([]);
  });
});
