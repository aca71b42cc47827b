import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { areasForTests, asLocale, formatDate, formatDateTime, formatMoney, formatTimeRange, localeFromRequest, translator } from '../app/i18n/index';

describe('catalogues', () => {
  it('has every key in both languages, none empty', () => {
    for (const area of areasForTests) {
      const zh = Object.keys(area['zh-CN']).sort();
      const en = Object.keys(area.en).sort();
      expect(en).toEqual(zh);
      for (const key of zh) {
        expect(area['zh-CN'][key].trim(), key).not.toBe('');
        expect(area.en[key].trim(), key).not.toBe('');
      }
    }
  });

  it('has every key a component or route asks for with t("…")', () => {
    const zh = translator('zh-CN');
    const root = path.resolve(__dirname, '../app');
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (p.endsWith('.tsx')) files.push(p);
      }
    };
    walk(root);
    const missing: string[] = [];
    for (const file of files) {
      for (const [, key] of fs.readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-z0-9_.]+)'/g)) {
        if (zh(key) === key) missing.push(`${path.relative(root, file)}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('fills parameters and falls back to the key when a text is missing', () => {
    const en = translator('en');
    expect(en('error.too_many', { minutes: 5 })).toBe('Too many attempts. Please try again in 5 minutes.');
    expect(en('no.such.key')).toBe('no.such.key');
  });
});

describe('locale', () => {
  it('defaults to zh-CN, honours ?lang= over the cookie', () => {
    expect(localeFromRequest(new Request('http://x/')).locale).toBe('zh-CN');
    expect(localeFromRequest(new Request('http://x/', { headers: { cookie: 'lang=en' } })).locale).toBe('en');
    const both = localeFromRequest(new Request('http://x/?lang=zh-CN', { headers: { cookie: 'lang=en' } }));
    expect(both).toEqual({ locale: 'zh-CN', fromQuery: true });
    expect(localeFromRequest(new Request('http://x/?lang=fr')).locale).toBe('zh-CN');
    expect(asLocale('EN-us')).toBe('en');
  });

  it('shows dates in Asia/Shanghai and money in yuan', () => {
    // 2025-06-30 20:00 UTC is already 1 July in Shanghai.
    expect(formatDate(Date.UTC(2025, 5, 30, 20), 'zh-CN')).toBe('2025/07/01');
    expect(formatMoney(30000)).toBe('¥300');
    expect(formatMoney(12345)).toBe('¥123.45');
    expect(formatMoney(15_300_000)).toBe('¥153,000');
  });
});

describe('times', () => {
  it('writes the half hour after midnight as 00:30 in both languages (as browsers do, so pages hydrate)', () => {
    const halfPastMidnight = Date.UTC(2025, 0, 23, 16, 30); // 2025-01-24 00:30 in Shanghai
    expect(formatDateTime(halfPastMidnight, 'en')).toBe('01/24/2025, 00:30');
    expect(formatDateTime(halfPastMidnight, 'zh-CN')).toBe('2025/01/24 00:30');
    expect(formatDateTime(Date.UTC(2025, 0, 24, 15, 5), 'en')).toBe('01/24/2025, 23:05');
  });
});

describe('time ranges', () => {
  it('names the day once when a slot starts and ends on the same day (in Shanghai)', () => {
    const start = Date.UTC(2026, 11, 1, 8, 0); // 16:00 in Shanghai
    expect(formatTimeRange(start, start + 3_600_000, 'zh-CN')).toBe('2026/12/01 16:00–17:00');
    expect(formatTimeRange(start, start + 3_600_000, 'en')).toBe('12/01/2026, 16:00–17:00');
    // Past midnight in Shanghai: both ends in full.
    expect(formatTimeRange(start, start + 9 * 3_600_000, 'zh-CN')).toBe('2026/12/01 16:00 – 2026/12/02 01:00');
  });
});

describe('date formatters', () => {
  it('are built once per locale and kind, not on every call', () => {
    // Warm every kind in both languages, then count constructions over many calls.
    for (const locale of ['zh-CN', 'en'] as const) formatTimeRange(0, 3_600_000, locale);
    const built = vi.spyOn(Intl, 'DateTimeFormat');
    try {
      for (let i = 0; i < 50; i++) {
        formatDate(i * 86_400_000, 'zh-CN');
        formatDateTime(i * 86_400_000, 'en');
        formatTimeRange(i * 86_400_000, i * 86_400_000 + 3_600_000, 'en');
      }
      expect(built).not.toHaveBeenCalled();
    } finally {
      built.mockRestore();
    }
    expect(formatDate(Date.UTC(2025, 5, 30, 20), 'zh-CN')).toBe('2025/07/01');
  });
});
