import { and, asc, eq, isNotNull, or } from 'drizzle-orm';
import { schema } from '../../db/client';
import { db, type Tx } from './db.server';

export type NewUser = typeof schema.users.$inferInsert;
export type UserRecord = typeof schema.users.$inferSelect;
export type VolunteerRecord = typeof schema.volunteers.$inferSelect;
export type HelperStatusValue = VolunteerRecord['status'];

export function findUserByEmail(email: string, tx?: Tx) {
  return (tx ?? db()).select().from(schema.users).where(eq(schema.users.email, email.toLowerCase())).get();
}

export function findUserById(id: string, tx?: Tx) {
  return (tx ?? db()).select().from(schema.users).where(eq(schema.users.id, id)).get();
}

export function insertUser(tx: Tx, user: NewUser): void {
  tx.insert(schema.users).values({ ...user, email: user.email.toLowerCase() }).run();
}

export function insertVolunteer(tx: Tx, row: typeof schema.volunteers.$inferInsert): void {
  tx.insert(schema.volunteers).values(row).run();
}

export function findVolunteer(userId: string) {
  return db().select().from(schema.volunteers).where(eq(schema.volunteers.userId, userId)).get();
}

export function updatePasswordHash(tx: Tx, userId: string, passwordHash: string): void {
  tx.update(schema.users).set({ passwordHash }).where(eq(schema.users.id, userId)).run();
}

export function markEmailVerified(tx: Tx, userId: string, now: number): void {
  tx.update(schema.users).set({ emailVerifiedAt: now }).where(eq(schema.users.id, userId)).run();
}

/** A confirmed email change: the new address (lower-cased), verified now. */
export function setVerifiedEmail(tx: Tx, userId: string, email: string, now: number): void {
  tx.update(schema.users).set({ email: email.toLowerCase(), emailVerifiedAt: now }).where(eq(schema.users.id, userId)).run();
}

export function updateUserNameAndLocale(tx: Tx, userId: string, fields: { displayName?: string; locale?: 'zh-CN' | 'en' }): void {
  tx.update(schema.users).set(fields).where(eq(schema.users.id, userId)).run();
}

/** Staff role: the site the user acts for, or null to take the role away. */
export function setStaffSite(tx: Tx, userId: string, siteId: string | null): void {
  tx.update(schema.users).set({ staffSiteId: siteId }).where(eq(schema.users.id, userId)).run();
}

export interface VolunteerProfileFields {
  realName: string | null;
  phone: string | null;
  countySiteId: string | null;
  availability: string | null;
  skills: string | null;
  caringParent: boolean;
  /** Set when a change needs staff to look again (e.g. an approved volunteer becomes a caring parent). */
  recheckDueAt?: number | null;
}

export function updateVolunteerProfile(tx: Tx, userId: string, fields: VolunteerProfileFields): void {
  tx.update(schema.volunteers).set(fields).where(eq(schema.volunteers.userId, userId)).run();
}

export interface VettingWrite {
  status: HelperStatusValue;
  statusReason: string | null;
  checkNote?: string | null;
  recheckDueAt?: number | null;
  /** The last staff decision; a helper's own re-application leaves both as they were. */
  vettedAt?: number;
  vettedBy?: string;
}

/** Compare-and-set: changes the status only if it is still `from`. Returns whether a row changed. */
export function setVolunteerVetting(tx: Tx, userId: string, from: HelperStatusValue, fields: VettingWrite): boolean {
  return (
    tx
      .update(schema.volunteers)
      .set(fields)
      .where(and(eq(schema.volunteers.userId, userId), eq(schema.volunteers.status, from)))
      .run().changes === 1
  );
}

/** Staff and admins, with their site. */
export function listStaffAndAdmins() {
  return db()
    .select({
      id: schema.users.id,
      email: schema.users.email,
      displayName: schema.users.displayName,
      isAdmin: schema.users.isAdmin,
      staffSiteId: schema.users.staffSiteId,
      siteCode: schema.sites.code,
      siteNameZh: schema.sites.nameZh,
      siteNameEn: schema.sites.nameEn,
      disabledAt: schema.users.disabledAt,
      createdAt: schema.users.createdAt,
    })
    .from(schema.users)
    .leftJoin(schema.sites, eq(schema.sites.id, schema.users.staffSiteId))
    .where(or(isNotNull(schema.users.staffSiteId), eq(schema.users.isAdmin, true)))
    .orderBy(asc(schema.sites.path), asc(schema.users.email))
    .all();
}

export function setUserLocale(tx: Tx, userId: string, locale: 'zh-CN' | 'en'): void {
  tx.update(schema.users).set({ locale }).where(eq(schema.users.id, userId)).run();
}
