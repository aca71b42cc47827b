import { describe, expect, it } from 'vitest';
import { isCrossSiteWrite } from '../../app/auth/origin.server';

const h = (init: Record<string, string>) => new Headers(init);
const SITE = ['http://app.local:3000'];

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
    // Scheme, host and port are compared, not the host alone.
    ['POST', { origin: 'https://app.local:3000' }, true],
    ['POST', { origin: 'http://app.local:3001' }, true],
    ['POST', { origin: 'http://app.local' }, true],
    ['POST', { origin: 'http://APP.local:3000' }, false],
    ['POST', { origin: 'http://app.local:3000/path' }, true],
    ['POST', { origin: 'javascript:alert(1)' }, true],
    ['POST', { origin: '' }, true],
    // Sec-Fetch-Site alone does not vouch for a foreign Origin.
    ['POST', { 'sec-fetch-site': 'same-origin', origin: 'http://evil.example' }, true],
    ['POST', { 'sec-fetch-site': 'same-origin', origin: 'http://app.local:3000' }, false],
  ] as const)('%s with %o → refused: %s', (method, headers, refused) => {
    expect(isCrossSiteWrite(method, h(headers), SITE)).toBe(refused);
  });

  it('accepts any of the allowed origins, default ports normalised', () => {
    const allowed = ['http://10.0.0.5:3000', 'https://wishbridge.example/'];
    expect(isCrossSiteWrite('POST', h({ origin: 'https://wishbridge.example' }), allowed)).toBe(false);
    expect(isCrossSiteWrite('POST', h({ origin: 'http://10.0.0.5:3000' }), allowed)).toBe(false);
    expect(isCrossSiteWrite('POST', h({ origin: 'http://wishbridge.example' }), allowed)).toBe(true);
  });
});
