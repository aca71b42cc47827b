import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser, signIn, type Browser } from './browser';

// The list pages on a 390 px wide phone: the page itself never scrolls sideways (a wide table scrolls
// inside its own focusable region), status badges stay on one line and only as wide as their text, the
// staff queues show each row's status without scrolling, and the sign-up call to action stays readable on /signup. (Before, the tables squeezed their columns
// to a character or two per line, badges stacked "已/认/领", and grid items stretched badges full width.)

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

/** How the page and its badges are laid out. */
async function layout(page: Page, badges: string) {
  return page.evaluate((selector) => {
    const found = [...document.querySelectorAll<HTMLElement>(selector)].map((badge) => {
      const style = getComputedStyle(badge);
      const lineHeight = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.6;
      const box = badge.getBoundingClientRect();
      return { text: badge.textContent, height: box.height, width: box.width, lineHeight, parentWidth: badge.parentElement!.getBoundingClientRect().width };
    });
    return { pageWidth: document.documentElement.scrollWidth, viewportWidth: window.innerWidth, badges: found };
  }, badges);
}

/** The text of the first cell matching `selector` is one line high (the cell itself is as tall as its row). */
async function expectOneLine(page: Page, selector: string) {
  const text = await page
    .locator(selector)
    .first()
    .evaluate((cell) => {
      const range = document.createRange();
      range.selectNodeContents(cell);
      return { content: cell.textContent, height: range.getBoundingClientRect().height, lineHeight: parseFloat(getComputedStyle(cell).lineHeight) };
    });
  expect(text.height).toBeGreaterThan(0);
  expect(text.height, `"${text.content}" (${selector})`).toBeLessThan(2 * text.lineHeight);
}

/** Each row's status badge is on screen as the page opens, without scrolling the table sideways. */
async function expectStatusInView(page: Page) {
  const boxes = await page.locator('table tbody .badge').evaluateAll((badges) =>
    badges.map((badge) => {
      const box = badge.getBoundingClientRect();
      return { text: badge.textContent, left: box.left, right: box.right };
    }),
  );
  expect(boxes.length).toBeGreaterThan(0);
  for (const box of boxes) {
    expect(box.left, `badge "${box.text}"`).toBeGreaterThanOrEqual(0);
    expect(box.right, `badge "${box.text}"`).toBeLessThanOrEqual(PHONE.width);
  }
}

async function expectTablePage(page: Page, path: string, label: string) {
  await page.goto(`${base()}${path}`);
  const region = page.getByRole('region', { name: label });
  expect(await region.getAttribute('tabindex')).toBe('0');
  expect(await region.locator('table tbody tr').count()).toBeGreaterThan(0);
  const { pageWidth, viewportWidth, badges } = await layout(page, 'table .badge');
  expect(viewportWidth).toBe(PHONE.width);
  expect(pageWidth).toBeLessThanOrEqual(PHONE.width);
  for (const badge of badges) expect(badge.height, `badge "${badge.text}" on ${path}`).toBeLessThan(2 * badge.lineHeight);
  return badges;
}

describe('list pages on a 390 px phone', () => {
  it('staff tables scroll inside their region and keep badges on one line', async () => {
    const { page, problems } = await browser.newPage();
    await loginAs(page, 'staff@demo.local');

    const wishBadges = await expectTablePage(page, '/staff/wishes', '心愿管理');
    expect(wishBadges.length).toBeGreaterThan(0);
    // The status, what a reviewer looks for first, is not hidden off-screen in a column to scroll to.
    await expectStatusInView(page);
    // Each row's cells stay readable: a child's alias is a single line, not a character per line.
    await expectOneLine(page, 'table tbody tr td:nth-child(3)');

    expect((await expectTablePage(page, '/staff/claims', '认领')).length).toBeGreaterThan(0);
    await expectStatusInView(page);
    await expectTablePage(page, '/staff/children', '儿童档案');

    // In a grid (the claims of a realized wish) a badge is only as wide as its text.
    await page.goto(`${base()}/staff/wishes?status=fulfilled`);
    const realized = await page.locator('table tbody tr a').first().getAttribute('href');
    expect(realized).toMatch(/^\/staff\/wishes\/[a-z0-9]+$/);
    await page.goto(`${base()}${realized}`);
    const { pageWidth, badges } = await layout(page, '.queue-list .badge');
    expect(pageWidth).toBeLessThanOrEqual(PHONE.width);
    expect(badges.length).toBeGreaterThan(0);
    for (const badge of badges) {
      expect(badge.height).toBeLessThan(2 * badge.lineHeight);
      expect(badge.width, `badge "${badge.text}"`).toBeLessThan(badge.parentWidth / 2);
    }
    await page.waitForLoadState('networkidle');
    expect(problems).toEqual([]);
  });

  it('admin tables do not make the page scroll sideways', async () => {
    const { page, problems } = await browser.newPage();
    await loginAs(page, 'admin@demo.local');
    await expectTablePage(page, '/admin/audit', '审计日志');
    // Times and names stay on one line.
    await expectOneLine(page, 'table tbody tr td:nth-child(1)');
    await expectOneLine(page, 'table tbody tr td:nth-child(2)');
    await expectTablePage(page, '/admin/staff', '工作人员');
    await expectOneLine(page, 'table tbody tr td:nth-child(2)');
    await page.waitForLoadState('networkidle');
    expect(problems).toEqual([]);
  });

  it('keeps the sign-up call to action readable on /signup', async () => {
    const { page } = await browser.newPage();
    await browser.context.clearCookies();
    await page.goto(`${base()}/signup`);
    const cta = page.locator('.site-nav a.nav-cta');
    expect(await cta.getAttribute('class')).toContain('active');
    const { color, background } = await cta.evaluate((link) => {
      const style = getComputedStyle(link);
      return { color: style.color, background: style.backgroundColor };
    });
    expect(color).not.toBe(background);
    expect(color).toBe('rgb(255, 255, 255)');
  });
});
