import fs from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { AxeResults } from 'axe-core';
import type { Page } from 'playwright-core';
import { launchBrowser, queueResetMail, signIn, type Browser } from './browser';

// axe-core in Chromium over every page each kind of visitor can reach: the pages are found by following
// the links of the site (one page per kind of object: a wish, a claim, a child, a helper, a site…), and
// each is checked at 1280 px and at 390 px, in Chinese (and the public pages in English too). Any serious or critical violation
// fails, and so do the rules behind issue 7's findings whatever impact axe gives them (a heading level
// skipped, two landmarks with one name, content outside every landmark). Beside axe: every page opens
// with a skip link to the main content, and the language link is marked up in the language it names.

const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WIDE = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };
const ALWAYS_FAILS = new Set(['heading-order', 'landmark-unique', 'region', 'label-content-name-mismatch', 'page-has-heading-one']);

const base = () => inject('baseUrl');

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser({ viewport: WIDE });
});
afterAll(async () => {
  await browser?.close();
});

/** A path with its ids replaced, so that one wish (one claim, one child…) stands for all of them. */
function pageKind(url: URL): string {
  return url.pathname
    .split('/')
    .map((segment) => (/^[a-z0-9]{16}$/.test(segment) ? ':id' : segment))
    .join('/');
}

/** The site's own pages linked from this one (no language switch, no fragment). */
async function linksOn(page: Page): Promise<URL[]> {
  // getAttribute, not .href: an <a> inside an SVG chart has an SVGAnimatedString there, not a URL.
  const hrefs = await page.$$eval('a[href]', (anchors) => anchors.map((a) => new URL(a.getAttribute('href') ?? '', document.baseURI).href));
  const origin = new URL(base()).origin;
  const found: URL[] = [];
  for (const href of hrefs) {
    const url = new URL(href);
    if (url.origin !== origin) continue;
    url.hash = '';
    url.searchParams.delete('lang');
    found.push(url);
  }
  return found;
}

interface Finding {
  where: string;
  rule: string;
  impact: string | null | undefined;
  help: string;
  targets: string[];
}

async function runAxe(page: Page, where: string): Promise<Finding[]> {
  // Evaluated through the DevTools protocol, so the page's nonce-only CSP does not stop it.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(`${AXE_SOURCE}\n;0`);
  const results = (await page.evaluate(() =>
    (window as unknown as { axe: { run(context: Document, options: object): Promise<unknown> } }).axe.run(document, {
      resultTypes: ['violations'],
    }),
  )) as AxeResults;
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical' || ALWAYS_FAILS.has(v.id))
    .map((v) => ({ where, rule: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
}

/** What axe does not check: a skip link first, pointing at the main content, and the language link's lang. */
async function shellChecks(page: Page, where: string, locale: 'zh-CN' | 'en'): Promise<Finding[]> {
  const shell = await page.evaluate(() => {
    const first = document.querySelector<HTMLAnchorElement>('body a[href], body button, body input, body select, body textarea');
    const target = first?.getAttribute('href')?.startsWith('#') ? document.getElementById(first.getAttribute('href')!.slice(1)) : null;
    const lang = document.querySelector('.lang-switch');
    return {
      firstHref: first?.getAttribute('href') ?? null,
      targetIsMain: !!target && (target.tagName === 'MAIN' || target.closest('main') === target),
      switchLang: lang?.getAttribute('lang') ?? null,
    };
  });
  const findings: Finding[] = [];
  if (!shell.firstHref?.startsWith('#') || !shell.targetIsMain)
    findings.push({ where, rule: 'skip-to-content', impact: 'serious', help: 'The first focusable element must be a link to the main content', targets: [String(shell.firstHref)] });
  const expected = locale === 'en' ? 'zh-CN' : 'en';
  if (shell.switchLang !== expected)
    findings.push({ where, rule: 'language-link-lang', impact: 'serious', help: `The language link must carry lang="${expected}"`, targets: [String(shell.switchLang)] });
  return findings;
}

async function setLocale(locale: Locale) {
  await browser.context.addCookies([{ name: 'lang', value: locale, url: base() }]);
}

type Locale = 'zh-CN' | 'en';

/** Visits every page reachable from `start` (one per kind), checking each in both widths and in `locales`. */
async function crawl(page: Page, who: string, start: readonly string[], locales: readonly Locale[], skip: (url: URL) => boolean) {
  const seen = new Set<string>();
  const queue = start.map((path) => new URL(path, base()));
  const findings: Finding[] = [];
  const visited: string[] = [];
  while (queue.length > 0) {
    const url = queue.shift()!;
    const kind = pageKind(url);
    if (seen.has(kind) || skip(url)) continue;
    seen.add(kind);
    for (const locale of locales) {
      await setLocale(locale);
      await page.setViewportSize(WIDE);
      const response = await page.goto(url.href);
      if (!response?.headers()['content-type']?.includes('text/html')) break;
      const landed = new URL(page.url());
      // A redirect (to /login, or away from a signed-in user's /signup) is checked where it lands.
      if (pageKind(landed) !== kind && seen.has(pageKind(landed))) break;
      seen.add(pageKind(landed));
      if (locale === locales[0]) {
        visited.push(`${landed.pathname}${landed.search}`);
        for (const link of await linksOn(page)) if (!seen.has(pageKind(link))) queue.push(link);
      }
      const where = `${who} ${landed.pathname}${landed.search} ${locale}`;
      findings.push(...(await runAxe(page, `${where} 1280px`)), ...(await shellChecks(page, where, locale)));
      await page.setViewportSize(PHONE);
      findings.push(...(await runAxe(page, `${where} 390px`)));
    }
  }
  await setLocale('zh-CN');
  return { findings, visited };
}

function report(findings: Finding[]): string {
  return findings.map((f) => `${f.where}: ${f.rule} (${f.impact}) ${f.help}\n    ${f.targets.join('\n    ')}`).join('\n');
}

const signedIn = ['/', '/wishes', '/activities', '/me', '/org', '/staff', '/admin'];
// The report page and the records behind one of its figures (on the letter's period, so the tables are full).
const reportPages = ['/reports?from=2025-01-01&to=2025-06-30', '/reports/records?from=2025-01-01&to=2025-06-30&figure=safetyTalks'];
// Pages no link leads to, or only mail does: forms for tokens (with a token that does not exist) and the error pages.
const unlinked = ['/forgot-password', '/reset-password?token=x', '/verify-email?token=x', '/change-email?token=x', '/invite/x', '/no-such-page', '/verify'];

// The public pages in both languages; signed-in pages in Chinese (the same components, and it keeps the run
// near a minute on an idle machine). The timeout is generous because CI machines may be shared.
const ROLES: ReadonlyArray<readonly [string, string | null, readonly string[], readonly Locale[]]> = [
  ['visitor', null, ['/', '/wishes', '/activities', '/login', '/signup', ...unlinked, '/staff'], ['zh-CN', 'en']],
  ['volunteer', 'volunteer@demo.local', [...signedIn, '/staff/wishes'], ['zh-CN']],
  ['organization member', 'org@demo.local', signedIn, ['zh-CN']],
  ['staff', 'staff@demo.local', [...signedIn, '/staff/wishes/new', ...reportPages, '/reports/issued'], ['zh-CN']],
  ['admin', 'admin@demo.local', signedIn, ['zh-CN']],
];

describe('accessibility (axe-core) of every page of every role', () => {
  it.each(ROLES)('%s: no serious or critical violations', { timeout: 300_000 }, async (who, email, start, locales) => {
    const { page } = await browser.newPage();
    // So that /admin/outbox shows a mail (the demo starts with none).
    if (email === 'admin@demo.local') await queueResetMail(browser, page, 'staff.yc@demo.local');
    if (email) await signIn(browser, page, email);
    else await browser.context.clearCookies();
    // Calendar files (.ics) and CSV exports are downloads, not pages.
    const signedInSkips = (url: URL) => url.pathname === '/logout' || (email !== null && url.pathname === '/login') || /\.(ics|csv|txt)$/.test(url.pathname); // downloads, not pages
    const { findings, visited } = await crawl(page, who, start, locales, signedInSkips);
    console.info(`${who}: ${visited.length} pages\n  ${visited.join('\n  ')}`);
    expect(visited.length).toBeGreaterThan(4);
    expect(findings.length, `\n${report(findings)}\n`).toBe(0);
    await page.close();
  });

  it('shows the skip link when it gets the focus, and it leads to the main content', async () => {
    const { page, problems } = await browser.newPage();
    await browser.context.clearCookies();
    await page.goto(`${base()}/wishes`);
    const skip = page.locator('a.skip-link');
    expect(await skip.evaluate((link) => link.getBoundingClientRect().bottom)).toBeLessThanOrEqual(0);
    await page.keyboard.press('Tab');
    expect(await skip.evaluate((link) => link === document.activeElement)).toBe(true);
    const box = await skip.evaluate((link) => link.getBoundingClientRect().toJSON() as DOMRect);
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.height).toBeGreaterThan(10);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('MAIN');
    // The next Tab lands inside the page, not on the header's links.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('main'))).toBe(true);
    await page.waitForLoadState('networkidle');
    expect(problems).toEqual([]);
    await page.close();
  });
});
