import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { launchBrowser, queueResetMail, signIn, type Browser } from './browser';

// /admin/outbox shows each mail folded, its body behind the subject line. The line must show that it opens:
// a disclosure marker (the browser's own, or one drawn in CSS) that turns when the mail is open.
// (Before, `display: grid` on the summary took the browser's marker away and nothing replaced it.)

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** How the summary's marker looks: the browser's own list-item marker, or a ::before drawn in CSS. */
function marker(summary: Locator) {
  return summary.evaluate((element) => {
    const own = getComputedStyle(element);
    const before = getComputedStyle(element, '::before');
    const drawn = before.content !== 'none' && before.content !== 'normal' && before.content.replace(/["'\s]/g, '') !== '';
    return {
      native: own.display === 'list-item' && own.listStyleType !== 'none',
      drawn,
      look: drawn ? `${before.content} ${before.transform} ${before.color} ${before.visibility}` : '',
      visible: !drawn || (before.visibility === 'visible' && before.color !== 'rgba(0, 0, 0, 0)'),
    };
  });
}

describe('admin outbox', () => {
  it('marks each folded mail as something that opens, and the marker turns when it is open', async () => {
    const { page, problems } = await browser.newPage();
    await queueResetMail(browser, page, 'staff.tx@demo.local');

    await signIn(browser, page, 'admin@demo.local');
    await page.goto(`${inject('baseUrl')}/admin/outbox`);
    const details = page.locator('.outbox details').first();
    const summary = details.locator('summary');
    expect(await details.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    expect(await details.locator('.mail-body').isVisible()).toBe(false);

    const closed = await marker(summary);
    expect(closed.native || closed.drawn, JSON.stringify(closed)).toBe(true);
    expect(closed.visible).toBe(true);

    await summary.click();
    await expect.poll(() => details.locator('.mail-body').isVisible()).toBe(true);
    const open = await marker(summary);
    // The browser turns its own marker; one drawn in CSS must change too (rotated or another glyph).
    if (closed.drawn) await expect.poll(async () => (await marker(summary)).look).not.toBe(closed.look);
    else expect(open.native).toBe(true);

    await page.waitForLoadState('networkidle');
    expect(problems).toEqual([]);
  });
});
