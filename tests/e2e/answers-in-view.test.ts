import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser, signIn, type Browser } from './browser';

// On a phone, a form's answer must appear where the person is looking: a coordinator presses the
// basket button at the foot of a long list, a volunteer presses 保存 at the foot of the profile.
// (Before, the answer was rendered far above, off screen, and the page looked as if nothing happened.)

const PHONE = { width: 390, height: 844 };
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser({ viewport: PHONE });
});
afterAll(async () => {
  await browser?.close();
});

const base = () => inject('baseUrl');

const loginAs = (page: Page, email: string) => signIn(browser, page, email);

/** Whether the element is inside the visible part of the page, and whether it has the focus. */
const seen = (page: Page, selector: string) =>
  page.evaluate((s) => {
    const el = document.querySelector<HTMLElement>(s);
    if (!el) return { inView: false, focused: false };
    const box = el.getBoundingClientRect();
    return { inView: box.bottom > 0 && box.top < window.innerHeight, focused: document.activeElement === el };
  }, selector);

describe('answers appear where the person is looking', () => {
  it('shows the basket’s answer after the button at the foot of the list', async () => {
    const { page, problems } = await browser.newPage();
    await loginAs(page, 'org@demo.local');
    await page.goto(`${base()}/wishes?open=1`);
    await page.waitForLoadState('networkidle');
    const bottom = page.getByRole('button', { name: '认领勾选的心愿' }).last();

    // Nothing ticked: the refusal comes into view.
    await bottom.scrollIntoViewIfNeeded();
    await bottom.click();
    await expect.poll(() => page.textContent('.basket [role=alert]')).toContain('请先勾选要认领的心愿');
    await expect.poll(() => seen(page, '.basket [role=alert]')).toEqual({ inView: true, focused: true });

    // Two ticked: the summary comes into view, with the way to the organization's claims.
    const picks = page.locator('input[name="wishId"]');
    await picks.nth(0).check();
    await picks.nth(1).check();
    await bottom.scrollIntoViewIfNeeded();
    await bottom.click();
    await expect.poll(() => page.getByTestId('basket-summary').textContent()).toContain('认领成功 2 个,共 2 个');
    await expect.poll(() => seen(page, '[data-testid=basket-summary]')).toEqual({ inView: true, focused: true });
    expect(await page.getByTestId('basket-summary').locator('a[href="/org"]').count()).toBe(1);

    await page.waitForLoadState('networkidle');
    // The refusal is an HTTP 400 by design (app/server/http.server.ts), which Chromium reports as a failed load.
    expect(problems.filter((p) => !p.includes('status of 400'))).toEqual([]);
  });

  it('takes a volunteer to the field that is wrong', async () => {
    const { page, problems } = await browser.newPage();
    await loginAs(page, 'volunteer@demo.local');
    await page.goto(`${base()}/me/profile`);
    await page.waitForLoadState('networkidle');
    await page.fill('input[name=phone]', '不是电话');
    const save = page.getByRole('button', { name: '保存', exact: true });
    await save.scrollIntoViewIfNeeded();
    await save.click();
    await expect.poll(() => page.textContent('#phone-error')).toBeTruthy();
    await expect.poll(() => seen(page, 'input[name=phone]')).toEqual({ inView: true, focused: true });
    await page.waitForLoadState('networkidle');
    expect(problems.filter((p) => !p.includes('status of 400'))).toEqual([]);
  });

  it('asks before a helper gives up a claim', async () => {
    const { page, problems } = await browser.newPage();
    await loginAs(page, 'volunteer@demo.local');
    await page.goto(`${base()}/wishes?open=1`);
    const href = await page.locator('a[href^="/wishes/"]').first().getAttribute('href');
    await page.goto(`${base()}${href}`);
    await page.waitForLoadState('networkidle');
    await Promise.all([page.waitForURL(/done=claim/), page.getByRole('button', { name: '认领这个心愿' }).click()]);
    const release = page.getByRole('button', { name: '放弃认领' });
    await expect.poll(() => release.count()).toBe(1);

    // Saying no to the question keeps the claim.
    const questions: string[] = [];
    page.once('dialog', (dialog) => {
      questions.push(dialog.message());
      void dialog.dismiss();
    });
    await release.click();
    await expect.poll(() => questions.length).toBe(1);
    expect(questions[0]).toContain('确定放弃这个认领吗');
    expect(page.url()).not.toMatch(/done=release/);
    expect(await release.count()).toBe(1);

    // Saying yes gives it up.
    page.once('dialog', (dialog) => void dialog.accept());
    await Promise.all([page.waitForURL(/done=release/), release.click()]);
    await page.waitForLoadState('networkidle');
    expect(problems).toEqual([]);
  });
});
