import type { CertificateEntry, Period } from '../domain/certificate';

// What the certificate pages render (client-safe shapes).

export interface IssuerView {
  name: string;
  contact: string | null;
  personInCharge: string | null;
}

/** One organizer's share of a helper's service in the period, ready to be issued. */
export interface ServiceGroupView {
  /** site:<id> or org:<id>: what the issue form posts. */
  organizer: string;
  issuer: IssuerView;
  entries: CertificateEntry[];
  totalMinutes: number;
}

export interface IssuedSummary {
  id: string;
  code: string;
  issuerName: string;
  periodFrom: string;
  periodTo: string;
  totalMinutes: number;
  issuedAt: number;
  revokedAt: number | null;
}

export interface MyCertificatePage {
  period: Period;
  groups: ServiceGroupView[];
  issued: IssuedSummary[];
}

/** The printable certificate: everything printed on it, with its verify URL and QR code. */
export interface CertificateView {
  id: string;
  code: string;
  issuer: IssuerView;
  holderName: string;
  maskedName: string;
  period: Period;
  totalMinutes: number;
  entries: CertificateEntry[];
  issuedAt: number;
  revokedAt: number | null;
  revokeReason: string | null;
  verifyUrl: string;
  qr: QrView;
}

/** A QR code as one SVG path over a square of `size` modules (quiet zone included). */
export interface QrView {
  size: number;
  path: string;
}

/** All that verification shows. */
export interface VerifyView {
  code: string;
  issuerName: string;
  period: Period;
  totalMinutes: number;
  maskedName: string;
  revokedAt: number | null;
}
