import type { ValidSession } from '../auth/session.server';
import { organizationsOfUser } from '../data/organizations.server';
import { organizationTotals, receiptLines } from '../data/org-totals.server';
import { notFound, ok, type Result } from '../domain/errors';

// /org's totals and its yearly receipt of the value given: for the organization's members only.

function membership(viewer: ValidSession, orgId: string | null) {
  const memberships = organizationsOfUser(viewer.user.id);
  return (orgId ? memberships.find((m) => m.org.id === orgId) : memberships[0]) ?? null;
}

/** What the organization did on the platform, all years together (null: the viewer belongs to no organization). */
export function orgTotals(viewer: ValidSession, orgId: string | null) {
  const m = membership(viewer, orgId);
  return m ? organizationTotals(m.org.id) : null;
}

export interface ReceiptView {
  org: { id: string; name: string };
  year: number;
  lines: Array<{ claimId: string; confirmedAt: number; title: string; siteZh: string; siteEn: string; valueFen: number }>;
  totalFen: number;
}

/**
 * The receipt of one year: the organization's claims staff confirmed as received in that Shanghai year, each with
 * the wish's public title, the site that received it and the value recorded. Not a member: not found.
 */
export function orgReceipt(viewer: ValidSession, orgId: string | null, year: number): Result<ReceiptView> {
  const m = membership(viewer, orgId);
  if (!m || !Number.isInteger(year) || year < 2000 || year > 2999) return notFound();
  const lines = receiptLines(m.org.id, year);
  return ok({ org: { id: m.org.id, name: m.org.name }, year, lines, totalFen: lines.reduce((sum, l) => sum + l.valueFen, 0) });
}
