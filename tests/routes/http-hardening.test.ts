import Database from 'better-sqlite3';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startProductionServer, type RunningServer } from '../helpers/server';

// Issue 8 through the real production server: what a hostile client sends before a page ever runs.
let server: RunningServer;
let proxied: RunningServer;

beforeAll(async () => {
  [server, proxied] = await Promise.all([
    startProductionServer({ SEED_DEMO: 'true' }),
    startProductionServer({ SEED_DEMO: 'false', TRUST_PROXY: '1', APP_URL: 'https://wishbridge.example' }),
  ]);
});
afterAll(async () => {
  await Promise.all([server?.stop(), proxied?.stop()]);
});

const form = (fields: Record<string, string>) => new URLSearchParams(fields);

function count(file: string, query: string, ...args: unknown[]): number {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare(query).get(...args) as { n: number }).n;
  } finally {
    db.close();
  }
}

async function signIn(email: string): Promise<string> {
  const res = await fetch(`${server.url}/login`, { method: 'POST', body: form({ email, password: 'demo-password', redirectTo: '' }), redirect: 'manual' });
  expect(res.status).toBe(302);
  return res.headers.get('set-cookie')!.split(';')[0];
}

/**
 * Writes raw bytes to the server and resolves with the first response line and headers, as soon as they
 * arrive, without ending the request: a server that waited for the whole body would never answer.
 */
function rawRequest(url: string, head: string, body: Buffer | string = ''): Promise<{ status: number; head: string; body: string }> {
  const { port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), '127.0.0.1');
    let received = '';
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer; got ${JSON.stringify(received.slice(0, 200))}`));
    }, 10_000);
    socket.on('data', (chunk) => {
      received += chunk.toString('utf8');
      const end = received.indexOf('\r\n\r\n');
      if (end === -1 || !/<\/html>|\r\n0\r\n/.test(received.slice(end))) return;
      clearTimeout(timer);
      socket.destroy();
      resolve({ status: Number(received.split(' ')[1]), head: received.slice(0, end), body: received.slice(end + 4) });
    });
    socket.on('error', () => {});
    socket.write(head.replace(/\n/g, '\r\n') + '\r\n');
    if (body.length) socket.write(body);
  });
}

const PLAIN_PAGE = /<!doctype html>[\s\S]*<h1>/i;

describe('item 2: request bodies are limited before parsing', () => {
  it('answers a declared 100 MiB body with 413 at once, before reading it, in the visitor language', async () => {
    const host = new URL(server.url).host;
    const res = await rawRequest(
      server.url,
      `POST /login HTTP/1.1\nHost: ${host}\nContent-Type: application/x-www-form-urlencoded\nContent-Length: ${100 * 1024 * 1024}\nCookie: lang=en\n`,
      'email=a',
    );
    expect(res.status).toBe(413);
    expect(res.head).toMatch(/connection: close/i);
    expect(res.body).toMatch(PLAIN_PAGE);
    expect(res.body).toContain('Too much to send');
  });

  it('counts a chunked body as it streams and answers 413 once it passes the limit, without waiting for its end', async () => {
    const host = new URL(server.url).host;
    const chunk = 'a'.repeat(8 * 1024);
    const chunks = Array.from({ length: 5 }, () => `${chunk.length.toString(16)}\r\n${chunk}\r\n`).join(''); // 40 KiB, no last chunk
    const res = await rawRequest(server.url, `POST /signup HTTP/1.1\nHost: ${host}\nContent-Type: application/x-www-form-urlencoded\nTransfer-Encoding: chunked\n`, chunks);
    expect(res.status).toBe(413);
    expect(res.body).toContain('提交的内容太多');
  });

  it('accepts an ordinary form under the limit, and a child record up to its larger limit', async () => {
    const small = await fetch(`${server.url}/login`, { method: 'POST', body: form({ email: 'nobody@example.org', password: 'x'.repeat(10_000) }) });
    expect(small.status).toBe(400); // the form's own answer: too long a password, wrong sign-in
    const over = await fetch(`${server.url}/login`, { method: 'POST', body: form({ email: 'nobody@example.org', password: 'x'.repeat(20_000) }) });
    expect(over.status).toBe(413);
    // 40 kB to the child form reaches the page (which sends the anonymous visitor to sign in).
    const child = await fetch(`${server.url}/staff/children`, { method: 'POST', body: form({ notes: 'x'.repeat(40_000) }), redirect: 'manual' });
    expect(child.status).toBe(302);
    expect(child.headers.get('location')).toMatch(/^\/login/);
  });
});

describe('item 4: nothing personal is cacheable', () => {
  it('sends no-store on every page and .data reply to a signed-in person, and on .data replies', async () => {
    const cookie = await signIn('staff@demo.local');
    for (const path of ['/staff/children', '/staff/children.data', '/staff', '/me', '/', '/wishes']) {
      const res = await fetch(`${server.url}${path}`, { headers: { cookie }, redirect: 'manual' });
      expect(res.status, path).toBe(200);
      expect(res.headers.get('cache-control'), path).toBe('no-store');
    }
    const anonymousData = await fetch(`${server.url}/wishes.data`);
    expect(anonymousData.headers.get('cache-control')).toBe('no-store');
    const invitation = await fetch(`${server.url}/invite/not-a-token`);
    expect(invitation.headers.get('cache-control')).toBe('no-store');
  });
});

describe('item 6: X-Forwarded-For is believed only from trusted proxies', () => {
  it('with TRUST_PROXY=1 takes the address the proxy appended, not the leftmost one the client wrote', async () => {
    const email = 'behind-proxy@example.org';
    const res = await fetch(`${proxied.url}/signup`, {
      method: 'POST',
      body: form({ email, password: 'Quiet-River-Bridge-42', displayName: 'P', accountType: 'volunteer', website: '' }),
      headers: { 'x-forwarded-for': '6.6.6.6, 7.7.7.7' },
      redirect: 'manual',
    });
    expect(res.status).toBe(302);
    expect(count(proxied.databasePath, "select count(*) as n from security_events where type = 'sign_up' and ip = '7.7.7.7'")).toBe(1);
    expect(count(proxied.databasePath, "select count(*) as n from security_events where ip = '6.6.6.6'")).toBe(0);
  });
});

describe('item 7: bad requests get a 4xx plain page, never a 500', () => {
  it.each([
    ['JSON', { 'content-type': 'application/json' }, '{"email":"a@b.cd"}', 415],
    ['text/plain', { 'content-type': 'text/plain' }, 'email=a@b.cd', 415],
    ['no content type', {}, new Uint8Array([1, 2, 3]), 415],
    ['multipart with a wrong boundary', { 'content-type': 'multipart/form-data; boundary=nope' }, '--other\r\n\r\nx\r\n--other--', 400],
    ['multipart without a boundary', { 'content-type': 'multipart/form-data' }, 'x', 400],
    ['same-origin fetch site with a foreign Origin', { 'sec-fetch-site': 'same-origin', origin: 'http://evil.example', 'content-type': 'application/x-www-form-urlencoded' }, 'email=a', 403],
  ] as const)('%s → %i', async (_label, headers, body, status) => {
    const res = await fetch(`${server.url}/login`, { method: 'POST', headers, body });
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await res.text()).toMatch(PLAIN_PAGE);
  });

  it('ignores an X-Forwarded-Host from a client when no proxy is trusted', async () => {
    const res = await fetch(`${server.url}/login`, {
      method: 'POST',
      headers: { origin: server.url, 'x-forwarded-host': 'evil.example' },
      body: form({ email: 'nobody@example.org', password: 'wrong-password' }),
    });
    expect(res.status).toBe(400); // the form's wrong-password answer
  });

  it('refuses an absolute-form request line with 400, without a stack on stderr', async () => {
    const res = await rawRequest(server.url, 'POST http://evil/login HTTP/1.1\nHost: evil\nContent-Type: application/x-www-form-urlencoded\nContent-Length: 3\n', 'a=b');
    expect(res.status).toBe(400);
    expect(res.body).toMatch(PLAIN_PAGE);
    const bad = await rawRequest(server.url, 'GET / HTTP/1.1\nHost: exa mple/../\n');
    expect(bad.status).toBe(400);
  });

  it('refuses ?_data= (not used with single fetch) with 400, and logs 4xx refusals as warnings, not as unexpected errors', async () => {
    const before = server.output().length;
    const data = await fetch(`${server.url}/?_data=root`);
    expect(data.status).toBe(400);
    const noAction = await fetch(`${server.url}/`, { method: 'POST', body: form({ a: 'b' }) });
    expect(noAction.status).toBe(405);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const log = server.output().slice(before);
    expect(log).toContain('"level":"warn","message":"request refused"');
    expect(log).not.toContain('unexpected error');
    expect(log).not.toMatch(/^\s+at /m);
  });

  it('wrote no error and no stack trace in the whole run', () => {
    expect(server.output()).not.toContain('"level":"error"');
    expect(server.output()).not.toMatch(/^\s+at /m);
  });
});

describe('item 8: HSTS', () => {
  it('is sent when APP_URL is https, and not on a plain http site', async () => {
    const https = await fetch(`${proxied.url}/`);
    expect(https.headers.get('strict-transport-security')).toBe('max-age=31536000');
    const plain = await fetch(`${server.url}/`);
    expect(plain.headers.get('strict-transport-security')).toBeNull();
  });
});

describe('item 13: methods and origins', () => {
  it.each(['PUT', 'PATCH', 'DELETE', 'OPTIONS'])('answers %s with 405 and Allow, running no action', async (method) => {
    const email = `${method.toLowerCase()}-method@example.org`;
    const res = await fetch(`${server.url}/signup`, {
      method,
      body: form({ email, password: 'Quiet-River-Bridge-42', displayName: 'M', accountType: 'volunteer', website: '' }),
      redirect: 'manual',
    });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD, POST');
    expect(count(server.databasePath, 'select count(*) as n from users where email = ?', email)).toBe(0);
  });

  it('compares the scheme and port of Origin too: https:// or another port is not this http site', async () => {
    const { port } = new URL(server.url);
    for (const origin of [`https://127.0.0.1:${port}`, `http://127.0.0.1:${Number(port) + 1}`, 'http://127.0.0.1']) {
      const res = await fetch(`${server.url}/login`, { method: 'POST', headers: { origin }, body: form({ email: 'a@b.cd', password: 'x' }) });
      expect(res.status, origin).toBe(403);
    }
    const same = await fetch(`${server.url}/login`, { method: 'POST', headers: { origin: server.url }, body: form({ email: 'a@b.cd', password: 'x' }) });
    expect(same.status).toBe(400);
  });

  it('behind the trusted proxy accepts the public https origin that X-Forwarded-Proto and -Host name', async () => {
    const res = await fetch(`${proxied.url}/login`, {
      method: 'POST',
      headers: { origin: 'https://wishbridge.example', 'x-forwarded-proto': 'https', 'x-forwarded-host': 'wishbridge.example' },
      body: form({ email: 'a@b.cd', password: 'x' }),
    });
    expect(res.status).toBe(400);
    const evil = await fetch(`${proxied.url}/login`, {
      method: 'POST',
      headers: { origin: 'https://evil.example', 'x-forwarded-proto': 'https', 'x-forwarded-host': 'wishbridge.example' },
      body: form({ email: 'a@b.cd', password: 'x' }),
    });
    expect(evil.status).toBe(403);
    expect(proxied.output()).not.toContain('"level":"error"');
  });
});
