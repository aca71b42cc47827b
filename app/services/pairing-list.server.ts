import { findChild } from '../data/children.server';
import { openConcernsUnder, overduePairingsUnder, pageOfPairingsUnder, pairingsOfChild, sitesWithPairingsUnder } from '../data/pairing-list.server';
import { scopeRoot } from '../data/scope.server';
import type { Actor } from '../domain/actor';
import { forbidden, notFound, ok } from '../domain/errors';
import { contactOverdue, pairingResource, PAIRING_STATUSES, type PairingStatus } from '../domain/pairing';
import { can } from '../domain/policy';
import { readPage } from '../server/paging.server';
import type { PairingAlertsView } from '../views/pairing-list';

// The staff's overview of pairings (read only): /staff/pairings, the alerts at the top of /staff and the
// pairing history on a child's page. Acting on a pairing is /staff/pairings/:id's. Only the child's alias
// is shown here, never the real name; a concern's text stays on the pairing's page.

export interface PairingListQuery {
  status: PairingStatus | '';
  /** A site of the subtree that holds pairings; anything else is ignored. */
  site: string;
  overdue: boolean;
  concern: boolean;
  page: number;
}

const pairingUrl = (id: string) => `/staff/pairings/${id}`;

/** The subtree the actor oversees pairings in, or null for anyone who is not staff. */
function pairingRoot(actor: Actor | null): string | null {
  const root = scopeRoot(actor);
  return root !== null && can(actor, 'pairing.manage', { type: 'site', sitePath: root }) ? root : null;
}

/**
 * /staff/pairings: the subtree's pairings a page at a time, filtered by status, site, overdue contact
 * and open concerns, each flagged when its contact is overdue (the domain's contactOverdue, with the
 * site's contact_overdue_days) or a concern is not closed yet.
 */
export function staffPairingList(actor: Actor, query: PairingListQuery, now: number) {
  const root = pairingRoot(actor);
  if (root === null) return forbidden();
  const sites = sitesWithPairingsUnder(root);
  const site = sites.some((x) => x.id === query.site) ? query.site : '';
  const filter = { status: query.status || null, siteId: site || null, overdue: query.overdue, concern: query.concern };
  const { rows, paging } = readPage(query.page, (window) => pageOfPairingsUnder(root, filter, now, window));
  return ok({
    status: query.status || null,
    statuses: PAIRING_STATUSES,
    site,
    sites: sites.map(({ id, nameZh, nameEn }) => ({ id, nameZh, nameEn })),
    overdue: query.overdue,
    concern: query.concern,
    paging,
    pairings: rows.map((r) => ({
      id: r.id,
      url: pairingUrl(r.id),
      status: r.status,
      childAlias: r.childAlias,
      volunteerName: r.volunteerName,
      siteZh: r.siteZh,
      siteEn: r.siteEn,
      proposedAt: r.proposedAt,
      startedAt: r.startedAt,
      endedAt: r.endedAt,
      endRequested: r.status === 'active' && r.endRequestedAt !== null,
      lastContactAt: r.lastContactAt,
      overdue: contactOverdue(r, r.lastContactAt, now, r.contactOverdueDays),
      unresolvedConcerns: r.unresolvedConcerns,
      openConcerns: r.openConcerns,
    })),
  });
}

/** How many overdue pairings the top of /staff names one by one; the rest are behind the list's link. */
export const OVERDUE_SHOWN = 10;

const NO_ALERTS: PairingAlertsView = { concerns: [], overdue: { total: 0, url: '/staff/pairings?overdue=1', items: [] } };

/** The top of /staff: the subtree's open concerns (urgent, each linked to its pairing), then its overdue pairings. */
export function staffPairingAlerts(actor: Actor | null, now: number): PairingAlertsView {
  const root = pairingRoot(actor);
  if (root === null) return NO_ALERTS;
  const overdue = overduePairingsUnder(root, now, OVERDUE_SHOWN);
  return {
    concerns: openConcernsUnder(root).map(({ pairingId, ...c }) => ({ ...c, url: pairingUrl(pairingId) })),
    overdue: {
      total: overdue.total,
      url: NO_ALERTS.overdue.url,
      items: overdue.rows.map(({ startedAt, lastContactAt, ...r }) => ({
        ...r,
        url: pairingUrl(r.id),
        since: Math.max(startedAt ?? 0, lastContactAt ?? 0),
      })),
    },
  };
}

/**
 * Every pairing of a child the actor may read (staff of the child's site subtree), newest first: the
 * volunteer, the dates, the status and the confirmed contacts, each linked to the pairing's page.
 */
export function childPairingHistory(actor: Actor, childId: string) {
  const found = findChild(childId);
  if (!found || !can(actor, 'child.read', { type: 'site', sitePath: found.sitePath })) return notFound();
  return ok(
    pairingsOfChild(childId)
      .filter((p) => can(actor, 'pairing.read', pairingResource(p)))
      .map(({ sitePath: _sitePath, volunteerUserId: _volunteer, ...p }) => ({ ...p, url: pairingUrl(p.id) })),
  );
}
