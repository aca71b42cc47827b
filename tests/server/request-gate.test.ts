import { describe, expect, it } from 'vitest';
import { bodyLimitFor, FORM_BODY_LIMIT, LARGER_BODY_LIMITS, plainPage } from '../../app/server/request-gate.server';

describe('body limits', () => {
  it('are the ordinary limit except where a form needs more, for the page and its .data form alike', () => {
    expect(bodyLimitFor('/login')).toBe(FORM_BODY_LIMIT);
    expect(bodyLimitFor('/_root.data')).toBe(FORM_BODY_LIMIT);
    expect(bodyLimitFor('/staff/wishes/abc.data')).toBe(FORM_BODY_LIMIT);
    for (const path of ['/staff/children', '/staff/children.data', '/staff/children/abc', '/staff/children/abc.data']) {
      expect(bodyLimitFor(path), path).toBe(64 * 1024);
    }
    expect(bodyLimitFor('/staff/children/abc/more')).toBe(FORM_BODY_LIMIT);
    for (const entry of LARGER_BODY_LIMITS) expect(entry.why.length).toBeGreaterThan(10);
  });

  it('leave room for the longest ordinary form (a wish: 60 + 1,000 characters of Chinese, percent-encoded), and only the child form needs more', () => {
    const story = encodeURIComponent('长'.repeat(1000));
    const title = encodeURIComponent('长'.repeat(60));
    expect(`title=${title}&story=${story}`.length).toBeLessThan(FORM_BODY_LIMIT);
    // and a child's notes (2,000 characters) with name, alias and guardian
    const child = ['realName', 'alias', 'guardian', 'notes'].map((name, i) => `${name}=${encodeURIComponent('长'.repeat([40, 20, 80, 2000][i]))}`).join('&');
    expect(child.length).toBeGreaterThan(FORM_BODY_LIMIT);
    expect(child.length).toBeLessThan(64 * 1024);
  });
});

describe('the plain page', () => {
  it('is in the language asked for, escapes its text and shows the request id when given', () => {
    const en = plainPage('en', 'http.too_large.title', 'http.too_large.body');
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('<h1>Too much to send</h1>');
    expect(en).not.toContain('<script');
    expect(plainPage('zh-CN', 'error.title', 'error.body', '<b>id')).toContain('错误编号: <code>&#60;b&#62;id</code>');
  });
});
