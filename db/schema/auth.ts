import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { timestamp } from './common';
import { users } from './users';

/** The session id is the SHA-256 of the cookie's token; the token itself is never stored. */
export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at').notNull(),
    lastSeenAt: timestamp('last_seen_at').notNull(),
    expiresAt: timestamp('expires_at').notNull(),
    /** Every session ends here whatever its activity: 12 hours for staff and admins, 30 days for helpers. */
    absoluteExpiresAt: timestamp('absolute_expires_at').notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Fixed-window counters for rate limits. */
export const rateLimits = sqliteTable('rate_limits', {
  key: text('key').primaryKey(),
  windowStart: timestamp('window_start').notNull(),
  count: integer('count').notNull(),
});

export const securityEvents = sqliteTable(
  'security_events',
  {
    id: text('id').primaryKey(),
    at: timestamp('at').notNull(),
    type: text('type').notNull(),
    userId: text('user_id'),
    ip: text('ip'),
    detail: text('detail'),
  },
  (t) => [index('security_events_at_idx').on(t.at)],
);
