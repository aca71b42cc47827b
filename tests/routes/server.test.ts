import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startProductionServer, type RunningServer } from '../helpers/server';

let server: RunningServer;

beforeAll(async () => {
  server = await startProductionServer({ SEED_DEMO: 'true' });
});
afterAll(async () => {
  await server?.stop();
});

describe('the production server', () => {
  it('answers /healthz after a real database round trip, a write probe, the file and free-space checks', async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, checks: { database: 'ok', write: 'ok', file: 'ok', disk: 'ok' } });
  });

  it('serves the home page in Chinese by default, with the demo banner and live counts', async () => {
    const res = await fetch(`${server.url}/`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<html lang="zh-CN"');
    expect(html).toContain('待认领的微心愿');
    expect(html).toContain('演示数据');
    const open = html.match(/data-testid="count-open-wishes">(\d+)</);
    expect(Number(open?.[1])).toBeGreaterThan(0);
  });

  it('switches to English with ?lang=en and remembers the choice in a cookie', async () => {
    const res = await fetch(`${server.url}/?lang=en`);
    const html = await res.text();
    expect(html).toContain('<html lang="en"');
    expect(html).toContain('Wishes waiting for a helper');
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/lang=en/);
    const again = await fetch(`${server.url}/wishes`, { headers: { cookie: 'lang=en' } });
    expect(await again.text()).toContain('<html lang="en"');
  });

  it('sends the security headers on every response, with a fresh CSP nonce each time', async () => {
    const first = await fetch(`${server.url}/`);
    const second = await fetch(`${server.url}/`);
    for (const res of [first, second]) {
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('unsafe-inline');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
      expect(res.headers.get('x-powered-by')).toBeNull();
    }
    const nonce = (r: Response) => r.headers.get('content-security-policy')!.match(/nonce-([^']+)/)![1];
    expect(nonce(first)).not.toBe(nonce(second));
    const html = await (await fetch(`${server.url}/`)).text();
    // Every inline script carries the nonce of its own response.
    const scripts = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs] of scripts) expect(attrs).toMatch(/nonce="[^"]+"/);
    const health = await fetch(`${server.url}/healthz`);
    expect(health.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('writes the stylesheet into the page under its nonce, with no stylesheet file to wait for', async () => {
    const res = await fetch(`${server.url}/wishes`);
    const html = await res.text();
    const nonce = res.headers.get('content-security-policy')!.match(/style-src 'self' 'nonce-([^']+)'/)?.[1];
    expect(nonce).toBeTruthy();
    const style = html.match(/<style nonce="([^"]+)">([^<]+)<\/style>/);
    expect(style?.[1]).toBe(nonce);
    expect(style?.[2]).toContain('.site-header');
    expect(html).not.toMatch(/rel="stylesheet"/);
  });

  it('sends pages and scripts compressed to a browser that accepts it, security headers kept', async () => {
    const res = await fetch(`${server.url}/wishes`, { headers: { 'accept-encoding': 'gzip' } });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(res.headers.get('content-security-policy')).toMatch(/nonce-/);
    const html = await res.text();
    expect(html).toContain('<meta name="description"');
    const script = html.match(/<link rel="modulepreload" href="(\/assets\/[^"]+\.js)"/)![1];
    const asset = await fetch(`${server.url}${script}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-encoding')).toBe('gzip');
    expect(asset.headers.get('cache-control')).toContain('immutable');
  });

  it('answers an unknown page with a 404 page in the user language, not a stack trace', async () => {
    const res = await fetch(`${server.url}/no-such-page`);
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(html).toContain('找不到这个页面');
    expect(html).not.toMatch(/at .*\.js:\d+/);
    const en = await fetch(`${server.url}/no-such-page?lang=en`);
    expect(await en.text()).toContain('Page not found');
  });

  it('lists demo wishes and activities, each linked by its URL', async () => {
    const wishes = await (await fetch(`${server.url}/wishes`)).text();
    expect(wishes).toMatch(/href="\/wishes\/[a-z0-9]+"/);
    const activities = await (await fetch(`${server.url}/activities`)).text();
    expect(activities).toMatch(/href="\/activities\/[a-z0-9]+"/);
  });

  it('refuses a cross-site POST before it reaches any page', async () => {
    const res = await fetch(`${server.url}/logout`, { method: 'POST', headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' } });
    expect(res.status).toBe(403);
  });

  it('printed the URL and the demo accounts at start', () => {
    expect(server.output()).toContain('admin@demo.local');
    expect(server.output()).toContain('demo-password');
  });
});

describe('public activity pages', () => {
  it('shows an activity from the list with its slots, and 404s an unknown one', async () => {
    const list = await (await fetch(`${server.url}/activities`)).text();
    const href = list.match(/href="(\/activities\/[a-z0-9]+)"/)![1];
    const res = await fetch(`${server.url}${href}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(/剩余名额|已满|已结束/);
    expect((await fetch(`${server.url}/activities/nope`)).status).toBe(404);
  });
});
