import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../helpers/db';
import { callRoute, uniq } from '../helpers/accounts';
import * as signupRoute from '../../app/routes/signup';
import { backoffMs, flushOutbox, resendTransport } from '../../app/mail/worker.server';
import { hashMailToken } from '../../app/auth/tokens.server';

// Mail outage: a fake Resend on 127.0.0.1 (the SDK honours RESEND_BASE_URL) that fails, then times out
// after accepting the mail, then recovers. Every mail must be sent exactly once, and the sign-ups that
// caused the mail stay committed.

const { db } = useTestDatabase('mail-outage');
const sql = <T>(query: string, ...args: unknown[]) => db.$client.prepare(query).all(...args) as T[];

type Mode = 'fail' | 'timeout' | 'ok';
/** What the fake provider delivered (what a recipient would get), per idempotency key. */
const delivered: { key: string | null; to: string; text: string }[] = [];
const answers = new Map<string, string>();
let requests = 0;
let mode: Mode = 'fail';
let provider: http.Server;
let baseUrl = '';

beforeAll(async () => {
  provider = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      requests += 1;
      if (req.method !== 'POST' || req.url !== '/emails') return void res.writeHead(404).end();
      if (mode === 'fail') return void res.writeHead(503, { 'content-type': 'application/json' }).end(JSON.stringify({ name: 'internal_server_error', message: 'down' }));
      const key = (req.headers['idempotency-key'] as string | undefined) ?? null;
      // As Resend does: a key seen before answers the first result and sends nothing again.
      let id = key ? answers.get(key) : undefined;
      if (!id) {
        const mail = JSON.parse(body) as { to: string | string[]; text: string };
        id = `prov-${delivered.length + 1}`;
        delivered.push({ key, to: String(mail.to), text: mail.text });
        if (key) answers.set(key, id);
      }
      const answer = () => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id }));
      // Accepted, but the answer comes after the client gave up.
      if (mode === 'timeout') setTimeout(answer, 1_500);
      else answer();
    });
  });
  await new Promise<void>((resolve) => provider.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(provider.address() as AddressInfo).port}`;
  process.env.RESEND_BASE_URL = baseUrl;
});
afterAll(async () => {
  delete process.env.RESEND_BASE_URL;
  provider.closeAllConnections();
  await new Promise((resolve) => provider.close(resolve));
});

describe('mail outage against a fake Resend', () => {
  it('sends every mail exactly once through failures and timeouts, and rolls back no sign-up', { timeout: 60_000 }, async () => {
    const emails = Array.from({ length: 8 }, () => `${uniq('outage')}@example.org`);
    for (const email of emails) {
      const res = await callRoute(signupRoute.action, {
        url: '/signup',
        form: { email, password: 'Quiet-River-Bridge-42', displayName: '张晓', accountType: 'volunteer', website: '' },
        ip: '198.51.100.7',
      });
      expect(res.status, email).toBe(302);
    }
    const transport = resendTransport('re_test_key', 300);
    let now = Date.now() + 1_000;

    mode = 'fail';
    const down = await flushOutbox(now, transport);
    expect(down).toMatchObject({ sent: 0, failed: emails.length });
    expect(delivered).toHaveLength(0);

    mode = 'timeout';
    now += backoffMs(1);
    const slow = await flushOutbox(now, transport);
    expect(slow).toMatchObject({ sent: 0, failed: emails.length });
    // The provider accepted every mail although the worker saw a timeout.
    expect(delivered).toHaveLength(emails.length);

    mode = 'ok';
    now += backoffMs(2);
    const back = await flushOutbox(now, transport);
    expect(back).toMatchObject({ sent: emails.length, failed: 0 });
    expect(await flushOutbox(now + backoffMs(6), transport)).toMatchObject({ sent: 0, failed: 0 });

    // Exactly once per mail: no second delivery for the retry after the timeout.
    const rows = sql<{ id: string; to_email: string; status: string; attempts: number; link_secret: string | null; provider_id: string }>(
      `select * from outbox where to_email in (${emails.map(() => '?').join(',')})`,
      ...emails,
    );
    expect(rows).toHaveLength(emails.length);
    for (const row of rows) {
      expect(row).toMatchObject({ status: 'sent', attempts: 3, link_secret: null });
      const copies = delivered.filter((d) => d.key === row.id);
      expect(copies, row.to_email).toHaveLength(1);
      expect(row.provider_id).toBe(answers.get(row.id));
      // The recipient got a working link: its token's hash is the live verification token.
      const token = copies[0].text.match(/verify-email\?token=([a-z2-7]{32})/)![1];
      expect(sql('select * from tokens where token_hash = ? and used_at is null', hashMailToken(token))).toHaveLength(1);
    }
    expect(new Set(delivered.map((d) => d.key)).size).toBe(delivered.length);
    expect(requests).toBe(emails.length * 3);

    // No state change was rolled back: every account that signed up is there.
    expect(sql(`select id from users where email in (${emails.map(() => '?').join(',')})`, ...emails)).toHaveLength(emails.length);
  });
});
