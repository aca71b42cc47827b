import { activePairingsForOverdue, activePairingsWithRecheckDueBefore, markOverdueMailed, staffPairingDetail } from '../data/pairing-staff.server';
import { lastConfirmedContacts, staffForConcern } from '../data/pairings.server';
import { lapseDue, overdueMailDue, overdueSince, RECHECK_GRACE_MS } from '../domain/pairing';
import type { Locale } from '../i18n/locale';
import { enqueueMail } from '../mail/send.server';
import { config } from '../platform/config.server';
import { logger } from '../platform/logger.server';
import type { OutgoingMail } from '../server/status-change.server';
import { refuseUnlessChanged, transact } from '../server/tx.server';
import { drain, drainYielding, pacer, type Steps } from '../server/batches.server';
import { writePairingStatus } from './pairing-status.server';
import { volunteerMail } from './pairing-staff.server';

// The pairings' periodic work (app/server/jobs.server.ts runs it hourly):
// - a volunteer whose yearly re-check lapsed more than 30 days ago (RECHECK_GRACE_MS) and was not renewed
//   is no longer paired: each active pairing lapses (the system as actor), the volunteer is told, and the
//   staff of the child's site and county are mailed to follow up with the child;
// - a pairing with no confirmed contact for the site's overdue days mails the volunteer once per overdue
//   spell (pairings.overdue_mailed_at, a compare-and-set so that two server processes mail once).
// Each pairing is its own transaction.

/** Active pairings whose volunteer's re-check lapsed more than 30 days ago end ('lapse'). */
export function lapsePairings(now: number): { lapsed: number } {
  return drain(lapseSteps(now));
}

function* lapseSteps(now: number): Steps<{ lapsed: number }> {
  let lapsed = 0;
  const pace = pacer();
  // The staff to tell, read once per site and run (each read goes over every staff account).
  const staffOf = new Map<string, ReturnType<typeof staffForConcern>>();
  for (const row of activePairingsWithRecheckDueBefore(now - RECHECK_GRACE_MS)) {
    if (pace()) yield;
    if (!lapseDue(row, row, now)) continue;
    const detail = staffPairingDetail(row.id);
    if (!detail) continue;
    const staffUrl = `${config().appUrl.replace(/\/$/, '')}/staff/pairings/${row.id}`;
    if (!staffOf.has(detail.site.path)) staffOf.set(detail.site.path, staffForConcern(detail.site.path));
    const staffMails: OutgoingMail[] = staffOf.get(detail.site.path)!.map((s) => ({
      to: s.email,
      template: 'pairing.lapsed_staff',
      locale: s.locale as Locale,
      params: { name: s.name, alias: detail.child.alias, volunteer: detail.volunteer.name, url: staffUrl },
    }));
    const volunteer = { email: detail.volunteer.email, name: detail.volunteer.name, locale: detail.volunteer.locale as Locale };
    const outcome = transact((tx) => {
      writePairingStatus(
        tx,
        {
          id: row.id,
          from: 'active',
          to: 'ended',
          action: 'lapse',
          actorId: null,
          siteId: row.siteId,
          now,
          mails: [volunteerMail(detail, volunteer, 'pairing.lapsed', now), ...staffMails],
        },
        { endedAt: now, endedBy: null },
      );
    });
    if (outcome.ok) lapsed += 1;
    else if (outcome.error.kind !== 'conflict') logger.warn('pairing lapse refused', { pairingId: row.id, kind: outcome.error.kind });
  }
  return { lapsed };
}

/** The volunteer of each overdue pairing is mailed once per overdue spell. */
export function mailOverdueContacts(now: number): { mailed: number } {
  return drain(overdueSteps(now));
}

function* overdueSteps(now: number): Steps<{ mailed: number }> {
  const rows = activePairingsForOverdue();
  const last = lastConfirmedContacts(rows.map((r) => r.id));
  let mailed = 0;
  const pace = pacer();
  for (const row of rows) {
    if (pace()) yield;
    const lastContact = last.get(row.id) ?? null;
    if (!overdueMailDue(row, lastContact, now, row.days)) continue;
    const detail = staffPairingDetail(row.id);
    if (!detail) continue;
    const volunteer = { email: detail.volunteer.email, name: detail.volunteer.name, locale: detail.volunteer.locale as Locale };
    const mail = volunteerMail(detail, volunteer, 'pairing.contact_overdue', now, {
      days: row.days,
      contactName: detail.site.contactName ?? '',
      contactPhone: detail.site.contactPhone ?? '',
    });
    const outcome = transact((tx) => {
      refuseUnlessChanged(markOverdueMailed(tx, row.id, overdueSince(row, lastContact), now));
      enqueueMail(tx, mail, now);
    });
    if (outcome.ok) mailed += 1;
  }
  return { mailed };
}

/** Both pairing jobs, for the server's hourly run. */
export function runPairingJobs(now: number) {
  return { ...lapsePairings(now), ...mailOverdueContacts(now) };
}

/** runPairingJobs for the server's background run: the event loop turns between batches of pairings. */
export async function runPairingJobsInBatches(now: number) {
  return { ...(await drainYielding(lapseSteps(now))), ...(await drainYielding(overdueSteps(now))) };
}
