import { insertClaim, setClaimStatus, type NewClaim } from '../data/claims.server';
import type { Tx } from '../data/db.server';
import { setWishStatus } from '../data/wishes.server';
import type { ClaimStatus } from '../domain/claim';
import type { WishStatus } from '../domain/wish';
import { writeStatusInsert, writeStatusMove, type OutgoingMail, type StatusMove } from '../server/status-change.server';

// The one writer of wishes.status and claims.status (tests/services/status-writers.test.ts keeps it so).
// The use cases (wishes.server.ts, claims.server.ts) decide with the domain and call these inside their
// transaction; each write is a compare-and-set with its audit event and its mail.

type WishExtra = Parameters<typeof setWishStatus>[4];
type ClaimExtra = Parameters<typeof setClaimStatus>[4];

export function writeWishStatus(tx: Tx, move: StatusMove<WishStatus>, extra: Omit<WishExtra, 'updatedAt'> = {}): void {
  writeStatusMove(tx, 'wish', move, (t, id, from, to) => setWishStatus(t, id, from, to, { ...extra, updatedAt: move.now }));
}

export function writeClaimStatus(tx: Tx, move: StatusMove<ClaimStatus>, extra: Omit<ClaimExtra, 'updatedAt'> = {}): void {
  writeStatusMove(tx, 'claim', move, (t, id, from, to) => setClaimStatus(t, id, from, to, { ...extra, updatedAt: move.now }));
}

/** A new claim, in the status the domain starts it in. */
export function writeNewClaim(
  tx: Tx,
  row: Omit<NewClaim, 'createdAt' | 'updatedAt'> & { status: ClaimStatus },
  audit: { actorId: string; siteId: string; now: number },
  mails: readonly OutgoingMail[],
): void {
  writeStatusInsert(tx, 'claim', { ...audit, id: row.id, status: row.status, action: 'claim', mails }, (t) =>
    insertClaim(t, { ...row, createdAt: audit.now, updatedAt: audit.now }),
  );
}
