import fs from 'node:fs';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page, Request } from 'playwright-core';
import { launchBrowser, signIn, type Browser } from './browser';

// The bureau's letter and a volunteer's certificate, on the demo site, in Chromium, through the UI:
// staff open /reports for the first half of 2025 over the city and see the letter's figures and paragraph →
// follow "wishes fulfilled" to the records it counts → issue the report, which /reports/issued then lists with
// its frozen figure → export the figures as CSV. The demo volunteer (刘芳) picks the same half-year on
// /me/certificate, issues the welfare home's certificate of her pairing contacts, types an ID number into the
// printable page (shown there, sent nowhere), and /verify/<number> confirms issuer, period, hours and 刘*.

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser({ viewport: { width: 1280, height: 900 } });
});
afterAll(async () => {
  await browser?.close();
});

const base = () => inject('baseUrl');
const HOUR = 3600_000;
const FROM = '2025-01-01';
const TO = '2025-06-30';
/** The Shanghai day's bounds in UTC ms, as the period's dates are read. */
const FROM_MS = Date.UTC(2025, 0, 1) - 8 * HOUR;
const TO_END_MS = Date.UTC(2025, 6, 1) - 8 * HOUR - 1;
const WELFARE_HOME = '吴忠市儿童福利院';
/** A made-up ID number (the check digit is an X, so its upper-casing shows too). */
const ID_NUMBER = '64030219850615002X';

function database() {
  return new Database(inject('databasePath'), { fileMustExist: true });
}

const loginAs = (page: Page, email: string) => signIn(browser, page, email);

/** Picks the first half of 2025 over the city in the custom-period form of /reports. */
async function pickFirstHalf2025(page: Page) {
  await page.goto(`${base()}/reports`);
  const form = page.locator('form:has(input[name="from"][type="date"])').first();
  await form.locator('input[name="from"]').fill(FROM);
  await form.locator('input[name="to"]').fill(TO);
  await form.locator('select[name="site"]').selectOption('wz');
  await Promise.all([page.waitForURL((url) => url.pathname === '/reports' && url.searchParams.get('from') === FROM), form.getByRole('button', { name: '查看报告' }).click()]);
  await expect.poll(() => page.getByTestId('report-scope').textContent()).toContain('2025-01-01');
}

describe('the half-year report and a service certificate', () => {
  it('staff see the letter’s figures, follow one to its records, issue the report and export the CSV', async () => {
    const { page, problems } = await browser.newPage();
    await loginAs(page, 'staff@demo.local');

    // 1. The first half of 2025, city-wide: 466 wishes fulfilled, and the paragraph in the letter's words.
    await pickFirstHalf2025(page);
    const scope = (await page.getByTestId('report-scope').textContent())!;
    expect(scope).toContain('吴忠市');
    expect(scope).toContain(TO);
    // The first visit of a period says its figures are being computed (README D35); the page asks again until they are.
    await expect.poll(() => page.getByTestId('value-wishesFulfilled').textContent(), { timeout: 60_000 }).toBe('466');
    expect(await page.getByTestId('value-homeVisits').textContent()).toBe('408');
    const paragraph = (await page.locator('#paragraph-zh').textContent())!;
    expect(paragraph).toContain('408 人次');
    expect(paragraph).toContain('466 个');
    expect(paragraph).toContain('15.3 万元');
    // Each number of the paragraph links to its figure's row.
    expect(await page.locator('#paragraph-zh a[data-figure="wishesFulfilled"]').getAttribute('href')).toBe('#figure-wishesFulfilled');
    expect(await page.locator('#paragraph-en').textContent()).toContain('466');
    // The copy button puts the paragraph's plain text on the clipboard.
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base() });
    await page.getByRole('button', { name: '复制段落' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: '已复制' }).count()).toBe(1);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(paragraph);

    // 2a. The number leads to the records it counts: 466 wishes, each linked to its staff page.
    await Promise.all([page.waitForURL(/\/reports\/records\?/), page.getByTestId('value-wishesFulfilled').click()]);
    const records = new URL(page.url());
    expect(Object.fromEntries(records.searchParams)).toMatchObject({ figure: 'wishesFulfilled', from: FROM, to: TO, site: 'wz' });
    expect(await page.getByTestId('figure-value').textContent()).toContain('466');
    expect(await page.getByTestId('records-count').textContent()).toContain('共 466 条记录');
    const firstRecord = page.locator('table a[href^="/staff/wishes/"]').first();
    expect(await firstRecord.count()).toBe(1);

    // 2b. Back on the report, the period is closed: issue it. The issued report keeps the figure as frozen.
    await Promise.all([page.waitForURL((url) => url.pathname === '/reports'), page.getByRole('link', { name: '返回统计报告' }).click()]);
    await expect.poll(() => page.getByTestId('value-wishesFulfilled').textContent()).toBe('466');
    await Promise.all([page.waitForURL(/\/reports\/issued\/[a-z0-9]+\?done=issued/), page.getByRole('button', { name: '出具本期报告' }).click()]);
    const issuedPath = new URL(page.url()).pathname;
    expect(await page.getByTestId('corrections').textContent()).toBe('签发后有 0 处更正涉及本期间、本范围的记录。');
    expect(await page.getByTestId('live-differs').textContent()).toContain('与签发时相同');
    // The list of issued reports holds it; opened from there, it shows the figure and paragraph as issued.
    await page.goto(`${base()}/reports/issued`);
    const listed = page.locator(`a[href="${issuedPath}"]`);
    expect(await listed.count()).toBe(1);
    expect(await listed.textContent()).toContain(FROM);
    expect(await listed.textContent()).toContain(TO);
    await Promise.all([page.waitForURL((url) => url.pathname === issuedPath), listed.click()]);
    expect(await page.locator('tr#figure-wishesFulfilled').textContent()).toContain('466');
    expect(await page.locator('tr#figure-homeVisits').textContent()).toContain('408');
    expect(await page.getByTestId('paragraph-zh').textContent()).toContain('15.3 万元');
    const db = database();
    const snapshot = db.prepare('select figures, period_from as "from", period_to as "to" from report_snapshots where id = ?').get(issuedPath.split('/').pop()) as {
      figures: string;
      from: string;
      to: string;
    };
    db.close();
    expect({ from: snapshot.from, to: snapshot.to }).toEqual({ from: FROM, to: TO });
    expect(snapshot.figures).toContain('"wishesFulfilled":466');

    // 2c. The figures' CSV, downloaded through the page's link: a BOM, then the figures.
    await pickFirstHalf2025(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '导出指标表(CSV)' }).click()]);
    expect(download.suggestedFilename()).toBe(`report-wz-${FROM}-${TO}.csv`);
    const bytes = fs.readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    const row = (key: string) => lines.find((line) => line.startsWith(`${key},`) && line.includes('(合计)')) ?? '';
    expect(row('wishesFulfilled').split(',')).toContain('466');
    expect(row('homeVisits').split(',')).toContain('408');

    await page.waitForLoadState('networkidle');
    expect(problems).toEqual([]);
  });

  it('a volunteer issues and prints a certificate (the ID number stays in the browser) and /verify confirms it', async () => {
    const { page, problems } = await browser.newPage();
    const requests: Request[] = [];
    page.on('request', (request) => requests.push(request));
    const db = database();
    const userId = db.prepare("select id from users where email = 'volunteer@demo.local'").pluck().get() as string;
    const homeId = db.prepare('select id from sites where name_zh = ?').pluck().get(WELFARE_HOME) as string;
    // What the welfare home certifies of her half-year: her confirmed pairing contacts there, and any slot it ran
    // itself that she attended (activities an organization ran are certified by that organization).
    const contacts = db
      .prepare(
        `select count(*) as n, coalesce(sum(v.minutes), 0) as minutes from pairing_visits v join pairings p on p.id = v.pairing_id
         where p.volunteer_user_id = ? and p.site_id = ? and v.status = 'confirmed' and v.happened_at between ? and ?`,
      )
      .get(userId, homeId, FROM_MS, TO_END_MS) as { n: number; minutes: number };
    const ownSlots = db
      .prepare(
        `select coalesce(sum(s.service_minutes), 0) from slot_signups s join slots sl on sl.id = s.slot_id join activities a on a.id = sl.activity_id
         where s.user_id = ? and s.attendance = 'attended' and a.org_id is null and sl.site_id = ? and sl.starts_at between ? and ?`,
      )
      .pluck()
      .get(userId, homeId, FROM_MS, TO_END_MS) as number;
    const attended = db
      .prepare(
        `select count(*) from slot_signups s join slots sl on sl.id = s.slot_id
         where s.user_id = ? and s.attendance = 'attended' and sl.starts_at between ? and ?`,
      )
      .pluck()
      .get(userId, FROM_MS, TO_END_MS) as number;
    // The demo gives her both kinds of service in that half-year.
    expect(contacts.n).toBeGreaterThan(0);
    expect(attended).toBeGreaterThan(0);
    const hours = Math.round((contacts.minutes + ownSlots) / 6) / 10;
    const firstContactAt = db
      .prepare(
        `select min(v.happened_at) from pairing_visits v join pairings p on p.id = v.pairing_id
         where p.volunteer_user_id = ? and v.status = 'confirmed' and v.happened_at between ? and ?`,
      )
      .pluck()
      .get(userId, FROM_MS, TO_END_MS) as number;
    const firstContactDate = new Date(firstContactAt + 8 * HOUR).toISOString().slice(0, 10);

    // 3a. She picks the first half of 2025 and sees her service grouped by organizer.
    await loginAs(page, 'volunteer@demo.local');
    await page.goto(`${base()}/me/certificate`);
    const picker = page.locator('form[method="get"]:has(input[name="from"])');
    await picker.locator('input[name="from"]').fill(FROM);
    await picker.locator('input[name="to"]').fill(TO);
    await Promise.all([page.waitForURL((url) => url.searchParams.get('from') === FROM && url.searchParams.get('to') === TO), picker.getByRole('button', { name: '查看' }).click()]);
    const groups = page.getByTestId('cert-group');
    await expect.poll(() => groups.count()).toBeGreaterThan(1);
    // Attended slots are listed under the organization that ran them.
    expect(await groups.filter({ has: page.getByRole('heading', { name: '吴忠市星光影城有限公司 组织的服务' }) }).textContent()).toContain('集体观影');
    const home = groups.filter({ has: page.getByRole('heading', { name: `${WELFARE_HOME} 组织的服务` }) });
    expect(await home.count()).toBe(1);
    expect(await home.textContent()).toContain('结对关爱:入户走访');
    expect(await home.textContent()).toContain(firstContactDate);
    expect(await home.getByTestId('cert-total-hours').textContent()).toBe(String(hours));

    // 3b. She issues the welfare home's certificate, and lands on the printable page.
    await Promise.all([page.waitForURL(/\/me\/certificate\/[a-z0-9]+$/), home.getByRole('button', { name: '出具证明' }).click()]);
    const code = (await page.getByTestId('cert-code').textContent())!.trim();
    expect(code).toMatch(/^WB-2026-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const certificate = page.getByTestId('certificate');
    expect(await certificate.textContent()).toContain('刘芳');
    expect(await certificate.getByTestId('cert-total-hours').textContent()).toBe(String(hours));
    await page.waitForLoadState('networkidle');

    // 3c. The ID number typed for printing is filled into the certificate, by the browser alone.
    const typedFrom = requests.length;
    await page.locator('#cert-id-number').pressSequentially(ID_NUMBER.toLowerCase());
    await expect.poll(() => certificate.getByTestId('printed-id-number').textContent()).toBe(ID_NUMBER);
    await page.emulateMedia({ media: 'print' });
    expect(await certificate.getByTestId('printed-id-number').isVisible()).toBe(true);
    expect(await page.locator('#cert-id-number').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
    // Going on through the app after typing it (client-side navigation, data requests) carries it nowhere either.
    await Promise.all([page.waitForURL((url) => url.pathname === '/me/certificate'), page.getByRole('link', { name: '返回我的志愿服务记录证明' }).click()]);
    await page.waitForLoadState('networkidle');
    expect(requests.length).toBeGreaterThan(typedFrom);
    for (const request of requests) {
      const carried = `${request.url()} ${request.postData() ?? ''} ${JSON.stringify(await request.allHeaders())}`.toUpperCase();
      expect(carried).not.toContain(ID_NUMBER);
    }
    const stored = JSON.stringify(db.prepare('select * from certificates where code = ?').all(code)).toUpperCase();
    expect(stored).not.toContain(ID_NUMBER);
    expect(stored).toContain(code);

    // 3d. Anyone (signed out) checks the number: issuer, period, hours and the masked name, and nothing else.
    await browser.context.clearCookies();
    const response = await page.goto(`${base()}/verify/${code}`);
    expect(response?.status()).toBe(200);
    const main = page.locator('main');
    const text = (await main.textContent())!;
    expect(await page.getByTestId('verify-status').textContent()).toContain('真实有效');
    expect(text).toContain(WELFARE_HOME);
    expect(text).toContain(`${FROM} – ${TO}`);
    expect(await page.getByTestId('verify-hours').textContent()).toBe(`${hours} 小时`);
    expect(await page.getByTestId('verify-name').textContent()).toBe('刘*');
    const body = (await page.locator('body').textContent())!;
    const head = (await page.title()) + JSON.stringify(await page.locator('meta').evaluateAll((metas) => metas.map((m) => m.getAttribute('content'))));
    for (const hidden of ['刘芳', 'volunteer@demo.local', '结对关爱', '入户走访', firstContactDate, ID_NUMBER]) {
      expect(body).not.toContain(hidden);
      expect(head).not.toContain(hidden);
    }
    expect(await main.locator('table').count()).toBe(0);
    // The facts listed are exactly the four.
    expect(await main.locator('dl.facts dt').allTextContents()).toEqual(['出具单位', '服务期间', '累计服务时长', '志愿者']);

    db.close();
    await page.waitForLoadState('networkidle');
    expect(problems).toEqual([]);
  });
});
