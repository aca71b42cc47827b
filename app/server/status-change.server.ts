import { recordAudit, type AuditInput } from '../data/audit.server';
import type { Tx } from '../data/db.server';
import type { Locale } from '../i18n/locale';
import { enqueueMail } from '../mail/send.server';
import type { MailParams } from '../mail/templates/index';
import { refuseUnlessChanged } from './tx.server';

export interface OutgoingMail {
  to: string;
  template: string;
  locale: Locale;
  params: MailParams;
}

export interface StatusChange {
  /** The compare-and-set write of the status (`WHERE id = ? AND status = ?`): rows changed, or whether one did. */
  write: (tx: Tx) => number | boolean;
  /** The message of the conflict when the write changed nothing (someone moved the object first). */
  conflictKey?: string;
  audit: AuditInput;
  mails?: readonly OutgoingMail[];
}

/**
 * One status change, written whole inside the caller's transaction: the compare-and-set, its audit
 * event and its outbox mail. A lost compare-and-set throws a Refusal, which rolls back the whole
 * transaction (the other aggregate's change included).
 */
export function writeStatusChange(tx: Tx, change: StatusChange): void {
  const written = change.write(tx);
  refuseUnlessChanged(typeof written === 'boolean' ? (written ? 1 : 0) : written, change.conflictKey);
  recordAudit(tx, change.audit);
  for (const mail of change.mails ?? []) enqueueMail(tx, mail, change.audit.at);
}
