import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startProductionServer, type RunningServer } from '../helpers/server';

// Through the real production server: the origin check in server.ts and the client address in the load context.
let server: RunningServer;

beforeAll(async () => {
  server = await startProductionServer({ SEED_DEMO: 'false' });
});
afterAll(async () => {
  await server?.stop();
});

function signupBody(email: string) {
  return new URLSearchParams({ email, password: 'Quiet-River-Bridge-42', displayName: 'X', accountType: 'volunteer', website: '' });
}

function count(query: string, ...args: unknown[]): number {
  const db = new Database(server.databasePath, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare(query).get(...args) as { n: number }).n;
  } finally {
    db.close();
  }
}

describe('cross-site requests', () => {
  it('refuses a cross-site POST with 403 and creates nothing', async () => {
    const email = 'cross-site@example.org';
    const attempts: Record<string, string>[] = [{ 'sec-fetch-site': 'cross-site' }, { origin: 'https://evil.example' }, { 'sec-fetch-site': 'same-site' }];
    for (const headers of attempts) {
      const res = await fetch(`${server.url}/signup`, { method: 'POST', body: signupBody(email), headers, redirect: 'manual' });
      expect(res.status).toBe(403);
    }
    expect(count('select count(*) as n from users where email = ?', email)).toBe(0);
    expect(count('select count(*) as n from outbox')).toBe(0);
  });

  it('accepts the same form from the site itself, and the log records the socket address, not X-Forwarded-For', async () => {
    const email = 'same-site@example.org';
    const res = await fetch(`${server.url}/signup`, {
      method: 'POST',
      body: signupBody(email),
      headers: { 'sec-fetch-site': 'same-origin', origin: server.url, 'x-forwarded-for': '6.6.6.6' },
      redirect: 'manual',
    });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/signup?sent=1');
    expect(count('select count(*) as n from users where email = ?', email)).toBe(1);
    expect(count("select count(*) as n from security_events where type = 'sign_up' and ip = '127.0.0.1'")).toBe(1);
    expect(count("select count(*) as n from security_events where ip = '6.6.6.6'")).toBe(0);
  });

  it('does not sign out on GET', async () => {
    const res = await fetch(`${server.url}/logout`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('set-cookie')).toBeNull();
  });
});
