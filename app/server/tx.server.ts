import { writeTx, type Tx } from '../data/db.server';
import { err, ok, type DomainError, type Result } from '../domain/errors';

/**
 * The one idiom for writes is `transact(tx => …)` with a thrown Refusal: a refusal rolls back everything.
 * These modules are the only ones that call writeTx directly, each for a write that must commit on its own
 * whatever happens next (tests/write-idiom.test.ts holds the rest of app/ to it):
 * - app/server/tx.server.ts: transact itself;
 * - app/data/db.server.ts: where writeTx is defined;
 * - app/server/rate-limit.server.ts: rate-limit charges (chargeRateLimits, chargeSignInAttempt) and their
 *   give-back (giveBackRateLimits): an attempt counts even when the work after it is refused or fails;
 * - app/data/meta.server.ts: the /healthz write probe (probeWrite), a data-layer round trip with no refusal;
 * - app/data/security-log.server.ts: the security events that record a refused or dropped attempt
 *   (logSecurityEventOnItsOwn; the events and their reasons are SECURITY_EVENTS_ON_THEIR_OWN there): nothing
 *   else is written with them, and they must stay on record whatever the request does next.
 */
export const WRITES_OUTSIDE_TRANSACT = [
  'app/server/tx.server.ts',
  'app/data/db.server.ts',
  'app/server/rate-limit.server.ts',
  'app/data/meta.server.ts',
  'app/data/security-log.server.ts',
] as const;

/** Thrown inside a write transaction to roll it back and return an expected failure. */
export class Refusal extends Error {
  constructor(readonly error: DomainError) {
    super(`refused: ${error.kind}`);
  }
}

/** A compare-and-set that changed nothing: someone moved the object first. */
export function refuseUnlessChanged(changes: number, key = 'error.conflict'): void {
  if (changes === 0) throw new Refusal({ kind: 'conflict', message: { key } });
}

/** SQLite's unique-constraint error, through drizzle's wrapper if present. */
export function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') return true;
  }
  return false;
}

/**
 * One synchronous BEGIN IMMEDIATE transaction. A Refusal thrown inside rolls everything back and comes
 * out as a failed Result; `onUnique` turns a unique-constraint violation into an expected failure too.
 */
export function transact<T>(fn: (tx: Tx) => T, onUnique?: DomainError): Result<T> {
  try {
    return ok(writeTx(fn));
  } catch (error) {
    if (error instanceof Refusal) return err(error.error);
    if (onUnique && isUniqueViolation(error)) return err(onUnique);
    throw error;
  }
}
