import { eq } from 'drizzle-orm';
import { schema } from '../../db/client';
import { db, type Tx } from './db.server';

export type NewUser = typeof schema.users.$inferInsert;

export function findUserByEmail(email: string) {
  return db().select().from(schema.users).where(eq(schema.users.email, email.toLowerCase())).get();
}

export function findUserById(id: string) {
  return db().select().from(schema.users).where(eq(schema.users.id, id)).get();
}

export function insertUser(tx: Tx, user: NewUser): void {
  tx.insert(schema.users).values({ ...user, email: user.email.toLowerCase() }).run();
}

export function insertVolunteer(tx: Tx, row: typeof schema.volunteers.$inferInsert): void {
  tx.insert(schema.volunteers).values(row).run();
}
