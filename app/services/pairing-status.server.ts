import type { Tx } from '../data/db.server';
import {
  insertConcern,
  insertPairing,
  insertVisit,
  setConcernStatus,
  setPairingStatus,
  setVisitStatus,
  type NewConcern,
  type NewPairing,
  type NewVisit,
} from '../data/pairings.server';
import type { ConcernStatus, PairingStatus, VisitStatus } from '../domain/pairing';
import { writeStatusInsert, writeStatusMove, type OutgoingMail, type StatusMove } from '../server/status-change.server';

// The one writer of pairings.status, pairing_visits.status and pairing_concerns.status
// (tests/architecture/status-writers.ts declares them). The use cases (pairings.server.ts and the staff
// side) decide with app/domain/pairing.ts and call these inside their transaction; each write is a
// compare-and-set (or the insert of a new row) with its audit event (entity types 'pairing', 'visit',
// 'concern') and its outbox mail.

type Audit = { actorId: string; siteId: string; now: number };

/** Staff propose a pairing: the row in 'proposed'. A second live pairing of the child fails on the unique index. */
export function writeNewPairing(tx: Tx, row: Omit<NewPairing, 'status' | 'proposedAt'>, audit: Audit, mails: readonly OutgoingMail[]): void {
  writeStatusInsert(tx, 'pairing', { ...audit, id: row.id, status: 'proposed', action: 'propose', mails }, (t) =>
    insertPairing(t, { ...row, status: 'proposed', proposedAt: audit.now }),
  );
}

/** accept, decline, withdraw, end, lapse. */
export function writePairingStatus(tx: Tx, move: StatusMove<PairingStatus>, fields: Parameters<typeof setPairingStatus>[4] = {}): void {
  writeStatusMove(tx, 'pairing', { ...move, conflictKey: move.conflictKey ?? 'pairing.error.changed' }, (t, id, from, to) =>
    setPairingStatus(t, id, from, to, fields),
  );
}

/** The volunteer logs a contact: the row in 'logged'. */
export function writeNewVisit(tx: Tx, row: Omit<NewVisit, 'status' | 'createdAt'>, audit: Audit, mails: readonly OutgoingMail[] = []): void {
  writeStatusInsert(tx, 'visit', { ...audit, id: row.id, status: 'logged', action: 'log_visit', mails }, (t) =>
    insertVisit(t, { ...row, status: 'logged', createdAt: audit.now }),
  );
}

/** confirm_visit, reject_visit. */
export function writeVisitStatus(tx: Tx, move: StatusMove<VisitStatus>, fields: Parameters<typeof setVisitStatus>[4] = {}): void {
  writeStatusMove(tx, 'visit', { ...move, conflictKey: move.conflictKey ?? 'visit.error.changed' }, (t, id, from, to) =>
    setVisitStatus(t, id, from, to, fields),
  );
}

/** The volunteer raises a concern: the row in 'open', mailed at once to the staff of the child's site and county. */
export function writeNewConcern(tx: Tx, row: Omit<NewConcern, 'status' | 'raisedAt'>, audit: Audit, mails: readonly OutgoingMail[]): void {
  writeStatusInsert(tx, 'concern', { ...audit, id: row.id, status: 'open', action: 'raise', mails }, (t) =>
    insertConcern(t, { ...row, status: 'open', raisedAt: audit.now }),
  );
}

/** acknowledge, close_concern. */
export function writeConcernStatus(tx: Tx, move: StatusMove<ConcernStatus>, fields: Parameters<typeof setConcernStatus>[4] = {}): void {
  writeStatusMove(tx, 'concern', { ...move, conflictKey: move.conflictKey ?? 'concern.error.changed' }, (t, id, from, to) =>
    setConcernStatus(t, id, from, to, fields),
  );
}
