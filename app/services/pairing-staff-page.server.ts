import { recordAudit } from '../data/audit.server';
import { caringParentsUnder, childrenToPairUnder, concernsOfPairing, staffPairingDetail, visitsOfPairing } from '../data/pairing-staff.server';
import { lastConfirmedContacts } from '../data/pairings.server';
import { scopeRoot } from '../data/scope.server';
import { canSeeSite, type Actor } from '../domain/actor';
import { shanghaiDate } from '../domain/calendar';
import { forbidden, notFound, ok } from '../domain/errors';
import {
  availablePairingSteps,
  CONCERN_TRANSITIONS,
  contactOverdue,
  creditedMinutes,
  pairingResource,
  pairingShown,
  VISIT_TRANSITIONS,
  visitShown,
  volunteerEligible,
} from '../domain/pairing';
import { can } from '../domain/policy';
import { ageBand } from '../domain/wish';
import { config } from '../platform/config.server';
import { transact } from '../server/tx.server';

// The staff's pages of pairings: one pairing (/staff/pairings/:id) and the new-pairing form. Both show
// children's real names, so each look is a `child.read` / `child.list` audit event (README D13).

function safeBand(birthDate: string, today: string): string {
  try {
    return ageBand(birthDate, today);
  } catch {
    return '';
  }
}

/** /staff/pairings/:id: the pairing, its child (real name), volunteer, agreement, steps, contact logs and concerns. */
export function staffPairingPage(actor: Actor, id: string, now: number) {
  const detail = staffPairingDetail(id);
  if (!detail || !canSeeSite(actor, detail.site.path)) return notFound();
  const p = detail.pairing;
  const facts = { status: p.status, volunteerUserId: p.volunteerUserId, sitePath: detail.site.path };
  const canManage = can(actor, 'pairing.manage', pairingResource(facts));
  transact((tx) =>
    recordAudit(tx, { at: now, actorId: actor.userId, entityType: 'child', entityId: detail.child.id, action: 'child.read', note: `pairing ${id}`, siteId: detail.site.id }),
  );
  const visits = visitsOfPairing(id);
  const concerns = concernsOfPairing(id);
  const lastContact = lastConfirmedContacts([id]).get(id) ?? null;
  const today = shanghaiDate(now);
  return ok({
    pairing: { ...pairingShown(p), agreementWitness: p.agreementWitness, proposerName: detail.proposerName },
    child: { id: detail.child.id, alias: detail.child.alias, realName: detail.child.realName, ageBand: safeBand(detail.child.birthDate, today) },
    site: { nameZh: detail.site.nameZh, nameEn: detail.site.nameEn, contactName: detail.site.contactName, contactPhone: detail.site.contactPhone },
    volunteer: {
      userId: detail.volunteer.userId,
      name: detail.volunteer.name,
      realName: detail.volunteer.realName,
      phone: detail.volunteer.phone,
      recheckDueAt: detail.volunteer.recheckDueAt,
    },
    steps: availablePairingSteps(facts, actor),
    canManage,
    overdue: contactOverdue(p, lastContact, now, detail.site.contactOverdueDays),
    lastContact,
    creditedMinutes: creditedMinutes(visits),
    visits: visits.map((v) => ({
      ...visitShown(v),
      happenedAt: v.happenedAt,
      correctedAt: v.correctedAt,
      canReview: canManage && VISIT_TRANSITIONS.confirm_visit.from.includes(v.status),
      canCorrect: canManage && p.startedAt !== null,
    })),
    concerns: concerns.map((c) => ({
      id: c.id,
      kind: c.kind,
      text: c.text,
      status: c.status,
      raisedAt: c.raisedAt,
      acknowledgedAt: c.acknowledgedAt,
      actionTaken: c.actionTaken,
      closedAt: c.closedAt,
      canAcknowledge: canManage && CONCERN_TRANSITIONS.acknowledge.from.includes(c.status),
      canClose: canManage && CONCERN_TRANSITIONS.close_concern.from.includes(c.status),
    })),
  });
}

/**
 * /staff/pairings/new: the subtree's children without a live pairing (real names, so a `child.list`
 * event), and the approved caring parents in scope with whether each may be paired now.
 */
export function newPairingPage(actor: Actor, childId: string | null, now: number) {
  const root = scopeRoot(actor);
  if (root === null || !can(actor, 'pairing.manage', { type: 'site', sitePath: root })) return forbidden();
  const today = shanghaiDate(now);
  const maxActive = config().pairingMaxActive;
  const children = childrenToPairUnder(root).map(({ birthDate, ...c }) => ({ ...c, birthYear: birthDate.slice(0, 4), ageBand: safeBand(birthDate, today) }));
  transact((tx) =>
    recordAudit(tx, { at: now, actorId: actor.userId, entityType: 'site', entityId: actor.staff?.siteId ?? 'all', action: 'child.list', note: `${children.length}`, siteId: actor.staff?.siteId ?? null }),
  );
  const volunteers = caringParentsUnder(root)
    .filter((v) => v.userId !== actor.userId)
    .map((v) => {
      const eligible = volunteerEligible(
        { status: 'approved', caringParent: true, oneToOne: true, recheckDueAt: v.recheckDueAt, activePairings: Number(v.activePairings) },
        now,
        maxActive,
      );
      const why = eligible.ok ? null : 'message' in eligible.error ? (eligible.error.message ?? null) : null;
      return { userId: v.userId, name: v.name, realName: v.realName, activePairings: Number(v.activePairings), why };
    });
  return ok({
    children,
    volunteers,
    childId: childId !== null && children.some((c) => c.id === childId) ? childId : null,
    maxActive,
    today,
  });
}
