import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { useTestDatabase } from '../helpers/db';
import { actorOf, addChild, buildWorld, cookieFor, type World } from '../helpers/wish-fixtures';
import { schema } from '../../db/client';
import * as orgNew from '../../app/routes/org.activities.new';
import * as orgActivity from '../../app/routes/org.activities.$id';
import * as orgHome from '../../app/routes/org._index';
import * as staffNew from '../../app/routes/staff.activities.new';
import * as staffList from '../../app/routes/staff.activities._index';
import * as staffActivity from '../../app/routes/staff.activities.$id';
import * as staffSlot from '../../app/routes/staff.slots.$id';
import * as staffHome from '../../app/routes/staff._index';
import { shanghaiParts } from '../../app/forms/activity';
import { createActivity } from '../../app/services/activity-proposals.server';
import { markAttendance } from '../../app/services/activity-slots.server';
import { signUp } from '../../app/services/signups.server';

const { db } = useTestDatabase('activity-staff-routes');
let world: World;
let child: string;
const cookies: Record<string, string> = {};
const HOUR = 3600_000;
const DAY = 24 * HOUR;

beforeAll(() => {
  world = buildWorld(db);
  child = addChild(db, { siteId: world.sites.gch, realName: '马思远', alias: '小远' });
  for (const [key, id] of Object.entries(world.users)) cookies[key] = cookieFor(db, id);
});

const BASE = 'http://localhost';
const ctx = { cspNonce: '', requestId: 'test', clientIp: '127.0.0.1' };
type Who = keyof World['users'];
const get = (path: string, who?: Who) => new Request(BASE + path, { headers: who ? { cookie: cookies[who] } : {} });
function post(path: string, fields: Record<string, string | string[]>, who?: Who) {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) body.append(k, one);
  return new Request(BASE + path, { method: 'POST', body, headers: who ? { cookie: cookies[who] } : {} });
}
async function run(fn: (args: never) => unknown, request: Request, params: Record<string, string> = {}): Promise<unknown> {
  try {
    return await fn({ request, params, context: ctx } as never);
  } catch (thrown) {
    return thrown;
  }
}
const statusOf = (r: unknown) => (r instanceof Response ? r.status : ((r as { init?: { status?: number } })?.init?.status ?? 200));
const bodyOf = (r: unknown) => (r as { data?: unknown })?.data ?? r;
const location = (r: unknown) => (r as Response).headers.get('Location') ?? '';

const activityRow = (id: string) => db.select().from(schema.activities).where(eq(schema.activities.id, id)).get()!;
const slotsOf = (id: string) => db.select().from(schema.slots).where(eq(schema.slots.activityId, id)).orderBy(schema.slots.startsAt).all();

/** The proposal form's fields with one slot three days ahead (Shanghai time). */
function proposal(over: Record<string, string> = {}) {
  const at = shanghaiParts(Date.now() + 3 * DAY);
  return {
    type: 'safety_talk',
    title: '防溺水安全讲座',
    description: '夏天到了,给孩子们讲讲防溺水的知识。',
    siteId: world.sites.gch,
    contactTier: 'group',
    riskNotes: '',
    safetyMeasures: '工作人员全程在场',
    organizerContact: '13912345678',
    cancelCutoffHours: '24',
    slot0Date: at.date,
    slot0Start: '09:00',
    slot0End: '10:30',
    slot0Place: '活动室',
    slot0Capacity: '4',
    slot0Children: '20',
    slot0Minutes: '',
    ...over,
  };
}

/** An approved activity with one slot, made through the services, whose slot is then moved to have started an hour ago. */
function startedActivity(): { id: string; slotId: string } {
  const start = Date.now() + 2 * DAY;
  const created = createActivity(
    actorOf(db, world.users.staffGc),
    { orgId: null },
    {
      type: 'film_screening',
      title: '集体观影',
      description: '一起看电影。',
      siteId: world.sites.gch,
      contactTier: 'group',
      riskNotes: '',
      safetyMeasures: '',
      organizerContact: '',
      slots: [{ startsAt: start, endsAt: start + 2 * HOUR, place: '', capacity: 5, childrenExpected: 10 }],
    },
    Date.now(),
    { approve: true },
  );
  if (!created.ok) throw new Error(JSON.stringify(created.error));
  const [slot] = slotsOf(created.value.id);
  db.update(schema.slots).set({ startsAt: Date.now() - HOUR, endsAt: Date.now() + HOUR }).where(eq(schema.slots.id, slot.id)).run();
  return { id: created.value.id, slotId: slot.id };
}

function signup(slotId: string, userId: string): string {
  const id = `su${Math.random().toString(36).slice(2, 12)}`;
  db.insert(schema.slotSignups).values({ id, slotId, userId, status: 'confirmed', createdAt: Date.now(), updatedAt: Date.now() }).run();
  return id;
}

describe('/org/activities/new', () => {
  it('sends visitors to log in and refuses people without an approved organization', async () => {
    expect(statusOf(await run(orgNew.loader, get('/org/activities/new')))).toBe(302);
    expect(statusOf(await run(orgNew.loader, get('/org/activities/new', 'volunteer')))).toBe(403);
    expect(statusOf(await run(orgNew.loader, get('/org/activities/new', 'memberP')))).toBe(403);
    expect(statusOf(await run(orgNew.action, post('/org/activities/new', proposal(), 'memberP')))).toBe(403);
    const page = await run(orgNew.loader, get('/org/activities/new', 'memberA'));
    expect((page as { sites: { id: string }[] }).sites.map((s) => s.id)).toContain(world.sites.ych);
  });

  it('saves a draft, adds a slot row, and submits; the proposer sees the status', async () => {
    const saved = await run(orgNew.action, post('/org/activities/new', proposal(), 'memberA'));
    expect(statusOf(saved)).toBe(302);
    const id = location(saved).match(/\/org\/activities\/([a-z0-9]+)\?done=save$/)?.[1] ?? '';
    expect(activityRow(id)).toMatchObject({ status: 'draft', orgId: world.orgs.orgA, title: '防溺水安全讲座' });
    expect(slotsOf(id)[0]).toMatchObject({ capacity: 4, childrenExpected: 20, scheduledMinutes: 90 });

    const added = await run(orgActivity.action, post(`/org/activities/${id}`, { ...proposal(), intent: 'add_slot' }, 'memberA'), { id });
    expect(location(added)).toBe(`/org/activities/${id}?rows=2`);
    const page = await run(orgActivity.loader, get(`/org/activities/${id}?rows=2`, 'memberA'), { id });
    expect(page).toMatchObject({ rows: 2, work: { editable: true, steps: ['submit', 'cancel'] } });

    const later = shanghaiParts(Date.now() + 4 * DAY);
    const submitted = await run(
      orgActivity.action,
      post(`/org/activities/${id}`, { ...proposal({ slot1Date: later.date, slot1Start: '14:00', slot1End: '15:00', slot1Capacity: '2' }), intent: 'submit' }, 'memberA'),
      { id },
    );
    expect(location(submitted)).toBe(`/org/activities/${id}?done=submit`);
    expect(activityRow(id).status).toBe('submitted');
    expect(slotsOf(id)).toHaveLength(2);
    // Nobody else of another organization reads it.
    expect(statusOf(await run(orgActivity.loader, get(`/org/activities/${id}`, 'memberB'), { id }))).toBe(404);
    expect(statusOf(await run(orgActivity.action, post(`/org/activities/${id}`, { intent: 'cancel' }, 'memberB'), { id }))).toBe(404);
  });

  it('answers a bad slot and a privacy finding on the form, naming the row', async () => {
    const bad = await run(orgNew.action, post('/org/activities/new', proposal({ slot0End: '08:00', slot0Capacity: '0' }), 'memberA'));
    expect(statusOf(bad)).toBe(400);
    expect(bodyOf(bad)).toMatchObject({ fieldErrors: { slot0End: ['slot_ends_before_start'], slot0Capacity: ['capacity_invalid'] } });
    const missing = await run(orgNew.action, post('/org/activities/new', proposal({ slot0Date: '' }), 'memberA'));
    expect(bodyOf(missing)).toMatchObject({ fieldErrors: { slot0Date: ['form.required'] } });
    const named = await run(orgNew.action, post('/org/activities/new', proposal({ description: '马思远的生日会' }), 'memberA'));
    expect(statusOf(named)).toBe(400);
    expect(bodyOf(named)).toMatchObject({ findings: [{ kind: 'real_name', match: '马思远' }] });
    expect(statusOf(await run(orgNew.action, post('/org/activities/new', { ...proposal(), type: 'party' }, 'memberA')))).toBe(400);
  });

  it('refuses a proposer who tries to approve their own draft', async () => {
    const saved = await run(orgNew.action, post('/org/activities/new', proposal(), 'memberA'));
    const id = location(saved).split('/').pop()!.split('?')[0];
    expect(statusOf(await run(orgActivity.action, post(`/org/activities/${id}`, { ...proposal(), intent: 'approve' }, 'memberA'), { id }))).toBe(403);
    expect(statusOf(await run(orgActivity.action, post(`/org/activities/${id}`, { intent: 'approve' }, 'memberA'), { id }))).toBe(403);
    expect(activityRow(id).status).toBe('draft');
  });
});

describe('/staff/activities', () => {
  async function submittedByOrg(): Promise<string> {
    const saved = await run(orgNew.action, post('/org/activities/new', { ...proposal(), intent: 'submit' }, 'memberA'));
    return location(saved).split('/').pop()!.split('?')[0];
  }

  it('lists what to review in the subtree only', async () => {
    const id = await submittedByOrg();
    const mine = (await run(staffList.loader, get('/staff/activities', 'staffLt'))) as { toReview: { id: string }[] };
    expect(mine.toReview.map((a) => a.id)).toContain(id);
    const other = (await run(staffList.loader, get('/staff/activities', 'staffYc'))) as { toReview: { id: string }[] };
    expect(other.toReview.map((a) => a.id)).not.toContain(id);
    expect(statusOf(await run(staffList.loader, get('/staff/activities', 'memberA')))).toBe(403);
  });

  it('staff of another county can neither read nor approve; reject needs a reason; approve works', async () => {
    const id = await submittedByOrg();
    expect(statusOf(await run(staffActivity.loader, get(`/staff/activities/${id}`, 'staffYc'), { id }))).toBe(404);
    expect(statusOf(await run(staffActivity.action, post(`/staff/activities/${id}`, { intent: 'approve' }, 'staffYc'), { id }))).toBe(404);
    expect(statusOf(await run(staffActivity.action, post(`/staff/activities/${id}`, { intent: 'approve' }, 'volunteer'), { id }))).toBe(403);
    const page = await run(staffActivity.loader, get(`/staff/activities/${id}`, 'staffGc'), { id });
    expect(page).toMatchObject({ work: { steps: ['approve', 'reject', 'cancel'], editable: false } });
    const noReason = await run(staffActivity.action, post(`/staff/activities/${id}`, { intent: 'reject', reason: '' }, 'staffGc'), { id });
    expect(statusOf(noReason)).toBe(400);
    expect(bodyOf(noReason)).toMatchObject({ fieldErrors: { reason: ['reason_required'] } });
    expect(location(await run(staffActivity.action, post(`/staff/activities/${id}`, { intent: 'approve' }, 'staffGc'), { id }))).toBe(`/staff/activities/${id}?done=approve`);
    expect(activityRow(id).status).toBe('approved');
    // Approving twice is a conflict on the page, not a 500.
    expect(statusOf(await run(staffActivity.action, post(`/staff/activities/${id}`, { intent: 'approve' }, 'staffGc'), { id }))).toBe(409);
    expect(statusOf(await run(staffActivity.action, post(`/staff/activities/${id}`, { intent: 'publish' }, 'staffGc'), { id }))).toBe(400);
  });

  it('rejects with a reason the proposer reads on /org', async () => {
    const id = await submittedByOrg();
    expect(statusOf(await run(staffActivity.action, post(`/staff/activities/${id}`, { intent: 'reject', reason: '与其他活动时间冲突' }, 'staffLt'), { id }))).toBe(302);
    const page = await run(orgActivity.loader, get(`/org/activities/${id}`, 'memberA'), { id });
    expect(page).toMatchObject({ work: { activity: { status: 'rejected', reason: '与其他活动时间冲突' } } });
    const home = (await run(orgHome.loader, get(`/org?org=${world.orgs.orgA}`, 'memberA'))) as { activities: { activities: { id: string; status: string; reason: string | null }[] } };
    expect(home.activities.activities.find((a) => a.id === id)).toMatchObject({ status: 'rejected', reason: '与其他活动时间冲突' });
  });

  it('staff create and approve in one post; a cancelled approved activity needs a reason', async () => {
    const res = await run(staffNew.action, post('/staff/activities/new', { ...proposal(), intent: 'approve' }, 'staffGc'));
    const id = location(res).match(/\/staff\/activities\/([a-z0-9]+)\?done=approve$/)?.[1] ?? '';
    expect(activityRow(id).status).toBe('approved');
    expect(statusOf(await run(staffNew.action, post('/staff/activities/new', { ...proposal(), siteId: world.sites.gch, intent: 'approve' }, 'staffYc')))).toBe(403);
    expect(statusOf(await run(staffActivity.action, post(`/staff/activities/${id}`, { intent: 'cancel' }, 'staffGc'), { id }))).toBe(400);
    expect(statusOf(await run(staffActivity.action, post(`/staff/activities/${id}`, { intent: 'cancel', reason: '天气' }, 'staffGc'), { id }))).toBe(302);
    expect(activityRow(id).status).toBe('cancelled');
  });
});

describe('/staff/slots/:id', () => {
  it('shows the roster to staff of the site only', async () => {
    const { slotId } = startedActivity();
    signup(slotId, world.users.volunteer);
    expect(statusOf(await run(staffSlot.loader, get(`/staff/slots/${slotId}`, 'staffYc'), { id: slotId }))).toBe(404);
    expect(statusOf(await run(staffSlot.loader, get(`/staff/slots/${slotId}`, 'volunteer'), { id: slotId }))).toBe(403);
    const page = await run(staffSlot.loader, get(`/staff/slots/${slotId}`, 'staffLt'), { id: slotId });
    expect(page).toMatchObject({ canAttend: true, canClose: true, roster: [{ name: '志愿者小刘', status: 'confirmed' }] });
    expect((page as { children: { realName: string }[] }).children.map((c) => c.realName)).toContain('马思远');
  });

  it('attend: marks attendance; another county is refused; an unknown outcome is a form error', async () => {
    const { slotId } = startedActivity();
    const su = signup(slotId, world.users.volunteer);
    expect(statusOf(await run(staffSlot.action, post(`/staff/slots/${slotId}`, { intent: 'attend', signupId: su, outcome: 'attended' }, 'staffYc'), { id: slotId }))).toBe(404);
    expect(statusOf(await run(staffSlot.action, post(`/staff/slots/${slotId}`, { intent: 'attend', signupId: su, outcome: 'late' }, 'staffGc'), { id: slotId }))).toBe(400);
    expect(statusOf(await run(staffSlot.action, post(`/staff/slots/${slotId}`, { intent: 'attend', signupId: su, outcome: 'attended', minutes: '5000' }, 'staffGc'), { id: slotId }))).toBe(400);
    const ok = await run(staffSlot.action, post(`/staff/slots/${slotId}`, { intent: 'attend', signupId: su, outcome: 'attended', minutes: '100' }, 'staffGc'), { id: slotId });
    expect(location(ok)).toBe(`/staff/slots/${slotId}?done=attend`);
    expect(db.select().from(schema.slotSignups).where(eq(schema.slotSignups.id, su)).get()).toMatchObject({ attendance: 'attended', serviceMinutes: 100, status: 'confirmed' });
  });

  it('close: another county refused; the outcome closes the slot and completes the activity; correct needs a reason', async () => {
    const { id, slotId } = startedActivity();
    const outcome = { intent: 'close', childrenServed: '12', childId: [child], money: '100.50', goods: '300', materials: '40', sessions: '' };
    expect(statusOf(await run(staffSlot.action, post(`/staff/slots/${slotId}`, outcome, 'staffYc'), { id: slotId }))).toBe(404);
    expect(statusOf(await run(staffSlot.action, post(`/staff/slots/${slotId}`, { ...outcome, childrenServed: '-1' }, 'staffGc'), { id: slotId }))).toBe(400);
    expect(statusOf(await run(staffSlot.action, post(`/staff/slots/${slotId}`, { ...outcome, childId: ['nosuchchild'] }, 'staffGc'), { id: slotId }))).toBe(400);
    expect(location(await run(staffSlot.action, post(`/staff/slots/${slotId}`, outcome, 'staffGc'), { id: slotId }))).toBe(`/staff/slots/${slotId}?done=close`);
    expect(slotsOf(id)[0]).toMatchObject({ status: 'closed', childrenServed: 12, moneyFen: 10050, goodsFen: 30000, materials: 40, sessions: 1 });
    expect(activityRow(id).status).toBe('completed');
    expect(statusOf(await run(staffSlot.action, post(`/staff/slots/${slotId}`, outcome, 'staffGc'), { id: slotId }))).toBe(409);

    const correction = { ...outcome, intent: 'correct', childrenServed: '13' };
    const noReason = await run(staffSlot.action, post(`/staff/slots/${slotId}`, correction, 'staffGc'), { id: slotId });
    expect(statusOf(noReason)).toBe(400);
    expect(bodyOf(noReason)).toMatchObject({ fieldErrors: { reason: ['reason_required'] } });
    expect(location(await run(staffSlot.action, post(`/staff/slots/${slotId}`, { ...correction, reason: '少记一人' }, 'staffGc'), { id: slotId }))).toBe(`/staff/slots/${slotId}?done=correct`);
    expect(slotsOf(id)[0].childrenServed).toBe(13);
    expect(slotsOf(id)[0].correctedAt).not.toBeNull();
  });

  it('cancel_slot needs a reason and staff of the site; unknown intents are form errors', async () => {
    const start = Date.now() + 3 * DAY;
    const created = createActivity(actorOf(db, world.users.staffGc), { orgId: null }, {
      type: 'festival', title: '中秋陪伴', description: '一起做月饼。', siteId: world.sites.gch, contactTier: 'group', riskNotes: '', safetyMeasures: '', organizerContact: '',
      slots: [0, 1].map((i) => ({ startsAt: start + i * DAY, endsAt: start + i * DAY + HOUR, place: '', capacity: 3, childrenExpected: 5 })),
    }, Date.now(), { approve: true });
    const id = created.ok ? created.value.id : '';
    const [slot] = slotsOf(id);
    expect(statusOf(await run(staffSlot.action, post(`/staff/slots/${slot.id}`, { intent: 'cancel_slot', reason: '' }, 'staffGc'), { id: slot.id }))).toBe(400);
    expect(statusOf(await run(staffSlot.action, post(`/staff/slots/${slot.id}`, { intent: 'cancel_slot', reason: '场地' }, 'staffYc'), { id: slot.id }))).toBe(404);
    expect(statusOf(await run(staffSlot.action, post(`/staff/slots/${slot.id}`, { intent: 'cancel_slot', reason: '场地维修' }, 'staffGc'), { id: slot.id }))).toBe(302);
    expect(slotsOf(id).map((s) => s.status)).toEqual(['cancelled', 'open']);
    expect(statusOf(await run(staffSlot.action, post(`/staff/slots/${slot.id}`, { intent: 'explode' }, 'staffGc'), { id: slot.id }))).toBe(400);
    expect(statusOf(await run(staffSlot.action, post('/staff/slots/nosuch', { intent: 'cancel_slot', reason: 'x' }, 'staffGc'), { id: 'nosuch' }))).toBe(404);
  });
});

describe('/staff/slots/:id cancel_signup', () => {
  it('staff of the site cancel one sign-up with a reason, and the freed place is offered to the first person waiting', async () => {
    const start = Date.now() + 3 * DAY;
    const created = createActivity(actorOf(db, world.users.staffGc), { orgId: null }, {
      type: 'film_screening', title: '周末观影', description: '一起看电影。', siteId: world.sites.gch, contactTier: 'group', riskNotes: '', safetyMeasures: '', organizerContact: '',
      slots: [{ startsAt: start, endsAt: start + 2 * HOUR, place: '', capacity: 1, childrenExpected: 5 }],
    }, Date.now(), { approve: true });
    if (!created.ok) throw new Error(JSON.stringify(created.error));
    const [slot] = slotsOf(created.value.id);
    expect(signUp(actorOf(db, world.users.volunteer), slot.id, Date.now()).ok).toBe(true);
    expect(signUp(actorOf(db, world.users.memberA), slot.id, Date.now()).ok).toBe(true);
    const rows = () => db.select().from(schema.slotSignups).where(eq(schema.slotSignups.slotId, slot.id)).all();
    const mine = rows().find((r) => r.userId === world.users.volunteer)!;
    expect(mine.status).toBe('confirmed');
    const page = await run(staffSlot.loader, get(`/staff/slots/${slot.id}`, 'staffGc'), { id: slot.id });
    expect(page).toMatchObject({ canCancel: true });

    const path = `/staff/slots/${slot.id}`;
    expect(statusOf(await run(staffSlot.action, post(path, { intent: 'cancel_signup', signupId: mine.id, reason: '' }, 'staffGc'), { id: slot.id }))).toBe(400);
    expect(statusOf(await run(staffSlot.action, post(path, { intent: 'cancel_signup', signupId: mine.id, reason: '时间变动' }, 'staffYc'), { id: slot.id }))).toBe(404);
    expect(rows().find((r) => r.id === mine.id)!.status).toBe('confirmed');
    const done = await run(staffSlot.action, post(path, { intent: 'cancel_signup', signupId: mine.id, reason: '时间变动' }, 'staffGc'), { id: slot.id });
    expect(location(done)).toBe(`${path}?done=cancel_signup`);
    const after = rows();
    expect(after.find((r) => r.id === mine.id)).toMatchObject({ status: 'cancelled', cancelReason: '时间变动' });
    expect(after.find((r) => r.userId === world.users.memberA)).toMatchObject({ status: 'offered' });
    expect(slotsOf(created.value.id)[0].taken).toBe(1);
  });
});

describe('/staff home queues', () => {
  it('shows slots to close and no-show flags, and "reviewed" clears a flag (staff of the site only)', async () => {
    const helper = world.users.memberB;
    const signups = [0, 1, 2].map(() => {
      const { slotId } = startedActivity();
      return { slotId, su: signup(slotId, helper) };
    });
    for (const { su } of signups) expect(markAttendance(actorOf(db, world.users.staffGc), su, 'no_show', undefined, Date.now()).ok).toBe(true);
    const home = (await run(staffHome.loader, get('/staff', 'staffLt'))) as { activities: { toClose: { slotId: string }[]; flags: { signupId: string; slotId: string }[] } };
    expect(home.activities.toClose.map((s) => s.slotId)).toEqual(expect.arrayContaining(signups.map((s) => s.slotId)));
    const flag = home.activities.flags.find((f) => f.signupId === signups[2].su)!;
    expect(flag).toBeDefined();
    const other = (await run(staffHome.loader, get('/staff', 'staffYc'))) as { activities: { flags: unknown[]; toClose: unknown[] } };
    expect(other.activities.flags).toHaveLength(0);
    const review = { intent: 'review_flag', signupId: flag.signupId };
    expect(statusOf(await run(staffSlot.action, post(`/staff/slots/${flag.slotId}`, review, 'staffYc'), { id: flag.slotId }))).toBe(404);
    expect(location(await run(staffSlot.action, post(`/staff/slots/${flag.slotId}`, review, 'staffGc'), { id: flag.slotId }))).toBe('/staff?done=no_show_reviewed');
    expect(statusOf(await run(staffSlot.action, post(`/staff/slots/${flag.slotId}`, review, 'staffGc'), { id: flag.slotId }))).toBe(409);
    const after = (await run(staffHome.loader, get('/staff?done=no_show_reviewed', 'staffLt'))) as { done: string; activities: { flags: { signupId: string }[] } };
    expect(after.done).toBe('no_show_reviewed');
    expect(after.activities.flags.map((f) => f.signupId)).not.toContain(flag.signupId);
  });
});
