import crypto from 'node:crypto';
import qrcode from 'qrcode-generator';
import { recordAudit } from '../data/audit.server';
import {
  certificateByCode,
  certificateById,
  certificateSitePath,
  certificatesOfUser,
  certificatesUnder,
  holderName,
  insertCertificate,
  liveTwin,
  orgIssuer,
  revokeCertificateRow,
  serviceRecordsOf,
  siteIssuer,
  type CertificateRow,
  type IssuerDetails,
} from '../data/certificates.server';
import type { Tx } from '../data/db.server';
import { newId } from '../data/ids.server';
import { scopeRoot } from '../data/scope.server';
import type { Actor } from '../domain/actor';
import { DAY_MS, endOfShanghaiDay, shanghaiDate } from '../domain/calendar';
import {
  certificateCode,
  groupByOrganizer,
  maskName,
  normalizeCode,
  organizerKey,
  parseOrganizerKey,
  type CertificateEntry,
  type Organizer,
  type Period,
} from '../domain/certificate';
import { conflict, forbidden, notFound, ok, type Result } from '../domain/errors';
import { can } from '../domain/policy';
import { config } from '../platform/config.server';
import { Refusal, transact } from '../server/tx.server';
import type { CertificateView, IssuedSummary, IssuerView, MyCertificatePage, QrView, ServiceGroupView, VerifyView } from '../views/certificates';

// Service-record certificates (志愿服务记录证明, PRODUCT.md section 5). A helper issues one per organizer of
// record for a period; it lists their staff-confirmed service and is printed from the browser. Anyone can
// verify its number at /verify/:code and learns only the issuer, the period, the hours and the masked name.
// Staff answering for the issuer revoke it with a reason. No ID number is ever received or stored: the one a
// helper types for printing is filled into the page by the browser alone.

type Locale = 'zh-CN' | 'en';

const startOfShanghaiDay = (date: string) => endOfShanghaiDay(date) - DAY_MS + 1;
const verifyUrlOf = (code: string) => `${config().appUrl.replace(/\/$/, '')}/verify/${code}`;

function issuerOf(organizer: Organizer, tx?: Tx): IssuerDetails | null {
  return organizer.type === 'site' ? siteIssuer(organizer.id, tx) : orgIssuer(organizer.id, tx);
}

const issuerView = (d: IssuerDetails, locale: Locale): IssuerView => ({
  name: locale === 'en' ? d.nameEn : d.nameZh,
  contact: d.contact,
  personInCharge: d.personInCharge,
});

function groupsFor(userId: string, period: Period, tx?: Tx) {
  return groupByOrganizer(serviceRecordsOf(userId, startOfShanghaiDay(period.from), endOfShanghaiDay(period.to), tx));
}

const summary = (c: CertificateRow): IssuedSummary => ({
  id: c.id,
  code: c.code,
  issuerName: c.issuerName,
  periodFrom: c.periodFrom,
  periodTo: c.periodTo,
  totalMinutes: c.totalMinutes,
  issuedAt: c.issuedAt,
  revokedAt: c.revokedAt,
});

/** /me/certificate: the helper's staff-confirmed service in the period, one group per organizer, and what they issued before. */
export function myCertificatePage(actor: Actor, period: Period, locale: Locale): MyCertificatePage {
  const groups: ServiceGroupView[] = [];
  for (const g of groupsFor(actor.userId, period)) {
    const issuer = issuerOf(g.organizer);
    if (!issuer) continue;
    groups.push({ organizer: organizerKey(g.organizer), issuer: issuerView(issuer, locale), entries: g.entries, totalMinutes: g.totalMinutes });
  }
  return { period, groups, issued: certificatesOfUser(actor.userId).map(summary) };
}

/**
 * Issues the certificate of one organizer for the period, from the records as they stand now. Issuing the same
 * contents again gives back the live certificate already issued rather than a second number.
 */
export function issueCertificate(actor: Actor, period: Period, organizerText: string, now: number): Result<{ id: string }> {
  const organizer = parseOrganizerKey(organizerText);
  if (!organizer) return notFound();
  return transact((tx) => {
    const group = groupsFor(actor.userId, period, tx).find((g) => organizerKey(g.organizer) === organizerKey(organizer));
    if (!group || group.entries.length === 0) throw new Refusal({ kind: 'conflict', message: { key: 'cert.error.nothing' } });
    const issuer = issuerOf(organizer, tx);
    const name = holderName(actor.userId, tx);
    if (!issuer || !name) throw new Refusal({ kind: 'not_found' });
    const contents = {
      userId: actor.userId,
      issuerSiteId: organizer.type === 'site' ? organizer.id : null,
      issuerOrgId: organizer.type === 'org' ? organizer.id : null,
      periodFrom: period.from,
      periodTo: period.to,
      entries: JSON.stringify(group.entries),
    };
    const twin = liveTwin(tx, contents);
    if (twin) return { id: twin.id };
    const year = shanghaiDate(now).slice(0, 4);
    let code = certificateCode(year, crypto.getRandomValues(new Uint8Array(8)));
    // 40 random bits: a clash is rare, but the unique index would turn one into an error page.
    while (certificateByCode(code, tx)) code = certificateCode(year, crypto.getRandomValues(new Uint8Array(8)));
    const id = newId();
    insertCertificate(tx, {
      id,
      code,
      ...contents,
      issuerName: issuer.nameZh,
      issuerContact: issuer.contact,
      personInCharge: issuer.personInCharge,
      maskedName: maskName(name),
      totalMinutes: group.totalMinutes,
      issuedAt: now,
    });
    recordAudit(tx, {
      at: now,
      actorId: actor.userId,
      entityType: 'certificate',
      entityId: id,
      action: 'certificate.issue',
      note: code,
      siteId: contents.issuerSiteId,
    });
    return { id };
  });
}

/** A QR code of the text, drawn as one SVG path (dark modules as unit squares, a four-module quiet zone). */
export function qrOf(text: string): QrView {
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  const count = qr.getModuleCount();
  const margin = 4;
  let path = '';
  for (let row = 0; row < count; row++) {
    for (let col = 0; col < count; col++) {
      if (qr.isDark(row, col)) path += `M${col + margin} ${row + margin}h1v1h-1z`;
    }
  }
  return { size: count + margin * 2, path };
}

function certificateView(c: CertificateRow, holder: string): CertificateView {
  const verifyUrl = verifyUrlOf(c.code);
  return {
    id: c.id,
    code: c.code,
    issuer: { name: c.issuerName, contact: c.issuerContact, personInCharge: c.personInCharge },
    holderName: holder,
    maskedName: c.maskedName,
    period: { from: c.periodFrom, to: c.periodTo },
    totalMinutes: c.totalMinutes,
    entries: JSON.parse(c.entries) as CertificateEntry[],
    issuedAt: c.issuedAt,
    revokedAt: c.revokedAt,
    revokeReason: c.revokeReason,
    verifyUrl,
    qr: qrOf(verifyUrl),
  };
}

/** The printable certificate, for the helper it certifies only. */
export function myCertificate(actor: Actor, id: string): Result<CertificateView> {
  const c = certificateById(id);
  if (!c || c.userId !== actor.userId) return notFound();
  return ok(certificateView(c, holderName(c.userId) ?? ''));
}

/** What anyone may learn from a number: issuer, period, hours, masked name, and whether it was revoked. Null: no such number. */
export function verifyCertificate(codeText: string): VerifyView | null {
  const code = normalizeCode(codeText);
  const c = code ? certificateByCode(code) : undefined;
  if (!c) return null;
  return {
    code: c.code,
    issuerName: c.issuerName,
    period: { from: c.periodFrom, to: c.periodTo },
    totalMinutes: c.totalMinutes,
    maskedName: c.maskedName,
    revokedAt: c.revokedAt,
  };
}

/** /staff/certificates: those the staff member answers for (issuer site in their subtree, or organization in a county of it). */
export function staffCertificates(actor: Actor, codeText: string) {
  const root = scopeRoot(actor);
  if (!root) return forbidden();
  const code = codeText ? normalizeCode(codeText) : null;
  if (codeText && !code) return ok([]);
  return ok(certificatesUnder(root, code));
}

const resourceOf = (c: CertificateRow) => ({ type: 'certificate' as const, sitePath: certificateSitePath(c), holderUserId: c.userId });

/** /staff/certificates/:id: the certificate as issued, and whether this staff member may revoke it. */
export function staffCertificate(actor: Actor, id: string): Result<CertificateView & { canRevoke: boolean }> {
  const c = certificateById(id);
  if (!c) return notFound();
  const resource = resourceOf(c);
  const root = scopeRoot(actor);
  const visible = actor.admin || (root !== null && resource.sitePath !== null && resource.sitePath.startsWith(root));
  if (!visible) return forbidden();
  return ok({ ...certificateView(c, holderName(c.userId) ?? ''), canRevoke: c.revokedAt === null && can(actor, 'certificate.revoke', resource) });
}

/** Revokes a certificate with a reason; verification says so from then on. */
export function revokeCertificate(actor: Actor, id: string, reason: string, now: number): Result<{ revoked: true }> {
  const c = certificateById(id);
  if (!c) return notFound();
  if (!can(actor, 'certificate.revoke', resourceOf(c))) return forbidden();
  if (c.revokedAt !== null) return conflict('cert.error.already_revoked');
  return transact((tx) => {
    if (revokeCertificateRow(tx, id, { revokedAt: now, revokedBy: actor.userId, revokeReason: reason }) === 0)
      throw new Refusal({ kind: 'conflict', message: { key: 'cert.error.already_revoked' } });
    recordAudit(tx, {
      at: now,
      actorId: actor.userId,
      entityType: 'certificate',
      entityId: id,
      action: 'certificate.revoke',
      note: `${c.code}: ${reason}`,
      siteId: c.issuerSiteId,
    });
    return { revoked: true as const };
  });
}
