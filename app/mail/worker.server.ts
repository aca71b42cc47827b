import { Resend } from 'resend';
import { config } from '../platform/config.server';
import { dueMail, markAttemptFailed, markKept, markSent, pruneOutbox } from '../data/outbox.server';
import { logger } from '../platform/logger.server';
import { hasLinkPlaceholders, maskLinks, openTokens, putTokensBack } from './links.server';

export const MAX_ATTEMPTS = 6;
/** 1, 2, 4, 8, 16 minutes between attempts; the sixth failure is final. */
export function backoffMs(attempts: number): number {
  return 60_000 * 2 ** Math.max(0, attempts - 1);
}

/** How long one call to the provider may take before it counts as a failed attempt. */
export const SEND_TIMEOUT_MS = 15_000;

export interface MailTransport {
  /**
   * `idempotencyKey` is the outbox id: when an attempt timed out after the provider had in fact accepted
   * the mail, the retry carries the same key and the provider does not send it a second time.
   */
  send(mail: { from: string; to: string; subject: string; text: string; idempotencyKey: string }): Promise<{ id: string | null }>;
}

export function resendTransport(apiKey: string, timeoutMs = SEND_TIMEOUT_MS): MailTransport {
  const client = new Resend(apiKey);
  return {
    async send({ idempotencyKey, ...mail }) {
      const { data, error } = await client.emails.send(mail, { idempotencyKey, signal: AbortSignal.timeout(timeoutMs) } as Parameters<typeof client.emails.send>[1]);
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
 * Sends what is due. The body's links get their tokens back only here, just before the send; a sent
 * (or given-up) mail keeps no copy of them. Without a transport (no RESEND_API_KEY) the mail is kept in
 * the outbox: /admin/outbox shows it with the links masked, `npm run cli -- outbox:show` with them.
 */
export async function flushOutbox(now: number, transport: MailTransport | null = defaultTransport()): Promise<FlushResult> {
  const result: FlushResult = { sent: 0, failed: 0, kept: 0 };
  for (;;) {
    const batch = dueMail(now);
    if (batch.length === 0) return result;
    if (!transport) {
      if (!config().production) {
        for (const mail of batch) logger.info('mail kept in outbox', { to: mail.toEmail, subject: mail.subject, body: maskLinks(mail.bodyText) });
      }
      markKept(batch.map((m) => m.id));
      result.kept += batch.length;
      continue;
    }
    for (const mail of batch) {
      let text = mail.bodyText;
      if (hasLinkPlaceholders(text)) {
        const tokens = openTokens(mail.linkSecret, mail.id);
        const filled = tokens && putTokensBack(text, tokens);
        if (!filled) {
          // Another key (a restored database without its key file, a changed MAIL_LINK_KEY): the link is lost.
          markAttemptFailed(mail.id, 'the link in this mail cannot be unsealed: the mail link key differs from the one it was sealed with', null);
          logger.warn('mail link cannot be unsealed', { outboxId: mail.id });
          result.failed += 1;
          continue;
        }
        text = filled;
      }
      try {
        const { id } = await transport.send({ from: config().mailFrom, to: mail.toEmail, subject: mail.subject, text, idempotencyKey: mail.id });
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

export const DAY_MS = 24 * 60 * 60_000;

/** Deletes sent, kept and given-up mail older than MAIL_RETENTION_DAYS (default 90). */
export function pruneOldMail(now: number, retentionDays = config().mailRetentionDays): number {
  const pruned = pruneOutbox(now - retentionDays * DAY_MS);
  if (pruned > 0) logger.info('old mail pruned', { pruned, retentionDays });
  return pruned;
}
