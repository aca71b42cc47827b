import { and, eq, lte, ne, or } from 'drizzle-orm';
import { schema } from '../../db/client';
import { db, type Tx } from './db.server';

export type SessionRow = typeof schema.sessions.$inferSelect;

export function insertSession(row: SessionRow, tx?: Tx): void {
  (tx ?? db()).insert(schema.sessions).values(row).run();
}

export function findSessionWithUser(id: string) {
  return db()
    .select({ session: schema.sessions, user: schema.users })
    .from(schema.sessions)
    .innerJoin(schema.users, eq(schema.users.id, schema.sessions.userId))
    .where(eq(schema.sessions.id, id))
    .get();
}

export function touchSession(id: string, lastSeenAt: number, expiresAt: number): void {
  db().update(schema.sessions).set({ lastSeenAt, expiresAt }).where(eq(schema.sessions.id, id)).run();
}

export function deleteSession(id: string, tx?: Tx): void {
  (tx ?? db()).delete(schema.sessions).where(eq(schema.sessions.id, id)).run();
}

/** Revokes every session of a user (password change, reset, suspension, role change). */
export function deleteSessionsOfUser(userId: string, tx?: Tx): number {
  return (tx ?? db()).delete(schema.sessions).where(eq(schema.sessions.userId, userId)).run().changes;
}

/** Revokes every session of a user but one (the browser that made the change stays signed in). */
export function deleteOtherSessionsOfUser(userId: string, keepSessionId: string, tx?: Tx): number {
  return (tx ?? db())
    .delete(schema.sessions)
    .where(and(eq(schema.sessions.userId, userId), ne(schema.sessions.id, keepSessionId)))
    .run().changes;
}

/** Sessions past their expiry are deleted when next used; this sweeps those nobody comes back to. */
export function deleteExpiredSessions(now: number): number {
  return db()
    .delete(schema.sessions)
    .where(or(lte(schema.sessions.expiresAt, now), lte(schema.sessions.absoluteExpiresAt, now)))
    .run().changes;
}
