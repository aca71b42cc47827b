import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser, signIn, type Browser } from './browser';

// The whole loop on the demo site, in Chromium, through the UI only:
// staff write a wish → a second staff member publishes → a volunteer claims → staff approve →
// the volunteer marks it delivered → staff confirm with the value and a thank-you →
// the wish shows as realized and the home page's count of realized wishes went up by one.

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const base = () => inject('baseUrl');

const loginAs = (page: Page, email: string) => signIn(browser, page, email);

async function fulfilledCount(page: Page): Promise<number> {
  await page.goto(`${base()}/`);
  return Number(await page.getByTestId('count-fulfilled-wishes').textContent());
}

describe('a wish from a child’s record to a confirmed delivery', () => {
  it('runs the whole loop through the UI, with no console errors', async () => {
    const { page, problems } = await browser.newPage();
    const title = `地球仪 ${Date.now().toString(36)}`;
    const before = await fulfilledCount(page);

    // 1. Staff write the wish for a demo child and submit it for review.
    await loginAs(page, 'staff@demo.local');
    await page.goto(`${base()}/staff/wishes/new`);
    await page.locator('select[name="childId"]').selectOption({ index: 1 });
    await page.locator('input[name="title"]').fill(title);
    await page.locator('textarea[name="story"]').fill('想要一个会发光的地球仪,看看世界有多大。');
    await page.locator('select[name="category"]').selectOption('stationery');
    await page.locator('input[name="value"]').fill('120');
    await Promise.all([page.waitForURL(/\/staff\/wishes\/[a-z0-9]+\?done=create/), page.getByRole('button', { name: '保存为草稿' }).click()]);
    const wishId = new URL(page.url()).pathname.split('/').pop()!;
    await Promise.all([page.waitForURL(/done=submit/), page.getByRole('button', { name: '保存并提交审核' }).click()]);
    // The URL changes before React has rendered the new loader data: wait for the text.
    await expect.poll(() => page.textContent('h1')).toContain('待审核');
    // The author cannot publish their own wish: there is no button for it.
    expect(await page.getByRole('button', { name: '审核通过并发布' }).count()).toBe(0);

    // 2. A second staff member publishes it.
    await loginAs(page, 'staff2@demo.local');
    await page.goto(`${base()}/staff/wishes/${wishId}`);
    await Promise.all([page.waitForURL(/done=publish/), page.getByRole('button', { name: '审核通过并发布' }).click()]);

    // 3. The volunteer claims it from its public page.
    await loginAs(page, 'volunteer@demo.local');
    await page.goto(`${base()}/wishes/${wishId}`);
    expect(await page.textContent('h1')).toBe(title);
    await Promise.all([page.waitForURL(/done=claim/), page.getByRole('button', { name: '认领这个心愿' }).click()]);
    await expect.poll(() => page.getByTestId('my-claim').textContent()).toContain('待审核');
    expect(await page.getByTestId('handover').count()).toBe(0);

    // 4. Staff approve the claim from the wish's page.
    await loginAs(page, 'staff@demo.local');
    await page.goto(`${base()}/staff/wishes/${wishId}`);
    await Promise.all([page.waitForURL(/\/staff\/claims\/[a-z0-9]+$/), page.locator('a[href^="/staff/claims/"]').first().click()]);
    const claimUrl = page.url();
    await Promise.all([page.waitForURL(/done=approve/), page.getByRole('button', { name: '通过认领' }).click()]);

    // 5. The volunteer now sees where to bring the gift, and marks it delivered.
    await loginAs(page, 'volunteer@demo.local');
    await page.goto(`${base()}/wishes/${wishId}`);
    expect(await page.getByTestId('handover').textContent()).toContain('送达地点');
    await Promise.all([page.waitForURL(/done=deliver/), page.getByRole('button', { name: '已送达' }).click()]);

    // 6. Staff confirm receipt with the value received and a thank-you.
    await loginAs(page, 'staff@demo.local');
    await page.goto(claimUrl);
    await page.locator('input[name="valueReceived"]').fill('118.5');
    await page.locator('textarea[name="thanks"]').fill('孩子收到地球仪很开心,谢谢您!');
    await Promise.all([page.waitForURL(/done=confirm/), page.getByRole('button', { name: '确认收到' }).click()]);
    await expect.poll(() => page.textContent('body')).toContain('¥118.50');

    // 7. The wish shows as realized, in both languages, and the home page counts it.
    await page.goto(`${base()}/wishes/${wishId}`);
    expect(await page.getByTestId('wish-status').textContent()).toBe('已实现');
    await page.goto(`${base()}/wishes/${wishId}?lang=en`);
    expect(await page.getByTestId('wish-status').textContent()).toBe('Fulfilled');
    await page.goto(`${base()}/?lang=zh-CN`);
    expect(await fulfilledCount(page)).toBe(before + 1);

    await page.waitForLoadState('networkidle');
    expect(problems).toEqual([]);
  });
});
