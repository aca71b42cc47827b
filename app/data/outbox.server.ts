import { and, asc, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import { schema } from '../../db/client';
import { db, type Tx } from './db.server';
import { newId } from './ids.server';

export interface QueuedMail {
  toEmail: string;
  template: string;
  locale: string;
  subject: string;
  bodyText: string;
}

/** Written inside the transaction of the change that causes the mail. */
export function queueMail(tx: Tx, mail: QueuedMail, now: number): string {
  const id = newId();
  tx.insert(schema.outbox)
    .values({ id, createdAt: now, nextAttemptAt: now, status: 'pending', attempts: 0, ...mail })
    .run();
  return id;
}

export function dueMail(now: number, limit = 20) {
  return db()
    .select()
    .from(schema.outbox)
    .where(and(eq(schema.outbox.status, 'pending'), lte(schema.outbox.nextAttemptAt, now)))
    .orderBy(asc(schema.outbox.nextAttemptAt))
    .limit(limit)
    .all();
}

export function markSent(id: string, now: number, providerId: string | null): void {
  db().update(schema.outbox)
    .set({ status: 'sent', sentAt: now, providerId, lastError: null, attempts: sql`${schema.outbox.attempts} + 1` })
    .where(eq(schema.outbox.id, id))
    .run();
}

/** Without a mail provider the mail stays readable in /admin/outbox. */
export function markKept(ids: string[]): void {
  if (ids.length === 0) return;
  db().update(schema.outbox).set({ status: 'kept' }).where(inArray(schema.outbox.id, ids)).run();
}

export function markAttemptFailed(id: string, error: string, nextAttemptAt: number | null): void {
  db().update(schema.outbox)
    .set({
      status: nextAttemptAt === null ? 'failed' : 'pending',
      nextAttemptAt: nextAttemptAt ?? sql`${schema.outbox.nextAttemptAt}`,
      lastError: error.slice(0, 500),
      attempts: sql`${schema.outbox.attempts} + 1`,
    })
    .where(eq(schema.outbox.id, id))
    .run();
}

export function listOutbox(limit = 100, toEmail?: string) {
  return db()
    .select()
    .from(schema.outbox)
    .where(toEmail ? eq(schema.outbox.toEmail, toEmail.toLowerCase()) : undefined)
    .orderBy(desc(schema.outbox.createdAt))
    .limit(limit)
    .all();
}

export function getOutboxMail(id: string) {
  return db().select().from(schema.outbox).where(eq(schema.outbox.id, id)).get();
}
