import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RATE_LIMITS } from '../../app/server/rate-limit.server';
import { startProductionServer, type RunningServer } from '../helpers/server';
import * as adminStaff from '../../app/routes/admin.staff';
import * as forgotPassword from '../../app/routes/forgot-password';
import * as login from '../../app/routes/login';
import * as meEmail from '../../app/routes/me.email';
import * as mePassword from '../../app/routes/me.password';
import * as meVerification from '../../app/routes/me.verification';
import * as orgMembers from '../../app/routes/org.members';
import * as signup from '../../app/routes/signup';

// A refused attempt says when to come back, as the real server answers it: to a form posted without
// JavaScript (HTML) and to the same form posted by the client-side router (/login.data).
let server: RunningServer;
beforeAll(async () => {
  server = await startProductionServer({ SEED_DEMO: 'false' });
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

const post = (path: string, fields: Record<string, string>) =>
  fetch(`${server.url}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields),
  });

describe('429 answers', () => {
  it('carry Retry-After on the HTML page and on the .data request', async () => {
    const email = `nobody-${Date.now()}@example.org`;
    for (let i = 0; i < RATE_LIMITS.signInAccountIp.limit; i++) {
      expect((await post('/login', { email, password: `wrong-${i}-password` })).status).toBe(400);
    }
    const html = await post('/login', { email, password: 'wrong-again' });
    expect(html.status).toBe(429);
    expect(html.headers.get('content-type')).toMatch(/text\/html/);
    expect(Number(html.headers.get('retry-after'))).toBeGreaterThan(60);
    expect(await html.text()).toMatch(/操作太频繁,请 \d+ 分钟后再试/);

    const data = await post('/login.data', { email, password: 'wrong-again' });
    expect(data.status).toBe(429);
    expect(Number(data.headers.get('retry-after'))).toBeGreaterThan(60);
  });
});

describe('every route whose action can answer 429', () => {
  it('keeps the action’s Retry-After (and the parent’s headers)', () => {
    for (const [name, route] of Object.entries({ adminStaff, forgotPassword, login, meEmail, mePassword, meVerification, orgMembers, signup })) {
      expect(typeof route.headers, name).toBe('function');
      const headers = new Headers(
        route.headers({
          actionHeaders: new Headers({ 'Retry-After': '42' }),
          loaderHeaders: new Headers(),
          parentHeaders: new Headers({ Vary: 'Cookie' }),
          errorHeaders: undefined,
        }),
      );
      expect(headers.get('retry-after'), name).toBe('42');
      expect(headers.get('vary'), name).toBe('Cookie');
    }
  });
});
