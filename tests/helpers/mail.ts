import type Database from 'better-sqlite3';
import type { DB } from '../../db/client';
import { bodyWithLinks } from '../../app/mail/links.server';
import { linkKey } from '../../app/platform/link-key.server';

type Row = { id: string; body_text: string; link_secret: string | null };

/**
 * An outbox row (`select * from outbox`) with its links as they are mailed: the tokens are unsealed with
 * the database's mail link key (the key file next to the database file), as `npm run cli -- outbox:show`
 * does. The stored body_text itself only holds placeholders.
 */
export function withLinks<T extends Row>(db: DB | Database.Database, row: T): T {
  const client = ('$client' in db ? db.$client : db) as Database.Database;
  const key = linkKey(client.name, process.env.MAIL_LINK_KEY || null);
  return { ...row, body_text: bodyWithLinks({ id: row.id, bodyText: row.body_text, linkSecret: row.link_secret }, key) };
}
