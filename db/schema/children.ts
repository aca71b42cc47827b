import { sqliteTable, text, index } from 'drizzle-orm/sqlite-core';
import { id, timestamp } from './common';
import { sites } from './sites';
import { users } from './users';

/** Private child records: staff of the site's subtree only. Never leaves staff pages. */
export const children = sqliteTable(
  'children',
  {
    id: id(),
    siteId: text('site_id')
      .notNull()
      .references(() => sites.id),
    realName: text('real_name').notNull(),
    /** YYYY-MM-DD */
    birthDate: text('birth_date').notNull(),
    gender: text('gender', { enum: ['female', 'male', 'other'] }).notNull(),
    category: text('category', {
      enum: ['orphan', 'de_facto_unsupported', 'left_behind', 'in_difficulty', 'migrant', 'other'],
    }).notNull(),
    guardian: text('guardian'),
    notes: text('notes'),
    /** The public face of the child, e.g. 小禾. */
    alias: text('alias').notNull(),
    createdBy: text('created_by').references(() => users.id),
    createdAt: timestamp('created_at').notNull(),
  },
  (t) => [index('children_site_idx').on(t.siteId)],
);
