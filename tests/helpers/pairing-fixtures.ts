// Pairings for service tests, written straight into the database: a child of a site, a caring parent,
// a pairing in any status, a contact log and a concern.
import { eq } from 'drizzle-orm';
import { schema, type DB } from '../../db/client';
import { newId } from '../../app/data/ids.server';
import { createUser, uniq } from './accounts';

const DAY = 24 * 3_600_000;

export const CHILD_REAL_NAME = '王小禾';
export const CHILD_BIRTH = '2015-05-01';

export function addChild(db: DB, siteId: string, over: Partial<typeof schema.children.$inferInsert> = {}, now = Date.now()): string {
  const id = newId();
  db.insert(schema.children)
    .values({ id, siteId, realName: CHILD_REAL_NAME, birthDate: CHILD_BIRTH, gender: 'female', category: 'left_behind', guardian: '王奶奶', notes: '住在高闸镇韩桥村', alias: `小禾${uniq('')}`, createdAt: now, ...over })
    .run();
  return id;
}

/** An approved caring parent (vetted for one-to-one) of this county. */
export function caringParent(db: DB, countySiteId: string, over: { recheckDueAt?: number | null; caringParent?: boolean; status?: 'approved' | 'pending' } = {}) {
  return createUser(db, { volunteer: { status: over.status ?? 'approved', countySiteId, caringParent: over.caringParent ?? true } }).then((u) => {
    if (over.recheckDueAt !== undefined) db.update(schema.volunteers).set({ recheckDueAt: over.recheckDueAt }).where(eqUser(u.id)).run();
    return u;
  });
}

const eqUser = (id: string) => eq(schema.volunteers.userId, id);

export function addPairing(
  db: DB,
  row: { childId: string; siteId: string; volunteerUserId: string; status?: 'proposed' | 'active' | 'ended'; startedAt?: number | null; createdBy?: string | null },
  now = Date.now(),
): string {
  const id = newId();
  const status = row.status ?? 'active';
  db.insert(schema.pairings)
    .values({
      id,
      childId: row.childId,
      siteId: row.siteId,
      volunteerUserId: row.volunteerUserId,
      status,
      proposedAt: now - 60 * DAY,
      startedAt: row.startedAt !== undefined ? row.startedAt : status === 'proposed' ? null : now - 50 * DAY,
      endedAt: status === 'ended' ? now - DAY : null,
      agreementSignedOn: '2025-01-10',
      agreementWitness: '马老师',
      createdBy: row.createdBy ?? null,
    })
    .run();
  return id;
}

export function addVisit(db: DB, pairingId: string, over: Partial<typeof schema.pairingVisits.$inferInsert> = {}, now = Date.now()): string {
  const id = newId();
  db.insert(schema.pairingVisits)
    .values({ id, pairingId, kind: 'home_visit', happenedAt: now - 3 * DAY, minutes: 90, note: '一起读了绘本', status: 'logged', createdAt: now - 3 * DAY, ...over })
    .run();
  return id;
}

export function addConcern(db: DB, pairingId: string, siteId: string, raisedBy: string, over: Partial<typeof schema.pairingConcerns.$inferInsert> = {}, now = Date.now()): string {
  const id = newId();
  db.insert(schema.pairingConcerns)
    .values({ id, pairingId, siteId, raisedBy, kind: 'neglect', text: '孩子说奶奶生病了,家里几天没有做饭', status: 'open', raisedAt: now - DAY, ...over })
    .run();
  return id;
}
