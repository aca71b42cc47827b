import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser, signIn, type Browser } from './browser';

// /wishes on the demo data as a person uses it: it opens on the wishes open to claim and says where the page
// stands; "previous" comes back; the switch shows all of them. An organization's coordinator ticks wishes on
// two pages, and the ticks are still there after turning the pages — with JavaScript and without.
const base = () => inject('baseUrl');
const browsers: Browser[] = [];
afterAll(async () => {
  for (const b of browsers) await b.close();
});

const position = (page: Page) => page.getByTestId('page-of').textContent();
const cardIds = (page: Page) => page.locator('ul.cards h2 a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
const tickedIds = (page: Page) => page.locator('input[name="wishId"]:checked').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value).sort());

describe('browsing /wishes', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
    browsers.push(browser);
  });

  it('opens on the open wishes, pages forward and back with its place and total, and switches to all', async () => {
    const { page, problems } = await browser.newPage();
    await browser.context.clearCookies();
    await page.goto(`${base()}/wishes`);
    await page.waitForLoadState('networkidle');
    const opening = (await position(page))!;
    const [, pages, total] = opening.match(/^第 1 \/ (\d+) 页,共 (\d+) 条$/)!.map(Number);
    expect(pages).toBeGreaterThan(1);
    const first = await cardIds(page);
    expect(first).toHaveLength(12);
    // Only open wishes: no card says it was realized.
    expect(await page.locator('ul.cards').textContent()).not.toContain('已实现');

    await Promise.all([page.waitForURL(/after=/), page.getByRole('link', { name: '下一页' }).click()]);
    await expect.poll(() => position(page)).toBe(`第 2 / ${pages} 页,共 ${total} 条`);
    expect((await cardIds(page)).some((id) => first.includes(id))).toBe(false);
    await Promise.all([page.waitForURL(/before=/), page.getByRole('link', { name: '上一页' }).click()]);
    await expect.poll(() => position(page)).toBe(opening);
    expect(await cardIds(page)).toEqual(first);

    await Promise.all([page.waitForURL(/show=all/), page.getByRole('link', { name: '全部心愿(含已认领、已实现)' }).click()]);
    await expect.poll(async () => Number((await position(page))!.match(/共 (\d+) 条/)![1])).toBeGreaterThan(total + 400);
    await page.waitForLoadState('networkidle');
    expect(problems).toEqual([]);
  });
});

for (const javaScript of [true, false]) {
  describe(`the organization's basket across pages (${javaScript ? 'with' : 'without'} JavaScript)`, () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await launchBrowser({ javaScript });
      browsers.push(browser);
    });

    it('keeps the ticks of one page while the coordinator turns to the next and back', async () => {
      const { page, problems } = await browser.newPage();
      await signIn(browser, page, 'org@demo.local');
      await page.goto(`${base()}/wishes`);
      const picks = page.locator('ul.cards input[name="wishId"]');
      const onFirst = await picks.nth(javaScript ? 0 : 1).getAttribute('value');
      await picks.nth(javaScript ? 0 : 1).check();

      await Promise.all([page.waitForURL(/after=/), page.getByRole('button', { name: '下一页' }).click()]);
      await expect.poll(() => position(page)).toMatch(/^第 2 \//);
      // The first page's tick is listed, still ticked, above the list.
      const carried = page.getByTestId('basket-carried');
      await expect.poll(() => carried.textContent()).toContain('在其他页勾选的 1 个心愿');
      const onSecond = await picks.nth(2).getAttribute('value');
      await picks.nth(2).check();
      expect(await tickedIds(page)).toEqual([onFirst, onSecond].sort());

      await Promise.all([page.waitForURL(/before=/), page.getByRole('button', { name: '上一页' }).click()]);
      await expect.poll(() => position(page)).toMatch(/^第 1 \//);
      await expect.poll(() => tickedIds(page)).toEqual([onFirst, onSecond].sort());
      expect(await page.locator(`ul.cards input[value="${onFirst}"]`).isChecked()).toBe(true);
      await expect.poll(() => carried.textContent()).toContain('在其他页勾选的 1 个心愿');

      if (javaScript) await page.waitForLoadState('networkidle');
      expect(problems).toEqual([]);
    });
  });
}
