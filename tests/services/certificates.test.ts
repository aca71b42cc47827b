import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../helpers/db';
import { actorOf, auditOf, buildWorld, type World } from '../helpers/wish-fixtures';
import { at, giveService, TEXTS } from '../helpers/certificate-fixtures';
import {
  issueCertificate,
  myCertificate,
  myCertificatePage,
  revokeCertificate,
  staffCertificate,
  staffCertificates,
  verifyCertificate,
} from '../../app/services/certificates.server';
import { orgReceipt, orgTotals } from '../../app/services/org-totals.server';
import { validateSessionToken } from '../../app/auth/session.server';
import { cookieFor } from '../helpers/wish-fixtures';

const { db } = useTestDatabase('certificates');
const H1 = { from: '2025-01-01', to: '2025-06-30' };
let world: World;
const actor = (key: keyof World['users']) => actorOf(db, world.users[key]);

beforeAll(() => {
  world = buildWorld(db, at('2025-01-01T09:00:00'));
  giveService(db, world);
});

const keyOf = (type: 'site' | 'org', id: string) => `${type}:${id}`;

describe('the service a certificate lists', () => {
  it('groups staff-confirmed service by organizer of record, with actual minutes and wishes at 0 hours', () => {
    const page = myCertificatePage(actor('volunteer'), H1, 'zh-CN');
    const byOrganizer = Object.fromEntries(page.groups.map((g) => [g.organizer, g]));
    expect(Object.keys(byOrganizer).sort()).toEqual(
      [keyOf('site', world.sites.gch), keyOf('org', world.orgs.orgA), keyOf('site', world.sites.ych)].sort(),
    );
    const gch = byOrganizer[keyOf('site', world.sites.gch)];
    expect(gch.issuer).toEqual({ name: '高闸镇儿童之家', contact: '马老师 0953-1234567', personInCharge: '张主任' });
    expect(gch.entries).toEqual([
      { date: '2025-01-15', kind: 'activity', content: TEXTS.siteActivity, minutes: 150 },
      { date: '2025-05-05', kind: 'pairing', detail: 'home_visit', content: '', minutes: 90 },
      { date: '2025-06-01', kind: 'wish', content: TEXTS.wish, minutes: 0 },
    ]);
    expect(gch.totalMinutes).toBe(240);
    // The organization ran that activity at the same site: it is the organization that certifies it.
    expect(byOrganizer[keyOf('org', world.orgs.orgA)].entries).toEqual([{ date: '2025-03-08', kind: 'activity', content: TEXTS.orgActivity, minutes: 120 }]);
    expect(byOrganizer[keyOf('site', world.sites.ych)].totalMinutes).toBe(60);
  });

  it('leaves out a no-show, a rejected or unconfirmed contact log, service outside the period, and every visit note', () => {
    const text = JSON.stringify(myCertificatePage(actor('volunteer'), H1, 'zh-CN').groups);
    for (const absent of [TEXTS.noShowActivity, TEXTS.oldActivity, TEXTS.visitNote, TEXTS.rejectedNote, '马思远', '小远']) expect(text).not.toContain(absent);
    const lastYear = myCertificatePage(actor('volunteer'), { from: '2024-01-01', to: '2024-12-31' }, 'en');
    expect(lastYear.groups).toHaveLength(1);
    expect(lastYear.groups[0].issuer.name).toBe('Gaozha Children’s Home');
    expect(lastYear.groups[0].entries.map((e) => e.content)).toEqual([TEXTS.oldActivity]);
  });

  it('lists nothing for someone without confirmed service', () => {
    expect(myCertificatePage(actor('pendingVolunteer'), H1, 'zh-CN').groups).toEqual([]);
  });
});

describe('issuing, verifying and revoking', () => {
  let certId: string;
  let code: string;

  it('issues a numbered certificate in the name of the organizer, audited, and gives the same one again for the same contents', () => {
    const now = at('2025-07-02T10:00:00');
    const issued = issueCertificate(actor('volunteer'), H1, keyOf('site', world.sites.gch), now);
    expect(issued.ok).toBe(true);
    certId = issued.ok ? issued.value.id : '';
    const view = myCertificate(actor('volunteer'), certId);
    if (!view.ok) throw new Error('no certificate');
    code = view.value.code;
    expect(code).toMatch(/^WB-2025-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(view.value).toMatchObject({
      issuer: { name: '高闸镇儿童之家', contact: '马老师 0953-1234567', personInCharge: '张主任' },
      holderName: TEXTS.realName,
      maskedName: '王*明',
      period: H1,
      totalMinutes: 240,
      verifyUrl: expect.stringMatching(new RegExp(`/verify/${code}$`)),
    });
    expect(view.value.qr.size).toBeGreaterThan(20);
    expect(view.value.qr.path).toMatch(/^M\d+ \d+h1v1h-1z/);
    expect(auditOf(db, 'certificate', certId).map((e) => [e.action, e.actorId, e.note])).toEqual([['certificate.issue', world.users.volunteer, code]]);

    const again = issueCertificate(actor('volunteer'), H1, keyOf('site', world.sites.gch), now + 1000);
    expect(again).toEqual({ ok: true, value: { id: certId } });
    const other = issueCertificate(actor('volunteer'), H1, keyOf('org', world.orgs.orgA), now);
    expect(other.ok && other.value.id).not.toBe(certId);
  });

  it('refuses an organizer with nothing to certify, and shows a certificate to its holder only', () => {
    const none = issueCertificate(actor('volunteer'), H1, keyOf('site', world.sites.wzi), Date.now());
    expect(none).toEqual({ ok: false, error: { kind: 'conflict', message: { key: 'cert.error.nothing' } } });
    expect(issueCertificate(actor('volunteer'), H1, 'user:whatever', Date.now()).ok).toBe(false);
    expect(myCertificate(actor('memberA'), certId)).toEqual({ ok: false, error: { kind: 'not_found' } });
  });

  it('verifies by number (as typed) with the issuer, period, hours and masked name only', () => {
    const v = verifyCertificate(code.toLowerCase().replace(/-/g, ' '));
    expect(v).toEqual({ code, issuerName: '高闸镇儿童之家', period: H1, totalMinutes: 240, maskedName: '王*明', revokedAt: null });
    expect(verifyCertificate('WB-2025-0000-0000')).toBeNull();
    expect(verifyCertificate('nonsense')).toBeNull();
  });

  it('lets staff of another county neither see nor revoke it, nor a volunteer', () => {
    expect(staffCertificate(actor('staffYc'), certId)).toEqual({ ok: false, error: { kind: 'forbidden' } });
    expect(revokeCertificate(actor('staffYc'), certId, '误发', Date.now())).toEqual({ ok: false, error: { kind: 'forbidden' } });
    expect(revokeCertificate(actor('volunteer'), certId, '误发', Date.now()).ok).toBe(false);
    const list = staffCertificates(actor('staffYc'), '');
    expect(list.ok && list.value.map((c) => c.id)).not.toContain(certId);
    expect(verifyCertificate(code)?.revokedAt).toBeNull();
  });

  it('lets staff of the issuer site’s subtree revoke it with a reason, audited, and verification says so', () => {
    const page = staffCertificate(actor('staffGc'), certId);
    expect(page.ok && page.value.canRevoke).toBe(true);
    const list = staffCertificates(actor('staffLt'), code.toLowerCase());
    expect(list.ok && list.value.map((c) => c.id)).toEqual([certId]);
    const when = at('2025-08-01T10:00:00');
    expect(revokeCertificate(actor('staffGc'), certId, '服务记录有误', when)).toEqual({ ok: true, value: { revoked: true } });
    expect(verifyCertificate(code)?.revokedAt).toBe(when);
    expect(revokeCertificate(actor('staffLt'), certId, '再次', when + 1).ok).toBe(false);
    expect(auditOf(db, 'certificate', certId).map((e) => e.action)).toEqual(['certificate.issue', 'certificate.revoke']);
    // A new certificate of the same contents can be issued once the old one is revoked.
    const reissued = issueCertificate(actor('volunteer'), H1, keyOf('site', world.sites.gch), when + 2);
    expect(reissued.ok && reissued.value.id).not.toBe(certId);
  });

  it('answers an organization’s certificate to staff of its county (none chosen: admins only)', () => {
    const issued = issueCertificate(actor('volunteer'), H1, keyOf('org', world.orgs.orgA), Date.now());
    const id = issued.ok ? issued.value.id : '';
    expect(staffCertificate(actor('staffLt'), id).ok).toBe(false);
    const admin = staffCertificate(actor('admin'), id);
    expect(admin.ok && admin.value.canRevoke).toBe(true);
    db.$client.prepare('update organizations set county_site_id = ? where id = ?').run(world.sites.lt, world.orgs.orgA);
    const lt = staffCertificate(actor('staffLt'), id);
    expect(lt.ok && lt.value.canRevoke).toBe(true);
    expect(revokeCertificate(actor('staffYc'), id, '误发', Date.now()).ok).toBe(false);
  });
});

describe('an organization’s totals and yearly receipt', () => {
  const viewerOf = (userId: string) => validateSessionToken(cookieFor(db, userId).split('=')[1], Date.now())!;

  it('counts confirmed gifts with their value, activities held and hours of sign-ups made for it', () => {
    const run = (sql: string, ...args: unknown[]) => db.$client.prepare(sql).run(...args);
    const wish = db.$client.prepare('select id from wishes limit 1').get() as { id: string };
    run(
      `insert into claims (id, wish_id, claimant_user_id, org_id, status, confirmed_at, value_received_fen, created_at, updated_at) values ('orgcl1', ?, ?, ?, 'released', null, null, 0, 0)`,
      wish.id,
      world.users.memberA,
      world.orgs.orgA,
    );
    run(
      `insert into claims (id, wish_id, claimant_user_id, org_id, status, confirmed_at, value_received_fen, created_at, updated_at) values ('orgcl2', ?, ?, ?, 'confirmed', ?, 12345, 0, 0)`,
      wish.id,
      world.users.memberA,
      world.orgs.orgA,
      at('2025-03-02T09:00:00'),
    );
    expect(orgTotals(viewerOf(world.users.memberA), world.orgs.orgA)).toEqual({ wishesFulfilled: 1, valueFen: 12345, activitiesRun: 1, volunteerMinutes: 120 });
    const receipt = orgReceipt(viewerOf(world.users.memberA), world.orgs.orgA, 2025);
    expect(receipt.ok && receipt.value.lines.map((l) => [l.title, l.siteZh, l.valueFen])).toEqual([[TEXTS.wish, '高闸镇儿童之家', 12345]]);
    expect(receipt.ok && receipt.value.totalFen).toBe(12345);
    const empty = orgReceipt(viewerOf(world.users.memberA), world.orgs.orgA, 2024);
    expect(empty.ok && empty.value.lines).toEqual([]);
    // Someone of another organization asks for this one's receipt: not theirs to see.
    expect(orgReceipt(viewerOf(world.users.memberB), world.orgs.orgA, 2025)).toEqual({ ok: false, error: { kind: 'not_found' } });
    expect(orgTotals(viewerOf(world.users.memberB), world.orgs.orgA)).toBeNull();
    expect(orgReceipt(viewerOf(world.users.volunteer), null, 2025).ok).toBe(false);
  });
});
