import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { timestamp } from './common';

/** Append-only: who did what to which object, from which status to which. */
export const auditEvents = sqliteTable(
  'audit_events',
  {
    id: text('id').primaryKey(),
    at: timestamp('at').notNull(),
    actorId: text('actor_id'),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    note: text('note'),
    /** Site of the object, so staff see the audit of their subtree only. */
    siteId: text('site_id'),
  },
  (t) => [index('audit_entity_idx').on(t.entityType, t.entityId, t.at), index('audit_at_idx').on(t.at)],
);

/** Transactional outbox: mail is written with the change that causes it and sent later by the worker. */
export const outbox = sqliteTable(
  'outbox',
  {
    id: text('id').primaryKey(),
    createdAt: timestamp('created_at').notNull(),
    toEmail: text('to_email').notNull(),
    template: text('template').notNull(),
    locale: text('locale').notNull(),
    subject: text('subject').notNull(),
    /** The body with each mailed token replaced by `{{link-token-N}}`: never a usable link (README D22). */
    bodyText: text('body_text').notNull(),
    /** The tokens, AES-256-GCM sealed under a key kept outside the database; cleared once the mail is sent or given up. */
    linkSecret: text('link_secret'),
    status: text('status', { enum: ['pending', 'sent', 'failed', 'kept'] }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at').notNull(),
    lastError: text('last_error'),
    sentAt: timestamp('sent_at'),
    providerId: text('provider_id'),
  },
  (t) => [index('outbox_due_idx').on(t.status, t.nextAttemptAt)],
);

/** Key-value facts about this database, e.g. whether it holds demo data. */
export const meta = sqliteTable('meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});
