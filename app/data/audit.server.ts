import { and, count, eq, getTableColumns, inArray, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { schema } from '../../db/client';
import type { NamedKind, NameRef, ObjectNames } from '../views/names';
import { db, type Tx } from './db.server';
import { logWhere, newestFirst, type LogWindow } from './logs.server';
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

export interface AuditFilter extends LogWindow {
  entityType?: string;
  /** Any of these actions (exact codes); an empty list matches nothing. */
  actions?: readonly string[];
  actorId?: string;
}

function auditWhere(filter: AuditFilter): SQL | undefined {
  const a = schema.auditEvents;
  const actions = filter.actions ? [filter.actions.length ? inArray(a.action, [...filter.actions]) : sql`0`] : [];
  return logWhere(a.at, [[a.entityType, filter.entityType], [a.actorId, filter.actorId]], filter, actions);
}

/** How many events the filter matches (for "第 2 / 7 页,共 320 条"). */
export function countAudit(filter: AuditFilter): number {
  return db().select({ n: count() }).from(schema.auditEvents).where(auditWhere(filter)).get()?.n ?? 0;
}

/** The newest events first, each with the display name of its actor (null for the system), in one query. */
export function searchAudit(filter: AuditFilter) {
  const a = schema.auditEvents;
  const query = db()
    .select({ ...getTableColumns(a), actorName: schema.users.displayName })
    .from(a)
    .leftJoin(schema.users, eq(schema.users.id, a.actorId))
    .where(auditWhere(filter))
    .$dynamic();
  return newestFirst(query, a.at, a.id, filter).all();
}

/** Every action code present in the log, in one query (the admin log's filter offers these). */
export function auditActionsInUse(): string[] {
  const a = schema.auditEvents;
  return db()
    .selectDistinct({ action: a.action })
    .from(a)
    .orderBy(a.action)
    .all()
    .map((r) => r.action);
}

// ---- names of the objects a log page mentions --------------------------------------------------

/**
 * The human names of the objects in `refs`, keyed `kind:id`, in one query however many there are:
 * a user's display name, a site's names, an organization's name, a wish's title (a claim and a slot
 * go by their wish's and activity's title, a pairing by its volunteer and child alias). For a child
 * the alias only: never the real name.
 */
export function namesOfObjects(refs: Iterable<NameRef>): ObjectNames {
  const ids = new Map<NamedKind, Set<string>>();
  for (const { kind, id } of refs) {
    if (!ids.has(kind)) ids.set(kind, new Set());
    ids.get(kind)!.add(id);
  }
  const { users, sites, organizations, wishes, claims, activities, slots, pairings, children, slotSignups, pairingVisits, pairingConcerns, certificates } = schema;
  type Source = { from: SQL; id: AnyColumn; name: SQL; nameEn?: SQL; kind?: SQL; day?: SQL };
  const sources: Record<NamedKind, Source> = {
    user: { from: sql`${users}`, id: users.id, name: sql`${users.displayName}` },
    site: { from: sql`${sites}`, id: sites.id, name: sql`${sites.nameZh}`, nameEn: sql`${sites.nameEn}` },
    org: { from: sql`${organizations}`, id: organizations.id, name: sql`${organizations.name}` },
    wish: { from: sql`${wishes}`, id: wishes.id, name: sql`${wishes.title}` },
    claim: { from: sql`${claims} join ${wishes} on ${wishes.id} = ${claims.wishId}`, id: claims.id, name: sql`${wishes.title}` },
    activity: { from: sql`${activities}`, id: activities.id, name: sql`${activities.title}` },
    slot: { from: sql`${slots} join ${activities} on ${activities.id} = ${slots.activityId}`, id: slots.id, name: sql`${activities.title}` },
    pairing: {
      from: sql`${pairings} join ${users} on ${users.id} = ${pairings.volunteerUserId} join ${children} on ${children.id} = ${pairings.childId}`,
      id: pairings.id,
      name: sql`${users.displayName} || ' · ' || ${children.alias}`,
    },
    child: { from: sql`${children}`, id: children.id, name: sql`${children.alias}` },
    signup: {
      from: sql`${slotSignups} join ${users} on ${users.id} = ${slotSignups.userId} join ${slots} on ${slots.id} = ${slotSignups.slotId} join ${activities} on ${activities.id} = ${slots.activityId}`,
      id: slotSignups.id,
      name: sql`${users.displayName} || ' · ' || ${activities.title}`,
    },
    // A contact log: its child's alias, its kind and its day in Asia/Shanghai (UTC+8, no daylight saving).
    visit: {
      from: sql`${pairingVisits} join ${pairings} on ${pairings.id} = ${pairingVisits.pairingId} join ${children} on ${children.id} = ${pairings.childId}`,
      id: pairingVisits.id,
      name: sql`${children.alias}`,
      kind: sql`${pairingVisits.kind}`,
      day: sql`date(${pairingVisits.happenedAt} / 1000 + 8 * 3600, 'unixepoch')`,
    },
    concern: {
      from: sql`${pairingConcerns} join ${pairings} on ${pairings.id} = ${pairingConcerns.pairingId} join ${children} on ${children.id} = ${pairings.childId}`,
      id: pairingConcerns.id,
      name: sql`${children.alias}`,
      kind: sql`${pairingConcerns.kind}`,
    },
    certificate: { from: sql`${certificates}`, id: certificates.id, name: sql`${certificates.code}` },
  };
  const parts: SQL[] = [];
  for (const [kind, set] of ids) {
    const source = sources[kind];
    parts.push(
      sql`select ${kind} as kind, ${source.id} as id, ${source.name} as name, ${source.nameEn ?? sql`null`} as nameEn, ${source.kind ?? sql`null`} as code, ${source.day ?? sql`null`} as day from ${source.from} where ${inArray(source.id, [...set])}`,
    );
  }
  const names: ObjectNames = {};
  if (parts.length === 0) return names;
  const rows = db().all<{ kind: string; id: string; name: string | null; nameEn: string | null; code: string | null; day: string | null }>(sql.join(parts, sql` union all `));
  for (const r of rows) if (r.name) names[`${r.kind}:${r.id}`] = r.code === null ? { name: r.name, nameEn: r.nameEn } : { name: r.name, nameEn: r.nameEn, kind: r.code, day: r.day };
  return names;
}
