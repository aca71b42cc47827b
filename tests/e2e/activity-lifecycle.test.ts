import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser, signIn, type Browser } from './browser';

// An activity from a proposal to the hours on a helper's page, on the demo site, in Chromium, through the UI:
// an organization proposes a film screening with one slot of capacity 2 → staff approve it → three volunteers
// sign up (two confirmed, one waiting) → one cancels and the waiting volunteer accepts the offered place →
// the slot takes place → staff mark attendance and close the slot with the children served → the volunteer's
// hours show on /me, and their calendar feed holds the slot.

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser({ viewport: { width: 1280, height: 900 } });
});
afterAll(async () => {
  await browser?.close();
});

const base = () => inject('baseUrl');
const HOUR = 3600_000;
const DAY = 24 * HOUR;

/** The Shanghai calendar date `days` from now, as the date input takes it. */
const shanghaiDate = (days: number) => new Date(Date.now() + days * DAY + 8 * HOUR).toISOString().slice(0, 10);

function database() {
  return new Database(inject('databasePath'), { fileMustExist: true });
}

const loginAs = (page: Page, email: string) => signIn(browser, page, email);

async function signUpAs(page: Page, email: string, activityPath: string, button: string) {
  await loginAs(page, email);
  await page.goto(`${base()}${activityPath}`);
  await Promise.all([page.waitForURL(/done=signup/), page.getByRole('button', { name: button }).click()]);
}

describe('an activity from a proposal to the hours on the helper’s page', () => {
  it('runs proposal, approval, sign-ups, waiting list, offer, attendance and closing through the UI', async () => {
    const { page, problems } = await browser.newPage();
    const title = `周末集体观影 ${Date.now().toString(36)}`;
    const db = database();
    const nameOf = (email: string) => db.prepare('select display_name from users where email = ?').pluck().get(email) as string;
    const [first, second, third] = ['volunteer@demo.local', 'v001@demo.local', 'v002@demo.local'];

    // 1. The organization proposes a film screening with one slot of two places, and submits it.
    await loginAs(page, 'org@demo.local');
    await page.goto(`${base()}/org/activities/new`);
    await page.locator('select[name="type"]').selectOption('film_screening');
    await page.locator('input[name="title"]').fill(title);
    await page.locator('textarea[name="description"]').fill('在活动室一起看一部动画电影,看完聊聊感受。');
    await page.locator('select[name="siteId"]').selectOption({ index: 1 });
    await page.locator('input[name="organizerContact"]').fill('活动负责人 13912345678');
    await page.locator('input[name="slot0Date"]').fill(shanghaiDate(5));
    await page.locator('input[name="slot0Start"]').fill('14:00');
    await page.locator('input[name="slot0End"]').fill('16:00');
    await page.locator('input[name="slot0Place"]').fill('活动室');
    await page.locator('input[name="slot0Capacity"]').fill('2');
    await page.locator('input[name="slot0Children"]').fill('12');
    await Promise.all([page.waitForURL(/\/org\/activities\/[a-z0-9]+\?done=submit/), page.getByRole('button', { name: '提交审核' }).click()]);
    const activityId = new URL(page.url()).pathname.split('/').pop()!;
    const activityPath = `/activities/${activityId}`;
    // Not public until staff approve it.
    expect((await page.request.get(`${base()}${activityPath}`)).status()).toBe(404);

    // 2. Staff approve it.
    await loginAs(page, 'staff@demo.local');
    await page.goto(`${base()}/staff/activities/${activityId}`);
    await Promise.all([page.waitForURL(/done=approve/), page.getByRole('button', { name: '审核通过' }).click()]);
    const slotId = db.prepare('select id from slots where activity_id = ?').pluck().get(activityId) as string;

    // 3. Three volunteers sign up: two are confirmed, the third waits.
    await signUpAs(page, first, activityPath, '报名');
    await expect.poll(() => page.getByTestId('my-signup').textContent()).toContain('已报名');
    await signUpAs(page, second, activityPath, '报名');
    await signUpAs(page, third, activityPath, '名额已满,加入候补');
    await expect.poll(() => page.getByTestId('my-signup').textContent()).toContain('候补第 1 位');
    // The organizer contact is for people holding a place; the waiting volunteer does not see it.
    expect(await page.getByTestId('organizer-contact').count()).toBe(0);

    // 4. The second cancels; the waiting volunteer is offered the place and accepts it.
    await loginAs(page, second);
    await page.goto(`${base()}${activityPath}`);
    await Promise.all([page.waitForURL(/done=cancel/), page.getByRole('button', { name: '取消报名' }).click()]);
    await loginAs(page, third);
    await page.goto(`${base()}/me`);
    await expect.poll(() => page.getByTestId('my-offer').count()).toBe(1);
    await page.goto(`${base()}${activityPath}`);
    await Promise.all([page.waitForURL(/done=accept_offer/), page.getByRole('button', { name: '接受名额' }).click()]);
    await expect.poll(() => page.getByTestId('organizer-contact').textContent()).toContain('13912345678');
    const statuses = db.prepare('select u.email, s.status from slot_signups s join users u on u.id = s.user_id where s.slot_id = ? order by u.email').all(slotId);
    expect(statuses).toEqual([
      { email: second, status: 'cancelled' },
      { email: third, status: 'confirmed' },
      { email: first, status: 'confirmed' },
    ]);

    // The helper's personal calendar feed holds the slot.
    await page.goto(`${base()}/me`);
    const feedUrl = (await page.getByTestId('feed-url').textContent())!;
    const feed = await page.request.get(`${base()}${new URL(feedUrl).pathname}`);
    expect(feed.status()).toBe(200);
    expect(feed.headers()['content-type']).toContain('text/calendar');
    expect((await feed.text()).replace(/\r\n[ \t]/g, '')).toContain(`SUMMARY:${title}`);

    // 5. The slot takes place (its time is moved into the past, as time would do).
    const startedAt = Date.now() - 3 * HOUR;
    db.prepare('update slots set starts_at = ?, ends_at = ? where id = ?').run(startedAt, startedAt + 2 * HOUR, slotId);

    // 6. Staff mark attendance for both and close the slot with the children served.
    await loginAs(page, 'staff@demo.local');
    for (const email of [first, third]) {
      await page.goto(`${base()}/staff/slots/${slotId}`);
      const row = page.locator('tr', { hasText: nameOf(email) });
      await Promise.all([page.waitForURL(/done=attend/), row.getByRole('button', { name: '已到' }).click()]);
    }
    await page.goto(`${base()}/staff/slots/${slotId}`);
    const close = page.locator('form:has(input[name="intent"][value="close"])');
    await close.locator('input[name="childrenServed"]').fill('11');
    await close.locator('input[name="childId"]').first().check();
    await Promise.all([page.waitForURL(/done=close/), close.getByRole('button', { name: '结项' }).click()]);
    expect(db.prepare('select status, children_served as served from slots where id = ?').get(slotId)).toEqual({ status: 'closed', served: 11 });
    expect(db.prepare('select status from activities where id = ?').pluck().get(activityId)).toBe('completed');

    // 7. The volunteer's hours show on /me: this year's attended service, the new two hours included.
    const year = new Date(startedAt + 8 * HOUR).getUTCFullYear();
    const yearStart = Date.UTC(year, 0, 1) - 8 * HOUR;
    const minutes = db
      .prepare(
        `select coalesce(sum(s.service_minutes), 0) from slot_signups s join slots sl on sl.id = s.slot_id join users u on u.id = s.user_id
         where u.email = ? and s.attendance = 'attended' and sl.starts_at >= ? and sl.starts_at < ?`,
      )
      .pluck()
      .get(first, yearStart, Date.UTC(year + 1, 0, 1) - 8 * HOUR) as number;
    const ours = db.prepare('select service_minutes from slot_signups s join users u on u.id = s.user_id where s.slot_id = ? and u.email = ?').pluck().get(slotId, first);
    expect(ours).toBe(120);
    await loginAs(page, first);
    await page.goto(`${base()}/me`);
    await expect.poll(async () => (await page.getByTestId('hours-year').allTextContents()).join(' | ')).toContain(`${year} 年:${Math.round((minutes / 60) * 10) / 10} 小时`);
    expect(await page.getByTestId('my-activities').textContent()).toContain(title);

    db.close();
    await page.waitForLoadState('networkidle');
    expect(problems).toEqual([]);
  });
});
