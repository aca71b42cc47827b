import { asc, eq } from 'drizzle-orm';
import { schema } from '../../db/client';
import { db } from './db.server';

export type SiteRow = typeof schema.sites.$inferSelect;

export function findSiteByCode(code: string): SiteRow | undefined {
  return db().select().from(schema.sites).where(eq(schema.sites.code, code)).get();
}

export function findSiteById(id: string): SiteRow | undefined {
  return db().select().from(schema.sites).where(eq(schema.sites.id, id)).get();
}

export function listSites(): SiteRow[] {
  return db().select().from(schema.sites).orderBy(asc(schema.sites.path)).all();
}
