import { queueMail } from '../data/outbox.server';
import type { Tx } from '../data/db.server';
import type { Locale } from '../i18n/locale';
import { renderMail, type MailParams } from './templates/index';

/** Renders a mail and writes it to the outbox inside the caller's transaction. */
export function enqueueMail(
  tx: Tx,
  mail: { to: string; template: string; locale: Locale; params: MailParams },
  now: number,
): string {
  const rendered = renderMail(mail.template, mail.locale, mail.params);
  return queueMail(tx, { toEmail: mail.to.toLowerCase(), template: mail.template, locale: mail.locale, ...rendered }, now);
}
