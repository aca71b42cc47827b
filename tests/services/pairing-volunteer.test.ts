import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { schema } from '../../db/client';
import { writeVisitStatus } from '../../app/services/pairing-status.server';
import { transact } from '../../app/server/tx.server';
import { myPairingPage, myPairings } from '../../app/services/pairing-me-page.server';
import { acceptPairing, declinePairing, logPairingVisit, raiseConcern, requestPairingEnd } from '../../app/services/pairing-volunteer.server';
import { useTestDatabase } from '../helpers/db';
import { actorOf, addChild, auditOf, buildWorld, emailOf, outboxTo, type World } from '../helpers/wish-fixtures';

const { db } = useTestDatabase('pairing-volunteer');
const DAY = 24 * 3600_000;
const NOW = Date.UTC(2026, 2, 2, 2); // 2026-03-02 10:00 in Shanghai
let world: World;
let parent: string;
let otherParent: string;
let counter = 0;

beforeAll(() => {
  world = buildWorld(db, NOW);
  parent = world.users.volunteer;
  db.update(schema.volunteers).set({ caringParent: true, recheckDueAt: NOW + 200 * DAY }).where(eq(schema.volunteers.userId, parent)).run();
  otherParent = `u-other-${Math.random().toString(36).slice(2, 8)}`;
  db.insert(schema.users).values({ id: otherParent, email: `other-${otherParent}@example.org`, passwordHash: 'x', displayName: '另一位爱心妈妈', emailVerifiedAt: NOW, createdAt: NOW }).run();
  db.insert(schema.volunteers).values({ userId: otherParent, status: 'approved', caringParent: true, createdAt: NOW, countySiteId: world.sites.lt }).run();
});

const actor = (userId: string) => actorOf(db, userId);

/** A pairing as staff of 高闸镇 leave it (their side is another module's): proposed, or already active since `startedAt`. */
function pairing(o: { volunteer?: string; status?: 'proposed' | 'active'; startedAt?: number; childName?: string } = {}) {
  const childId = addChild(db, { siteId: world.sites.gch, realName: o.childName ?? '马思远', alias: `小远${++counter}`, birthDate: '2016-05-20' }, NOW);
  const id = `p${counter}x${Math.random().toString(36).slice(2, 8)}`;
  const status = o.status ?? 'proposed';
  db.insert(schema.pairings)
    .values({
      id,
      volunteerUserId: o.volunteer ?? parent,
      childId,
      siteId: world.sites.gch,
      status,
      proposedAt: NOW - 40 * DAY,
      startedAt: status === 'active' ? (o.startedAt ?? NOW - 30 * DAY) : null,
      agreementSignedOn: '2026-01-20',
      agreementWitness: '高闸镇马老师',
      createdBy: world.users.staffGc,
    })
    .run();
  return id;
}

const pairingRow = (id: string) => db.select().from(schema.pairings).where(eq(schema.pairings.id, id)).get()!;
const visitsOf = (id: string) => db.select().from(schema.pairingVisits).where(eq(schema.pairingVisits.pairingId, id)).all();
const concernsOf = (id: string) => db.select().from(schema.pairingConcerns).where(eq(schema.pairingConcerns.pairingId, id)).all();
const visit = { happenedOn: '2026-02-20', kind: 'home_visit' as const, minutes: 90, staffAccompanied: false, note: '一起读了绘本,聊了学校里的趣事。' };

describe('accept and decline', () => {
  it('only the paired volunteer accepts: another volunteer finds nothing, staff are told it is the volunteer’s step', () => {
    const id = pairing();
    expect(acceptPairing(actor(otherParent), id, NOW)).toEqual({ ok: false, error: { kind: 'not_found' } });
    expect(acceptPairing(actor(world.users.staffYc), id, NOW)).toEqual({ ok: false, error: { kind: 'not_found' } });
    expect(acceptPairing(actor(world.users.staffGc), id, NOW)).toMatchObject({ ok: false, error: { kind: 'forbidden', message: { key: 'pairme.error.volunteer_only' } } });
    expect(acceptPairing(null, id, NOW)).toEqual({ ok: false, error: { kind: 'not_found' } });
    expect(pairingRow(id).status).toBe('proposed');
  });

  it('accepting makes it active, audits it and mails the volunteer and the staff member who proposed it', () => {
    const id = pairing();
    expect(acceptPairing(actor(parent), id, NOW)).toEqual({ ok: true, value: { pairingId: id } });
    expect(pairingRow(id)).toMatchObject({ status: 'active', startedAt: NOW });
    expect(auditOf(db, 'pairing', id)).toEqual([expect.objectContaining({ action: 'accept', fromStatus: 'proposed', toStatus: 'active', actorId: parent })]);
    const mine = outboxTo(db, emailOf(db, parent)).filter((m) => m.template === 'pairing.accepted' && m.bodyText.includes(`/me/pairings/${id}`));
    expect(mine).toHaveLength(1);
    expect(mine[0].locale).toBe('en');
    expect(outboxTo(db, emailOf(db, world.users.staffGc)).filter((m) => m.template === 'pairing.accepted_staff' && m.bodyText.includes(id))).toHaveLength(1);
    // A second accept finds the pairing moved on.
    expect(acceptPairing(actor(parent), id, NOW)).toMatchObject({ ok: false, error: { kind: 'bad_transition' } });
  });

  it('accepting checks the volunteer again: past the limit of active pairings it is refused and nothing changes', () => {
    const busy = `u-busy-${Math.random().toString(36).slice(2, 8)}`;
    db.insert(schema.users).values({ id: busy, email: `${busy}@example.org`, passwordHash: 'x', displayName: '忙碌的爱心爸爸', emailVerifiedAt: NOW, createdAt: NOW }).run();
    db.insert(schema.volunteers).values({ userId: busy, status: 'approved', caringParent: true, createdAt: NOW }).run();
    pairing({ volunteer: busy, status: 'active' });
    pairing({ volunteer: busy, status: 'active' });
    const third = pairing({ volunteer: busy });
    expect(acceptPairing(actor(busy), third, NOW)).toMatchObject({ ok: false, error: { kind: 'capacity', message: { key: 'pairing.error.volunteer_limit' } } });
    expect(pairingRow(third).status).toBe('proposed');
    expect(auditOf(db, 'pairing', third)).toEqual([]);
  });

  it('declining ends the proposal with the reason and tells the proposer; a reason naming the child is refused', () => {
    const id = pairing();
    expect(declinePairing(actor(parent), id, '这个月要照顾马思远的生活起居', NOW)).toMatchObject({
      ok: false,
      error: { kind: 'validation', fields: { reason: ['pairme.field.private', 'pairme.private.real_name'] } },
    });
    expect(pairingRow(id).status).toBe('proposed');
    expect(declinePairing(actor(world.users.staffGc), id, undefined, NOW)).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(declinePairing(actor(parent), id, '近期工作调动,时间不够', NOW)).toEqual({ ok: true, value: { pairingId: id } });
    expect(pairingRow(id)).toMatchObject({ status: 'ended', endedAt: NOW, endedBy: parent, endReason: '近期工作调动,时间不够' });
    expect(outboxTo(db, emailOf(db, world.users.staffGc)).filter((m) => m.template === 'pairing.declined' && m.bodyText.includes(id))).toHaveLength(1);
  });
});

describe('logging a contact', () => {
  it('the volunteer logs a contact of an active pairing, awaiting confirmation; others may not', () => {
    const id = pairing({ status: 'active' });
    expect(logPairingVisit(actor(otherParent), id, visit, NOW)).toEqual({ ok: false, error: { kind: 'not_found' } });
    expect(logPairingVisit(actor(world.users.staffLt), id, visit, NOW)).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    const logged = logPairingVisit(actor(parent), id, { ...visit, staffAccompanied: true }, NOW);
    expect(logged.ok).toBe(true);
    expect(visitsOf(id)).toEqual([
      expect.objectContaining({ status: 'logged', kind: 'home_visit', minutes: 90, staffAccompanied: true, loggedBy: parent, happenedAt: Date.UTC(2026, 1, 20, 4) }),
    ]);
    const visitId = visitsOf(id)[0].id;
    expect(auditOf(db, 'visit', visitId)).toEqual([expect.objectContaining({ action: 'log_visit', toStatus: 'logged', actorId: parent })]);
  });

  it('refuses a proposed pairing, a future day, a day before the start and a duration out of range', () => {
    expect(logPairingVisit(actor(parent), pairing(), visit, NOW)).toMatchObject({ ok: false, error: { kind: 'conflict', message: { key: 'pairing.error.not_active' } } });
    const id = pairing({ status: 'active', startedAt: Date.UTC(2026, 1, 10, 2) });
    expect(logPairingVisit(actor(parent), id, { ...visit, happenedOn: '2026-03-03' }, NOW)).toMatchObject({ error: { fields: { happenedOn: ['pairme.field.date_in_future'] } } });
    expect(logPairingVisit(actor(parent), id, { ...visit, happenedOn: '2026-02-09' }, NOW)).toMatchObject({ error: { fields: { happenedOn: ['pairme.field.outside_pairing'] } } });
    expect(logPairingVisit(actor(parent), id, { ...visit, minutes: 721 }, NOW)).toMatchObject({ error: { fields: { minutes: ['pairme.field.minutes_range'] } } });
    expect(visitsOf(id)).toEqual([]);
  });

  it.each([
    ['the real name', '今天去看了马思远,她很开心。', 'real_name'],
    ['the given name in pinyin', 'Visited Siyuan today, we read together.', 'given_name'],
    ['the birth date', '提前给她过了生日(2016年5月20日)。', 'birth_date'],
    ['an address', '到利通区高闸镇幸福村3组12号家里走访。', 'address'],
    ['a phone number', '约好下次打 13912345678 联系。', 'phone'],
    ['the guardian', '和马爷爷聊了很久。', 'guardian'],
  ])('a note giving %s is refused, naming only the kind, and nothing is written', (_what, note, kind) => {
    const id = pairing({ status: 'active' });
    const result = logPairingVisit(actor(parent), id, { ...visit, note }, NOW);
    expect(result).toMatchObject({ ok: false, error: { kind: 'validation', message: { key: 'pairme.error.private_text' } } });
    if (result.ok || result.error.kind !== 'validation') throw new Error('expected a refusal');
    expect(result.error.fields.note).toContain(`pairme.private.${kind}`);
    // The answer never quotes the text back.
    expect(JSON.stringify(result)).not.toContain(note);
    expect(visitsOf(id)).toEqual([]);
  });
});

describe('asking to end', () => {
  it('records the request once with its reason, audits request_end and tells the staff of the site and county', () => {
    const id = pairing({ status: 'active' });
    expect(requestPairingEnd(actor(otherParent), id, '搬家了', NOW)).toEqual({ ok: false, error: { kind: 'not_found' } });
    expect(requestPairingEnd(actor(parent), id, '  ', NOW)).toMatchObject({ error: { kind: 'validation', fields: { reason: ['pairme.field.reason_required'] } } });
    expect(requestPairingEnd(actor(parent), id, '马思远已经被领养', NOW)).toMatchObject({ error: { kind: 'validation', fields: { reason: expect.arrayContaining(['pairme.private.real_name']) } } });
    expect(pairingRow(id).endRequestedAt).toBeNull();
    expect(requestPairingEnd(actor(parent), id, '工作调到外地,无法继续走访', NOW)).toEqual({ ok: true, value: { pairingId: id } });
    expect(pairingRow(id)).toMatchObject({ status: 'active', endRequestedAt: NOW, endRequestReason: '工作调到外地,无法继续走访' });
    expect(auditOf(db, 'pairing', id)).toEqual([expect.objectContaining({ action: 'request_end', note: '工作调到外地,无法继续走访', actorId: parent })]);
    for (const staff of [world.users.staffGc, world.users.staffLt]) {
      expect(outboxTo(db, emailOf(db, staff)).filter((m) => m.template === 'pairing.end_requested' && m.bodyText.includes(id))).toHaveLength(1);
    }
    expect(outboxTo(db, emailOf(db, world.users.staffYc)).filter((m) => m.bodyText.includes(id))).toEqual([]);
    expect(requestPairingEnd(actor(parent), id, '再说一次', NOW)).toMatchObject({ ok: false, error: { kind: 'conflict', message: { key: 'pairing.error.end_already_requested' } } });
  });
});

describe('raising a concern', () => {
  it('goes at once, marked urgent and with its text, to the staff of the child’s site and county only', () => {
    const id = pairing({ status: 'active' });
    const logged = logPairingVisit(actor(parent), id, visit, NOW);
    if (!logged.ok) throw new Error('log failed');
    const text = '孩子胳膊上有几处淤青,问起来不肯说,担心在家里被打。';
    expect(raiseConcern(actor(otherParent), id, { kind: 'abuse', text }, NOW)).toEqual({ ok: false, error: { kind: 'not_found' } });
    expect(raiseConcern(actor(world.users.staffGc), id, { kind: 'abuse', text }, NOW)).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(raiseConcern(actor(parent), id, { kind: 'abuse', text: ' ' }, NOW)).toMatchObject({ error: { kind: 'validation', fields: { text: ['pairme.field.required'] } } });
    expect(raiseConcern(actor(parent), id, { kind: 'abuse', text, visitId: 'not-a-visit' }, NOW)).toMatchObject({ error: { kind: 'validation', fields: { visitId: ['pairme.field.visit_unknown'] } } });
    const raised = raiseConcern(actor(parent), id, { kind: 'abuse', text, visitId: logged.value.visitId }, NOW);
    if (!raised.ok) throw new Error(JSON.stringify(raised.error));
    expect(concernsOf(id)).toEqual([expect.objectContaining({ status: 'open', kind: 'abuse', text, visitId: logged.value.visitId, raisedBy: parent, raisedAt: NOW })]);
    expect(auditOf(db, 'concern', raised.value.concernId)).toEqual([expect.objectContaining({ action: 'raise', toStatus: 'open' })]);
    const concernMails = db.select().from(schema.outbox).all().filter((m) => m.template === 'concern.raised' && m.bodyText.includes(id));
    const to = concernMails.map((m) => m.toEmail).sort();
    expect(to).toEqual([world.users.staffGc, world.users.staffLt, world.users.staffLt2].map((u) => emailOf(db, u).toLowerCase()).sort());
    for (const m of concernMails) {
      expect(m.bodyText).toContain(text);
      expect(m.subject).toMatch(/紧急|URGENT/);
    }
    // Nobody else hears of the text: not the volunteer, not the staff of another county, not the admin.
    const elsewhere = db.select().from(schema.outbox).all().filter((m) => m.bodyText.includes(text) && m.template !== 'concern.raised');
    expect(elsewhere).toEqual([]);
  });

  it('may be raised from an ended pairing too: a child’s safety does not wait for a status', () => {
    const id = pairing({ status: 'active' });
    db.update(schema.pairings).set({ status: 'ended', endedAt: NOW - DAY }).where(eq(schema.pairings.id, id)).run();
    expect(raiseConcern(actor(parent), id, { kind: 'neglect', text: '听说孩子最近常常一个人在家。' }, NOW).ok).toBe(true);
  });
});

describe('what the volunteer sees', () => {
  it('credits each confirmed log once, and only confirmed ones; the page shows no private field', () => {
    const id = pairing({ status: 'active', childName: '王小禾' });
    const ids: string[] = [];
    for (const [minutes, day] of [[60, '2026-02-10'], [45, '2026-02-15'], [30, '2026-02-25']] as const) {
      const r = logPairingVisit(actor(parent), id, { ...visit, minutes, happenedOn: day }, NOW);
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      ids.push(r.value.visitId);
    }
    const review = (visitId: string, to: 'confirmed' | 'rejected') =>
      transact((tx) =>
        writeVisitStatus(tx, { id: visitId, from: 'logged', to, action: to === 'confirmed' ? 'confirm_visit' : 'reject_visit', actorId: world.users.staffGc, siteId: world.sites.gch, now: NOW }),
      );
    expect(review(ids[0], 'confirmed').ok).toBe(true);
    expect(review(ids[1], 'rejected').ok).toBe(true);
    // Confirming twice changes nothing: the second compare-and-set loses.
    expect(review(ids[0], 'confirmed').ok).toBe(false);

    const page = myPairingPage(actor(parent), id, NOW);
    if (!page.ok) throw new Error('page');
    expect(page.value.creditedMinutes).toBe(60);
    expect(page.value.homeVisits).toBe(1);
    expect(page.value.lastContactAt).toBe(Date.UTC(2026, 1, 10, 4));
    expect(page.value.child).toEqual({ alias: expect.stringMatching(/^小远/), ageBand: '9-11', countyZh: '利通区', countyEn: 'Litong District' });
    expect(page.value.visits.map((v) => v.status)).toEqual(['logged', 'rejected', 'confirmed']);
    const row = myPairings(actor(parent), NOW).find((p) => p.id === id)!;
    expect(row).toMatchObject({ creditedMinutes: 60, lastContactAt: Date.UTC(2026, 1, 10, 4), status: 'active', ageBand: '9-11' });

    const shown = JSON.stringify([page.value, myPairings(actor(parent), NOW)]);
    for (const secret of ['王小禾', '小禾', '2016-05-20', 'left_behind', '马爷爷', '父母在外务工']) expect(shown).not.toContain(secret);
  });

  it('the page is the volunteer’s own: another volunteer and staff find nothing there', () => {
    const id = pairing({ status: 'active' });
    expect(myPairingPage(actor(otherParent), id, NOW)).toEqual({ ok: false, error: { kind: 'not_found' } });
    expect(myPairingPage(actor(world.users.staffGc), id, NOW)).toEqual({ ok: false, error: { kind: 'not_found' } });
    expect(myPairingPage(actor(parent), 'nope', NOW)).toEqual({ ok: false, error: { kind: 'not_found' } });
    expect(myPairings(actor(otherParent), NOW).some((p) => p.id === id)).toBe(false);
  });
});
