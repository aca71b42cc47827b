import type { Tx } from '../data/db.server';
import { insertSignup, setSignupStatus, type NewSignup } from '../data/signups.server';
import type { SignupStatus } from '../domain/signup';
import { writeStatusChange, type OutgoingMail } from '../server/status-change.server';

// The one writer of slot_signups.status (tests/architecture/status-writers.ts declares it). The use
// cases (signups.server.ts) decide with app/domain/signup.ts and call these inside their transaction;
// each write is a compare-and-set (or the insert of a new row) with its audit event and its mail.

export interface SignupMove {
  id: string;
  from: SignupStatus;
  to: SignupStatus;
  /** The audit action: the transition's name (signup, cancel, offer, accept_offer, decline_offer, expire_offer). */
  action: string;
  actorId: string | null;
  siteId: string;
  now: number;
  note?: string | null;
  conflictKey?: string;
  mails?: readonly OutgoingMail[];
}

type Fields = Omit<Parameters<typeof setSignupStatus>[4], 'updatedAt'>;

export function writeSignupStatus(tx: Tx, move: SignupMove, fields: Fields = {}): void {
  writeStatusChange(tx, {
    write: (t) => setSignupStatus(t, move.id, move.from, move.to, { ...fields, updatedAt: move.now }),
    conflictKey: move.conflictKey ?? 'signup.error.changed',
    audit: {
      at: move.now,
      actorId: move.actorId,
      entityType: 'signup',
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

/** A person's first sign-up for a slot, in the status the domain decided. */
export function writeNewSignup(
  tx: Tx,
  row: Omit<NewSignup, 'createdAt' | 'updatedAt'> & { status: 'confirmed' | 'waitlisted' },
  audit: { actorId: string; siteId: string; now: number },
  mails: readonly OutgoingMail[],
): void {
  writeStatusChange(tx, {
    write: (t) => {
      insertSignup(t, { ...row, createdAt: audit.now, updatedAt: audit.now });
      return 1;
    },
    audit: { at: audit.now, actorId: audit.actorId, entityType: 'signup', entityId: row.id, action: 'signup', toStatus: row.status, siteId: audit.siteId },
    mails,
  });
}
