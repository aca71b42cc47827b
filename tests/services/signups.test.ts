import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { schema } from '../../db/client';
import { newId } from '../../app/data/ids.server';
import { answerOffer, cancelSignup, expireOffers, remindSlots, signUp, signUpColleagues } from '../../app/services/signups.server';
import { createSites, createUser, type TestUser } from '../helpers/accounts';
import { useTestDatabase } from '../helpers/db';
import { approvedHelpers } from '../helpers/race';

const { db, file } = useTestDatabase('signups');
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = Date.now();
const sites = createSites(db);

const staffLt = await createUser(db, { staffSiteId: sites.lt });
const staffYc = await createUser(db, { staffSiteId: sites.yc });
const volunteer = (over: { caringParent?: boolean } = {}) => createUser(db, { volunteer: { status: 'approved', countySiteId: sites.lt, ...over } });

function activity(over: Partial<typeof schema.activities.$inferInsert> = {}): string {
  const id = newId();
  db.insert(schema.activities)
    .values({ id, type: 'festival', title: `节日陪伴 ${id}`, description: '陪孩子过节', siteId: sites.ltTown, proposerId: staffLt.id, status: 'approved', organizerContact: '王老师 0951-1234567', createdAt: NOW, updatedAt: NOW, ...over })
    .run();
  return id;
}

function slot(activityId: string, over: Partial<typeof schema.slots.$inferInsert> = {}): string {
  const id = newId();
  const startsAt = over.startsAt ?? NOW + 5 * DAY;
  db.insert(schema.slots)
    .values({ id, activityId, siteId: sites.ltTown, startsAt, endsAt: startsAt + 2 * HOUR, capacity: 2, scheduledMinutes: 120, createdAt: NOW, ...over })
    .run();
  return id;
}

const slotRow = (id: string) => db.select().from(schema.slots).where(eq(schema.slots.id, id)).get()!;
const signupRow = (slotId: string, userId: string) =>
  db.select().from(schema.slotSignups).where(and(eq(schema.slotSignups.slotId, slotId), eq(schema.slotSignups.userId, userId))).get()!;
const mailsTo = (email: string, template: string) =>
  db.select().from(schema.outbox).where(and(eq(schema.outbox.toEmail, email), eq(schema.outbox.template, template))).all();

function mustSignUp(user: TestUser, slotId: string, now = NOW) {
  const r = signUp(user.actor(), slotId, now);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

/** A slot of capacity 2, both places taken, and three people waiting in order. */
async function fullSlotWithQueue(over: Partial<typeof schema.slots.$inferInsert> = {}) {
  const slotId = slot(activity(), over);
  const [a, b, w1, w2, w3] = await Promise.all([volunteer(), volunteer(), volunteer(), volunteer(), volunteer()]);
  for (const u of [a, b, w1, w2, w3]) mustSignUp(u, slotId);
  return { slotId, a, b, w1, w2, w3 };
}

describe('signing up', () => {
  it('confirms while places remain, then waitlists in order, and mails each', async () => {
    const { slotId, a, w1, w2, w3 } = await fullSlotWithQueue();
    expect(signupRow(slotId, a.id).status).toBe('confirmed');
    expect([w1, w2, w3].map((u) => signupRow(slotId, u.id).status)).toEqual(['waitlisted', 'waitlisted', 'waitlisted']);
    const queue = [w1, w2, w3].map((u) => signupRow(slotId, u.id).queueNo!);
    expect(queue[0]).toBeLessThan(queue[1]);
    expect(queue[1]).toBeLessThan(queue[2]);
    expect(slotRow(slotId).taken).toBe(2);
    expect(mailsTo(a.email, 'signup.confirmed')).toHaveLength(1);
    expect(mailsTo(w2.email, 'signup.waitlisted')[0].bodyText).toContain('第 2 位');
  });

  it('refuses a second sign-up, a pending volunteer, and a one-to-one slot to a helper not vetted for it', async () => {
    const slotId = slot(activity());
    const v = await volunteer();
    mustSignUp(v, slotId);
    const again = signUp(v.actor(), slotId, NOW);
    expect(!again.ok && again.error.kind === 'conflict' && again.error.message.key).toBe('signup.error.already_signed_up');
    const pending = await createUser(db, { volunteer: { status: 'pending' } });
    expect(signUp(pending.actor(), slotId, NOW)).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    const oneToOne = slot(activity({ contactTier: 'one_to_one' }));
    expect(signUp(v.actor(), oneToOne, NOW)).toMatchObject({ ok: false, error: { kind: 'forbidden', message: { key: 'signup.error.one_to_one' } } });
    const parent = await volunteer({ caringParent: true });
    expect(signUp(parent.actor(), oneToOne, NOW)).toMatchObject({ ok: true, value: { status: 'confirmed' } });
  });

  it('refuses a slot of an activity that is not approved as not found', async () => {
    const slotId = slot(activity({ status: 'submitted' }));
    expect(signUp((await volunteer()).actor(), slotId, NOW)).toEqual({ ok: false, error: { kind: 'not_found' } });
  });

  it('gives someone who cancelled earlier their row back', async () => {
    const slotId = slot(activity());
    const v = await volunteer();
    const first = mustSignUp(v, slotId);
    expect(cancelSignup(v.actor(), first.signupId, undefined, NOW).ok).toBe(true);
    expect(slotRow(slotId).taken).toBe(0);
    const second = mustSignUp(v, slotId);
    expect(second.signupId).toBe(first.signupId);
    expect(second.status).toBe('confirmed');
    expect(db.select().from(schema.slotSignups).where(eq(schema.slotSignups.slotId, slotId)).all()).toHaveLength(1);
  });
});

describe('a freed place is offered to the first person waiting', () => {
  it('a cancellation offers the place to exactly the first person waiting', async () => {
    const { slotId, a, w1, w2, w3 } = await fullSlotWithQueue();
    const r = cancelSignup(a.actor(), signupRow(slotId, a.id).id, undefined, NOW);
    expect(r).toMatchObject({ ok: true, value: { by: 'helper' } });
    expect(signupRow(slotId, a.id).status).toBe('cancelled');
    const offered = signupRow(slotId, w1.id);
    expect(offered.status).toBe('offered');
    expect(offered.offerExpiresAt).toBe(NOW + 24 * HOUR);
    expect([w2, w3].map((u) => signupRow(slotId, u.id).status)).toEqual(['waitlisted', 'waitlisted']);
    expect(slotRow(slotId).taken).toBe(2);
    expect(mailsTo(w1.email, 'signup.offered')).toHaveLength(1);
    expect(mailsTo(w2.email, 'signup.offered')).toHaveLength(0);
  });

  it('an expired offer moves on to the next person; accepting after the deadline is refused', async () => {
    const { slotId, a, w1, w2 } = await fullSlotWithQueue();
    cancelSignup(a.actor(), signupRow(slotId, a.id).id, undefined, NOW);
    const deadline = signupRow(slotId, w1.id).offerExpiresAt!;
    expireOffers(deadline); // at the deadline it still holds
    expect(signupRow(slotId, w1.id).status).toBe('offered');
    const late = answerOffer(w1.actor(), signupRow(slotId, w1.id).id, 'accept_offer', deadline + 1);
    expect(late).toMatchObject({ ok: false, error: { kind: 'conflict', message: { key: 'signup.error.offer_expired' } } });
    expect(expireOffers(deadline + 1).expired).toBeGreaterThanOrEqual(1);
    expect(signupRow(slotId, w1.id).status).toBe('expired');
    expect(signupRow(slotId, w2.id).status).toBe('offered');
    expect(slotRow(slotId).taken).toBe(2);
    expect(mailsTo(w1.email, 'signup.offer_expired')).toHaveLength(1);
  });

  it('declining moves on; accepting in time confirms', async () => {
    const { slotId, a, w1, w2 } = await fullSlotWithQueue();
    cancelSignup(a.actor(), signupRow(slotId, a.id).id, undefined, NOW);
    expect(answerOffer(w1.actor(), signupRow(slotId, w1.id).id, 'decline_offer', NOW + HOUR)).toMatchObject({ ok: true, value: { status: 'declined' } });
    expect(signupRow(slotId, w2.id).status).toBe('offered');
    // Somebody else's offer is not theirs to answer.
    expect(answerOffer(w1.actor(), signupRow(slotId, w2.id).id, 'accept_offer', NOW + HOUR)).toEqual({ ok: false, error: { kind: 'not_found' } });
    expect(answerOffer(w2.actor(), signupRow(slotId, w2.id).id, 'accept_offer', NOW + 2 * HOUR)).toMatchObject({ ok: true, value: { status: 'confirmed' } });
    expect(slotRow(slotId).taken).toBe(2);
  });

  it('too close to the start nobody is offered the place: it is free for whoever signs up', async () => {
    const { slotId, a, w1 } = await fullSlotWithQueue({ startsAt: NOW + 90 * 60_000 });
    // Helpers cannot cancel that late; staff can.
    expect(cancelSignup(a.actor(), signupRow(slotId, a.id).id, undefined, NOW)).toMatchObject({ ok: false, error: { message: { key: 'signup.error.past_cutoff' } } });
    expect(cancelSignup(staffLt.actor(), signupRow(slotId, a.id).id, '临时有事', NOW).ok).toBe(true);
    expect(signupRow(slotId, w1.id).status).toBe('waitlisted');
    expect(slotRow(slotId).taken).toBe(1);
    expect(mustSignUp(await volunteer(), slotId).status).toBe('confirmed');
  });
});

describe('cancelling', () => {
  it('the helper after the cut-off is refused; staff of the county can, with a reason; staff of another county cannot', async () => {
    const { slotId, a, w1 } = await fullSlotWithQueue({ startsAt: NOW + 20 * HOUR });
    const id = signupRow(slotId, a.id).id;
    expect(cancelSignup(a.actor(), id, undefined, NOW)).toMatchObject({ ok: false, error: { kind: 'conflict', message: { key: 'signup.error.past_cutoff' } } });
    expect(cancelSignup(staffYc.actor(), id, '重复报名', NOW)).toEqual({ ok: false, error: { kind: 'not_found' } });
    expect(cancelSignup(staffLt.actor(), id, '  ', NOW)).toMatchObject({ ok: false, error: { kind: 'validation' } });
    // The reason is mailed: a phone number in it is refused like any text mailed to helpers.
    expect(cancelSignup(staffLt.actor(), id, '请回电 13912345678', NOW)).toMatchObject({ ok: false, error: { kind: 'privacy' } });
    expect(signupRow(slotId, a.id).status).toBe('confirmed');
    expect(cancelSignup(staffLt.actor(), id, '活动人数调整', NOW)).toMatchObject({ ok: true, value: { by: 'staff' } });
    expect(signupRow(slotId, a.id)).toMatchObject({ status: 'cancelled', cancelReason: '活动人数调整' });
    expect(mailsTo(a.email, 'signup.cancelled_by_staff')[0].bodyText).toContain('活动人数调整');
    expect(signupRow(slotId, w1.id).status).toBe('offered');
  });

  it('a stranger cannot cancel someone else’s sign-up', async () => {
    const { slotId, a } = await fullSlotWithQueue();
    const stranger = await volunteer();
    expect(cancelSignup(stranger.actor(), signupRow(slotId, a.id).id, undefined, NOW)).toEqual({ ok: false, error: { kind: 'not_found' } });
    expect(cancelSignup(null, signupRow(slotId, a.id).id, undefined, NOW)).toEqual({ ok: false, error: { kind: 'not_found' } });
  });
});

describe('colleagues of an organization', () => {
  it('a member signs up named colleagues, each in their own place; a non-member is refused', async () => {
    const manager = await createUser(db, { org: { status: 'approved' } });
    const colleague = await createUser(db, {});
    db.insert(schema.organizationMembers).values({ orgId: manager.orgId!, userId: colleague.id, role: 'member', createdAt: NOW }).run();
    const outsider = await volunteer();
    const slotId = slot(activity());
    const r = signUpColleagues(manager.actor(), manager.orgId!, slotId, [manager.id, colleague.id, outsider.id], NOW);
    if (!r.ok) throw new Error('refused');
    expect(r.value.map((o) => [o.userId, o.ok])).toEqual([
      [manager.id, true],
      [colleague.id, true],
      [outsider.id, false],
    ]);
    expect(signupRow(slotId, colleague.id)).toMatchObject({ status: 'confirmed', orgId: manager.orgId, signedUpBy: manager.id });
    expect(slotRow(slotId).taken).toBe(2);
    // A one-to-one slot needs each colleague's own vetting.
    const oneToOne = slot(activity({ contactTier: 'one_to_one' }));
    const r2 = signUpColleagues(manager.actor(), manager.orgId!, oneToOne, [colleague.id], NOW);
    expect(r2.ok && r2.value[0]).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(signUpColleagues(outsider.actor(), manager.orgId!, slotId, [outsider.id], NOW)).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
  });
});

describe('the 24-hour reminder', () => {
  it('goes once per slot to the confirmed people, within 24 h of the start', async () => {
    const slotId = slot(activity(), { startsAt: NOW + 30 * HOUR, capacity: 1 });
    const [c, w] = [await volunteer(), await volunteer()];
    mustSignUp(c, slotId);
    mustSignUp(w, slotId);
    remindSlots(NOW); // 30 h ahead: not yet
    expect(slotRow(slotId).remindedAt).toBeNull();
    const later = NOW + 7 * HOUR;
    expect(remindSlots(later).reminded).toBeGreaterThanOrEqual(1);
    expect(slotRow(slotId).remindedAt).toBe(later);
    remindSlots(later + HOUR);
    expect(mailsTo(c.email, 'signup.reminder')).toHaveLength(1);
    expect(mailsTo(w.email, 'signup.reminder')).toHaveLength(0);
  });
});

describe('capacity under real concurrency', () => {
  it('200 sign-ups from 4 processes for 20 places, 40 of them repeats: 20 confirmed, no duplicates, taken = 20', async () => {
    const slotId = slot(activity(), { capacity: 20, startsAt: NOW + 10 * DAY });
    const helpers = approvedHelpers(db, 160, { prefix: 'race', now: NOW, emailVerified: true });
    // 200 attempts: every helper once, the first 40 a second time, dealt round-robin so that a repeat lands in another process.
    const attempts = [...helpers, ...helpers.slice(0, 40)];
    const WORKERS = 4;
    const batches = Array.from({ length: WORKERS }, (_, w) => attempts.filter((_, i) => i % WORKERS === w));
    const startAt = Date.now() + 4000;
    const outputs = await Promise.all(
      batches.map(
        (batch) =>
          new Promise<Array<{ userId: string; outcome: string }>>((resolve, reject) => {
            const child = spawn(process.execPath, ['--import', 'tsx', 'tests/services/signup-race.worker.ts', slotId, String(startAt), ...batch], {
              cwd: root,
              env: { ...process.env, VITEST: '', DATABASE_PATH: file, RESEND_API_KEY: '' },
              stdio: ['ignore', 'pipe', 'pipe'],
            });
            let out = '';
            let errText = '';
            child.stdout.on('data', (c) => (out += c));
            child.stderr.on('data', (c) => (errText += c));
            child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop()!)) : reject(new Error(`worker exit ${code}: ${errText}`))));
          }),
      ),
    );
    const outcomes = outputs.flat();
    const tally = outcomes.reduce<Record<string, number>>((acc, o) => ({ ...acc, [o.outcome]: (acc[o.outcome] ?? 0) + 1 }), {});
    console.info('sign-up race:', JSON.stringify(tally));
    expect(outcomes).toHaveLength(200);
    expect(tally).toEqual({ confirmed: 20, waitlisted: 140, 'signup.error.already_signed_up': 40 });
    const rows = db.select().from(schema.slotSignups).where(eq(schema.slotSignups.slotId, slotId)).all();
    expect(rows).toHaveLength(160);
    expect(new Set(rows.map((r) => r.userId)).size).toBe(160);
    expect(rows.filter((r) => r.status === 'confirmed')).toHaveLength(20);
    const queue = rows.filter((r) => r.status === 'waitlisted').map((r) => r.queueNo);
    expect(new Set(queue).size).toBe(140);
    expect(slotRow(slotId).taken).toBe(20);
  }, 120_000);
});
