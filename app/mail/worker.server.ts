import { Resend } from 'resend';
import { config } from '../platform/config.server';
import { dueMail, markAttemptFailed, markKept, markSent } from '../data/outbox.server';
import { logger } from '../platform/logger.server';

export const MAX_ATTEMPTS = 6;
/** 1, 2, 4, 8, 16 minutes between attempts; the sixth failure is final. */
export function backoffMs(attempts: number): number {
  return 60_000 * 2 ** Math.max(0, attempts - 1);
}

export interface MailTransport {
  send(mail: { from: string; to: string; subject: string; text: string }): Promise<{ id: string | null }>;
}

export function resendTransport(apiKey: string): MailTransport {
  const client = new Resend(apiKey);
  return {
    async send(mail) {
      const { data, error } = await client.emails.send(mail);
      if (error) throw new Error(`${error.name}: ${error.message}`);
      return { id: data?.id ?? null };
    },
  };
}

export interface FlushResult {
  sent: number;
  failed: number;
  kept: number;
}

/**
 * Sends what is due. Without a transport (no RESEND_API_KEY) the mail is kept in the outbox,
 * readable at /admin/outbox, and logged in development.
 */
export async function flushOutbox(now: number, transport: MailTransport | null = defaultTransport()): Promise<FlushResult> {
  const result: FlushResult = { sent: 0, failed: 0, kept: 0 };
  for (;;) {
    const batch = dueMail(now);
    if (batch.length === 0) return result;
    if (!transport) {
      if (!config().production) {
        for (const mail of batch) logger.info('mail kept in outbox', { to: mail.toEmail, subject: mail.subject, body: mail.bodyText });
      }
      markKept(batch.map((m) => m.id));
      result.kept += batch.length;
      continue;
    }
    for (const mail of batch) {
      try {
        const { id } = await transport.send({ from: config().mailFrom, to: mail.toEmail, subject: mail.subject, text: mail.bodyText });
        markSent(mail.id, Date.now(), id);
        result.sent += 1;
      } catch (error) {
        const attempts = mail.attempts + 1;
        const next = attempts >= MAX_ATTEMPTS ? null : now + backoffMs(attempts);
        markAttemptFailed(mail.id, error instanceof Error ? error.message : String(error), next);
        logger.warn('mail send failed', { outboxId: mail.id, attempts, final: next === null });
        result.failed += 1;
      }
    }
    // Failed mail is rescheduled into the future, so the loop ends.
  }
}

function defaultTransport(): MailTransport | null {
  const key = config().resendApiKey;
  return key ? resendTransport(key) : null;
}
