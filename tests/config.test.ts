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
});
