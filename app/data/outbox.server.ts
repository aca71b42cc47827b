import { and, asc, desc, eq, inArray, isNotNull, lt, lte, sql } from 'drizzle-orm';
import { schema } from '../../db/client';
import { db, type Tx } from './db.server';
import { newId } from './ids.server';

export interface QueuedMail {
  toEmail: string;
  template: string;
  locale: string;
  subject: string;
  bodyText: string;
  /** The mailed tokens, sealed (app/mail/links.server.ts); null when the mail carries no link token. */
  linkSecret?: string | null;
}

/** Written inside the transaction of the change that causes the mail. */
export function queueMail(tx: Tx, mail: QueuedMail, now: number, id = newId()): string {
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
    .set({ status: 'sent', sentAt: now, providerId, lastError: null, linkSecret: null, attempts: sql`${schema.outbox.attempts} + 1` })
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
      // Given up: nothing will send the link, so nothing keeps it.
      ...(nextAttemptAt === null ? { linkSecret: null } : {}),
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

/** Sent, kept and given-up mail created before `before` is deleted; pending mail stays whatever its age. */
export function pruneOutbox(before: number): number {
  return db()
    .delete(schema.outbox)
    .where(and(inArray(schema.outbox.status, ['sent', 'kept', 'failed']), lt(schema.outbox.createdAt, before)))
    .run().changes;
}

/** Rows written before bodies were stored without tokens (see maintenance: sealLegacyOutbox). */
export function outboxRowsWithoutSecret(afterId: string, limit = 500) {
  return db()
    .select({ id: schema.outbox.id, status: schema.outbox.status, bodyText: schema.outbox.bodyText })
    .from(schema.outbox)
    .where(and(sql`${schema.outbox.linkSecret} is null`, sql`${schema.outbox.id} > ${afterId}`))
    .orderBy(asc(schema.outbox.id))
    .limit(limit)
    .all();
}

export function replaceOutboxBody(id: string, bodyText: string, linkSecret: string | null): void {
  db().update(schema.outbox).set({ bodyText, linkSecret }).where(eq(schema.outbox.id, id)).run();
}

/** How many rows still hold sealed tokens (for tests and the CLI). */
export function countSealedMail(): number {
  return db().select({ n: sql<number>`count(*)` }).from(schema.outbox).where(isNotNull(schema.outbox.linkSecret)).get()?.n ?? 0;
}
