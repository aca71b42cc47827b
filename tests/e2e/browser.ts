import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface Browser {
  context: BrowserContext;
  /** A new page that records console errors and failed requests. */
  newPage(): Promise<{ page: Page; problems: string[] }>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** The window size; by default a phone's, 390 × 844. */
  viewport?: { width: number; height: number };
  /** false: a browser without JavaScript, for what must work without it. */
  javaScript?: boolean;
}

/** Debian's Chromium, headless, with a fresh profile each time. */
export async function launchBrowser({ viewport = { width: 390, height: 844 }, javaScript = true }: LaunchOptions = {}): Promise<Browser> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'wishbridge-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport,
    locale: 'zh-CN',
    javaScriptEnabled: javaScript,
  });
  return {
    context,
    async newPage() {
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console: ${message.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
      return { page, problems };
    },
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Signs in through the login form of the e2e server, after forgetting whoever was signed in. */
export async function signIn(browser: Browser, page: Page, email: string, password = 'demo-password') {
  await browser.context.clearCookies();
  await page.goto(`${inject('baseUrl')}/login`);
  const form = page.locator('form:has(input[name="password"])');
  await form.locator('input[name="email"]').fill(email);
  await form.locator('input[name="password"]').fill(password);
  await Promise.all([page.waitForURL((url) => !url.pathname.startsWith('/login')), form.locator('button[type="submit"]').click()]);
}

/** Puts a mail in the outbox (the demo starts with none): a visitor asks for a password reset for `email`. */
export async function queueResetMail(browser: Browser, page: Page, email: string) {
  await browser.context.clearCookies();
  await page.goto(`${inject('baseUrl')}/forgot-password`);
  const form = page.locator('form:has(input[name="email"])');
  await form.locator('input[name="email"]').fill(email);
  await Promise.all([page.waitForResponse((response) => response.request().method() === 'POST'), form.locator('button[type="submit"]').click()]);
}
