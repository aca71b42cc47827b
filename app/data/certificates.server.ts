import { and, desc, eq, gte, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { schema } from '../../db/client';
import type { ServiceRecord } from '../domain/certificate';
import { db, type Tx } from './db.server';
import { inSubtree } from './scope.server';

// Service-record certificates: the staff-confirmed service a helper's certificate lists, the issuer's
// details as printed, and the issued certificates themselves (written once; only the revocation columns
// change afterwards, through revokeCertificateRow's compare-and-set).

export type CertificateRow = typeof schema.certificates.$inferSelect;
type Reader = Tx | ReturnType<typeof db>;

const su = schema.slotSignups;
const sl = schema.slots;
const ac = schema.activities;
const pv = schema.pairingVisits;
const pa = schema.pairings;
const cl = schema.claims;
const wi = schema.wishes;

/**
 * A person's staff-confirmed service between two instants (UTC ms, both included):
 * - slots where staff recorded them as attended, with the minutes staff credited (travel excluded), organised
 *   by the activity's organization when an organization ran it, else by the slot's site;
 * - pairing contacts staff confirmed, with their minutes, organised by the pairing's site;
 * - wishes they claimed that staff confirmed as received (0 hours), organised by the wish's site.
 * Only public text is read: activity and wish titles, and the kind of a contact (never its note).
 */
export function serviceRecordsOf(userId: string, fromMs: number, toMs: number, tx: Reader = db()): ServiceRecord[] {
  const slotsAttended = tx
    .select({ at: sl.startsAt, title: ac.title, minutes: su.serviceMinutes, orgId: ac.orgId, siteId: sl.siteId })
    .from(su)
    .innerJoin(sl, eq(sl.id, su.slotId))
    .innerJoin(ac, eq(ac.id, sl.activityId))
    .where(and(eq(su.userId, userId), eq(su.attendance, 'attended'), gte(sl.startsAt, fromMs), lte(sl.startsAt, toMs)))
    .all();
  const contacts = tx
    .select({ at: pv.happenedAt, kind: pv.kind, minutes: pv.minutes, siteId: pa.siteId })
    .from(pv)
    .innerJoin(pa, eq(pa.id, pv.pairingId))
    .where(and(eq(pa.volunteerUserId, userId), eq(pv.status, 'confirmed'), gte(pv.happenedAt, fromMs), lte(pv.happenedAt, toMs)))
    .all();
  const wishes = tx
    .select({ at: cl.confirmedAt, title: wi.title, siteId: wi.siteId })
    .from(cl)
    .innerJoin(wi, eq(wi.id, cl.wishId))
    .where(and(eq(cl.claimantUserId, userId), eq(cl.status, 'confirmed'), gte(cl.confirmedAt, fromMs), lte(cl.confirmedAt, toMs)))
    .all();
  return [
    ...slotsAttended.map(
      (r): ServiceRecord => ({
        at: r.at,
        kind: 'activity',
        content: r.title,
        minutes: r.minutes ?? 0,
        organizer: r.orgId ? { type: 'org', id: r.orgId } : { type: 'site', id: r.siteId },
      }),
    ),
    ...contacts.map((r): ServiceRecord => ({ at: r.at, kind: 'pairing', detail: r.kind, content: '', minutes: r.minutes, organizer: { type: 'site', id: r.siteId } })),
    ...wishes.map((r): ServiceRecord => ({ at: r.at ?? 0, kind: 'wish', content: r.title, minutes: 0, organizer: { type: 'site', id: r.siteId } })),
  ];
}

/** What a certificate prints of its issuer, and where staff who may revoke it work (the site's path, or the organization's county). */
export interface IssuerDetails {
  nameZh: string;
  nameEn: string;
  contact: string | null;
  personInCharge: string | null;
  /** The site subtree whose staff answer for the certificate: the site itself, or the organization's county (null: none chosen). */
  sitePath: string | null;
}

const joinContact = (name: string | null, phone: string | null) => [name, phone].filter((x) => x && x.trim()).join(' ') || null;

export function siteIssuer(siteId: string, tx: Reader = db()): IssuerDetails | null {
  const s = tx.select().from(schema.sites).where(eq(schema.sites.id, siteId)).get();
  if (!s) return null;
  return { nameZh: s.nameZh, nameEn: s.nameEn, contact: joinContact(s.contactName, s.contactPhone), personInCharge: s.personInCharge, sitePath: s.path };
}

const orgCounty = alias(schema.sites, 'org_county');

export function orgIssuer(orgId: string, tx: Reader = db()): IssuerDetails | null {
  const o = tx
    .select({ org: schema.organizations, countyPath: orgCounty.path })
    .from(schema.organizations)
    .leftJoin(orgCounty, eq(orgCounty.id, schema.organizations.countySiteId))
    .where(eq(schema.organizations.id, orgId))
    .get();
  if (!o) return null;
  // An organization has no person-in-charge column: its certificates leave the line blank for a signature.
  return { nameZh: o.org.name, nameEn: o.org.name, contact: joinContact(o.org.contactName, o.org.contactPhone), personInCharge: null, sitePath: o.countyPath };
}

/** The name a certificate masks: the real name given for vetting, else the display name. */
export function holderName(userId: string, tx: Reader = db()): string | null {
  const row = tx
    .select({ displayName: schema.users.displayName, realName: schema.volunteers.realName })
    .from(schema.users)
    .leftJoin(schema.volunteers, eq(schema.volunteers.userId, schema.users.id))
    .where(eq(schema.users.id, userId))
    .get();
  if (!row) return null;
  return row.realName?.trim() || row.displayName;
}

export function insertCertificate(tx: Tx, row: typeof schema.certificates.$inferInsert): void {
  tx.insert(schema.certificates).values(row).run();
}

/** The live (not revoked) certificate issued with exactly these contents, if any: issuing twice gives the same number. */
export function liveTwin(
  tx: Reader,
  c: { userId: string; issuerSiteId: string | null; issuerOrgId: string | null; periodFrom: string; periodTo: string; entries: string },
): CertificateRow | undefined {
  const t = schema.certificates;
  return tx
    .select()
    .from(t)
    .where(
      and(
        eq(t.userId, c.userId),
        c.issuerSiteId ? eq(t.issuerSiteId, c.issuerSiteId) : isNull(t.issuerSiteId),
        c.issuerOrgId ? eq(t.issuerOrgId, c.issuerOrgId) : isNull(t.issuerOrgId),
        eq(t.periodFrom, c.periodFrom),
        eq(t.periodTo, c.periodTo),
        eq(t.entries, c.entries),
        isNull(t.revokedAt),
      ),
    )
    .get();
}

export function certificateByCode(code: string, tx: Reader = db()): CertificateRow | undefined {
  return tx.select().from(schema.certificates).where(eq(schema.certificates.code, code)).get();
}

export function certificateById(id: string, tx: Reader = db()): CertificateRow | undefined {
  return tx.select().from(schema.certificates).where(eq(schema.certificates.id, id)).get();
}

export function certificatesOfUser(userId: string) {
  const t = schema.certificates;
  return db().select().from(t).where(eq(t.userId, userId)).orderBy(desc(t.issuedAt)).all();
}

/** Compare-and-set: revokes a certificate that is not revoked yet. */
export function revokeCertificateRow(tx: Tx, id: string, fields: { revokedAt: number; revokedBy: string; revokeReason: string }): number {
  const t = schema.certificates;
  return tx
    .update(t)
    .set(fields)
    .where(and(eq(t.id, id), isNull(t.revokedAt)))
    .run().changes;
}

const issuerSite = alias(schema.sites, 'issuer_site');
const issuerOrgCounty = alias(schema.sites, 'issuer_org_county');

/**
 * Certificates that staff under rootPath answer for: issued by a site of the subtree, or by an organization whose
 * county is in it (rootPath "/" is every certificate). Newest first, optionally one number.
 */
export function certificatesUnder(rootPath: string, code: string | null, limit = 100) {
  const t = schema.certificates;
  const where: SQL[] = [
    or(inSubtree(issuerSite.path, rootPath), inSubtree(issuerOrgCounty.path, rootPath), ...(rootPath === '/' ? [sql`1 = 1`] : []))!,
  ];
  if (code) where.push(eq(t.code, code));
  return db()
    .select({
      id: t.id,
      code: t.code,
      issuerName: t.issuerName,
      maskedName: t.maskedName,
      periodFrom: t.periodFrom,
      periodTo: t.periodTo,
      totalMinutes: t.totalMinutes,
      issuedAt: t.issuedAt,
      revokedAt: t.revokedAt,
    })
    .from(t)
    .leftJoin(issuerSite, eq(issuerSite.id, t.issuerSiteId))
    .leftJoin(schema.organizations, eq(schema.organizations.id, t.issuerOrgId))
    .leftJoin(issuerOrgCounty, eq(issuerOrgCounty.id, schema.organizations.countySiteId))
    .where(and(...where))
    .orderBy(desc(t.issuedAt))
    .limit(limit)
    .all();
}

/** Where staff answer for one certificate: its issuer site's path, or its organization's county (null: none). */
export function certificateSitePath(c: CertificateRow, tx: Reader = db()): string | null {
  if (c.issuerSiteId) return siteIssuer(c.issuerSiteId, tx)?.sitePath ?? null;
  if (c.issuerOrgId) return orgIssuer(c.issuerOrgId, tx)?.sitePath ?? null;
  return null;
}
