import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { schema } from '../../db/client';
import { JOBS } from '../../app/server/jobs.server';
import { lapsePairings, mailOverdueContacts } from '../../app/services/pairing-jobs.server';
import { createSites, createUser } from '../helpers/accounts';
import { useTestDatabase } from '../helpers/db';
import { addChild, addPairing, addVisit, caringParent, CHILD_BIRTH, CHILD_REAL_NAME } from '../helpers/pairing-fixtures';

const { db } = useTestDatabase('pairing-jobs');
const DAY = 24 * 3_600_000;
const NOW = Date.now();
const sites = createSites(db);
const staffLt = await createUser(db, { staffSiteId: sites.lt });
const staffYc = await createUser(db, { staffSiteId: sites.yc });

const pairingRow = (id: string) => db.select().from(schema.pairings).where(eq(schema.pairings.id, id)).get()!;
const mailsTo = (email: string, template: string) =>
  db.select().from(schema.outbox).where(and(eq(schema.outbox.toEmail, email), eq(schema.outbox.template, template))).all();

describe('the pairing jobs', () => {
  it('are registered with the server', () => {
    expect(JOBS.map((j) => j.name)).toContain('pairings');
  });

  it('a re-check lapsed more than 30 days ago ends the volunteer’s active pairings; the volunteer and the child’s staff are told once', async () => {
    const lapsed = await caringParent(db, sites.lt, { recheckDueAt: NOW - 31 * DAY });
    const graced = await caringParent(db, sites.lt, { recheckDueAt: NOW - 29 * DAY });
    const p1 = addPairing(db, { childId: addChild(db, sites.ltTown), siteId: sites.ltTown, volunteerUserId: lapsed.id });
    const proposed = addPairing(db, { childId: addChild(db, sites.ltTown), siteId: sites.ltTown, volunteerUserId: lapsed.id, status: 'proposed' });
    const p2 = addPairing(db, { childId: addChild(db, sites.ltTown), siteId: sites.ltTown, volunteerUserId: graced.id, startedAt: NOW - DAY });
    expect(lapsePairings(NOW)).toEqual({ lapsed: 1 });
    expect(pairingRow(p1)).toMatchObject({ status: 'ended', endedAt: NOW, endedBy: null });
    expect(pairingRow(proposed).status).toBe('proposed');
    expect(pairingRow(p2).status).toBe('active');
    const audit = db.select().from(schema.auditEvents).where(eq(schema.auditEvents.entityId, p1)).all();
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([['lapse', null]]);
    const [toVolunteer] = mailsTo(lapsed.email, 'pairing.lapsed');
    expect(toVolunteer.bodyText).toContain('/me/pairings/');
    const [toStaff] = mailsTo(staffLt.email, 'pairing.lapsed_staff');
    expect(toStaff.bodyText).toContain(`/staff/pairings/${p1}`);
    expect(mailsTo(staffYc.email, 'pairing.lapsed_staff')).toHaveLength(0);
    for (const m of [toVolunteer, toStaff]) {
      expect(m.bodyText).not.toContain(CHILD_REAL_NAME);
      expect(m.bodyText).not.toContain(CHILD_BIRTH);
    }
    // A second run finds nothing more to do.
    expect(lapsePairings(NOW + 3_600_000)).toEqual({ lapsed: 0 });
    expect(mailsTo(lapsed.email, 'pairing.lapsed')).toHaveLength(1);
  });

  it('an overdue pairing mails its volunteer once per overdue spell', async () => {
    const volunteer = await caringParent(db, sites.lt);
    const site = db.select().from(schema.sites).where(eq(schema.sites.id, sites.ltTown)).get()!;
    db.update(schema.sites).set({ contactName: '马老师(社工部)', contactPhone: '0953-2012345' }).where(eq(schema.sites.id, site.id)).run();
    const start = NOW - 45 * DAY;
    const overdue = addPairing(db, { childId: addChild(db, sites.ltTown), siteId: sites.ltTown, volunteerUserId: volunteer.id, startedAt: start });
    const fresh = addPairing(db, { childId: addChild(db, sites.ltTown), siteId: sites.ltTown, volunteerUserId: volunteer.id, startedAt: start });
    addVisit(db, fresh, { status: 'confirmed', happenedAt: NOW - 5 * DAY });
    // A logged (not yet confirmed) contact does not end the spell.
    addVisit(db, overdue, { status: 'logged', happenedAt: NOW - 2 * DAY });

    expect(mailOverdueContacts(NOW).mailed).toBe(1);
    expect(pairingRow(overdue).overdueMailedAt).toBe(NOW);
    expect(pairingRow(fresh).overdueMailedAt).toBe(null);
    const [mail] = mailsTo(volunteer.email, 'pairing.contact_overdue');
    expect(mail.bodyText).toContain('30');
    expect(mail.bodyText).toContain('马老师(社工部) 0953-2012345');
    expect(mail.bodyText).not.toContain(CHILD_REAL_NAME);

    // Same spell: no second mail, however often the job runs.
    expect(mailOverdueContacts(NOW + 3_600_000).mailed).toBe(0);
    expect(mailOverdueContacts(NOW + 10 * DAY).mailed).toBe(0);
    // A confirmed contact ends the spell; 31 days after it, a new spell mails again.
    addVisit(db, overdue, { status: 'confirmed', happenedAt: NOW + DAY });
    expect(mailOverdueContacts(NOW + 20 * DAY).mailed).toBe(0);
    // 33 days on, both of this volunteer's pairings are in a new spell (the other volunteer's too).
    expect(mailOverdueContacts(NOW + 33 * DAY).mailed).toBe(3);
    expect(pairingRow(overdue).overdueMailedAt).toBe(NOW + 33 * DAY);
    expect(pairingRow(fresh).overdueMailedAt).toBe(NOW + 33 * DAY);
    expect(mailsTo(volunteer.email, 'pairing.contact_overdue')).toHaveLength(3);
  });
});
