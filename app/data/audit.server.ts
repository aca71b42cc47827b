import { and, desc, eq, getTableColumns, gte, like, lte, type SQL } from 'drizzle-orm';
import { schema } from '../../db/client';
import { db, type Tx } from './db.server';
import { newId } from './ids.server';

export interface AuditInput {
  at: number;
  actorId: string | null;
  entityType: string;
  entityId: string;
  action: string;
  fromStatus?: string | null;
  toStatus?: string | null;
  note?: string | null;
  siteId?: string | null;
}

/** Append-only: there is no update or delete of audit events anywhere. */
export function recordAudit(tx: Tx, event: AuditInput): void {
  tx.insert(schema.auditEvents)
    .values({ id: newId(), ...event })
    .run();
}

export function auditTrailOf(entityType: string, entityId: string) {
  return db()
    .select()
    .from(schema.auditEvents)
    .where(and(eq(schema.auditEvents.entityType, entityType), eq(schema.auditEvents.entityId, entityId)))
    .orderBy(schema.auditEvents.at)
    .all();
}

export interface AuditFilter {
  entityType?: string;
  action?: string;
  actorId?: string;
  from?: number;
  to?: number;
  limit?: number;
}

/** The newest events first, each with the display name of its actor (null for the system), in one query. */
export function searchAudit(filter: AuditFilter) {
  const conditions: SQL[] = [];
  const a = schema.auditEvents;
  if (filter.entityType) conditions.push(eq(a.entityType, filter.entityType));
  if (filter.action) conditions.push(like(a.action, `${filter.action}%`));
  if (filter.actorId) conditions.push(eq(a.actorId, filter.actorId));
  if (filter.from !== undefined) conditions.push(gte(a.at, filter.from));
  if (filter.to !== undefined) conditions.push(lte(a.at, filter.to));
  return db()
    .select({ ...getTableColumns(a), actorName: schema.users.displayName })
    .from(a)
    .leftJoin(schema.users, eq(schema.users.id, a.actorId))
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(a.at))
    .limit(filter.limit ?? 200)
    .all();
}
