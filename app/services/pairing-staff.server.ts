import { recordAudit } from '../data/audit.server';
import {
  childForPairing,
  correctVisitFacts,
  countyOfSite,
  staffPairingDetail,
} from '../data/pairing-staff.server';
import { childHasLivePairing, concernById, visitById, volunteerForPairing } from '../data/pairings.server';
import { canSeeSite, type Actor } from '../domain/actor';
import { DAY_MS, shanghaiDate } from '../domain/calendar';
import { err, forbidden, notFound, ok, type DomainError, type Result } from '../domain/errors';
import {
  childAlreadyPaired,
  decideConcernStep,
  decidePairingProposal,
  decidePairingStep,
  decideVisitCorrection,
  decideVisitReview,
  pairingResource,
  type Agreement,
  type VisitKind,
  type VisitTransition,
} from '../domain/pairing';
import { can } from '../domain/policy';
import { checkPublicText } from '../domain/privacy';
import { ageBand } from '../domain/wish';
import type { Locale } from '../i18n/locale';
import { config } from '../platform/config.server';
import { childPrivacyFacts } from '../server/child-facts.server';
import type { OutgoingMail } from '../server/status-change.server';
import { refuseUnlessChanged, transact } from '../server/tx.server';
import { newId } from '../data/ids.server';
import { writeConcernStatus, writeNewPairing, writePairingStatus, writeVisitStatus } from './pairing-status.server';

// Staff acting on one pairing: proposing it (with the signed agreement), withdrawing a proposal, ending an
// active pairing, reviewing and correcting the volunteer's contact logs, and answering concerns. Each is
// load → can('pairing.manage') → the pairing domain's decision → one transaction through the one writer of
// the status columns (pairing-status.server.ts). Text staff write that the volunteer reads (a reason)
// passes the privacy check against that child's record: the volunteer never learns the child's real name.

type Detail = NonNullable<ReturnType<typeof staffPairingDetail>>;

/** The child's public face in a mail to the volunteer: alias, age band and county only. */
function childFace(detail: { child: { alias: string; birthDate: string }; site: { path: string } }, locale: Locale, now: number) {
  const county = countyOfSite(detail.site.path);
  let band = '';
  try {
    band = ageBand(detail.child.birthDate, shanghaiDate(now));
  } catch {
    band = '';
  }
  return { alias: detail.child.alias, ageBand: band, county: county ? (locale === 'en' ? county.nameEn : county.nameZh) : '' };
}

const base = () => config().appUrl.replace(/\/$/, '');

/** A mail to the pairing's volunteer about it: the child's public face and a link to their pairing page. */
export function volunteerMail(
  detail: { pairing: { id: string }; child: { alias: string; birthDate: string }; site: { path: string } },
  to: { email: string; name: string; locale: Locale },
  template: string,
  now: number,
  extra: Record<string, string | number> = {},
): OutgoingMail {
  return {
    to: to.email,
    template,
    locale: to.locale,
    params: { name: to.name, ...childFace(detail, to.locale, now), url: `${base()}/me/pairings/${detail.pairing.id}`, ...extra },
  };
}

const volunteerOf = (d: Detail) => ({ email: d.volunteer.email, name: d.volunteer.name, locale: d.volunteer.locale as Locale });

/** Staff may see the pairing (not found otherwise) and act on it (refused for their own pairing). */
function managed(actor: Actor | null, pairingId: string): Result<Detail> {
  const detail = staffPairingDetail(pairingId);
  if (!detail || !actor || !canSeeSite(actor, detail.site.path)) return notFound();
  const resource = pairingResource({ sitePath: detail.site.path, volunteerUserId: detail.pairing.volunteerUserId });
  if (!can(actor, 'pairing.manage', resource)) return forbidden('pairing-staff.error.own_pairing');
  return ok(detail);
}

/** Text the volunteer will read: refused when it names this child's real name, birth date, school, address… */
function privacyRefusal(texts: string[], child: { realName: string; birthDate: string }): Result<never> | null {
  const findings = checkPublicText(texts, childPrivacyFacts(child));
  return findings.length ? err({ kind: 'privacy', findings }) : null;
}

/** The domain's refusal for a child already paired: what a lost race on the unique index comes back as too. */
const CHILD_PAIRED: DomainError = (childAlreadyPaired() as { ok: false; error: DomainError }).error;

export interface ProposalInput extends Agreement {
  childId: string;
  volunteerUserId: string;
}

/**
 * Staff propose a pairing of a child of their subtree with an approved caring parent, recording the
 * signed agreement. Decided on what was read before the write; the partial unique index
 * pairings_one_live_per_child makes the final call on the child when two staff pair it at once, and the
 * loser gets the same refusal as if it had read the other pairing (pairing.error.child_paired).
 */
export function proposePairing(actor: Actor | null, input: ProposalInput, now: number): Result<{ pairingId: string }> {
  const child = childForPairing(input.childId);
  if (!child || !actor || !canSeeSite(actor, child.sitePath)) return notFound();
  if (!can(actor, 'pairing.manage', pairingResource({ sitePath: child.sitePath, volunteerUserId: input.volunteerUserId }))) {
    return forbidden('pairing-staff.error.own_pairing');
  }
  const volunteer = volunteerForPairing(input.volunteerUserId);
  if (!volunteer) return err({ kind: 'validation', fields: { volunteerUserId: ['pairing-staff.error.not_volunteer'] } });
  const agreement = { signedOn: input.signedOn, witness: input.witness.trim() };
  const decided = decidePairingProposal(volunteer.facts, { livePairing: childHasLivePairing(child.id) }, agreement, {
    now,
    today: shanghaiDate(now),
    maxActive: config().pairingMaxActive,
  });
  if (!decided.ok) return decided;
  const pairingId = newId();
  const detail = { pairing: { id: pairingId }, child, site: { path: child.sitePath } };
  const mail = volunteerMail(detail, { email: volunteer.email, name: volunteer.name, locale: volunteer.locale as Locale }, 'pairing.proposed', now, {
    contactName: child.contactName ?? '',
    contactPhone: child.contactPhone ?? '',
  });
  return transact((tx) => {
    writeNewPairing(
      tx,
      {
        id: pairingId,
        volunteerUserId: input.volunteerUserId,
        childId: child.id,
        siteId: child.siteId,
        agreementSignedOn: agreement.signedOn,
        agreementWitness: agreement.witness,
        createdBy: actor.userId,
      },
      { actorId: actor.userId, siteId: child.siteId, now },
      [mail],
    );
    return { pairingId };
  }, CHILD_PAIRED);
}

/** Staff take back a proposal the volunteer has not answered, or end an active pairing; both with a reason the volunteer is mailed. */
export function endPairing(actor: Actor | null, pairingId: string, step: 'withdraw' | 'end', reason: string, now: number): Result<{ pairingId: string }> {
  const found = managed(actor, pairingId);
  if (!found.ok) return found;
  const detail = found.value;
  const decided = decidePairingStep(detail.pairing.status, step, { reason, now, maxActive: config().pairingMaxActive });
  if (!decided.ok) return decided;
  const text = decided.value.reason!;
  const refused = privacyRefusal([text], detail.child);
  if (refused) return refused;
  const template = step === 'withdraw' ? 'pairing.withdrawn' : 'pairing.ended';
  return transact((tx) => {
    writePairingStatus(
      tx,
      {
        id: pairingId,
        from: detail.pairing.status,
        to: decided.value.to,
        action: step,
        actorId: actor!.userId,
        siteId: detail.pairing.siteId,
        now,
        note: text,
        mails: [volunteerMail(detail, volunteerOf(detail), template, now, { reason: text })],
      },
      { endedAt: now, endReason: text, endedBy: actor!.userId },
    );
    return { pairingId };
  });
}

/** A pairing staff manage (as `managed`) and one of its visit logs: a log of another pairing is not found either. */
function managedVisit(actor: Actor | null, pairingId: string, visitId: string): Result<{ detail: Detail; visit: NonNullable<ReturnType<typeof visitById>> }> {
  const found = managed(actor, pairingId);
  if (!found.ok) return found;
  const visit = visitById(visitId);
  return visit && visit.pairingId === found.value.pairing.id ? ok({ detail: found.value, visit }) : notFound();
}

/** Staff confirm a logged contact (its minutes become the volunteer's hours) or reject it with a reason. */
export function reviewVisit(
  actor: Actor | null,
  pairingId: string,
  visitId: string,
  step: VisitTransition,
  reason: string | undefined,
  now: number,
): Result<{ visitId: string }> {
  const found = managedVisit(actor, pairingId, visitId);
  if (!found.ok) return found;
  const { detail, visit } = found.value;
  const decided = decideVisitReview(visit.status, step, reason);
  if (!decided.ok) return decided;
  const text = decided.value.reason;
  if (step === 'reject_visit') {
    const refused = privacyRefusal([text!], detail.child);
    if (refused) return refused;
  }
  const template = step === 'confirm_visit' ? 'visit.confirmed' : 'visit.rejected';
  return transact((tx) => {
    writeVisitStatus(
      tx,
      {
        id: visitId,
        from: visit.status,
        to: decided.value.to,
        action: step,
        actorId: actor!.userId,
        siteId: detail.pairing.siteId,
        now,
        note: text,
        mails: [
          volunteerMail(detail, volunteerOf(detail), template, now, {
            kind: visit.kind,
            happenedAt: visit.happenedAt,
            minutes: visit.minutes,
            ...(text ? { reason: text } : {}),
          }),
        ],
      },
      { confirmedBy: actor!.userId, confirmedAt: now, rejectReason: step === 'reject_visit' ? text : null },
    );
    return { visitId };
  });
}

export interface VisitCorrection {
  happenedOn: string;
  kind: VisitKind;
  minutes: number;
  staffAccompanied: boolean;
}

/** Staff correct a log's facts (its day, kind, minutes, whether staff came along), whatever its status, with a reason the audit keeps. */
export function correctVisit(actor: Actor | null, pairingId: string, visitId: string, input: VisitCorrection, reason: string, now: number): Result<{ visitId: string }> {
  const found = managedVisit(actor, pairingId, visitId);
  if (!found.ok) return found;
  const { detail, visit } = found.value;
  const p = detail.pairing;
  const decided = decideVisitCorrection(
    { startedOn: p.startedAt === null ? null : shanghaiDate(p.startedAt), endedOn: p.endedAt === null ? null : shanghaiDate(p.endedAt) },
    input,
    reason,
    shanghaiDate(now),
  );
  if (!decided.ok) return decided;
  // The day moves, the time of day the volunteer gave stays.
  const days = Math.round((Date.parse(input.happenedOn) - Date.parse(shanghaiDate(visit.happenedAt))) / DAY_MS);
  const happenedAt = visit.happenedAt + days * DAY_MS;
  return transact((tx) => {
    refuseUnlessChanged(
      correctVisitFacts(tx, visitId, { kind: input.kind, happenedAt, minutes: input.minutes, staffAccompanied: input.staffAccompanied, correctedAt: now }),
      'visit.error.changed',
    );
    recordAudit(tx, {
      at: now,
      actorId: actor!.userId,
      entityType: 'visit',
      entityId: visitId,
      action: 'correct_visit',
      fromStatus: visit.status,
      toStatus: visit.status,
      note: decided.value.reason,
      siteId: p.siteId,
    });
    return { visitId };
  });
}

/**
 * Staff answer a concern: acknowledging tells the volunteer it was received (the mail names the kind and
 * the day, never the staff's notes nor the concern's text); closing records what staff did, which stays
 * on staff pages. An open concern may be closed at once (acknowledged on the way).
 */
export function answerConcern(
  actor: Actor | null,
  pairingId: string,
  concernId: string,
  step: 'acknowledge' | 'close_concern',
  actionTaken: string | undefined,
  now: number,
): Result<{ concernId: string }> {
  const found = managed(actor, pairingId);
  if (!found.ok) return found;
  const detail = found.value;
  const concern = concernById(concernId);
  if (!concern || concern.pairingId !== pairingId) return notFound();
  const decided = decideConcernStep(concern.status, step, actionTaken);
  if (!decided.ok) return decided;
  const acknowledging = concern.status === 'open';
  return transact((tx) => {
    writeConcernStatus(
      tx,
      {
        id: concernId,
        from: concern.status,
        to: decided.value.to,
        action: step,
        actorId: actor!.userId,
        siteId: concern.siteId,
        now,
        mails:
          step === 'acknowledge'
            ? [volunteerMail(detail, volunteerOf(detail), 'concern.acknowledged', now, { kind: concern.kind, raisedAt: concern.raisedAt })]
            : [],
      },
      {
        ...(acknowledging ? { acknowledgedAt: now, acknowledgedBy: actor!.userId } : {}),
        ...(step === 'close_concern' ? { actionTaken: decided.value.actionTaken, closedAt: now, closedBy: actor!.userId } : {}),
      },
    );
    return { concernId };
  });
}
