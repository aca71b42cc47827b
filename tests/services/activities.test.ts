import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { useTestDatabase } from '../helpers/db';
import { actorOf, addChild, auditOf, buildWorld, emailOf, outboxTo, type World } from '../helpers/wish-fixtures';
import { schema } from '../../db/client';
import { createActivity, editDraft, moveActivity, organizationActivities, staffActivityQueues, type ActivityInput } from '../../app/services/activity-proposals.server';
import { cancelSlot, closeSlot, correctSlot, markAttendance, reviewNoShowFlag, staffSlotPage } from '../../app/services/activity-slots.server';

const { db } = useTestDatabase('activities');
const HOUR = 3600_000;
const DAY = 24 * HOUR;
const NOW = Date.UTC(2026, 2, 2, 2); // 2026-03-02 10:00 in Shanghai
let world: World;
let childA: string;
let childB: string;
let childElsewhere: string;

beforeAll(() => {
  world = buildWorld(db, NOW);
  childA = addChild(db, { siteId: world.sites.gch, realName: '马思远', alias: '小远' }, NOW);
  childB = addChild(db, { siteId: world.sites.gch, realName: '李春花', alias: '小花' }, NOW);
  childElsewhere = addChild(db, { siteId: world.sites.ych, realName: '王大山', alias: '小山' }, NOW);
});

const actor = (key: keyof World['users']) => actorOf(db, world.users[key]);

function input(over: Partial<ActivityInput> = {}, slotCount = 1): ActivityInput {
  return {
    type: 'film_screening',
    title: '周末集体观影',
    description: '和孩子们一起看一部动画电影,结束后一起画画。',
    siteId: world.sites.gch,
    contactTier: 'group',
    riskNotes: '人多时注意秩序',
    safetyMeasures: '两名工作人员全程在场',
    organizerContact: '社工甲 13912345678',
    slots: Array.from({ length: slotCount }, (_, i) => ({
      startsAt: NOW + (2 + i) * DAY,
      endsAt: NOW + (2 + i) * DAY + 2 * HOUR,
      place: '活动室',
      capacity: 3,
      childrenExpected: 15,
    })),
    ...over,
  };
}

const activityRow = (id: string) => db.select().from(schema.activities).where(eq(schema.activities.id, id)).get()!;
const slotRows = (activityId: string) => db.select().from(schema.slots).where(eq(schema.slots.activityId, activityId)).orderBy(schema.slots.startsAt).all();
const signupRow = (id: string) => db.select().from(schema.slotSignups).where(eq(schema.slotSignups.id, id)).get()!;
const idOf = (r: { ok: boolean; value?: { id: string } }) => {
  if (!r.ok || !r.value) throw new Error(`expected ok: ${JSON.stringify(r)}`);
  return r.value.id;
};

let signupCounter = 0;
/** Sign-ups are the other slice's to write; these tests put rows in place directly. */
function signup(slotId: string, userId: string, status: 'confirmed' | 'waitlisted' | 'offered' = 'confirmed'): string {
  const id = `su${++signupCounter}x${Math.random().toString(36).slice(2, 8)}`;
  db.insert(schema.slotSignups)
    .values({ id, slotId, userId, status, queueNo: status === 'waitlisted' ? signupCounter : null, createdAt: NOW, updatedAt: NOW })
    .run();
  return id;
}

/** An approved activity proposed by organization A at 高闸镇儿童之家. */
function approvedOrgActivity(slotCount = 1, over: Partial<ActivityInput> = {}): string {
  const id = idOf(createActivity(actor('memberA'), { orgId: world.orgs.orgA }, input(over, slotCount), NOW));
  expect(moveActivity(actor('memberA'), id, 'submit', {}, NOW).ok).toBe(true);
  expect(moveActivity(actor('staffLt'), id, 'approve', {}, NOW)).toEqual({ ok: true, value: { to: 'approved' } });
  return id;
}

describe('proposing', () => {
  it('an approved organization proposes a draft with its slots at any site; scheduled minutes default to the length', () => {
    const result = createActivity(actor('memberA'), { orgId: world.orgs.orgA }, input({ siteId: world.sites.ych }, 2), NOW);
    const id = idOf(result);
    expect(activityRow(id)).toMatchObject({ status: 'draft', orgId: world.orgs.orgA, proposerId: world.users.memberA, cancelCutoffHours: 24, siteId: world.sites.ych });
    expect(slotRows(id).map((s) => [s.status, s.scheduledMinutes, s.capacity])).toEqual([
      ['open', 120, 3],
      ['open', 120, 3],
    ]);
    expect(auditOf(db, 'activity', id).map((e) => e.action)).toEqual(['create']);
  });

  it('refuses visitors, volunteers, unvetted organizations and members of another organization', () => {
    expect(createActivity(null, { orgId: null }, input(), NOW)).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(createActivity(actor('volunteer'), { orgId: null }, input(), NOW)).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(createActivity(actor('memberP'), { orgId: world.orgs.orgP }, input(), NOW)).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(createActivity(actor('memberB'), { orgId: world.orgs.orgA }, input(), NOW)).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
  });

  it('lets staff propose only within their subtree', () => {
    expect(createActivity(actor('staffYc'), { orgId: null }, input(), NOW)).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(createActivity(actor('staffGc'), { orgId: null }, input(), NOW).ok).toBe(true);
  });

  it('checks the slots: at least one, end after start, not in the past, capacity at least 1', () => {
    expect(createActivity(actor('memberA'), { orgId: world.orgs.orgA }, input({ slots: [] }), NOW)).toMatchObject({
      ok: false,
      error: { kind: 'validation', fields: { slots: ['slot_required'] } },
    });
    const bad = input({}, 2);
    bad.slots[0] = { ...bad.slots[0], endsAt: bad.slots[0].startsAt - HOUR };
    bad.slots[1] = { ...bad.slots[1], capacity: 0, scheduledMinutes: 500 };
    expect(createActivity(actor('memberA'), { orgId: world.orgs.orgA }, bad, NOW)).toMatchObject({
      ok: false,
      error: { kind: 'validation', fields: { 'slots.0.endsAt': ['slot_ends_before_start'], 'slots.1.capacity': ['capacity_invalid'], 'slots.1.scheduledMinutes': ['scheduled_minutes_invalid'] } },
    });
  });

  it('runs the privacy check on the description, the place, the risk notes and the organizer contact', () => {
    const named = createActivity(actor('memberA'), { orgId: world.orgs.orgA }, input({ description: '特别为马思远准备的电影' }), NOW);
    expect(named).toMatchObject({ ok: false, error: { kind: 'privacy', findings: [{ kind: 'real_name', match: '马思远' }] } });
    const phoneInPlace = input();
    phoneInPlace.slots[0].place = '联系 13812345678';
    expect(createActivity(actor('memberA'), { orgId: world.orgs.orgA }, phoneInPlace, NOW)).toMatchObject({ ok: false, error: { kind: 'privacy' } });
    expect(createActivity(actor('memberA'), { orgId: world.orgs.orgA }, input({ riskNotes: '春花对花生过敏' }), NOW)).toMatchObject({
      ok: false,
      error: { kind: 'privacy', findings: [{ kind: 'given_name' }] },
    });
    // A phone number is what the organizer contact is for; a child's name is not.
    expect(createActivity(actor('memberA'), { orgId: world.orgs.orgA }, input({ organizerContact: '李春花 13912345678' }), NOW)).toMatchObject({
      ok: false,
      error: { kind: 'privacy', findings: [{ kind: 'real_name', match: '李春花' }] },
    });
  });

  it('edits a draft (slots replaced) but not once it is submitted', () => {
    const id = idOf(createActivity(actor('memberA'), { orgId: world.orgs.orgA }, input(), NOW));
    expect(editDraft(actor('memberA'), id, input({ title: '春季观影' }, 3), NOW).ok).toBe(true);
    expect(activityRow(id).title).toBe('春季观影');
    expect(slotRows(id)).toHaveLength(3);
    expect(editDraft(actor('memberB'), id, input(), NOW)).toMatchObject({ ok: false, error: { kind: 'not_found' } });
    expect(moveActivity(actor('memberA'), id, 'submit', {}, NOW).ok).toBe(true);
    expect(editDraft(actor('memberA'), id, input(), NOW)).toMatchObject({ ok: false, error: { kind: 'bad_transition' } });
  });
});

describe('review', () => {
  it('submit → approve by staff of the site; the proposer is mailed', () => {
    const id = approvedOrgActivity();
    expect(activityRow(id)).toMatchObject({ status: 'approved', approvedBy: world.users.staffLt });
    expect(outboxTo(db, emailOf(db, world.users.memberA)).map((m) => m.template)).toContain('activity.approved');
    expect(auditOf(db, 'activity', id).map((e) => [e.action, e.fromStatus, e.toStatus])).toEqual([
      ['create', null, 'draft'],
      ['submit', 'draft', 'submitted'],
      ['approve', 'submitted', 'approved'],
    ]);
  });

  it('staff of another county can neither see, approve nor reject; staff never approve an organization draft', () => {
    const id = idOf(createActivity(actor('memberA'), { orgId: world.orgs.orgA }, input(), NOW));
    expect(moveActivity(actor('staffLt'), id, 'approve', {}, NOW)).toMatchObject({ ok: false, error: { kind: 'not_found' } });
    expect(moveActivity(actor('memberA'), id, 'submit', {}, NOW).ok).toBe(true);
    expect(moveActivity(actor('staffYc'), id, 'approve', {}, NOW)).toMatchObject({ ok: false, error: { kind: 'not_found' } });
    expect(moveActivity(actor('staffYc'), id, 'reject', { reason: 'x' }, NOW)).toMatchObject({ ok: false, error: { kind: 'not_found' } });
    expect(moveActivity(actor('memberA'), id, 'approve', {}, NOW)).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(activityRow(id).status).toBe('submitted');
  });

  it('reject needs a reason, which the proposer reads and is mailed', () => {
    const id = idOf(createActivity(actor('memberA'), { orgId: world.orgs.orgA }, input({ title: '被退回的活动' }), NOW));
    moveActivity(actor('memberA'), id, 'submit', {}, NOW);
    expect(moveActivity(actor('staffGc'), id, 'reject', { reason: ' ' }, NOW)).toMatchObject({ ok: false, error: { kind: 'validation', fields: { reason: ['reason_required'] } } });
    expect(moveActivity(actor('staffGc'), id, 'reject', { reason: '时间与期末考试冲突' }, NOW)).toEqual({ ok: true, value: { to: 'rejected' } });
    expect(activityRow(id)).toMatchObject({ status: 'rejected', reason: '时间与期末考试冲突' });
    const mail = outboxTo(db, emailOf(db, world.users.memberA)).find((m) => m.template === 'activity.rejected' && m.subject.includes('被退回的活动'));
    expect(mail?.bodyText).toContain('时间与期末考试冲突');
  });

  it('staff create and approve directly; the approval is audited as its own step', () => {
    const created = createActivity(actor('staffLt'), { orgId: null }, input(), NOW, { approve: true });
    expect(created).toMatchObject({ ok: true, value: { status: 'approved' } });
    const id = idOf(created);
    expect(auditOf(db, 'activity', id).map((e) => e.action)).toEqual(['create', 'approve']);
    expect(createActivity(actor('memberA'), { orgId: world.orgs.orgA }, input(), NOW, { approve: true })).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
  });
});

describe('cancelling', () => {
  it('an approved activity needs a reason; every open slot is cancelled and everyone holding or waiting is mailed, sign-up status untouched', () => {
    const id = approvedOrgActivity(2);
    const [s1, s2] = slotRows(id);
    const held = signup(s1.id, world.users.volunteer, 'confirmed');
    const waiting = signup(s2.id, world.users.memberB, 'waitlisted');
    expect(moveActivity(actor('staffGc'), id, 'cancel', {}, NOW)).toMatchObject({ ok: false, error: { kind: 'validation' } });
    expect(moveActivity(actor('staffGc'), id, 'cancel', { reason: '场地维修' }, NOW)).toEqual({ ok: true, value: { to: 'cancelled' } });
    expect(slotRows(id).map((s) => s.status)).toEqual(['cancelled', 'cancelled']);
    expect(signupRow(held).status).toBe('confirmed');
    expect(signupRow(waiting).status).toBe('waitlisted');
    for (const user of [world.users.volunteer, world.users.memberB]) {
      expect(outboxTo(db, emailOf(db, user)).filter((m) => m.template === 'activity.cancelled')).toHaveLength(1);
    }
    // The volunteer reads English.
    expect(outboxTo(db, emailOf(db, world.users.volunteer)).find((m) => m.template === 'activity.cancelled')?.bodyText).toContain('场地维修');
    expect(outboxTo(db, emailOf(db, world.users.memberA)).some((m) => m.template === 'activity.cancelled_proposer')).toBe(true);
  });

  it('one slot, by staff with a reason; the people on it are mailed', () => {
    const id = approvedOrgActivity(2);
    const [s1] = slotRows(id);
    signup(s1.id, world.users.staffLt2, 'confirmed');
    expect(cancelSlot(actor('staffYc'), s1.id, '下雪', NOW)).toMatchObject({ ok: false, error: { kind: 'not_found' } });
    expect(cancelSlot(actor('memberA'), s1.id, '下雪', NOW)).toMatchObject({ ok: false, error: { kind: 'not_found' } });
    expect(cancelSlot(actor('staffGc'), s1.id, '', NOW)).toMatchObject({ ok: false, error: { kind: 'validation' } });
    expect(cancelSlot(actor('staffGc'), s1.id, '下雪路滑', NOW).ok).toBe(true);
    expect(slotRows(id).map((s) => s.status)).toEqual(['cancelled', 'open']);
    expect(outboxTo(db, emailOf(db, world.users.staffLt2)).filter((m) => m.template === 'slot.cancelled')).toHaveLength(1);
    expect(activityRow(id).status).toBe('approved');
  });
});

describe('attendance', () => {
  it('credits the minutes once however often it is saved; only staff of the site mark it', () => {
    const id = approvedOrgActivity();
    const [slot] = slotRows(id);
    const su = signup(slot.id, world.users.volunteer);
    const after = slot.startsAt + 3 * HOUR;
    expect(markAttendance(actor('staffGc'), su, 'attended', undefined, slot.startsAt - HOUR)).toMatchObject({ ok: false, error: { kind: 'conflict' } });
    expect(markAttendance(actor('staffYc'), su, 'attended', 90, after)).toMatchObject({ ok: false, error: { kind: 'not_found' } });
    expect(markAttendance(actor('volunteer'), su, 'attended', 90, after)).toMatchObject({ ok: false, error: { kind: 'not_found' } });
    expect(markAttendance(actor('staffGc'), su, 'attended', undefined, after).ok).toBe(true);
    expect(markAttendance(actor('staffGc'), su, 'attended', 90, after + 1).ok).toBe(true);
    const row = signupRow(su);
    expect(row).toMatchObject({ status: 'confirmed', attendance: 'attended', serviceMinutes: 90, attendanceBy: world.users.staffGc });
    const total = db.$client.prepare("select sum(service_minutes) as m from slot_signups where user_id = ? and attendance = 'attended'").get(world.users.volunteer) as { m: number };
    expect(total.m).toBe(90);
  });

  it('refuses a waiting sign-up', () => {
    const id = approvedOrgActivity();
    const [slot] = slotRows(id);
    const su = signup(slot.id, world.users.memberB, 'waitlisted');
    expect(markAttendance(actor('staffGc'), su, 'attended', undefined, slot.startsAt + HOUR)).toMatchObject({ ok: false, error: { kind: 'conflict' } });
  });

  it('three no-shows within 12 months flag the helper once and mail the staff once; staff mark it reviewed', () => {
    const helper = world.users.pendingVolunteer; // any user: the flag is about the person
    const staffMail = () => outboxTo(db, emailOf(db, world.users.staffLt)).filter((m) => m.template === 'attendance.no_show_flag');
    const flags = () => db.select().from(schema.noShowFlags).where(eq(schema.noShowFlags.userId, helper)).all();
    const signups = [0, 1, 2, 3].map(() => {
      const [slot] = slotRows(approvedOrgActivity());
      return { su: signup(slot.id, helper), after: slot.startsAt + 3 * HOUR };
    });
    expect(markAttendance(actor('staffGc'), signups[0].su, 'no_show', undefined, signups[0].after)).toEqual({ ok: true, value: { flagged: false } });
    expect(markAttendance(actor('staffGc'), signups[1].su, 'no_show', undefined, signups[1].after)).toEqual({ ok: true, value: { flagged: false } });
    expect(markAttendance(actor('staffGc'), signups[2].su, 'no_show', undefined, signups[2].after)).toEqual({ ok: true, value: { flagged: true } });
    // Saved again, and a fourth no-show while the flag is open: no second flag, no second mail.
    expect(markAttendance(actor('staffGc'), signups[2].su, 'no_show', undefined, signups[2].after + 1)).toEqual({ ok: true, value: { flagged: false } });
    expect(markAttendance(actor('staffGc'), signups[3].su, 'no_show', undefined, signups[3].after)).toEqual({ ok: true, value: { flagged: false } });
    expect(flags()).toHaveLength(1);
    expect(staffMail()).toHaveLength(1);
    expect(signupRow(signups[2].su)).toMatchObject({ status: 'confirmed', attendance: 'no_show', serviceMinutes: 0 });

    const queues = staffActivityQueues(actor('staffLt'), NOW);
    expect(queues.flags.map((f) => f.userId)).toContain(helper);
    expect(staffActivityQueues(actor('staffYc'), NOW).flags.map((f) => f.userId)).not.toContain(helper);
    const flag = flags()[0];
    expect(reviewNoShowFlag(actor('staffYc'), flag.signupId, NOW)).toMatchObject({ ok: false, error: { kind: 'not_found' } });
    expect(reviewNoShowFlag(actor('staffLt'), flag.signupId, NOW).ok).toBe(true);
    expect(flags()[0].reviewedBy).toBe(world.users.staffLt);
    expect(staffActivityQueues(actor('staffLt'), NOW).flags.map((f) => f.userId)).not.toContain(helper);
  });
});

describe('closing and completion', () => {
  const outcome = { childrenServed: 14, childIds: [] as string[], moneyFen: 0, goodsFen: 30_000, materials: 20 };

  it('staff of another county cannot close; a slot that has not started cannot be closed', () => {
    const id = approvedOrgActivity();
    const [slot] = slotRows(id);
    expect(closeSlot(actor('staffYc'), slot.id, outcome, slot.startsAt + HOUR)).toMatchObject({ ok: false, error: { kind: 'not_found' } });
    expect(closeSlot(actor('memberA'), slot.id, outcome, slot.startsAt + HOUR)).toMatchObject({ ok: false, error: { kind: 'not_found' } });
    expect(closeSlot(actor('staffGc'), slot.id, outcome, slot.startsAt - 1)).toMatchObject({ ok: false, error: { kind: 'conflict' } });
    expect(slotRows(id)[0].status).toBe('open');
  });

  it('children served are chosen among the children of the slot’s site', () => {
    const [slot] = slotRows(approvedOrgActivity());
    expect(closeSlot(actor('staffGc'), slot.id, { ...outcome, childIds: [childA, childElsewhere] }, slot.startsAt + HOUR)).toMatchObject({
      ok: false,
      error: { kind: 'validation', fields: { childIds: ['child_unknown'] } },
    });
  });

  it('closing the last open slot completes the activity in the same transaction; sessions default to 1', () => {
    const id = approvedOrgActivity(3);
    const [s1, s2, s3] = slotRows(id);
    expect(cancelSlot(actor('staffGc'), s3.id, '人手不足', NOW).ok).toBe(true);
    const after = s2.startsAt + 3 * HOUR;
    expect(closeSlot(actor('staffGc'), s1.id, { ...outcome, childIds: [childA, childB] }, after)).toEqual({ ok: true, value: { completed: false } });
    expect(activityRow(id).status).toBe('approved');
    expect(closeSlot(actor('staffGc'), s1.id, outcome, after)).toMatchObject({ ok: false, error: { kind: 'bad_transition' } });
    expect(closeSlot(actor('staffLt'), s2.id, outcome, after)).toEqual({ ok: true, value: { completed: true } });
    expect(activityRow(id).status).toBe('completed');
    const rows = slotRows(id);
    expect(rows[0]).toMatchObject({ status: 'closed', childrenServed: 14, goodsFen: 30_000, materials: 20, sessions: 1, closedBy: world.users.staffGc });
    expect(db.select().from(schema.slotChildren).where(eq(schema.slotChildren.slotId, s1.id)).all().map((r) => r.childId).sort()).toEqual([childA, childB].sort());
    expect(auditOf(db, 'activity', id).at(-1)).toMatchObject({ action: 'complete', fromStatus: 'approved', toStatus: 'completed', actorId: world.users.staffLt });
  });

  it('a correction needs a reason, is audited with the figures before and after, and dates the slot', () => {
    const id = approvedOrgActivity();
    const [slot] = slotRows(id);
    const after = slot.startsAt + 3 * HOUR;
    expect(closeSlot(actor('staffGc'), slot.id, { ...outcome, childIds: [childA] }, after).ok).toBe(true);
    expect(correctSlot(actor('staffGc'), slot.id, { ...outcome, childIds: [childA, childB], childrenServed: 16 }, '', after)).toMatchObject({
      ok: false,
      error: { kind: 'validation', fields: { reason: ['reason_required'] } },
    });
    expect(correctSlot(actor('staffYc'), slot.id, outcome, '改', after)).toMatchObject({ ok: false, error: { kind: 'not_found' } });
    expect(correctSlot(actor('staffGc'), slot.id, { ...outcome, childIds: [childA, childB], childrenServed: 16 }, '漏记两名孩子', after + DAY).ok).toBe(true);
    expect(slotRows(id)[0]).toMatchObject({ status: 'closed', childrenServed: 16, correctedAt: after + DAY });
    const correction = auditOf(db, 'slot', slot.id).find((e) => e.action === 'correct');
    expect(correction).toMatchObject({ actorId: world.users.staffGc, fromStatus: 'closed', toStatus: 'closed' });
    expect(correction?.note).toBe('漏记两名孩子 (14/1/0/30000/20/1 → 16/2/0/30000/20/1)');
    // An open slot is closed, not corrected.
    const [open] = slotRows(approvedOrgActivity());
    expect(correctSlot(actor('staffGc'), open.id, outcome, '改', open.startsAt + HOUR)).toMatchObject({ ok: false, error: { kind: 'bad_transition' } });
  });
});

describe('pages', () => {
  it('the slot page shows the roster with phones and the site’s children to staff of the site only', () => {
    const [slot] = slotRows(approvedOrgActivity());
    db.update(schema.volunteers).set({ phone: '13700001111' }).where(eq(schema.volunteers.userId, world.users.volunteer)).run();
    signup(slot.id, world.users.volunteer);
    signup(slot.id, world.users.memberB, 'waitlisted');
    const page = staffSlotPage(actor('staffGc'), slot.id, slot.startsAt + HOUR);
    if (!page.ok) throw new Error('expected the page');
    expect(page.value.roster.map((r) => [r.status, r.phone])).toEqual([
      ['confirmed', '13700001111'],
      ['waitlisted', null],
    ]);
    expect(page.value.children.map((c) => c.realName).sort()).toEqual(['李春花', '马思远']);
    expect(page.value.canClose).toBe(true);
    expect(staffSlotPage(actor('staffYc'), slot.id, NOW)).toMatchObject({ ok: false, error: { kind: 'not_found' } });
  });

  it('the organization sees its activities with counts and totals', () => {
    const result = organizationActivities(actor('memberA'), world.orgs.orgA);
    if (!result.ok) throw new Error('expected the list');
    expect(result.value.activities.length).toBeGreaterThan(5);
    expect(result.value.totals.slotsHeld).toBeGreaterThanOrEqual(3);
    expect(result.value.totals.childrenServed).toBeGreaterThanOrEqual(14 + 14 + 16);
    expect(result.value.totals.minutes).toBeGreaterThanOrEqual(90);
    expect(result.value.activities.find((a) => a.status === 'rejected')?.reason).toBe('时间与期末考试冲突');
    expect(organizationActivities(actor('memberB'), world.orgs.orgA)).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
  });
});
