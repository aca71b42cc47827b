import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { schema } from '../../db/client';
import { readConfig } from '../../app/platform/config.server';
import { answerConcern, correctVisit, endPairing, proposePairing, reviewVisit } from '../../app/services/pairing-staff.server';
import { newPairingPage, staffPairingPage } from '../../app/services/pairing-staff-page.server';
import { createSites, createUser } from '../helpers/accounts';
import { useTestDatabase } from '../helpers/db';
import { addChild, addConcern, addPairing, addVisit, caringParent, CHILD_BIRTH, CHILD_REAL_NAME } from '../helpers/pairing-fixtures';

const { db, file } = useTestDatabase('pairing-staff');
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DAY = 24 * 3_600_000;
const NOW = Date.now();
const sites = createSites(db);

const staffLt = await createUser(db, { staffSiteId: sites.lt });
const staffLt2 = await createUser(db, { staffSiteId: sites.lt });
const staffYc = await createUser(db, { staffSiteId: sites.yc });
const staffCity = await createUser(db, { staffSiteId: sites.city });

const agreement = { signedOn: '2025-01-10', witness: '马老师' };
const pairingRow = (id: string) => db.select().from(schema.pairings).where(eq(schema.pairings.id, id)).get()!;
const visitRow = (id: string) => db.select().from(schema.pairingVisits).where(eq(schema.pairingVisits.id, id)).get()!;
const concernRow = (id: string) => db.select().from(schema.pairingConcerns).where(eq(schema.pairingConcerns.id, id)).get()!;
const mailsTo = (email: string, template?: string) =>
  db.select().from(schema.outbox).where(template ? and(eq(schema.outbox.toEmail, email), eq(schema.outbox.template, template)) : eq(schema.outbox.toEmail, email)).all();
const auditOf = (entityId: string) => db.select().from(schema.auditEvents).where(eq(schema.auditEvents.entityId, entityId)).all();

function expectNoPrivate(text: string) {
  for (const p of [CHILD_REAL_NAME, CHILD_BIRTH, '王奶奶', '韩桥村', 'left_behind', '留守']) expect(text).not.toContain(p);
}

function refusal(r: { ok: boolean; error?: unknown }) {
  expect(r.ok).toBe(false);
  const e = (r as { error: { kind: string; message?: { key: string } } }).error;
  return e.kind === 'conflict' || e.kind === 'capacity' || e.kind === 'forbidden' ? `${e.kind}:${e.message?.key ?? ''}` : e.kind;
}

async function activePairing(over: { status?: 'proposed' | 'active' | 'ended' } = {}) {
  const volunteer = await caringParent(db, sites.lt);
  const childId = addChild(db, sites.ltTown);
  const pairingId = addPairing(db, { childId, siteId: sites.ltTown, volunteerUserId: volunteer.id, status: over.status ?? 'active', createdBy: staffLt.id });
  return { volunteer, childId, pairingId };
}

describe('proposing a pairing', () => {
  it('staff of the child’s county propose it with the agreement: proposed, audited, the volunteer mailed the child’s public face only', async () => {
    const volunteer = await caringParent(db, sites.lt);
    const childId = addChild(db, sites.ltTown);
    const r = proposePairing(staffLt.actor(), { childId, volunteerUserId: volunteer.id, ...agreement }, NOW);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    const row = pairingRow(r.value.pairingId);
    expect(row).toMatchObject({ status: 'proposed', childId, volunteerUserId: volunteer.id, agreementSignedOn: '2025-01-10', agreementWitness: '马老师', createdBy: staffLt.id });
    expect(auditOf(row.id).map((a) => a.action)).toEqual(['propose']);
    const [mail] = mailsTo(volunteer.email, 'pairing.proposed');
    expect(mail.bodyText).toContain('利通区');
    expect(mail.bodyText).toContain(`/me/pairings/${row.id}`);
    expectNoPrivate(mail.subject + mail.bodyText);
  });

  it('staff of another county, the volunteer, and a staff member pairing themselves are refused; nothing is written', async () => {
    const volunteer = await caringParent(db, sites.lt);
    const childId = addChild(db, sites.ltTown);
    const input = { childId, volunteerUserId: volunteer.id, ...agreement };
    expect(refusal(proposePairing(staffYc.actor(), input, NOW))).toBe('not_found');
    expect(refusal(proposePairing(volunteer.actor(), input, NOW))).toBe('not_found');
    const staffVolunteer = await createUser(db, { staffSiteId: sites.lt, volunteer: { status: 'approved', countySiteId: sites.lt, caringParent: true } });
    expect(refusal(proposePairing(staffVolunteer.actor(), { ...input, volunteerUserId: staffVolunteer.id }, NOW))).toBe('forbidden:pairing-staff.error.own_pairing');
    expect(db.select().from(schema.pairings).where(eq(schema.pairings.childId, childId)).all()).toHaveLength(0);
    // City staff cover the county.
    expect(proposePairing(staffCity.actor(), input, NOW).ok).toBe(true);
  });

  it('refuses a child already paired, a volunteer not vetted for one-to-one, an overdue re-check, and a missing or future agreement', async () => {
    const { childId } = await activePairing();
    const other = await caringParent(db, sites.lt);
    expect(refusal(proposePairing(staffLt.actor(), { childId, volunteerUserId: other.id, ...agreement }, NOW))).toBe('conflict:pairing.error.child_paired');

    const fresh = () => addChild(db, sites.ltTown);
    const plain = await caringParent(db, sites.lt, { caringParent: false });
    expect(refusal(proposePairing(staffLt.actor(), { childId: fresh(), volunteerUserId: plain.id, ...agreement }, NOW))).toBe('conflict:pairing.error.not_one_to_one');
    const pending = await caringParent(db, sites.lt, { status: 'pending' });
    expect(refusal(proposePairing(staffLt.actor(), { childId: fresh(), volunteerUserId: pending.id, ...agreement }, NOW))).toBe('conflict:pairing.error.volunteer_not_approved');
    const overdue = await caringParent(db, sites.lt, { recheckDueAt: NOW - DAY });
    expect(refusal(proposePairing(staffLt.actor(), { childId: fresh(), volunteerUserId: overdue.id, ...agreement }, NOW))).toBe('conflict:pairing.error.recheck_overdue');
    const notYet = await caringParent(db, sites.lt, { recheckDueAt: NOW + DAY });
    expect(proposePairing(staffLt.actor(), { childId: fresh(), volunteerUserId: notYet.id, ...agreement }, NOW).ok).toBe(true);

    const bad = proposePairing(staffLt.actor(), { childId: fresh(), volunteerUserId: other.id, signedOn: '2999-01-01', witness: ' ' }, NOW);
    expect(bad).toEqual({ ok: false, error: { kind: 'validation', fields: { agreementSignedOn: ['date_in_future'], agreementWitness: ['required'] } } });
  });

  it('a volunteer holds at most PAIRING_MAX_ACTIVE (default 2) active pairings', async () => {
    expect(readConfig({}).pairingMaxActive).toBe(2);
    expect(readConfig({ PAIRING_MAX_ACTIVE: '3' }).pairingMaxActive).toBe(3);
    expect(() => readConfig({ PAIRING_MAX_ACTIVE: '0' })).toThrow(/PAIRING_MAX_ACTIVE/);
    const volunteer = await caringParent(db, sites.lt);
    for (let i = 0; i < 2; i++) addPairing(db, { childId: addChild(db, sites.ltTown), siteId: sites.ltTown, volunteerUserId: volunteer.id });
    const r = proposePairing(staffLt.actor(), { childId: addChild(db, sites.ltTown), volunteerUserId: volunteer.id, ...agreement }, NOW);
    expect(r).toEqual({ ok: false, error: { kind: 'capacity', message: { key: 'pairing.error.volunteer_limit', params: { max: 2 } } } });
  });

  it('two staff pairing the same children at once from two processes: for each child exactly one wins, the other is told it is paired', async () => {
    // Thirty children in the same order from both processes, so that some attempts pass the service's read
    // together and the partial unique index decides (an unmapped constraint error would crash a worker).
    const childIds = Array.from({ length: 30 }, () => addChild(db, sites.ltTown));
    const [v1, v2] = [await caringParent(db, sites.lt), await caringParent(db, sites.lt)];
    // Both processes load, say "ready", and are then given one start instant a moment ahead.
    type Outcome = { staffId: string; outcomes: Array<{ childId: string; outcome: string }>; late: boolean };
    let ready = 0;
    const workers: Array<{ go: (at: number) => void; done: Promise<Outcome> }> = [];
    const allReady = new Promise<void>((resolveReady) => {
      for (const [staff, volunteer] of [
        [staffLt, v1],
        [staffLt2, v2],
      ] as const) {
        const child = spawn(process.execPath, ['--import', 'tsx', 'tests/services/pairing-race.worker.ts', staff.id, volunteer.id, ...childIds], {
          cwd: root,
          env: { ...process.env, VITEST: '', DATABASE_PATH: file, RESEND_API_KEY: '' },
          stdio: ['pipe', 'pipe', 'pipe'],
        });
        let out = '';
        let errText = '';
        child.stdout.on('data', (c) => {
          out += c;
          if (String(c).includes('ready') && ++ready === 2) resolveReady();
        });
        child.stderr.on('data', (c) => (errText += c));
        const done = new Promise<Outcome>((resolve, reject) =>
          child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop()!)) : reject(new Error(`worker exit ${code}: ${errText}`)))),
        );
        workers.push({ go: (at) => child.stdin.end(`${at}\n`), done });
      }
    });
    await allReady;
    const startAt = Date.now() + 300;
    for (const w of workers) w.go(startAt);
    const outcomes = await Promise.all(workers.map((w) => w.done));
    expect(outcomes.map((o) => o.late)).toEqual([false, false]);
    const all = outcomes.flatMap((o) => o.outcomes);
    const tally = all.reduce<Record<string, number>>((acc, o) => ({ ...acc, [o.outcome]: (acc[o.outcome] ?? 0) + 1 }), {});
    expect(tally).toEqual({ proposed: 30, 'pairing.error.child_paired': 30 });
    for (const childId of childIds) {
      expect(all.filter((o) => o.childId === childId).map((o) => o.outcome).sort()).toEqual(['pairing.error.child_paired', 'proposed']);
      const rows = db.select().from(schema.pairings).where(eq(schema.pairings.childId, childId)).all();
      expect(rows.map((r) => r.status)).toEqual(['proposed']);
    }
    // Each volunteer was mailed once per pairing won, and only then.
    for (const v of [v1, v2]) {
      const won = db.select().from(schema.pairings).where(eq(schema.pairings.volunteerUserId, v.id)).all().length;
      expect(mailsTo(v.email, 'pairing.proposed')).toHaveLength(won);
    }
  }, 60_000);
});

describe('withdrawing and ending', () => {
  it('staff withdraw a proposal with a reason (mailed); an active pairing cannot be withdrawn, a proposal cannot be ended', async () => {
    const { volunteer, pairingId } = await activePairing({ status: 'proposed' });
    expect(endPairing(staffLt.actor(), pairingId, 'withdraw', ' ', NOW)).toEqual({ ok: false, error: { kind: 'validation', fields: { reason: ['reason_required'] } } });
    expect(refusal(endPairing(staffLt.actor(), pairingId, 'end', '不合适', NOW))).toBe('bad_transition');
    expect(refusal(endPairing(staffYc.actor(), pairingId, 'withdraw', '不合适', NOW))).toBe('not_found');
    expect(refusal(endPairing(volunteer.actor(), pairingId, 'withdraw', '不合适', NOW))).toBe('not_found');
    expect(endPairing(staffLt.actor(), pairingId, 'withdraw', '孩子已被亲属接回', NOW).ok).toBe(true);
    expect(pairingRow(pairingId)).toMatchObject({ status: 'ended', endReason: '孩子已被亲属接回', endedBy: staffLt.id, endedAt: NOW });
    expect(mailsTo(volunteer.email, 'pairing.withdrawn')[0].bodyText).toContain('孩子已被亲属接回');
    expect(auditOf(pairingId).map((a) => [a.action, a.note])).toEqual([['withdraw', '孩子已被亲属接回']]);
  });

  it('staff end an active pairing; a reason naming the child is refused and nothing is written', async () => {
    const { volunteer, pairingId } = await activePairing();
    const leaked = endPairing(staffLt.actor(), pairingId, 'end', `${CHILD_REAL_NAME}已转学`, NOW);
    expect(refusal(leaked)).toBe('privacy');
    expect(pairingRow(pairingId).status).toBe('active');
    expect(mailsTo(volunteer.email)).toHaveLength(0);
    expect(refusal(endPairing(staffYc.actor(), pairingId, 'end', '家庭搬迁', NOW))).toBe('not_found');
    expect(endPairing(staffLt.actor(), pairingId, 'end', '家庭搬迁', NOW).ok).toBe(true);
    expect(pairingRow(pairingId)).toMatchObject({ status: 'ended', endReason: '家庭搬迁' });
    const [mail] = mailsTo(volunteer.email, 'pairing.ended');
    expectNoPrivate(mail.subject + mail.bodyText);
    expect(refusal(endPairing(staffLt.actor(), pairingId, 'end', '家庭搬迁', NOW))).toBe('bad_transition');
  });
});

describe('contact logs', () => {
  it('confirming credits the minutes once and mails the volunteer; the volunteer and other counties are refused', async () => {
    const { volunteer, pairingId } = await activePairing();
    const visitId = addVisit(db, pairingId);
    expect(refusal(reviewVisit(volunteer.actor(), pairingId, visitId, 'confirm_visit', undefined, NOW))).toBe('not_found');
    expect(refusal(reviewVisit(staffYc.actor(), pairingId, visitId, 'confirm_visit', undefined, NOW))).toBe('not_found');
    expect(reviewVisit(staffLt.actor(), pairingId, visitId, 'confirm_visit', undefined, NOW).ok).toBe(true);
    expect(visitRow(visitId)).toMatchObject({ status: 'confirmed', confirmedBy: staffLt.id, confirmedAt: NOW });
    expect(refusal(reviewVisit(staffLt2.actor(), pairingId, visitId, 'confirm_visit', undefined, NOW))).toBe('bad_transition');
    expect(mailsTo(volunteer.email, 'visit.confirmed')).toHaveLength(1);
    const page = staffPairingPage(staffLt.actor(), pairingId, NOW);
    if (!page.ok) throw new Error('page');
    expect(page.value.creditedMinutes).toBe(90);
  });

  it('rejecting needs a reason, which the volunteer is mailed; a log of another pairing is not found', async () => {
    const { volunteer, pairingId } = await activePairing();
    const other = await activePairing();
    const visitId = addVisit(db, pairingId);
    expect(refusal(reviewVisit(staffLt.actor(), other.pairingId, visitId, 'reject_visit', '重复登记', NOW))).toBe('not_found');
    expect(reviewVisit(staffLt.actor(), pairingId, visitId, 'reject_visit', '', NOW)).toEqual({ ok: false, error: { kind: 'validation', fields: { reason: ['reason_required'] } } });
    expect(reviewVisit(staffLt.actor(), pairingId, visitId, 'reject_visit', '重复登记', NOW).ok).toBe(true);
    expect(visitRow(visitId)).toMatchObject({ status: 'rejected', rejectReason: '重复登记' });
    expect(mailsTo(volunteer.email, 'visit.rejected')[0].bodyText).toContain('重复登记');
  });

  it('staff correct a log’s facts with a reason the audit keeps; the time of day stays', async () => {
    const { pairingId } = await activePairing();
    const happenedAt = Date.parse('2025-06-01T02:30:00Z'); // 10:30 in Shanghai
    const visitId = addVisit(db, pairingId, { happenedAt, status: 'confirmed' });
    db.update(schema.pairings).set({ startedAt: Date.parse('2025-05-01T00:00:00Z') }).where(eq(schema.pairings.id, pairingId)).run();
    const input = { happenedOn: '2025-06-03', kind: 'call' as const, minutes: 30, staffAccompanied: true };
    expect(correctVisit(staffLt.actor(), pairingId, visitId, input, ' ', NOW)).toEqual({ ok: false, error: { kind: 'validation', fields: { reason: ['reason_required'] } } });
    expect(refusal(correctVisit(staffYc.actor(), pairingId, visitId, input, '时长登记有误', NOW))).toBe('not_found');
    const other = await activePairing();
    expect(refusal(correctVisit(staffLt.actor(), other.pairingId, visitId, input, '时长登记有误', NOW))).toBe('not_found');
    expect(visitRow(visitId)).toMatchObject({ kind: 'home_visit', correctedAt: null });
    expect(correctVisit(staffLt.actor(), pairingId, visitId, input, '时长登记有误', NOW).ok).toBe(true);
    expect(visitRow(visitId)).toMatchObject({ kind: 'call', minutes: 30, staffAccompanied: true, happenedAt: happenedAt + 2 * DAY, correctedAt: NOW, status: 'confirmed' });
    expect(auditOf(visitId).map((a) => [a.action, a.note])).toEqual([['correct_visit', '时长登记有误']]);
    const bad = correctVisit(staffLt.actor(), pairingId, visitId, { ...input, happenedOn: '2025-04-01' }, '日期', NOW);
    expect(bad).toEqual({ ok: false, error: { kind: 'validation', fields: { happenedOn: ['outside_pairing'] } } });
  });
});

describe('concerns', () => {
  it('acknowledging mails the volunteer without the concern’s text; closing needs what staff did, which is never mailed', async () => {
    const { volunteer, pairingId } = await activePairing();
    const concernId = addConcern(db, pairingId, sites.ltTown, volunteer.id);
    expect(refusal(answerConcern(volunteer.actor(), pairingId, concernId, 'acknowledge', undefined, NOW))).toBe('not_found');
    expect(refusal(answerConcern(staffYc.actor(), pairingId, concernId, 'acknowledge', undefined, NOW))).toBe('not_found');
    expect(answerConcern(staffLt.actor(), pairingId, concernId, 'acknowledge', undefined, NOW).ok).toBe(true);
    expect(concernRow(concernId)).toMatchObject({ status: 'acknowledged', acknowledgedBy: staffLt.id, acknowledgedAt: NOW });
    const [mail] = mailsTo(volunteer.email, 'concern.acknowledged');
    expect(mail.bodyText).not.toContain('奶奶生病');
    expectNoPrivate(mail.bodyText);
    expect(answerConcern(staffLt.actor(), pairingId, concernId, 'close_concern', ' ', NOW)).toEqual({ ok: false, error: { kind: 'validation', fields: { actionTaken: ['required'] } } });
    expect(answerConcern(staffLt.actor(), pairingId, concernId, 'close_concern', '已联系村委会和民政专干上门', NOW).ok).toBe(true);
    expect(concernRow(concernId)).toMatchObject({ status: 'closed', actionTaken: '已联系村委会和民政专干上门', closedBy: staffLt.id });
    expect(mailsTo(volunteer.email)).toHaveLength(1);
    expect(auditOf(concernId).map((a) => a.action)).toEqual(['acknowledge', 'close_concern']);
  });

  it('an open concern may be closed at once, acknowledged on the way', async () => {
    const { volunteer, pairingId } = await activePairing();
    const concernId = addConcern(db, pairingId, sites.ltTown, volunteer.id);
    expect(answerConcern(staffLt.actor(), pairingId, concernId, 'close_concern', '已核实,孩子安全', NOW).ok).toBe(true);
    expect(concernRow(concernId)).toMatchObject({ status: 'closed', acknowledgedBy: staffLt.id, closedBy: staffLt.id });
  });
});

describe('the staff pages', () => {
  it('the pairing page shows staff the child’s real name, audited as child.read; other counties get not found', async () => {
    const { pairingId, childId } = await activePairing();
    const page = staffPairingPage(staffLt.actor(), pairingId, NOW);
    if (!page.ok) throw new Error('page');
    expect(page.value.child.realName).toBe(CHILD_REAL_NAME);
    expect(page.value.steps).toEqual(['end']);
    expect(auditOf(childId).map((a) => a.action)).toEqual(['child.read']);
    expect(staffPairingPage(staffYc.actor(), pairingId, NOW)).toEqual({ ok: false, error: { kind: 'not_found' } });
  });

  it('the new-pairing form lists children without a live pairing and caring parents in scope, each with why they cannot be paired', async () => {
    const { childId: paired } = await activePairing();
    const free = addChild(db, sites.ltTown);
    const overdue = await caringParent(db, sites.lt, { recheckDueAt: NOW - DAY });
    const elsewhere = await caringParent(db, sites.yc);
    const page = newPairingPage(staffLt.actor(), free, NOW);
    if (!page.ok) throw new Error('page');
    const ids = page.value.children.map((c) => c.id);
    expect(ids).toContain(free);
    expect(ids).not.toContain(paired);
    expect(page.value.childId).toBe(free);
    const vols = new Map(page.value.volunteers.map((v) => [v.userId, v]));
    expect(vols.get(overdue.id)?.why).toEqual({ key: 'pairing.error.recheck_overdue' });
    expect(vols.has(elsewhere.id)).toBe(false);
    expect(newPairingPage(staffYc.actor(), free, NOW).ok && (newPairingPage(staffYc.actor(), free, NOW) as { value: { childId: string | null } }).value.childId).toBe(null);
  });
});
