import type { Tx } from '../data/db.server';
import { insertSignup, setSignupStatus, type NewSignup } from '../data/signups.server';
import type { SignupStatus } from '../domain/signup';
import { writeStatusInsert, writeStatusMove, type OutgoingMail, type StatusMove } from '../server/status-change.server';

// The one writer of slot_signups.status (tests/architecture/status-writers.ts declares it). The use
// cases (signups.server.ts) decide with app/domain/signup.ts and call these inside their transaction;
// each write is a compare-and-set (or the insert of a new row) with its audit event and its mail.

/** A move of a sign-up's status; the action is the transition's name (signup, cancel, offer, accept_offer, decline_offer, expire_offer). */
export type SignupMove = StatusMove<SignupStatus>;

type Fields = Omit<Parameters<typeof setSignupStatus>[4], 'updatedAt'>;

export function writeSignupStatus(tx: Tx, move: SignupMove, fields: Fields = {}): void {
  writeStatusMove(tx, 'signup', { ...move, conflictKey: move.conflictKey ?? 'signup.error.changed' }, (t, id, from, to) =>
    setSignupStatus(t, id, from, to, { ...fields, updatedAt: move.now }),
  );
}

/** A person's first sign-up for a slot, in the status the domain decided. */
export function writeNewSignup(
  tx: Tx,
  row: Omit<NewSignup, 'createdAt' | 'updatedAt'> & { status: 'confirmed' | 'waitlisted' },
  audit: { actorId: string; siteId: string; now: number },
  mails: readonly OutgoingMail[],
): void {
  writeStatusInsert(tx, 'signup', { ...audit, id: row.id, status: row.status, action: 'signup', mails }, (t) =>
    insertSignup(t, { ...row, createdAt: audit.now, updatedAt: audit.now }),
  );
}
