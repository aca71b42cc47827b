import { flushOutbox, pruneOldMail } from '../mail/worker.server';
import { logger } from '../platform/logger.server';
import { runClaimJobsInBatches } from '../services/claims.server';
import { runRecheckJobsInBatches } from '../services/vetting.server';
import { expireOffers, remindSlotsInBatches } from '../services/signups.server';
import { pruneRateLimitWindows } from './rate-limit.server';
import { pruneExpiredSessions } from '../auth/session.server';
import { runPairingJobsInBatches } from '../services/pairing-jobs.server';

type Job = { name: string; everyMs: number; run: (now: number) => Promise<unknown> | unknown };

// Periodic work of the server process. Each area appends its job here.
export const JOBS: Job[] = [
  { name: 'outbox', everyMs: 10_000, run: (now) => flushOutbox(now) },
  // Expire overdue claims (the wish opens again) and remind helpers 3 days before their claim is due.
  { name: 'claims', everyMs: 5 * 60_000, run: (now) => runClaimJobsInBatches(now) },
  // Tell helpers (and their staff) once when a yearly re-check lapses; one-to-one contact waits for it.
  { name: 'rechecks', everyMs: 60 * 60_000, run: (now) => runRecheckJobsInBatches(now) },
  // Offers of freed places not answered in time lapse, and the place moves down the waiting list.
  { name: 'signup-offers', everyMs: 60_000, run: (now) => expireOffers(now) },
  // The 24-hour reminder of a slot, once per slot, to everyone holding a confirmed place.
  { name: 'slot-reminders', everyMs: 5 * 60_000, run: (now) => remindSlotsInBatches(now) },
  { name: 'rate-limits', everyMs: 60 * 60_000, run: (now) => pruneRateLimitWindows(now) },
  // Sent mail is kept MAIL_RETENTION_DAYS (default 90), then deleted.
  { name: 'mail-retention', everyMs: 60 * 60_000, run: (now) => pruneOldMail(now) },
  { name: 'sessions', everyMs: 60 * 60_000, run: (now) => pruneExpiredSessions(now) },
  // Pairings whose volunteer's re-check lapsed over 30 days ago end (staff told); overdue contact mails the volunteer once per spell.
  { name: 'pairings', everyMs: 60 * 60_000, run: (now) => runPairingJobsInBatches(now) },
];

/** Runs each job on its interval; one slow run never overlaps the next. Returns a stop function. */
export function startBackgroundJobs(jobs: Job[] = JOBS): () => void {
  const timers = jobs.map((job) => {
    let running = false;
    const tick = async () => {
      if (running) return;
      running = true;
      try {
        await job.run(Date.now());
      } catch (error) {
        logger.error('background job failed', { job: job.name, error: error instanceof Error ? error.message : String(error) });
      } finally {
        running = false;
      }
    };
    void tick();
    return setInterval(tick, job.everyMs);
  });
  return () => timers.forEach(clearInterval);
}
