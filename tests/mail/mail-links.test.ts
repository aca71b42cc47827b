import { describe, expect, it } from 'vitest';
import { config } from '../../app/platform/config.server';
import { linksInLanguage } from '../../app/mail/send.server';

// A link in an English mail opens the page in English, even in a browser that has never seen the site.
describe('links in mail', () => {
  const base = config().appUrl;
  it('carry lang=en in English mail, keeping their own query', () => {
    const params = { link: `${base}/verify-email?token=abcdefghijklmnopqrstuvwxyz234567`, page: `${base}/org/invite/abc`, name: 'Lin', count: 3 };
    expect(linksInLanguage(params, 'en')).toEqual({
      link: `${base}/verify-email?token=abcdefghijklmnopqrstuvwxyz234567&lang=en`,
      page: `${base}/org/invite/abc?lang=en`,
      name: 'Lin',
      count: 3,
    });
  });

  it('are left alone in Chinese mail (the default language) and when they point elsewhere', () => {
    const params = { link: `${base}/me`, other: 'https://example.org/x' };
    expect(linksInLanguage(params, 'zh-CN')).toEqual(params);
    expect(linksInLanguage(params, 'en').other).toBe('https://example.org/x');
  });
});
