import { and, asc, desc, eq, inArray, isNotNull, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import { alias, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { schema } from '../../db/client';
import { db } from './db.server';
import type { HelperStatusValue } from './users.server';

// Reads for staff vetting: helpers (volunteers and organizations) scoped by the county they chose.

const county = alias(schema.sites, 'county');

export interface HelperScope {
  /** Site path of the staff member's subtree; null for an admin (everything). */
  rootPath: string | null;
}

/** Helpers with a county in the subtree, plus helpers who have not chosen a county (any staff may vet them). */
function inScope(scope: HelperScope, countyIdColumn: AnySQLiteColumn): SQL | undefined {
  if (scope.rootPath === null) return undefined;
  return or(
    isNull(countyIdColumn),
    sql`substr(${county.path}, 1, ${scope.rootPath.length}) = ${scope.rootPath}`,
  );
}

export interface HelperListFilter extends HelperScope {
  statuses?: HelperStatusValue[];
  /** Approved helpers whose yearly re-check falls on or before this time. */
  recheckDueBefore?: number;
  newestFirst?: boolean;
  limit?: number;
}

/** The columns a helper list filters and sorts by: volunteers and organizations both have them. */
interface HelperColumns {
  countySiteId: AnySQLiteColumn;
  status: AnySQLiteColumn;
  recheckDueAt: AnySQLiteColumn;
  vettedAt: AnySQLiteColumn;
  createdAt: AnySQLiteColumn;
}

function helperListWhere(filter: HelperListFilter, h: HelperColumns): SQL | undefined {
  return and(
    inScope(filter, h.countySiteId),
    // Newest first, over several statuses: unary + keeps SQLite on the index of the sort expression
    // (volunteers_decided_idx), read in order; by status it would sort every decided helper.
    filter.statuses ? (filter.newestFirst ? inArray(sql`+${h.status}`, filter.statuses) : inArray(h.status, filter.statuses)) : undefined,
    filter.recheckDueBefore !== undefined ? and(isNotNull(h.recheckDueAt), lte(h.recheckDueAt, filter.recheckDueBefore)) : undefined,
  );
}

/** Re-checks soonest due first; otherwise newest decision first, or oldest sign-up first. */
function helperListOrder(filter: HelperListFilter, h: HelperColumns): SQL {
  if (filter.recheckDueBefore !== undefined) return asc(h.recheckDueAt);
  return filter.newestFirst ? desc(sql`coalesce(${h.vettedAt}, ${h.createdAt})`) : asc(h.createdAt);
}

export function listVolunteersForStaff(filter: HelperListFilter) {
  const v = schema.volunteers;
  return db()
    .select({
      id: v.userId,
      status: v.status,
      caringParent: v.caringParent,
      realName: v.realName,
      recheckDueAt: v.recheckDueAt,
      vettedAt: v.vettedAt,
      createdAt: v.createdAt,
      displayName: schema.users.displayName,
      emailVerified: sql<boolean>`${schema.users.emailVerifiedAt} is not null`.mapWith(Boolean),
      countyPath: county.path,
      countyZh: county.nameZh,
      countyEn: county.nameEn,
    })
    .from(v)
    .innerJoin(schema.users, eq(schema.users.id, v.userId))
    .leftJoin(county, eq(county.id, v.countySiteId))
    .where(helperListWhere(filter, v))
    .orderBy(helperListOrder(filter, v))
    .limit(filter.limit ?? 200)
    .all();
}

export function listOrganizationsForStaff(filter: HelperListFilter) {
  const o = schema.organizations;
  return db()
    .select({
      id: o.id,
      status: o.status,
      name: o.name,
      kind: o.kind,
      recheckDueAt: o.recheckDueAt,
      vettedAt: o.vettedAt,
      createdAt: o.createdAt,
      countyPath: county.path,
      countyZh: county.nameZh,
      countyEn: county.nameEn,
    })
    .from(o)
    .leftJoin(county, eq(county.id, o.countySiteId))
    .where(helperListWhere(filter, o))
    .orderBy(helperListOrder(filter, o))
    .limit(filter.limit ?? 200)
    .all();
}

/** One volunteer with what the vetting page shows. */
export function findVolunteerForVetting(userId: string) {
  return db()
    .select({
      volunteer: schema.volunteers,
      user: {
        id: schema.users.id,
        email: schema.users.email,
        displayName: schema.users.displayName,
        locale: schema.users.locale,
        emailVerifiedAt: schema.users.emailVerifiedAt,
        createdAt: schema.users.createdAt,
      },
      countyPath: county.path,
      countyZh: county.nameZh,
      countyEn: county.nameEn,
    })
    .from(schema.volunteers)
    .innerJoin(schema.users, eq(schema.users.id, schema.volunteers.userId))
    .leftJoin(county, eq(county.id, schema.volunteers.countySiteId))
    .where(eq(schema.volunteers.userId, userId))
    .get();
}

export function findOrganizationForVetting(orgId: string) {
  return db()
    .select({ org: schema.organizations, countyPath: county.path, countyZh: county.nameZh, countyEn: county.nameEn })
    .from(schema.organizations)
    .leftJoin(county, eq(county.id, schema.organizations.countySiteId))
    .where(eq(schema.organizations.id, orgId))
    .get();
}

/**
 * Staff who look after a helper in this county (their site's subtree contains it), still active; with no
 * county, the admins. Who is told when a helper's yearly re-check lapses.
 */
export function staffOverCounty(countyPath: string | null) {
  const u = schema.users;
  const s = schema.sites;
  const rows = db()
    .select({ id: u.id, email: u.email, displayName: u.displayName, locale: u.locale, isAdmin: u.isAdmin, sitePath: s.path })
    .from(u)
    .leftJoin(s, eq(s.id, u.staffSiteId))
    .where(and(isNull(u.disabledAt), or(isNotNull(u.staffSiteId), eq(u.isAdmin, true))))
    .all();
  return rows.filter((r) => (countyPath === null ? r.isAdmin : r.sitePath !== null && countyPath.startsWith(r.sitePath)));
}
