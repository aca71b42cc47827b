import { insertActivity, setActivityStatus, setSlotStatus, type NewActivity } from '../data/activities.server';
import type { Tx } from '../data/db.server';
import type { ActivityStatus, SlotStatus } from '../domain/activity';
import { writeStatusInsert, writeStatusMove, type StatusMove } from '../server/status-change.server';

// The one writer of activities.status and slots.status (tests/status-writers.test.ts keeps it so).
// The use cases (activity-proposals.server.ts, activity-slots.server.ts) decide with the domain and call these inside their transaction;
// each write is a compare-and-set with its audit event and its mail.

type ActivityExtra = Omit<Parameters<typeof setActivityStatus>[4], 'updatedAt'>;
type SlotExtra = Parameters<typeof setSlotStatus>[4];

export function writeActivityStatus(tx: Tx, move: StatusMove<ActivityStatus>, extra: ActivityExtra = {}): void {
  writeStatusMove(tx, 'activity', move, (t, id, from, to) => setActivityStatus(t, id, from, to, { ...extra, updatedAt: move.now }));
}

export function writeSlotStatus(tx: Tx, move: StatusMove<SlotStatus>, extra: SlotExtra = {}): void {
  writeStatusMove(tx, 'slot', move, (t, id, from, to) => setSlotStatus(t, id, from, to, extra));
}

/** A new activity, always a draft (staff who create and approve at once take the approve step next). */
export function writeNewActivity(tx: Tx, row: Omit<NewActivity, 'status' | 'createdAt' | 'updatedAt'>, audit: { actorId: string; now: number }): void {
  writeStatusInsert(tx, 'activity', { ...audit, id: row.id!, status: 'draft', action: 'create', siteId: row.siteId }, (t) =>
    insertActivity(t, { ...row, status: 'draft', createdAt: audit.now, updatedAt: audit.now }),
  );
}
