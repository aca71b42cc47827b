import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { schema } from '../../db/client';
import { newId } from '../../app/data/ids.server';
import * as page from '../../app/routes/activities.$id';
import { cancelSignup } from '../../app/services/signups.server';
import { callRoute, createSites, createUser, testContext } from '../helpers/accounts';
import { useTestDatabase } from '../helpers/db';

// /activities/:id: the page says per slot what the viewer may do (the same checks as the actions), and
// the intents signup, cancel, accept_offer, decline_offer (with slotId) and signup_colleagues answer a
// redirect or a refusal, never a 500.

const { db } = useTestDatabase('activity-signup-routes');
const HOUR = 3_600_000;
const NOW = Date.now();
const sites = createSites(db);
const staff = await createUser(db, { staffSiteId: sites.lt });
const volunteer = () => createUser(db, { volunteer: { status: 'approved', countySiteId: sites.lt } });

function activityWithSlots(over: Partial<typeof schema.activities.$inferInsert> = {}, slots: Array<Partial<typeof schema.slots.$inferInsert>> = [{}]) {
  const id = newId();
  db.insert(schema.activities)
    .values({ id, type: 'film_screening', title: '集体观影', description: '一起看电影', siteId: sites.ltTown, proposerId: staff.id, status: 'approved', organizerContact: '马老师 13900000000', createdAt: NOW, updatedAt: NOW, ...over })
    .run();
  const slotIds = slots.map((s) => {
    const slotId = newId();
    const startsAt = s.startsAt ?? NOW + 3 * 24 * HOUR;
    db.insert(schema.slots).values({ id: slotId, activityId: id, siteId: sites.ltTown, startsAt, endsAt: startsAt + 2 * HOUR, capacity: 1, scheduledMinutes: 120, place: '活动室', createdAt: NOW, ...s }).run();
    return slotId;
  });
  return { id, slotIds };
}

const load = (id: string, cookie?: string) => callRoute(page.loader, { url: `/activities/${id}`, params: { id }, cookie });
const post = (id: string, form: Record<string, string>, cookie?: string) => callRoute(page.action, { url: `/activities/${id}`, params: { id }, form, cookie });
const statusOf = (slotId: string, userId: string) =>
  db.select().from(schema.slotSignups).where(and(eq(schema.slotSignups.slotId, slotId), eq(schema.slotSignups.userId, userId))).get()?.status;

describe('the page', () => {
  it('shows a visitor the slots with places left and a log-in link, never the organizer contact', async () => {
    const { id, slotIds } = activityWithSlots();
    const r = await load(id);
    expect(r.status).toBe(200);
    expect(r.data.slots[0]).toMatchObject({ id: slotIds[0], placesLeft: 1, offer: null, refusal: 'signup.error.sign_in', mine: null, place: '活动室' });
    expect(r.data.contact).toBeNull();
    expect(JSON.stringify(r.data)).not.toContain('13900000000');
  });

  it('tells a pending volunteer why, and a one-to-one slot that it needs vetting', async () => {
    const pending = await createUser(db, { volunteer: { status: 'pending' } });
    const { id } = activityWithSlots();
    expect((await load(id, pending.cookie())).data.slots[0].refusal).toBe('signup.error.not_approved');
    const v = await volunteer();
    const oneToOne = activityWithSlots({ contactTier: 'one_to_one' });
    expect((await load(oneToOne.id, v.cookie())).data.slots[0]).toMatchObject({ offer: null, refusal: 'signup.error.one_to_one' });
  });

  it('offers the waiting list on a full slot, and shows the contact only to someone holding a place', async () => {
    const { id, slotIds } = activityWithSlots();
    const [a, b] = [await volunteer(), await volunteer()];
    expect((await load(id, a.cookie())).data.slots[0].offer).toBe('signup');
    expect((await post(id, { intent: 'signup', slotId: slotIds[0] }, a.cookie())).location).toBe(`/activities/${id}?done=signup#slot-${slotIds[0]}`);
    const bPage = await load(id, b.cookie());
    expect(bPage.data.slots[0]).toMatchObject({ offer: 'waitlist', placesLeft: 0 });
    expect(bPage.data.contact).toBeNull();
    const aPage = await load(id, a.cookie());
    expect(aPage.data.contact).toBe('马老师 13900000000');
    expect(aPage.data.slots[0].mine).toMatchObject({ status: 'confirmed', canCancel: true });
    await post(id, { intent: 'signup', slotId: slotIds[0] }, b.cookie());
    expect((await load(id, b.cookie())).data.slots[0].mine).toMatchObject({ status: 'waitlisted', position: 1 });
  });
});

describe('the intents', () => {
  it('signup twice is a 409, not a 500', async () => {
    const { id, slotIds } = activityWithSlots();
    const v = await volunteer();
    await post(id, { intent: 'signup', slotId: slotIds[0] }, v.cookie());
    const again = await post(id, { intent: 'signup', slotId: slotIds[0] }, v.cookie());
    expect(again.status).toBe(409);
    expect(again.data.message.key).toBe('signup.error.already_signed_up');
  });

  it('a visitor posting is sent to log in; a pending volunteer gets 403; a foreign or missing slot 404; a bad intent 400', async () => {
    const { id, slotIds } = activityWithSlots();
    const other = activityWithSlots();
    expect((await post(id, { intent: 'signup', slotId: slotIds[0] })).location).toMatch(/^\/login\?redirectTo=/);
    const pending = await createUser(db, { volunteer: { status: 'pending' } });
    expect((await post(id, { intent: 'signup', slotId: slotIds[0] }, pending.cookie())).status).toBe(403);
    const v = await volunteer();
    expect((await post(id, { intent: 'signup', slotId: other.slotIds[0] }, v.cookie())).status).toBe(404);
    expect((await post(id, { intent: 'signup', slotId: 'nope' }, v.cookie())).status).toBe(404);
    expect((await post(id, { intent: 'teleport', slotId: slotIds[0] }, v.cookie())).status).toBe(400);
    expect((await post(id, { intent: 'signup' }, v.cookie())).status).toBe(400);
    expect((await post(id, { intent: 'cancel', slotId: slotIds[0] }, v.cookie())).status).toBe(404);
  });

  it('cancel frees the place and offers it; the offered person accepts; decline moves on', async () => {
    const { id, slotIds } = activityWithSlots();
    const slotId = slotIds[0];
    const [a, b, c] = [await volunteer(), await volunteer(), await volunteer()];
    for (const u of [a, b, c]) await post(id, { intent: 'signup', slotId }, u.cookie());
    expect((await post(id, { intent: 'cancel', slotId }, a.cookie())).location).toContain('done=cancel');
    expect(statusOf(slotId, b.id)).toBe('offered');
    const bView = (await load(id, b.cookie())).data.slots[0].mine;
    expect(bView.status).toBe('offered');
    expect(bView.offerExpiresAt).toBeGreaterThan(NOW);
    // c has no offer to answer.
    expect((await post(id, { intent: 'accept_offer', slotId }, c.cookie())).status).toBe(409);
    expect((await post(id, { intent: 'decline_offer', slotId }, b.cookie())).location).toContain('done=decline_offer');
    expect(statusOf(slotId, c.id)).toBe('offered');
    expect((await post(id, { intent: 'accept_offer', slotId }, c.cookie())).location).toContain('done=accept_offer');
    expect(statusOf(slotId, c.id)).toBe('confirmed');
  });

  it('a place freed too late to offer shows a sign-up button, as the action will confirm', async () => {
    const { id, slotIds } = activityWithSlots({}, [{ startsAt: NOW + 90 * 60_000 }]);
    const [a, b, c] = [await volunteer(), await volunteer(), await volunteer()];
    await post(id, { intent: 'signup', slotId: slotIds[0] }, a.cookie());
    await post(id, { intent: 'signup', slotId: slotIds[0] }, b.cookie());
    const aRow = db.select().from(schema.slotSignups).where(and(eq(schema.slotSignups.slotId, slotIds[0]), eq(schema.slotSignups.userId, a.id))).get()!;
    expect(cancelSignup(staff.actor(), aRow.id, '临时调整', Date.now()).ok).toBe(true);
    expect(statusOf(slotIds[0], b.id)).toBe('waitlisted');
    expect((await load(id, c.cookie())).data.slots[0].offer).toBe('signup');
    await post(id, { intent: 'signup', slotId: slotIds[0] }, c.cookie());
    expect(statusOf(slotIds[0], c.id)).toBe('confirmed');
  });

  it('after the cut-off the helper is refused and the page says to ask staff', async () => {
    const { id, slotIds } = activityWithSlots({}, [{ startsAt: NOW + 10 * HOUR }]);
    const v = await volunteer();
    await post(id, { intent: 'signup', slotId: slotIds[0] }, v.cookie());
    expect((await load(id, v.cookie())).data.slots[0].mine).toMatchObject({ status: 'confirmed', canCancel: false });
    const r = await post(id, { intent: 'cancel', slotId: slotIds[0] }, v.cookie());
    expect(r.status).toBe(409);
    expect(r.data.message.key).toBe('signup.error.past_cutoff');
  });

  it('an organization member signs up ticked colleagues', async () => {
    const manager = await createUser(db, { org: { status: 'approved', name: '爱心社' } });
    const colleague = await createUser(db, { displayName: '同事甲' });
    db.insert(schema.organizationMembers).values({ orgId: manager.orgId!, userId: colleague.id, role: 'member', createdAt: NOW }).run();
    const { id, slotIds } = activityWithSlots({}, [{ capacity: 5 }]);
    const view = await load(id, manager.cookie());
    expect(view.data.colleagues).toEqual([
      expect.objectContaining({ orgId: manager.orgId, orgName: '爱心社', members: expect.arrayContaining([expect.objectContaining({ userId: colleague.id, name: '同事甲' })]) }),
    ]);
    const body = new URLSearchParams([
      ['intent', 'signup_colleagues'],
      ['orgId', manager.orgId!],
      ['slotId', slotIds[0]],
      ['userId', colleague.id],
      ['userId', manager.id],
    ]);
    const request = new Request(`http://localhost/activities/${id}`, { method: 'POST', body, headers: { cookie: manager.cookie() } });
    const result = (await page.action({ request, params: { id }, context: testContext() } as never)) as { ok: boolean; colleagues: Array<{ name: string; ok: boolean }> };
    expect(result.colleagues.map((c) => c.ok)).toEqual([true, true]);
    expect(statusOf(slotIds[0], colleague.id)).toBe('confirmed');
    // Someone outside the organization cannot use it.
    const stranger = await volunteer();
    const refused = await post(id, { intent: 'signup_colleagues', orgId: manager.orgId!, slotId: slotIds[0], userId: stranger.id }, stranger.cookie());
    expect(refused.status).toBe(403);
  });

  it('an activity that is not public is 404 to the loader and the action', async () => {
    const { id, slotIds } = activityWithSlots({ status: 'submitted' });
    const v = await volunteer();
    expect((await load(id, v.cookie())).status).toBe(404);
    expect((await post(id, { intent: 'signup', slotId: slotIds[0] }, v.cookie())).status).toBe(404);
  });
});
