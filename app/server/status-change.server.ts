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

/** A move of one object's status from one value to another, as the status writers take it. */
export interface StatusMove<S extends string> {
  id: string;
  from: S;
  to: S;
  /** The audit action: the transition's name. */
  action: string;
  actorId: string | null;
  siteId: string;
  now: number;
  note?: string | null;
  conflictKey?: string;
  mails?: readonly OutgoingMail[];
}

/**
 * A status move written whole: `set` is the compare-and-set of the column (id, from, to), audited
 * under entityType with the move's action, from and to, note and site; the move's mails go out with it.
 */
export function writeStatusMove<S extends string>(
  tx: Tx,
  entityType: string,
  move: StatusMove<S>,
  set: (tx: Tx, id: string, from: S, to: S) => number,
): void {
  writeStatusChange(tx, {
    write: (t) => set(t, move.id, move.from, move.to),
    conflictKey: move.conflictKey,
    audit: {
      at: move.now,
      actorId: move.actorId,
      entityType,
      entityId: move.id,
      action: move.action,
      fromStatus: move.from,
      toStatus: move.to,
      note: move.note ?? null,
      siteId: move.siteId,
    },
    mails: move.mails,
  });
}

/** The insert of a new object in its first status, as the status writers take it. */
export interface StatusInsert<S extends string> {
  id: string;
  status: S;
  /** The audit action: the creating transition's name. */
  action: string;
  actorId: string;
  siteId: string;
  now: number;
  mails?: readonly OutgoingMail[];
}

/** A new object written whole: `insert` writes its row, audited under entityType as the move into its first status. */
export function writeStatusInsert<S extends string>(tx: Tx, entityType: string, created: StatusInsert<S>, insert: (tx: Tx) => void): void {
  writeStatusChange(tx, {
    write: (t) => {
      insert(t);
      return 1;
    },
    audit: { at: created.now, actorId: created.actorId, entityType, entityId: created.id, action: created.action, toStatus: created.status, siteId: created.siteId },
    mails: created.mails,
  });
}
