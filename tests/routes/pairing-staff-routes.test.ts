import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { schema } from '../../db/client';
import * as newPairing from '../../app/routes/staff.pairings.new';
import * as pairingPage from '../../app/routes/staff.pairings.$id';
import { callRoute, createSites, createUser } from '../helpers/accounts';
import { useTestDatabase } from '../helpers/db';
import { addChild, addConcern, addPairing, addVisit, caringParent } from '../helpers/pairing-fixtures';

const { db } = useTestDatabase('pairing-staff-routes');
const sites = createSites(db);
const staffLt = await createUser(db, { staffSiteId: sites.lt });
const staffYc = await createUser(db, { staffSiteId: sites.yc });
const volunteer = await caringParent(db, sites.lt);
const pairingRow = (id: string) => db.select().from(schema.pairings).where(eq(schema.pairings.id, id)).get()!;

function active() {
  const childId = addChild(db, sites.ltTown);
  return addPairing(db, { childId, siteId: sites.ltTown, volunteerUserId: volunteer.id });
}
const post = (id: string, form: Record<string, string>, cookie = staffLt.cookie()) =>
  callRoute(pairingPage.action, { url: `/staff/pairings/${id}`, params: { id }, form, cookie });

describe('/staff/pairings/new', () => {
  it('offers the child given by ?childId= and the caring parents; the post proposes and opens the pairing page', async () => {
    const childId = addChild(db, sites.ltTown);
    const page = await callRoute(newPairing.loader, { url: `/staff/pairings/new?childId=${childId}`, cookie: staffLt.cookie() });
    expect(page.data.childId).toBe(childId);
    expect(page.data.volunteers.map((v: { userId: string }) => v.userId)).toContain(volunteer.id);
    const form = { childId, volunteerUserId: volunteer.id, agreementSignedOn: '2025-01-10', agreementWitness: '马老师' };
    const missing = await callRoute(newPairing.action, { url: '/staff/pairings/new', form: { ...form, agreementWitness: '' }, cookie: staffLt.cookie() });
    expect(missing.status).toBe(400);
    expect(missing.data.fieldErrors).toEqual({ agreementWitness: ['form.required'] });
    const done = await callRoute(newPairing.action, { url: '/staff/pairings/new', form, cookie: staffLt.cookie() });
    expect(done.status).toBe(302);
    const id = done.location!.match(/^\/staff\/pairings\/([^?]+)\?done=propose$/)![1];
    expect(pairingRow(id).status).toBe('proposed');
    const again = await callRoute(newPairing.action, { url: '/staff/pairings/new', form, cookie: staffLt.cookie() });
    expect(again.status).toBe(409);
    expect(again.data.message).toEqual({ key: 'pairing.error.child_paired' });
  });

  it('is for staff only', async () => {
    const r = await callRoute(newPairing.loader, { url: '/staff/pairings/new', cookie: volunteer.cookie() });
    expect(r.thrown).toBe(true);
    expect([302, 403]).toContain(r.status);
  });
});

describe('/staff/pairings/:id', () => {
  it('shows staff of the child’s county the pairing; other counties get 404', async () => {
    const id = active();
    const page = await callRoute(pairingPage.loader, { url: `/staff/pairings/${id}?done=end`, params: { id }, cookie: staffLt.cookie() });
    expect(page.data.child.realName).toBe('王小禾');
    expect(page.data.steps).toEqual(['end']);
    expect(page.data.done).toBe('end');
    const other = await callRoute(pairingPage.loader, { url: `/staff/pairings/${id}`, params: { id }, cookie: staffYc.cookie() });
    expect(other.status).toBe(404);
  });

  it('takes each intent: confirm_visit, reject_visit (with its reason), correct_visit, acknowledge, close_concern (with action taken), end', async () => {
    const id = active();
    const v1 = addVisit(db, id);
    const v2 = addVisit(db, id);
    expect((await post(id, { intent: 'confirm_visit', visitId: v1 })).location).toBe(`/staff/pairings/${id}?done=confirm_visit`);
    const noReason = await post(id, { intent: 'reject_visit', visitId: v2, reason: '' });
    expect(noReason.status).toBe(400);
    expect(noReason.data.fieldErrors).toEqual({ reason: ['reason_required'] });
    expect((await post(id, { intent: 'reject_visit', visitId: v2, reason: '重复登记' })).location).toBe(`/staff/pairings/${id}?done=reject_visit`);
    const correct = { intent: 'correct_visit', visitId: v1, happenedOn: new Date(Date.now() + 8 * 3_600_000 - 3 * 86_400_000).toISOString().slice(0, 10), kind: 'call', minutes: '25', reason: '时长有误' };
    expect((await post(id, correct)).location).toBe(`/staff/pairings/${id}?done=correct_visit`);
    expect(db.select().from(schema.pairingVisits).where(eq(schema.pairingVisits.id, v1)).get()).toMatchObject({ kind: 'call', minutes: 25, staffAccompanied: false });

    const concernId = addConcern(db, id, sites.ltTown, volunteer.id);
    expect((await post(id, { intent: 'acknowledge', concernId })).location).toBe(`/staff/pairings/${id}?done=acknowledge`);
    const noAction = await post(id, { intent: 'close_concern', concernId, actionTaken: '' });
    expect(noAction.status).toBe(400);
    expect(noAction.data.fieldErrors).toEqual({ actionTaken: ['required'] });
    expect((await post(id, { intent: 'close_concern', concernId, actionTaken: '已上门核实' })).location).toBe(`/staff/pairings/${id}?done=close_concern`);

    expect((await post(id, { intent: 'withdraw', reason: '不合适' })).status).toBe(409);
    expect((await post(id, { intent: 'end', reason: '家庭搬迁' })).location).toBe(`/staff/pairings/${id}?done=end`);
    expect(pairingRow(id).status).toBe('ended');
  });

  it('refuses an unknown intent, and staff of another county', async () => {
    const id = active();
    for (const intent of ['nope', 'constructor', 'toString', '']) {
      const refused = await post(id, { intent, reason: '家庭搬迁' });
      expect(refused.status).toBe(400);
      expect(refused.data.fieldErrors).toEqual({ intent: ['form.choose_one'] });
    }
    const other = await post(id, { intent: 'end', reason: '家庭搬迁' }, staffYc.cookie());
    expect(other.status).toBe(404);
    expect(pairingRow(id).status).toBe('active');
  });
});
