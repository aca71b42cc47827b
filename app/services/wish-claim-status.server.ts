import { insertClaim, setClaimStatus, type NewClaim } from '../data/claims.server';
import type { Tx } from '../data/db.server';
import { setWishStatus } from '../data/wishes.server';
import type { ClaimStatus } from '../domain/claim';
import type { WishStatus } from '../domain/wish';
import { writeStatusChange, type OutgoingMail } from '../server/status-change.server';

// The one writer of wishes.status and claims.status (tests/services/status-writers.test.ts keeps it so).
// The use cases (wishes.server.ts, claims.server.ts) decide with the domain and call these inside their
// transaction; each write is a compare-and-set with its audit event and its mail.

interface Move<S> {
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

type WishExtra = Parameters<typeof setWishStatus>[4];
type ClaimExtra = Parameters<typeof setClaimStatus>[4];

export function writeWishStatus(tx: Tx, move: Move<WishStatus>, extra: Omit<WishExtra, 'updatedAt'> = {}): void {
  writeStatusChange(tx, {
    write: (t) => setWishStatus(t, move.id, move.from, move.to, { ...extra, updatedAt: move.now }),
    conflictKey: move.conflictKey,
    audit: auditOf('wish', move),
    mails: move.mails,
  });
}

export function writeClaimStatus(tx: Tx, move: Move<ClaimStatus>, extra: Omit<ClaimExtra, 'updatedAt'> = {}): void {
  writeStatusChange(tx, {
    write: (t) => setClaimStatus(t, move.id, move.from, move.to, { ...extra, updatedAt: move.now }),
    conflictKey: move.conflictKey,
    audit: auditOf('claim', move),
    mails: move.mails,
  });
}

/** A new claim, in the status the domain starts it in. */
export function writeNewClaim(
  tx: Tx,
  row: Omit<NewClaim, 'createdAt' | 'updatedAt'> & { status: ClaimStatus },
  audit: { actorId: string; siteId: string; now: number },
  mails: readonly OutgoingMail[],
): void {
  writeStatusChange(tx, {
    write: (t) => {
      insertClaim(t, { ...row, createdAt: audit.now, updatedAt: audit.now });
      return 1;
    },
    audit: { at: audit.now, actorId: audit.actorId, entityType: 'claim', entityId: row.id, action: 'claim', toStatus: row.status, siteId: audit.siteId },
    mails,
  });
}

function auditOf(entityType: 'wish' | 'claim', move: Move<string>) {
  return {
    at: move.now,
    actorId: move.actorId,
    entityType,
    entityId: move.id,
    action: move.action,
    fromStatus: move.from,
    toStatus: move.to,
    note: move.note ?? null,
    siteId: move.siteId,
  };
}
