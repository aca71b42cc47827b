import { describe, expect, it } from 'vitest';
import { isCrossSiteWrite } from '../../app/auth/origin.server';

const h = (init: Record<string, string>) => new Headers(init);

describe('cross-site write check', () => {
  it.each([
    ['GET', { 'sec-fetch-site': 'cross-site' }, false],
    ['POST', { 'sec-fetch-site': 'same-origin' }, false],
    ['POST', { 'sec-fetch-site': 'none' }, false],
    ['POST', { 'sec-fetch-site': 'cross-site' }, true],
    ['POST', { 'sec-fetch-site': 'same-site' }, true],
    ['POST', { origin: 'http://app.local:3000' }, false],
    ['POST', { origin: 'https://evil.example' }, true],
    ['POST', { origin: 'null' }, true],
    ['DELETE', { origin: 'https://evil.example' }, true],
    ['POST', {}, false],
  ] as const)('%s with %o → refused: %s', (method, headers, refused) => {
    expect(isCrossSiteWrite(method, h(headers), 'app.local:3000')).toBe(refused);
  });
});
