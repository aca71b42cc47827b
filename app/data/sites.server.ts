import { asc, eq } from 'drizzle-orm';
import { schema } from '../../db/client';
import { db, type Tx } from './db.server';

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

// Site management (admin): a site's code and place in the tree are fixed once created, because
// the materialized path of every site under it is made of codes.

export function listCountySites(): SiteRow[] {
  return db().select().from(schema.sites).where(eq(schema.sites.kind, 'county')).orderBy(asc(schema.sites.path)).all();
}

export function insertSite(tx: Tx, row: typeof schema.sites.$inferInsert): void {
  tx.insert(schema.sites).values(row).run();
}

export type SiteEditableFields = Pick<SiteRow, 'nameZh' | 'nameEn' | 'address' | 'handoverNote' | 'wishValueCapFen'> &
  Partial<Pick<SiteRow, 'contactName' | 'contactPhone' | 'contactOverdueDays'>>;

export function updateSite(tx: Tx, id: string, fields: SiteEditableFields): void {
  tx.update(schema.sites).set(fields).where(eq(schema.sites.id, id)).run();
}
