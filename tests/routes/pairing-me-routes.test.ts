import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { schema } from '../../db/client';
import * as me from '../../app/routes/me._index';
import * as pairingPage from '../../app/routes/me.pairings.$id';
import { shanghaiDate } from '../../app/domain/calendar';
import { callRoute } from '../helpers/accounts';
import { useTestDatabase } from '../helpers/db';
import { addChild, buildWorld, cookieFor, type World } from '../helpers/wish-fixtures';

// /me/pairings/:id through its loader and action: who gets the page, how each intent's form is parsed,
// and the "My pairings" section of /me.

const { db } = useTestDatabase('pairing-me-routes');
const DAY = 24 * 3600_000;
const NOW = Date.now();
let world: World;
let id: string;

beforeAll(() => {
  world = buildWorld(db, NOW);
  db.update(schema.volunteers).set({ caringParent: true, recheckDueAt: NOW + 200 * DAY }).where(eq(schema.volunteers.userId, world.users.volunteer)).run();
  const childId = addChild(db, { siteId: world.sites.gch, realName: '李春花', alias: '小朵', birthDate: '2015-04-02' }, NOW);
  id = `pr${Math.random().toString(36).slice(2, 10)}`;
  db.insert(schema.pairings)
    .values({ id, volunteerUserId: world.users.volunteer, childId, siteId: world.sites.gch, status: 'active', proposedAt: NOW - 20 * DAY, startedAt: NOW - 10 * DAY, agreementSignedOn: shanghaiDate(NOW - 21 * DAY), agreementWitness: '马老师', createdBy: world.users.staffGc })
    .run();
  db.update(schema.sites).set({ contactName: '马老师(社工部)', contactPhone: '0953-2012345' }).where(eq(schema.sites.id, world.sites.gch)).run();
});

const asVolunteer = () => cookieFor(db, world.users.volunteer);
const url = () => `/me/pairings/${id}`;

describe('/me/pairings/:id', () => {
  it('is for the signed-in volunteer of the pairing: a visitor is sent to sign in, staff and strangers get 404', async () => {
    expect((await callRoute(pairingPage.loader, { url: url(), params: { id } })).location).toMatch(/^\/login/);
    expect((await callRoute(pairingPage.loader, { url: url(), params: { id }, cookie: cookieFor(db, world.users.staffGc) })).status).toBe(404);
    expect((await callRoute(pairingPage.loader, { url: url(), params: { id }, cookie: cookieFor(db, world.users.memberA) })).status).toBe(404);
    const r = await callRoute(pairingPage.loader, { url: url(), params: { id }, cookie: asVolunteer() });
    expect(r.status).toBe(200);
    expect(r.data).toMatchObject({ child: { alias: '小朵', ageBand: '9-11', countyZh: '利通区' }, site: { contactName: '马老师(社工部)', contactPhone: '0953-2012345' }, canLogVisit: true, canRequestEnd: true, steps: [] });
  });

  it('parses log_visit (the checkbox, the minutes) and answers a bad form with its fields', async () => {
    const form = { intent: 'log_visit', happenedOn: shanghaiDate(NOW), kind: 'call', minutes: '25', note: '电话里聊了期末考试' };
    const bad = await callRoute(pairingPage.action, { url: url(), params: { id }, cookie: asVolunteer(), form: { ...form, minutes: 'lots', kind: 'telepathy' } });
    expect(bad.status).toBe(400);
    expect(Object.keys((bad.data as { fieldErrors: object }).fieldErrors).sort()).toEqual(['kind', 'minutes']);
    const done = await callRoute(pairingPage.action, { url: url(), params: { id }, cookie: asVolunteer(), form: { ...form, staffAccompanied: 'on' } });
    expect(done.location).toBe(`${url()}?done=log_visit`);
    const rows = db.select().from(schema.pairingVisits).where(eq(schema.pairingVisits.pairingId, id)).all();
    expect(rows).toEqual([expect.objectContaining({ kind: 'call', minutes: 25, staffAccompanied: true, note: '电话里聊了期末考试' })]);
  });

  it('raise_concern needs a kind and text; request_end a reason; an unknown intent is refused', async () => {
    const concern = await callRoute(pairingPage.action, { url: url(), params: { id }, cookie: asVolunteer(), form: { intent: 'raise_concern', kind: 'danger', text: '' } });
    expect(concern.status).toBe(400);
    expect((concern.data as { fieldErrors: Record<string, string[]> }).fieldErrors.text).toEqual(['form.required']);
    const end = await callRoute(pairingPage.action, { url: url(), params: { id }, cookie: asVolunteer(), form: { intent: 'request_end' } });
    expect(end.status).toBe(400);
    expect((await callRoute(pairingPage.action, { url: url(), params: { id }, cookie: asVolunteer(), form: { intent: 'end', reason: 'x' } })).status).toBe(400);
    // Staff do not act here: the page is not theirs.
    expect((await callRoute(pairingPage.action, { url: url(), params: { id }, cookie: cookieFor(db, world.users.staffGc), form: { intent: 'raise_concern', kind: 'danger', text: '测试' } })).status).toBe(403);
    const raised = await callRoute(pairingPage.action, { url: url(), params: { id }, cookie: asVolunteer(), form: { intent: 'raise_concern', kind: 'danger', text: '孩子说晚上常常一个人在家。' } });
    expect(raised.location).toBe(`${url()}?done=raise_concern`);
    const page = await callRoute(pairingPage.loader, { url: `${url()}?done=raise_concern`, params: { id }, cookie: asVolunteer() });
    expect(page.data).toMatchObject({ done: 'raise_concern', concerns: [{ kind: 'danger', status: 'open', text: '孩子说晚上常常一个人在家。' }] });
  });

  it('/me lists the pairing, linked, with its confirmed time and last contact', async () => {
    const r = await callRoute(me.loader, { url: '/me', cookie: asVolunteer() });
    expect((r.data as { pairings: unknown[] }).pairings).toEqual([expect.objectContaining({ id, childAlias: '小朵', status: 'active', creditedMinutes: 0, lastContactAt: null, overdue: false })]);
    const other = await callRoute(me.loader, { url: '/me', cookie: cookieFor(db, world.users.memberA) });
    expect((other.data as { pairings: unknown[] }).pairings).toEqual([]);
  });
});
