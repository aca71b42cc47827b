import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../helpers/db';
import { writeTx } from '../../app/data/db.server';
import { getOutboxMail, listOutbox } from '../../app/data/outbox.server';
import { enqueueMail } from '../../app/mail/send.server';
import { backoffMs, flushOutbox, MAX_ATTEMPTS, type MailTransport } from '../../app/mail/worker.server';

useTestDatabase('mail');

function queue(to: string, now: number) {
  return writeTx((tx) => enqueueMail(tx, { to, template: 'test', locale: 'en', params: { note: 'hello' } }, now));
}

describe('outbox worker', () => {
  it('keeps mail in the outbox when there is no mail provider', async () => {
    const id = queue('Kept@Example.org', 1_000);
    const result = await flushOutbox(2_000, null);
    expect(result.kept).toBeGreaterThanOrEqual(1);
    const mail = getOutboxMail(id)!;
    expect(mail.status).toBe('kept');
    expect(mail.toEmail).toBe('kept@example.org');
    expect(mail.bodyText).toContain('hello');
    expect(listOutbox(10).map((m) => m.id)).toContain(id);
  });

  it('sends through the transport and records the provider id', async () => {
    const id = queue('sent@example.org', 1_000);
    const sent: string[] = [];
    const transport: MailTransport = { send: async (m) => (sent.push(m.to), { id: 'prov-1' }) };
    const result = await flushOutbox(2_000, transport);
    expect(result.sent).toBe(1);
    expect(sent).toEqual(['sent@example.org']);
    expect(getOutboxMail(id)).toMatchObject({ status: 'sent', providerId: 'prov-1', attempts: 1 });
  });

  it('retries a failed send with back-off, and gives up after the last attempt without losing the mail', async () => {
    const id = queue('flaky@example.org', 0);
    const failing: MailTransport = { send: async () => Promise.reject(new Error('503 from provider')) };
    let now = 0;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const r = await flushOutbox(now, failing);
      expect(r.failed, `attempt ${attempt}`).toBe(1);
      const mail = getOutboxMail(id)!;
      expect(mail.attempts).toBe(attempt);
      expect(mail.lastError).toContain('503');
      if (attempt < MAX_ATTEMPTS) {
        expect(mail.status).toBe('pending');
        expect(mail.nextAttemptAt).toBe(now + backoffMs(attempt));
        // Not due again before the back-off has passed.
        expect((await flushOutbox(mail.nextAttemptAt - 1, failing)).failed).toBe(0);
        now = mail.nextAttemptAt;
      } else {
        expect(mail.status).toBe('failed');
      }
    }
    expect(backoffMs(1)).toBe(60_000);
    expect(backoffMs(3)).toBe(240_000);
  });
});
