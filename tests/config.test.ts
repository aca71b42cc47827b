import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../app/platform/config.server';

describe('configuration', () => {
  it('has the documented defaults', () => {
    const c = readConfig({});
    expect(c).toMatchObject({ port: 3000, host: '127.0.0.1', databasePath: 'data/app.db', seedDemo: true, resendApiKey: null });
    expect(c.appUrl).toBe('http://127.0.0.1:3000');
  });

  it.each([['abc'], ['0'], ['70000'], ['30.5']])('refuses PORT=%s with a readable message', (port) => {
    expect(() => readConfig({ PORT: port })).toThrow(ConfigError);
    expect(() => readConfig({ PORT: port })).toThrow(/PORT must be a whole number/);
  });

  it('reads SEED_DEMO=false and a Resend key', () => {
    const c = readConfig({ SEED_DEMO: 'false', RESEND_API_KEY: 're_123', HOST: '0.0.0.0', PORT: '8080' });
    expect(c.seedDemo).toBe(false);
    expect(c.resendApiKey).toBe('re_123');
    expect(c.appUrl).toBe('http://localhost:8080');
  });

  it.each([
    [undefined, false],
    ['false', false],
    ['0', false],
    ['1', 1],
    ['2', 2],
    ['10.0.0.0/8', ['10.0.0.0/8']],
    ['127.0.0.1, 10.0.0.0/8,loopback', ['127.0.0.1', '10.0.0.0/8', 'loopback']],
    ['fd00::/8', ['fd00::/8']],
  ] as const)('reads TRUST_PROXY=%s as %o', (value, expected) => {
    expect(readConfig(value === undefined ? {} : { TRUST_PROXY: value }).trustProxy).toEqual(expected);
  });

  it('refuses TRUST_PROXY=true, which believed the client-written X-Forwarded-For, saying what to set instead', () => {
    expect(() => readConfig({ TRUST_PROXY: 'true' })).toThrow(ConfigError);
    expect(() => readConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY=1.*TRUST_PROXY=10\.0\.0\.0\/8/);
  });

  it.each([['yes'], ['10.0.0.0/33'], ['300.1.1.1'], ['11'], ['-1'], ['10.0.0.1/8/9'], ['example.com']])('refuses TRUST_PROXY=%s', (value) => {
    expect(() => readConfig({ TRUST_PROXY: value })).toThrow(/TRUST_PROXY must be false, the number of proxies/);
  });
});
