// One worker process of the pairing race (tests/services/pairing-staff.test.ts): its own SQLite connection
// to the shared file (DATABASE_PATH). It loads everything, says "ready", reads the common start instant
// from stdin (sent once every worker is ready), spins until then, proposes the pairing of the child with
// its volunteer as its staff member and prints one JSON line with the outcome.
import { findUserById } from '../../app/data/users.server';
import { loadActor } from '../../app/data/actors.server';
import { proposePairing } from '../../app/services/pairing-staff.server';

const [staffId, volunteerUserId, ...childIds] = process.argv.slice(2);
const actor = loadActor(findUserById(staffId)!);
process.stdout.write('ready\n');
const startAt = await new Promise<number>((resolve) => process.stdin.once('data', (chunk) => resolve(Number(String(chunk).trim()))));
process.stdin.pause();
// A worker that arrives after the start instant raced nobody: the test fails on it rather than pass by luck.
const late = Date.now() >= startAt;
while (Date.now() < startAt) {
  // spin: every worker starts at the same instant
}
const outcomes = childIds.map((childId) => {
  const r = proposePairing(actor, { childId, volunteerUserId, signedOn: '2025-01-10', witness: '马老师' }, Date.now());
  return { childId, outcome: r.ok ? 'proposed' : r.error.kind === 'conflict' ? r.error.message.key : r.error.kind };
});
process.stdout.write(`${JSON.stringify({ staffId, outcomes, late })}\n`);
