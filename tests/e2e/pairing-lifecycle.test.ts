import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser, signIn, type Browser } from './browser';

// A one-to-one pairing from the proposal to the hours on the caring parent's page, on the demo site, in
// Chromium, through the UI: staff pair the demo caring mother with a child of the welfare home (agreement
// date and witness) → she accepts → she logs a home visit → staff confirm it → she raises a concern → staff
// see it at the top of /staff, marked urgent, and acknowledge it → her hours and the visit show on /me and
// on her pairing page, in Chinese and in English. None of her pages ever carries the child's real name or
// birth date (the page's HTML is checked, the loader data in it included).

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
const VOLUNTEER = 'volunteer@demo.local';
const STAFF = 'staff@demo.local';

/** The Shanghai calendar date `days` from now, as the date input takes it. */
const shanghaiDate = (days: number) => new Date(Date.now() + days * DAY + 8 * HOUR).toISOString().slice(0, 10);

function database() {
  return new Database(inject('databasePath'), { fileMustExist: true });
}

const loginAs = (page: Page, email: string) => signIn(browser, page, email);

describe('a pairing from the proposal to the hours on the caring parent’s page', () => {
  it('runs proposal, acceptance, a confirmed home visit and an acknowledged concern through the UI', async () => {
    const { page, problems } = await browser.newPage();
    const db = database();
    const startedAt = Date.now();
    const volunteerId = db.prepare('select id from users where email = ?').pluck().get(VOLUNTEER) as string;
    // A child of the welfare home without a live pairing, whose real name is nobody's display name (so that
    // finding it on a page means the page leaks it), and with an alias unlike her other child's.
    const child = db
      .prepare(
        `select c.id, c.alias, c.real_name as realName, c.birth_date as birthDate from children c join sites s on s.id = c.site_id
         where s.code = 'wz-fly'
           and not exists (select 1 from pairings p where p.child_id = c.id and p.status in ('proposed', 'active'))
           and not exists (select 1 from pairings p join children o on o.id = p.child_id where p.volunteer_user_id = ? and o.alias = c.alias)
           and not exists (select 1 from users u where instr(u.display_name, c.real_name) > 0)
         order by c.id limit 1`,
      )
      .get(volunteerId) as { id: string; alias: string; realName: string; birthDate: string } | undefined;
    expect(child).toBeTruthy();
    const { alias, realName, birthDate } = child!;

    /** The volunteer's page as the browser got it (HTML and loader data) never names the child. */
    const expectNoPrivateFacts = async (where: string) => {
      const html = await page.content();
      expect(html, where).toContain(alias);
      expect(html.includes(realName), `${where} shows the child's real name`).toBe(false);
      expect(html.includes(birthDate), `${where} shows the child's birth date`).toBe(false);
    };

    // 1. Staff pair her with the child: the agreement signed three days ago before the site's social worker.
    await loginAs(page, STAFF);
    await page.goto(`${base()}/staff/pairings/new`);
    await page.locator('select[name="childId"]').selectOption(child!.id);
    await page.locator('select[name="volunteerUserId"]').selectOption(volunteerId);
    await page.locator('input[name="agreementSignedOn"]').fill(shanghaiDate(-3));
    await page.locator('input[name="agreementWitness"]').fill('马老师(社工部)');
    await Promise.all([page.waitForURL(/\/staff\/pairings\/[a-z0-9]+\?done=propose/), page.getByRole('button', { name: '提出结对' }).click()]);
    const pairingId = new URL(page.url()).pathname.split('/').pop()!;
    const pairingPath = `/me/pairings/${pairingId}`;
    // Staff see the real name on their page of the pairing.
    await expect.poll(() => page.locator('h1').textContent()).toContain(realName);
    expect(db.prepare('select status, agreement_signed_on as signedOn, agreement_witness as witness, child_id as childId from pairings where id = ?').get(pairingId)).toEqual({
      status: 'proposed',
      signedOn: shanghaiDate(-3),
      witness: '马老师(社工部)',
      childId: child!.id,
    });

    // She finds the proposal on /me and accepts it on her pairing page.
    await loginAs(page, VOLUNTEER);
    await page.goto(`${base()}/me`);
    const row = page.getByTestId('my-pairing').filter({ has: page.locator(`a[href="${pairingPath}"]`) });
    await expect.poll(() => row.textContent()).toContain('待志愿者确认');
    await expectNoPrivateFacts('/me, proposed');
    await page.goto(`${base()}${pairingPath}`);
    await expect.poll(() => page.getByTestId('child-face').textContent()).toContain(alias);
    await expect.poll(() => page.getByTestId('site-contact').textContent()).toContain('马老师(社工部)');
    await expectNoPrivateFacts('the pairing page, proposed');
    await Promise.all([page.waitForURL(/done=accept/), page.getByRole('button', { name: '接受结对' }).click()]);
    await expect.poll(() => page.locator('h1').textContent()).toContain('结对中');
    expect(db.prepare('select status from pairings where id = ?').pluck().get(pairingId)).toBe('active');

    // 2. She logs a home visit of 90 minutes today.
    const log = page.locator('form:has(input[name="intent"][value="log_visit"])');
    expect(await log.locator('input[name="happenedOn"]').inputValue()).toBe(shanghaiDate(0));
    await log.locator('select[name="kind"]').selectOption('home_visit');
    await log.locator('input[name="minutes"]').fill('90');
    await log.locator('textarea[name="note"]').fill('一起读了两本绘本,聊了学校的运动会。');
    await Promise.all([page.waitForURL(/done=log_visit/), log.getByRole('button', { name: '登记联系' }).click()]);
    await expect.poll(() => page.getByTestId('visit').textContent()).toContain('待确认');
    await expect.poll(() => page.getByTestId('credited-hours').textContent()).toBe('0 小时');
    await expectNoPrivateFacts('the pairing page, visit logged');
    const visitId = db.prepare('select id from pairing_visits where pairing_id = ?').pluck().get(pairingId) as string;

    // Staff confirm it on the pairing's page.
    await loginAs(page, STAFF);
    await page.goto(`${base()}/staff/pairings/${pairingId}`);
    const visitRow = page.locator('tr', { hasText: '入户走访' });
    await Promise.all([page.waitForURL(/done=confirm_visit/), visitRow.getByRole('button', { name: '确认', exact: true }).click()]);
    expect(db.prepare('select status, kind, minutes from pairing_visits where id = ?').get(visitId)).toEqual({ status: 'confirmed', kind: 'home_visit', minutes: 90 });

    // 3. She raises a concern from her pairing page; the emergency numbers are there.
    await loginAs(page, VOLUNTEER);
    await page.goto(`${base()}${pairingPath}`);
    await expect.poll(() => page.getByTestId('emergency').textContent()).toContain('110');
    const raise = page.locator('form:has(input[name="intent"][value="raise_concern"])');
    await raise.locator('select[name="kind"]').selectOption('neglect');
    await raise.locator('textarea[name="text"]').fill('孩子说最近几天晚饭常常没人做,看起来没精神。');
    await Promise.all([page.waitForURL(/done=raise_concern/), raise.getByRole('button', { name: '立即报告' }).click()]);
    await expect.poll(() => page.getByTestId('my-concern').textContent()).toContain('待处理');
    await expectNoPrivateFacts('the pairing page, concern raised');
    const concernId = db.prepare('select id from pairing_concerns where pairing_id = ?').pluck().get(pairingId) as string;
    // It is mailed at once to staff, and to nobody else.
    const mails = db.prepare("select to_email as email from outbox where template = 'concern.raised' and created_at >= ?").pluck().all(startedAt) as string[];
    expect(mails.length).toBeGreaterThan(0);
    expect(mails).not.toContain(VOLUNTEER);

    // Staff see it at the top of /staff, marked urgent, linked to the pairing, and acknowledge it there.
    await loginAs(page, STAFF);
    await page.goto(`${base()}/staff`);
    const alerts = page.getByTestId('pairing-concerns');
    expect(await alerts.getAttribute('role')).toBe('alert');
    await expect.poll(() => page.locator('main h2').first().textContent()).toContain('紧急');
    const alert = alerts.locator('li', { has: page.locator(`a[href="/staff/pairings/${pairingId}"]`) });
    expect(await alert.count()).toBe(1);
    await expect.poll(() => alert.locator('strong').textContent()).toBe('紧急');
    await expect.poll(() => alert.locator('a').textContent()).toBe(`疑似疏于照料 · ${alias}`);
    await Promise.all([page.waitForURL(new RegExp(`/staff/pairings/${pairingId}$`)), alert.locator('a').click()]);
    const concern = page.getByTestId(`concern-${concernId}`);
    await expect.poll(() => concern.textContent()).toContain('看起来没精神');
    await Promise.all([page.waitForURL(/done=acknowledge/), concern.getByRole('button', { name: '接报' }).click()]);
    expect(db.prepare('select status from pairing_concerns where id = ?').pluck().get(concernId)).toBe('acknowledged');
    await page.goto(`${base()}/staff`);
    expect(await page.locator(`[data-testid="pairing-concerns"] a[href="/staff/pairings/${pairingId}"]`).count()).toBe(0);

    // 4. Her hours and the visit show on /me and on her pairing page.
    await loginAs(page, VOLUNTEER);
    await page.goto(`${base()}/me`);
    await expect.poll(() => row.textContent()).toContain('1.5 小时');
    await expect.poll(() => row.textContent()).toContain('结对中');
    await expectNoPrivateFacts('/me, active');
    await page.goto(`${base()}${pairingPath}`);
    await expect.poll(() => page.getByTestId('credited-hours').textContent()).toBe('1.5 小时');
    const visit = page.getByTestId('visit');
    expect(await visit.count()).toBe(1);
    await expect.poll(() => visit.textContent()).toContain('入户走访');
    await expect.poll(() => visit.textContent()).toContain('已确认');
    await expect.poll(() => visit.textContent()).toContain(shanghaiDate(0));
    await expect.poll(() => page.getByTestId('my-concern').textContent()).toContain('已接报');
    await expectNoPrivateFacts('the pairing page, visit confirmed');

    // The same page in English, through the language switch.
    await Promise.all([page.waitForURL(/lang=en/), page.locator('a.lang-switch').click()]);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await expect.poll(() => page.locator('h1').textContent()).toContain(`Pairing with ${alias}`);
    await expect.poll(() => page.locator('h1').textContent()).toContain('Active');
    await expect.poll(() => page.getByTestId('credited-hours').textContent()).toBe('1.5 h');
    await expect.poll(() => visit.textContent()).toContain('Home visit');
    await expect.poll(() => visit.textContent()).toContain('Confirmed');
    await expect.poll(() => page.getByTestId('my-concern').textContent()).toContain('Acknowledged');
    await expect.poll(() => page.getByTestId('emergency').textContent()).toContain('not an emergency service');
    await expectNoPrivateFacts('the pairing page in English');
    await page.goto(`${base()}/me`);
    await expect.poll(() => row.textContent()).toContain('1.5 h');
    await expectNoPrivateFacts('/me in English');

    db.close();
    await page.waitForLoadState('networkidle');
    expect(problems).toEqual([]);
  });
});
