import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { schema } from '../../db/client';
import { db, type Tx } from './db.server';
import type { HelperStatusValue, VettingWrite } from './users.server';

export type OrganizationRecord = typeof schema.organizations.$inferSelect;

export function insertOrganization(tx: Tx, row: typeof schema.organizations.$inferInsert): void {
  tx.insert(schema.organizations).values(row).run();
}

export function insertOrganizationMember(tx: Tx, row: typeof schema.organizationMembers.$inferInsert): void {
  tx.insert(schema.organizationMembers).values(row).onConflictDoNothing().run();
}

export function findOrganization(id: string) {
  return db().select().from(schema.organizations).where(eq(schema.organizations.id, id)).get();
}

/** The organizations a user belongs to, with their role in each. */
export function organizationsOfUser(userId: string) {
  return db()
    .select({ org: schema.organizations, role: schema.organizationMembers.role })
    .from(schema.organizationMembers)
    .innerJoin(schema.organizations, eq(schema.organizations.id, schema.organizationMembers.orgId))
    .where(eq(schema.organizationMembers.userId, userId))
    .orderBy(asc(schema.organizationMembers.createdAt))
    .all();
}

export function membersOfOrganization(orgId: string, tx?: Tx) {
  return (tx ?? db())
    .select({
      userId: schema.users.id,
      displayName: schema.users.displayName,
      email: schema.users.email,
      locale: schema.users.locale,
      role: schema.organizationMembers.role,
      joinedAt: schema.organizationMembers.createdAt,
    })
    .from(schema.organizationMembers)
    .innerJoin(schema.users, eq(schema.users.id, schema.organizationMembers.userId))
    .where(eq(schema.organizationMembers.orgId, orgId))
    .orderBy(asc(schema.organizationMembers.createdAt))
    .all();
}

export function isMemberOf(orgId: string, userId: string, tx?: Tx): boolean {
  return (
    (tx ?? db())
      .select({ userId: schema.organizationMembers.userId })
      .from(schema.organizationMembers)
      .where(and(eq(schema.organizationMembers.orgId, orgId), eq(schema.organizationMembers.userId, userId)))
      .get() !== undefined
  );
}

export interface OrganizationProfileFields {
  name: string;
  kind: 'social_org' | 'company';
  contactName: string | null;
  contactPhone: string | null;
  countySiteId: string | null;
  description: string | null;
}

export function updateOrganizationProfile(tx: Tx, orgId: string, fields: OrganizationProfileFields): void {
  tx.update(schema.organizations).set(fields).where(eq(schema.organizations.id, orgId)).run();
}

/** Compare-and-set on the organization's vetting status. */
export function setOrganizationVetting(tx: Tx, orgId: string, from: HelperStatusValue, fields: VettingWrite): boolean {
  return (
    tx
      .update(schema.organizations)
      .set(fields)
      .where(and(eq(schema.organizations.id, orgId), eq(schema.organizations.status, from)))
      .run().changes === 1
  );
}

/** A year in Asia/Shanghai (UTC+8, no daylight saving) of a UTC millisecond column. */
const shanghaiYear = (column: typeof schema.claims.confirmedAt) => sql<string>`strftime('%Y', (${column} + 28800000) / 1000, 'unixepoch')`;

/**
 * What an organization gave, per year of the staff's confirmation (Asia/Shanghai): the wishes fulfilled
 * through its confirmed claims and the value staff recorded as received. Newest year first.
 */
export function givingByYear(orgId: string) {
  const cl = schema.claims;
  const year = shanghaiYear(cl.confirmedAt);
  return db()
    .select({ year, wishes: sql<number>`count(*)`, valueFen: sql<number>`coalesce(sum(${cl.valueReceivedFen}), 0)` })
    .from(cl)
    .where(and(eq(cl.orgId, orgId), eq(cl.status, 'confirmed')))
    .groupBy(year)
    .orderBy(desc(year))
    .all()
    .map((r) => ({ year: Number(r.year), wishes: Number(r.wishes), valueFen: Number(r.valueFen) }));
}
