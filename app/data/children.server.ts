import { and, asc, count, desc, eq, exists, sql, type SQL } from 'drizzle-orm';
import { schema } from '../../db/client';
import { db, type Tx } from './db.server';
import { inSubtree, type PageWindow } from './scope.server';

// Private child records. Only staff services call these; every function takes the subtree it may read.

export type ChildRow = typeof schema.children.$inferSelect;
export type NewChild = typeof schema.children.$inferInsert;
export type ChildChanges = Pick<NewChild, 'realName' | 'birthDate' | 'gender' | 'category' | 'guardian' | 'notes' | 'alias' | 'siteId'>;

const c = schema.children;
const s = schema.sites;

/** What narrows the child picker of a new wish: part of the alias or real name, and one site. */
export interface ChildChoiceFilter {
  /** Matched as a substring (ASCII case-insensitive) of the alias or the real name; '' matches every child. */
  text: string;
  /** Only children of this site; null for every site of the subtree. */
  siteId: string | null;
}

// Staff may see real names: the picker names the child with its real name and birth year, so that
// three 小星 of one home can be told apart.
const choiceColumns = { id: c.id, alias: c.alias, realName: c.realName, birthDate: c.birthDate, siteId: c.siteId, siteZh: s.nameZh, siteEn: s.nameEn };

// instr() rather than LIKE: the text is a bound parameter and `%` or `_` in it are plain characters.
function choiceConditions(rootPath: string, filter: ChildChoiceFilter): SQL | undefined {
  const conditions: SQL[] = [inSubtree(s.path, rootPath)];
  if (filter.siteId !== null) conditions.push(eq(c.siteId, filter.siteId));
  if (filter.text !== '') {
    conditions.push(sql`(instr(lower(${c.alias}), lower(${filter.text})) > 0 or instr(lower(${c.realName}), lower(${filter.text})) > 0)`);
  }
  return and(...conditions);
}

/** /staff/children: one page of the subtree's children matching the filter, by site then alias, and how many match in all. */
export function pageOfChildrenUnder(rootPath: string, filter: ChildChoiceFilter, window: PageWindow) {
  const where = choiceConditions(rootPath, filter);
  const total = db().select({ n: count() }).from(c).innerJoin(s, eq(s.id, c.siteId)).where(where).get()?.n ?? 0;
  const rows = db()
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
    .where(where)
    .orderBy(asc(s.path), asc(c.alias), asc(c.id))
    .limit(window.limit)
    .offset(window.offset)
    .all();
  return { total, rows };
}

/**
 * For choosing the child of a new wish: how many children of the subtree match, and the first `limit`
 * of them by site, then alias, with the real name and the birth date (for the birth year and the age band).
 */
export function searchChildChoicesUnder(rootPath: string, filter: ChildChoiceFilter, limit: number) {
  const where = choiceConditions(rootPath, filter);
  const total = db().select({ n: count() }).from(c).innerJoin(s, eq(s.id, c.siteId)).where(where).get()?.n ?? 0;
  const rows = db()
    .select(choiceColumns)
    .from(c)
    .innerJoin(s, eq(s.id, c.siteId))
    .where(where)
    .orderBy(asc(s.path), asc(c.alias), asc(c.id))
    .limit(limit)
    .all();
  return { total, rows };
}

/** One child of the subtree for the picker, or undefined when it is not in the subtree. */
export function childChoiceUnder(rootPath: string, id: string) {
  return db()
    .select(choiceColumns)
    .from(c)
    .innerJoin(s, eq(s.id, c.siteId))
    .where(and(eq(c.id, id), inSubtree(s.path, rootPath)))
    .get();
}

/** The sites of a subtree that hold at least one child record, in tree order. */
export function sitesWithChildrenUnder(rootPath: string) {
  return db()
    .select({ id: s.id, path: s.path, nameZh: s.nameZh, nameEn: s.nameEn })
    .from(s)
    .where(and(inSubtree(s.path, rootPath), exists(db().select({ one: sql`1` }).from(c).where(eq(c.siteId, s.id)))))
    .orderBy(asc(s.path))
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
