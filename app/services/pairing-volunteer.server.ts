import { recordAudit } from '../data/audit.server';
import { newId } from '../data/ids.server';
import { childIdentityOfPairing, markEndRequested, proposerOf } from '../data/pairing-me.server';
import { pairingForAction, staffForConcern, visitById, volunteerForPairing } from '../data/pairings.server';
import type { Actor } from '../domain/actor';
import { endOfShanghaiDay, shanghaiDate } from '../domain/calendar';
import { err, forbidden, notFound, type DomainError, type Result } from '../domain/errors';
import {
  PAIRING_STEP_RULES,
  decideConcern,
  decideEndRequest,
  decidePairingStep,
  decideVisitLog,
  pairingResource,
  type ConcernKind,
  type VisitInput,
} from '../domain/pairing';
import { can } from '../domain/policy';
import { checkPublicText } from '../domain/privacy';
import { enqueueMail } from '../mail/send.server';
import { config } from '../platform/config.server';
import { childPrivacyFacts } from '../server/child-facts.server';
import type { OutgoingMail } from '../server/status-change.server';
import { Refusal, refuseUnlessChanged, transact } from '../server/tx.server';
import { writeNewConcern, writeNewVisit, writePairingStatus } from './pairing-status.server';

// The caring-parent volunteer's steps on their own pairing (/me/pairings/:id): accept or decline a
// proposal, ask to end it, log a contact, raise a concern. Each: load → can() → decide (pairing.ts) →
// one transaction through the one writer (pairing-status.server.ts). Text the volunteer writes about the
// child (a visit note, a reason) passes the privacy check against that child's record and is refused when
// it names them; a concern's text is not checked (it goes only to staff, who know the child) and is mailed
// only to the staff of the child's site and county.

/** How many active pairings a volunteer may hold when accepting. PAIRING_MAX_ACTIVE is read by the staff side's config; until it is here, the domain's default. */
const maxActive = () => config().pairingMaxActive;

const appUrl = () => config().appUrl.replace(/\/$/, '');

type Found = NonNullable<ReturnType<typeof pairingForAction>>;

/**
 * The pairing, if this actor may act on it as its volunteer. A stranger learns nothing (not found); staff
 * who may read it are told it is the volunteer's step.
 */
function loadAsVolunteer(actor: Actor | null, pairingId: string): Result<Found> {
  const found = pairingForAction(pairingId);
  if (!found) return notFound();
  const resource = pairingResource({ sitePath: found.sitePath, volunteerUserId: found.pairing.volunteerUserId });
  if (!can(actor, PAIRING_STEP_RULES.accept!, resource)) {
    return can(actor, 'pairing.read', resource) ? forbidden('pairme.error.volunteer_only') : notFound();
  }
  return { ok: true, value: found };
}

/** Field errors of the domain as catalogue keys of this page. */
function withFieldKeys(error: DomainError): DomainError {
  if (error.kind !== 'validation') return error;
  const fields = Object.fromEntries(Object.entries(error.fields).map(([name, keys]) => [name, keys.map((k) => `pairme.field.${k}`)]));
  return { ...error, fields };
}

/**
 * Does this text name the child of the pairing (name in any spelling, birth date, guardian) or give an
 * address, phone, ID or school? The refusal names the kinds only, never the matched text: the answer is
 * part of the volunteer's page.
 */
function privateTextRefusal(pairingId: string, field: string, text: string): Result<never> | null {
  if (text.trim() === '') return null;
  const child = childIdentityOfPairing(pairingId);
  if (!child) return null;
  const kinds = new Set(checkPublicText([text], childPrivacyFacts(child)).map((f) => f.kind));
  const guardian = child.guardian?.trim() ?? '';
  if (guardian.length >= 2 && text.includes(guardian)) kinds.add('guardian');
  if (kinds.size === 0) return null;
  return err({
    kind: 'validation',
    fields: { [field]: ['pairme.field.private', ...[...kinds].map((k) => `pairme.private.${k}`)] },
    message: { key: 'pairme.error.private_text' },
  });
}

/** The public face of the pairing every mail about it carries: the alias and the child's site, nothing more. */
function face(found: Found, locale: string) {
  return { alias: found.childAlias, site: locale === 'en' ? found.siteNameEn : found.siteNameZh };
}

/** The volunteer accepts a proposal: it becomes active; they and the staff member who proposed it are mailed. */
export function acceptPairing(actor: Actor | null, pairingId: string, now: number): Result<{ pairingId: string }> {
  const loaded = loadAsVolunteer(actor, pairingId);
  if (!loaded.ok) return loaded;
  const actorId = actor!.userId;
  return transact((tx) => {
    const found = pairingForAction(pairingId, tx)!;
    const volunteer = volunteerForPairing(found.pairing.volunteerUserId, tx);
    if (!volunteer) throw new Refusal({ kind: 'not_found' });
    const decided = decidePairingStep(found.pairing.status, 'accept', { volunteer: volunteer.facts, now, maxActive: maxActive() });
    if (!decided.ok) throw new Refusal(decided.error);
    const proposer = proposerOf(pairingId, tx);
    const mails: OutgoingMail[] = [
      {
        to: volunteer.email,
        template: 'pairing.accepted',
        locale: volunteer.locale,
        params: { name: volunteer.name, ...face(found, volunteer.locale), url: `${appUrl()}/me/pairings/${pairingId}` },
      },
    ];
    if (proposer && proposer.id !== found.pairing.volunteerUserId) {
      mails.push({
        to: proposer.email,
        template: 'pairing.accepted_staff',
        locale: proposer.locale,
        params: { name: proposer.name, volunteer: volunteer.name, ...face(found, proposer.locale), url: `${appUrl()}/staff/pairings/${pairingId}` },
      });
    }
    writePairingStatus(
      tx,
      { id: pairingId, from: found.pairing.status, to: decided.value.to, action: 'accept', actorId, siteId: found.pairing.siteId, now, mails },
      { startedAt: now },
    );
    return { pairingId };
  });
}

/** The volunteer declines a proposal (a reason is optional, and checked): it ends; the staff member who proposed it is told. */
export function declinePairing(actor: Actor | null, pairingId: string, reason: string | undefined, now: number): Result<{ pairingId: string }> {
  const loaded = loadAsVolunteer(actor, pairingId);
  if (!loaded.ok) return loaded;
  const text = reason?.trim() ?? '';
  const refused = privateTextRefusal(pairingId, 'reason', text);
  if (refused) return refused;
  const actorId = actor!.userId;
  return transact((tx) => {
    const found = pairingForAction(pairingId, tx)!;
    const decided = decidePairingStep(found.pairing.status, 'decline', { reason: text, now, maxActive: maxActive() });
    if (!decided.ok) throw new Refusal(withFieldKeys(decided.error));
    const volunteer = volunteerForPairing(found.pairing.volunteerUserId, tx);
    const proposer = proposerOf(pairingId, tx);
    const mails: OutgoingMail[] =
      proposer && proposer.id !== actorId
        ? [
            {
              to: proposer.email,
              template: 'pairing.declined',
              locale: proposer.locale,
              params: { name: proposer.name, volunteer: volunteer?.name ?? '', ...face(found, proposer.locale), reason: text, url: `${appUrl()}/staff/pairings/${pairingId}` },
            },
          ]
        : [];
    writePairingStatus(
      tx,
      { id: pairingId, from: found.pairing.status, to: decided.value.to, action: 'decline', actorId, siteId: found.pairing.siteId, now, note: text || null, mails },
      { endedAt: now, endedBy: actorId, endReason: text || null },
    );
    return { pairingId };
  });
}

/**
 * The volunteer asks to end an active pairing, with a reason (checked): recorded once on the pairing,
 * audited as request_end, and mailed to the staff of the child's site and county, who decide.
 */
export function requestPairingEnd(actor: Actor | null, pairingId: string, reason: string, now: number): Result<{ pairingId: string }> {
  const loaded = loadAsVolunteer(actor, pairingId);
  if (!loaded.ok) return loaded;
  const decided = decideEndRequest({ status: loaded.value.pairing.status, endRequestedAt: loaded.value.pairing.endRequestedAt }, reason);
  if (!decided.ok) return err(withFieldKeys(decided.error));
  const refused = privateTextRefusal(pairingId, 'reason', decided.value.reason);
  if (refused) return refused;
  const actorId = actor!.userId;
  const text = decided.value.reason;
  return transact((tx) => {
    const found = pairingForAction(pairingId, tx)!;
    refuseUnlessChanged(markEndRequested(tx, pairingId, text, now), found.pairing.status === 'active' ? 'pairing.error.end_already_requested' : 'pairing.error.not_active');
    recordAudit(tx, { at: now, actorId, entityType: 'pairing', entityId: pairingId, action: 'request_end', note: text, siteId: found.pairing.siteId });
    const volunteer = volunteerForPairing(found.pairing.volunteerUserId, tx);
    for (const staff of staffForConcern(found.sitePath, tx)) {
      if (staff.id === actorId) continue;
      enqueueMail(tx, {
        to: staff.email,
        template: 'pairing.end_requested',
        locale: staff.locale,
        params: { name: staff.name, volunteer: volunteer?.name ?? '', ...face(found, staff.locale), reason: text, url: `${appUrl()}/staff/pairings/${pairingId}` },
      }, now);
    }
    return { pairingId };
  });
}

/** The volunteer logs a contact (awaiting staff's confirmation); the note must not name the child. */
export function logPairingVisit(actor: Actor | null, pairingId: string, input: VisitInput, now: number): Result<{ visitId: string }> {
  const loaded = loadAsVolunteer(actor, pairingId);
  if (!loaded.ok) return loaded;
  const p = loaded.value.pairing;
  const dayOf = (ms: number | null) => (ms === null ? null : shanghaiDate(ms));
  const decided = decideVisitLog({ status: p.status, startedOn: dayOf(p.startedAt), endedOn: dayOf(p.endedAt) }, input, shanghaiDate(now));
  if (!decided.ok) return err(withFieldKeys(decided.error));
  const note = input.note.trim();
  const refused = privateTextRefusal(pairingId, 'note', note);
  if (refused) return refused;
  const actorId = actor!.userId;
  const visitId = newId();
  return transact((tx) => {
    // Noon of that day in Shanghai: a day, not an instant, that reads back as the same date anywhere.
    const happenedAt = endOfShanghaiDay(input.happenedOn) + 1 - 12 * 60 * 60 * 1000;
    writeNewVisit(
      tx,
      { id: visitId, pairingId, kind: input.kind, happenedAt, minutes: input.minutes, staffAccompanied: input.staffAccompanied, note: note || null, loggedBy: actorId },
      { actorId, siteId: p.siteId, now },
    );
    return { visitId };
  });
}

/**
 * The volunteer raises a concern about the child (未成年人保护法 art. 11), from the pairing or from one of
 * its logs, whatever the pairing's status. It is mailed at once, marked urgent, to the staff of the child's
 * site and county — the text in full, to them and to nobody else.
 */
export function raiseConcern(
  actor: Actor | null,
  pairingId: string,
  input: { kind: string; text: string; visitId?: string },
  now: number,
): Result<{ concernId: string }> {
  const loaded = loadAsVolunteer(actor, pairingId);
  if (!loaded.ok) return loaded;
  const decided = decideConcern(input);
  if (!decided.ok) return err(withFieldKeys(decided.error));
  if (input.visitId && visitById(input.visitId)?.pairingId !== pairingId) return err({ kind: 'validation', fields: { visitId: ['pairme.field.visit_unknown'] } });
  const { kind, text } = decided.value;
  const actorId = actor!.userId;
  const concernId = newId();
  return transact((tx) => {
    const found = pairingForAction(pairingId, tx)!;
    const volunteer = volunteerForPairing(found.pairing.volunteerUserId, tx);
    const mails: OutgoingMail[] = staffForConcern(found.sitePath, tx)
      .filter((s) => s.id !== actorId)
      .map((s) => concernMail(found, s, kind, text, volunteer?.name ?? '', now));
    writeNewConcern(
      tx,
      { id: concernId, pairingId, visitId: input.visitId ?? null, siteId: found.pairing.siteId, raisedBy: actorId, kind, text },
      { actorId, siteId: found.pairing.siteId, now },
      mails,
    );
    return { concernId };
  });
}

function concernMail(found: Found, staff: { email: string; name: string; locale: string }, kind: ConcernKind, text: string, volunteer: string, now: number): OutgoingMail {
  const locale = staff.locale === 'en' ? 'en' : 'zh-CN';
  return {
    to: staff.email,
    template: 'concern.raised',
    locale,
    params: { name: staff.name, volunteer, ...face(found, locale), kind, text, raisedAt: now, url: `${appUrl()}/staff/pairings/${found.pairing.id}` },
  };
}
