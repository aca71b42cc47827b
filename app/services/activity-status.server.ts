import { insertActivity, setActivityStatus, setSlotStatus, type NewActivity } from '../data/activities.server';
import type { Tx } from '../data/db.server';
import type { ActivityStatus, SlotStatus } from '../domain/activity';
import { writeStatusChange, type OutgoingMail } from '../server/status-change.server';

// The one writer of activities.status and slots.status (tests/status-writers.test.ts keeps it so).
// The use cases (activities.server.ts) decide with the domain and call these inside their transaction;
// each write is a compare-and-set with its audit event and its mail.

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

type ActivityExtra = Omit<Parameters<typeof setActivityStatus>[4], 'updatedAt'>;
type SlotExtra = Parameters<typeof setSlotStatus>[4];

export function writeActivityStatus(tx: Tx, move: Move<ActivityStatus>, extra: ActivityExtra = {}): void {
  writeStatusChange(tx, {
    write: (t) => setActivityStatus(t, move.id, move.from, move.to, { ...extra, updatedAt: move.now }),
    conflictKey: move.conflictKey,
    audit: auditOf('activity', move),
    mails: move.mails,
  });
}

export function writeSlotStatus(tx: Tx, move: Move<SlotStatus>, extra: SlotExtra = {}): void {
  writeStatusChange(tx, {
    write: (t) => setSlotStatus(t, move.id, move.from, move.to, extra),
    conflictKey: move.conflictKey,
    audit: auditOf('slot', move),
    mails: move.mails,
  });
}

/** A new activity, always a draft (staff who create and approve at once take the approve step next). */
export function writeNewActivity(tx: Tx, row: Omit<NewActivity, 'status' | 'createdAt' | 'updatedAt'>, audit: { actorId: string; now: number }): void {
  writeStatusChange(tx, {
    write: (t) => {
      insertActivity(t, { ...row, status: 'draft', createdAt: audit.now, updatedAt: audit.now });
      return 1;
    },
    audit: { at: audit.now, actorId: audit.actorId, entityType: 'activity', entityId: row.id!, action: 'create', toStatus: 'draft', siteId: row.siteId },
  });
}

function auditOf(entityType: 'activity' | 'slot', move: Move<string>) {
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
