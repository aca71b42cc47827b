// One worker process of the sign-up race (tests/services/signups.test.ts): its own SQLite connection to
// the shared file (DATABASE_PATH), waits for the common start instant, then signs each helper up in
// turn and prints one JSON line of outcomes.
import { findUserById } from '../../app/data/users.server';
import { loadActor } from '../../app/data/actors.server';
import { signUp } from '../../app/services/signups.server';

const [slotId, startAt, ...userIds] = process.argv.slice(2);
const actors = userIds.map((id) => loadActor(findUserById(id)!));
while (Date.now() < Number(startAt)) {
  // spin: every worker starts at the same instant
}
const outcomes = actors.map((actor) => {
  const r = signUp(actor, slotId, Date.now());
  return { userId: actor.userId, outcome: r.ok ? r.value.status : r.error.kind === 'conflict' ? r.error.message.key : r.error.kind };
});
process.stdout.write(`${JSON.stringify(outcomes)}\n`);
