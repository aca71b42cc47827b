import { and, asc, desc, eq } from 'drizzle-orm';
import { schema } from '../../db/client';
import { db, type Tx } from './db.server';
import { inSubtree } from './scope.server';

// Private child records. Only staff services call these; every function takes the subtree it may read.

export type ChildRow = typeof schema.children.$inferSelect;
export type NewChild = typeof schema.children.$inferInsert;
export type ChildChanges = Pick<NewChild, 'realName' | 'birthDate' | 'gender' | 'category' | 'guardian' | 'notes' | 'alias' | 'siteId'>;

const c = schema.children;
const s = schema.sites;

export function listChildrenUnder(rootPath: string) {
  return db()
    .select({
      id: c.id,
      alias: c.alias,
      realName: c.realName,
      birthDate: c.birthDate,
      gender: c.gender,
      category: c.category,
      siteId: c.siteId,
      siteZh: s.nameZh,
      siteEn: s.nameEn,
      createdAt: c.createdAt,
    })
    .from(c)
    .innerJoin(s, eq(s.id, c.siteId))
    .where(inSubtree(s.path, rootPath))
    .orderBy(asc(s.path), asc(c.alias), asc(c.id))
    .all();
}

/** For choosing the child of a new wish: the public face only, plus what computes the age band. */
export function childChoicesUnder(rootPath: string) {
  return db()
    .select({ id: c.id, alias: c.alias, birthDate: c.birthDate, siteId: c.siteId, siteZh: s.nameZh, siteEn: s.nameEn })
    .from(c)
    .innerJoin(s, eq(s.id, c.siteId))
    .where(inSubtree(s.path, rootPath))
    .orderBy(asc(s.path), asc(c.alias), asc(c.id))
    .all();
}

export function findChild(id: string) {
  return db()
    .select({ child: c, sitePath: s.path, siteZh: s.nameZh, siteEn: s.nameEn, wishValueCapFen: s.wishValueCapFen })
    .from(c)
    .innerJoin(s, eq(s.id, c.siteId))
    .where(eq(c.id, id))
    .get();
}

export function insertChild(tx: Tx, row: NewChild): void {
  tx.insert(c).values(row).run();
}

export function updateChild(tx: Tx, id: string, changes: ChildChanges): number {
  return tx.update(c).set(changes).where(eq(c.id, id)).run().changes;
}

/** The wishes written for one child, for the staff page of the child. */
export function wishesOfChild(childId: string) {
  return db()
    .select({ id: schema.wishes.id, title: schema.wishes.title, status: schema.wishes.status, createdAt: schema.wishes.createdAt })
    .from(schema.wishes)
    .where(eq(schema.wishes.childId, childId))
    .orderBy(desc(schema.wishes.createdAt))
    .all();
}

/** Sites in a subtree, e.g. to place a new child record. */
export function sitesUnder(rootPath: string) {
  return db()
    .select({ id: s.id, code: s.code, kind: s.kind, path: s.path, nameZh: s.nameZh, nameEn: s.nameEn, wishValueCapFen: s.wishValueCapFen })
    .from(s)
    .where(inSubtree(s.path, rootPath))
    .orderBy(asc(s.path))
    .all();
}

export function findSiteInfo(id: string) {
  return db()
    .select({ id: s.id, path: s.path, kind: s.kind, nameZh: s.nameZh, nameEn: s.nameEn })
    .from(s)
    .where(and(eq(s.id, id)))
    .get();
}
