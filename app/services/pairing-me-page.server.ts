import { concernsRaisedBy, countyAncestors, pairingForVolunteerPage, pairingsOfVolunteer, visitsOfPairings } from '../data/pairing-me.server';
import type { Actor } from '../domain/actor';
import { shanghaiDate } from '../domain/calendar';
import { notFound, type Result } from '../domain/errors';
import {
  DEFAULT_CONTACT_OVERDUE_DAYS,
  availablePairingSteps,
  contactOverdue,
  countsAsHomeVisit,
  creditedMinutes,
  pairingResource,
  pairingShown,
  type PairingStatus,
  type PairingTransition,
  visitShown,
} from '../domain/pairing';
import { can } from '../domain/policy';
import { ageBand, countyShownFor } from '../domain/wish';
import type { MyPairingRow } from '../views/pairing-me';

// What the caring-parent volunteer sees of their pairings: on /me (each pairing with its credited hours
// and last confirmed contact) and on /me/pairings/:id. Of the child only the alias, the age band and the
// county; of the site its name and contact person. Never the real name, birth date, category, guardian
// or notes: the birth date read to compute the age band stays in this module.


function county(sitePath: string) {
  const shown = countyShownFor(countyAncestors(sitePath));
  return { countyZh: shown?.nameZh ?? '', countyEn: shown?.nameEn ?? '' };
}

function lastConfirmed(visits: readonly { status: string; happenedAt: number }[]): number | null {
  const confirmed = visits.filter((v) => v.status === 'confirmed').map((v) => v.happenedAt);
  return confirmed.length ? Math.max(...confirmed) : null;
}

/** The "My pairings" section of /me: the viewer's pairings, newest first (empty for anyone without one). */
export function myPairings(actor: Actor | null, now: number): MyPairingRow[] {
  if (!actor) return [];
  const rows = pairingsOfVolunteer(actor.userId);
  const visits = visitsOfPairings(rows.map((r) => r.id));
  const today = shanghaiDate(now);
  return rows.map((r) => {
    const own = visits.filter((v) => v.pairingId === r.id);
    const last = lastConfirmed(own);
    return {
      id: r.id,
      status: r.status,
      childAlias: r.childAlias,
      ageBand: ageBand(r.childBirthDate, today),
      ...county(r.sitePath),
      creditedMinutes: creditedMinutes(own),
      lastContactAt: last,
      overdue: contactOverdue({ status: r.status, startedAt: r.startedAt }, last, now, r.contactOverdueDays ?? DEFAULT_CONTACT_OVERDUE_DAYS),
      startedAt: r.startedAt,
      endedAt: r.endedAt,
    };
  });
}

/** The volunteer's page of one pairing: the child's public face, the site's contact, the steps, the logs and their own concerns. */
export function myPairingPage(actor: Actor | null, pairingId: string, now: number) {
  const p = pairingForVolunteerPage(pairingId);
  if (!p) return notFound();
  const resource = pairingResource({ sitePath: p.sitePath, volunteerUserId: p.volunteerUserId });
  // Staff read pairings on their own page; this one is the volunteer's.
  if (!can(actor, 'pairing.act_as_volunteer', resource)) return notFound();
  const visits = visitsOfPairings([p.id]);
  const last = lastConfirmed(visits);
  const steps: PairingTransition[] = availablePairingSteps({ status: p.status, volunteerUserId: p.volunteerUserId, sitePath: p.sitePath }, actor);
  const value = {
    pairing: pairingShown(p),
    child: { alias: p.childAlias, ageBand: ageBand(p.childBirthDate, shanghaiDate(now)), ...county(p.sitePath) },
    site: { nameZh: p.siteZh, nameEn: p.siteEn, contactName: p.contactName, contactPhone: p.contactPhone },
    steps: steps.filter((s) => s === 'accept' || s === 'decline'),
    canLogVisit: p.status !== 'proposed' && p.startedAt !== null,
    canRequestEnd: p.status === 'active' && p.endRequestedAt === null,
    visits: visits.map((v) => ({ ...visitShown(v), corrected: v.correctedAt !== null })),
    concerns: concernsRaisedBy(p.id, actor!.userId).map((c) => ({ id: c.id, kind: c.kind, text: c.text, status: c.status, raisedAt: c.raisedAt })),
    creditedMinutes: creditedMinutes(visits),
    homeVisits: visits.filter(countsAsHomeVisit).length,
    lastContactAt: last,
    overdue: contactOverdue({ status: p.status, startedAt: p.startedAt }, last, now, p.contactOverdueDays ?? DEFAULT_CONTACT_OVERDUE_DAYS),
    today: shanghaiDate(now),
  };
  return { ok: true as const, value } satisfies Result<typeof value>;
}
