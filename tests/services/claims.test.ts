import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { useTestDatabase } from '../helpers/db';
import { runCommand } from '../helpers/server';
import {
  GCH_ADDRESS,
  actorOf,
  addChild,
  auditOf,
  buildWorld,
  claimRows,
  emailOf,
  outboxTo,
  publishedWish,
  wishStatus,
  type World,
} from '../helpers/wish-fixtures';
import { schema } from '../../db/client';
import { writeTx } from '../../app/data/db.server';
import { insertClaim } from '../../app/data/claims.server';
import { claimBasket, claimForStaff, claimWish, helperClaimStep, runClaimJobs, staffClaimStep } from '../../app/services/claims.server';
import { claimsOfHelper } from '../../app/services/my-claims.server';
import { publicWishPage } from '../../app/services/wish-pages.server';
import { moveWish } from '../../app/services/wishes.server';
import { wishQueues } from '../../app/services/wish-queues.server';

const { db, file } = useTestDatabase('claims');
const NOW = Date.UTC(2025, 5, 1, 2); // 2025-06-01 10:00 in Shanghai
const DAY = 24 * 3600_000;
let world: World;
let child: string;

beforeAll(() => {
  world = buildWorld(db, NOW);
  child = addChild(db, { siteId: world.sites.gch, realName: '马思远', alias: '小远' }, NOW);
});

const actor = (key: keyof World['users']) => actorOf(db, world.users[key]);
const wish = (over: { deadline?: string; at?: number } = {}) =>
  publishedWish(db, { childId: child, author: world.users.staffGc, reviewer: world.users.staffLt, deadline: over.deadline }, over.at ?? NOW);
const claimId = (r: { ok: boolean; value?: { claimId: string } }) => (r.ok && r.value ? r.value.claimId : '');

describe('who may claim', () => {
  it('refuses visitors, unvetted volunteers and members of unvetted organizations', () => {
    const id = wish();
    expect(claimWish(null, id, undefined, NOW)).toMatchObject({ ok: false, error: { kind: 'forbidden', message: { key: 'claim.error.not_approved' } } });
    expect(claimWish(actor('pendingVolunteer'), id, undefined, NOW)).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(claimWish(actor('memberP'), id, world.orgs.orgP, NOW)).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    // A member cannot claim for an organization they do not belong to, nor as a volunteer they are not.
    expect(claimWish(actor('memberB'), id, world.orgs.orgA, NOW)).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(claimWish(actor('memberB'), id, undefined, NOW)).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(claimRows(db, id)).toHaveLength(0);
    expect(wishStatus(db, id)).toBe('published');
  });

  it('gives an approved volunteer the claim, mails them in their language, and records it', () => {
    const id = wish();
    const result = claimWish(actor('volunteer'), id, undefined, NOW + 1);
    expect(result.ok).toBe(true);
    expect(wishStatus(db, id)).toBe('claimed');
    expect(claimRows(db, id)).toMatchObject([{ status: 'pending', claimantUserId: world.users.volunteer, orgId: null }]);
    const mail = outboxTo(db, emailOf(db, world.users.volunteer)).find((m) => m.template === 'claim.received' && m.bodyText.includes(id))!;
    expect(mail.subject).toBe('We got your claim for the wish "想要一套水彩笔"');
    expect(auditOf(db, 'wish', id).at(-1)).toMatchObject({ action: 'claim', fromStatus: 'published', toStatus: 'claimed', actorId: world.users.volunteer });
    expect(auditOf(db, 'claim', claimId(result))).toMatchObject([{ action: 'claim', toStatus: 'pending' }]);
    // The second helper gets the friendly answer.
    expect(claimWish(actor('memberA'), id, world.orgs.orgA, NOW + 2)).toMatchObject({
      ok: false,
      error: { kind: 'conflict', message: { key: 'claim.error.already_claimed' } },
    });
  });

  it('refuses a wish whose claim deadline has passed', () => {
    const id = wish({ deadline: '2025-06-03' });
    expect(claimWish(actor('volunteer'), id, undefined, Date.UTC(2025, 5, 3, 16))).toMatchObject({
      ok: false,
      error: { kind: 'conflict', message: { key: 'claim.error.deadline_passed' } },
    });
  });
});

describe('one live claim per wish', () => {
  it('is kept by the database: a second live claim row violates claims_one_live_per_wish', () => {
    const id = wish();
    const first = claimWish(actor('volunteer'), id, undefined, NOW);
    expect(first.ok).toBe(true);
    const insertSecond = () =>
      writeTx((tx) => insertClaim(tx, { id: `dup${Date.now()}`, wishId: id, claimantUserId: world.users.memberA, orgId: world.orgs.orgA, status: 'pending', createdAt: NOW, updatedAt: NOW }));
    expect(insertSecond).toThrow(/UNIQUE constraint failed/);
    // Ended claims do not count: after a release another live claim is fine.
    expect(helperClaimStep(actor('volunteer'), id, 'release', NOW).ok).toBe(true);
    expect(claimWish(actor('memberA'), id, world.orgs.orgA, NOW).ok).toBe(true);
  });

  it('answers "already claimed" and rolls the wish back when only the index catches the second claim', () => {
    const id = wish();
    // A live claim the wish's status does not know about (e.g. written by an older version of the code).
    writeTx((tx) => insertClaim(tx, { id: `ghost${Date.now()}`, wishId: id, claimantUserId: world.users.memberB, orgId: world.orgs.orgB, status: 'pending', createdAt: NOW, updatedAt: NOW }));
    expect(wishStatus(db, id)).toBe('published');
    expect(claimWish(actor('volunteer'), id, undefined, NOW)).toMatchObject({
      ok: false,
      error: { kind: 'conflict', message: { key: 'claim.error.already_claimed' } },
    });
    // The compare-and-set on the wish ran before the insert failed: it was rolled back with it.
    expect(wishStatus(db, id)).toBe('published');
    expect(outboxTo(db, emailOf(db, world.users.volunteer)).filter((m) => m.bodyText.includes(id))).toHaveLength(0);
  });
});

describe('the staff claim page', () => {
  it('links the claimant’s vetting page and warns when their yearly re-check is overdue', () => {
    const c = claimId(claimWish(actor('volunteer'), wish(), undefined, NOW));
    const claimant = () => {
      const page = claimForStaff(actor('staffGc'), c, NOW);
      return page.ok ? page.value.claimant : null;
    };
    db.$client.prepare('update volunteers set recheck_due_at = ? where user_id = ?').run(NOW + 30 * DAY, world.users.volunteer);
    expect(claimant()).toMatchObject({ helperUrl: `/staff/helpers/${world.users.volunteer}`, recheckOverdueSince: null });
    db.$client.prepare('update volunteers set recheck_due_at = ? where user_id = ?').run(NOW - DAY, world.users.volunteer);
    expect(claimant()).toMatchObject({ recheckOverdueSince: NOW - DAY });
    // Once the claim is approved the warning has nothing left to act on.
    expect(staffClaimStep(actor('staffGc'), c, 'approve', {}, NOW).ok).toBe(true);
    expect(claimant()).toMatchObject({ recheckOverdueSince: null });
    db.$client.prepare('update volunteers set recheck_due_at = null where user_id = ?').run(world.users.volunteer);

    const forOrg = claimId(claimWish(actor('memberA'), wish(), world.orgs.orgA, NOW));
    const page = claimForStaff(actor('staffGc'), forOrg, NOW);
    expect(page.ok && page.value.claimant).toMatchObject({ helperUrl: `/staff/helpers/${world.orgs.orgA}`, recheckOverdueSince: null });
  });
});

describe('a wish whose site has no hand-over address', () => {
  it('warns staff before approval, and tells the helper that staff will arrange the place', () => {
    const plain = addChild(db, { siteId: world.sites.gc, realName: '林小禾', alias: '禾禾' }, NOW);
    const id = publishedWish(db, { childId: plain, author: world.users.staffGc, reviewer: world.users.staffLt }, NOW);
    const c = claimId(claimWish(actor('volunteer'), id, undefined, NOW));
    const staffView = () => {
      const page = claimForStaff(actor('staffGc'), c, NOW);
      return page.ok ? page.value.wish.handoverAddressMissing : undefined;
    };
    expect(staffView()).toBe(true);
    expect(staffClaimStep(actor('staffGc'), c, 'approve', {}, NOW).ok).toBe(true);
    expect(publicWishPage(actor('volunteer'), id, NOW)).toMatchObject({ ok: true, value: { myClaim: { handover: { address: null } } } });
    const approvedMail = outboxTo(db, emailOf(db, world.users.volunteer)).filter((m) => m.template === 'claim.approved' && m.bodyText.includes(id));
    expect(approvedMail).toHaveLength(1);
    expect(approvedMail[0].bodyText).toMatch(/约定送达地点|arrange where to bring the gift/);
    // A site with an address raises no warning.
    const withAddress = claimId(claimWish(actor('volunteer'), wish(), undefined, NOW));
    const page = claimForStaff(actor('staffGc'), withAddress, NOW);
    expect(page.ok && page.value.wish.handoverAddressMissing).toBe(false);
  });
});

describe('the claim lifecycle', () => {
  it('runs claim → approve → deliver → confirm, showing the hand-over address only after approval', () => {
    const id = wish();
    const c = claimId(claimWish(actor('volunteer'), id, undefined, NOW));
    const volunteerView = () => publicWishPage(actor('volunteer'), id, NOW);
    expect(volunteerView()).toMatchObject({ ok: true, value: { myClaim: { status: 'pending', handover: null, canDeliver: false, canRelease: true } } });
    expect(JSON.stringify(volunteerView())).not.toContain(GCH_ADDRESS);

    // Staff of another county do not see the claim at all.
    expect(claimForStaff(actor('staffYc'), c, NOW)).toMatchObject({ ok: false, error: { kind: 'not_found' } });
    expect(staffClaimStep(actor('staffYc'), c, 'approve', {}, NOW)).toMatchObject({ ok: false, error: { kind: 'not_found' } });
    // A helper cannot approve.
    expect(staffClaimStep(actor('volunteer'), c, 'approve', {}, NOW)).toMatchObject({ ok: false, error: { kind: 'not_found' } });

    expect(staffClaimStep(actor('staffGc'), c, 'approve', {}, NOW + 1000).ok).toBe(true);
    expect(volunteerView()).toMatchObject({ ok: true, value: { myClaim: { status: 'approved', handover: { address: GCH_ADDRESS }, canDeliver: true } } });
    const approved = outboxTo(db, emailOf(db, world.users.volunteer)).find((m) => m.template === 'claim.approved' && m.bodyText.includes(id))!;
    expect(approved.bodyText).toContain(GCH_ADDRESS);
    expect(approved.bodyText).not.toContain('马思远');

    // Delivering twice: the second is refused by the table.
    expect(helperClaimStep(actor('volunteer'), id, 'deliver', NOW + 2000).ok).toBe(true);
    expect(helperClaimStep(actor('volunteer'), id, 'deliver', NOW + 2001).ok).toBe(false);
    expect(wishStatus(db, id)).toBe('delivered');

    expect(staffClaimStep(actor('staffLt'), c, 'confirm', {}, NOW)).toMatchObject({ ok: false, error: { kind: 'validation', fields: { valueReceived: ['value_received_required'] } } });
    const confirmed = staffClaimStep(actor('staffLt'), c, 'confirm', { valueReceivedFen: 7550, thanks: '小远收到水彩笔特别开心,画了一幅画送给您!' }, NOW + 3000);
    expect(confirmed.ok).toBe(true);
    expect(wishStatus(db, id)).toBe('fulfilled');
    const row = db.select().from(schema.wishes).where(eq(schema.wishes.id, id)).get()!;
    expect(row.fulfilledAt).toBe(NOW + 3000);
    expect(claimRows(db, id)[0]).toMatchObject({ status: 'confirmed', valueReceivedFen: 7550, confirmedAt: NOW + 3000 });
    const thanks = outboxTo(db, emailOf(db, world.users.volunteer)).find((m) => m.template === 'claim.confirmed' && m.bodyText.includes(id))!;
    expect(thanks.bodyText).toContain('¥75.50');
    expect(thanks.bodyText).toContain('画了一幅画送给您');
    expect(auditOf(db, 'claim', c).map((e) => e.action)).toEqual(['claim', 'approve', 'deliver', 'confirm']);
    expect(auditOf(db, 'wish', id).map((e) => e.action)).toEqual(['create', 'submit', 'publish', 'claim', 'deliver', 'fulfil']);
  });

  it('rejects with a reason the helper reads, and the wish is open again', () => {
    const id = wish();
    const c = claimId(claimWish(actor('volunteer'), id, undefined, NOW));
    expect(staffClaimStep(actor('staffLt'), c, 'reject', {}, NOW)).toMatchObject({ ok: false, error: { kind: 'validation', fields: { reason: ['reason_required'] } } });
    // The reason is mailed: it must not name the child.
    expect(staffClaimStep(actor('staffLt'), c, 'reject', { reason: '马思远已经有一套了' }, NOW)).toMatchObject({ ok: false, error: { kind: 'privacy' } });
    expect(staffClaimStep(actor('staffLt'), c, 'reject', { reason: '孩子已经收到同样的礼物' }, NOW).ok).toBe(true);
    expect(wishStatus(db, id)).toBe('published');
    const mail = outboxTo(db, emailOf(db, world.users.volunteer)).find((m) => m.template === 'claim.rejected' && m.bodyText.includes('孩子已经收到同样的礼物'));
    expect(mail).toBeDefined();
    expect(publicWishPage(actor('volunteer'), id, NOW)).toMatchObject({ ok: true, value: { myClaim: { status: 'rejected', reason: '孩子已经收到同样的礼物' }, open: true } });
  });

  it('lets the helper give up, and the wish is open again', () => {
    const id = wish();
    claimWish(actor('volunteer'), id, undefined, NOW);
    expect(helperClaimStep(actor('volunteer'), id, 'release', NOW).ok).toBe(true);
    expect(wishStatus(db, id)).toBe('published');
    expect(claimRows(db, id)[0].status).toBe('released');
  });

  it('lets nobody approve or confirm their own claim', () => {
    // An admin who is also a member of orgA claims for it, then tries to approve it.
    db.insert(schema.organizationMembers).values({ orgId: world.orgs.orgA, userId: world.users.admin, role: 'member', createdAt: NOW }).run();
    const id = wish();
    const c = claimId(claimWish(actor('admin'), id, world.orgs.orgA, NOW));
    expect(staffClaimStep(actor('admin'), c, 'approve', {}, NOW)).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(wishQueues(actor('admin'), NOW).toApprove.map((i) => i.id)).not.toContain(c);
    expect(staffClaimStep(actor('staffLt'), c, 'approve', {}, NOW).ok).toBe(true);
    db.delete(schema.organizationMembers).where(eq(schema.organizationMembers.userId, world.users.admin)).run();
  });
});

describe('organizations', () => {
  it('share an organization’s claim among its members, and no one else can act on it', () => {
    const id = wish();
    const c = claimId(claimWish(actor('memberA'), id, world.orgs.orgA, NOW));
    expect(claimRows(db, id)[0]).toMatchObject({ orgId: world.orgs.orgA, claimantUserId: world.users.memberA });
    staffClaimStep(actor('staffLt'), c, 'approve', {}, NOW);

    // A member of another organization, and a volunteer, cannot release or deliver it.
    expect(helperClaimStep(actor('memberB'), id, 'deliver', NOW)).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(helperClaimStep(actor('memberB'), id, 'release', NOW)).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(helperClaimStep(actor('volunteer'), id, 'deliver', NOW)).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(publicWishPage(actor('memberB'), id, NOW)).toMatchObject({ ok: true, value: { myClaim: null } });
    expect(JSON.stringify(publicWishPage(actor('memberB'), id, NOW))).not.toContain(GCH_ADDRESS);
    expect(claimsOfHelper(actor('memberB')).map((x) => x.id)).not.toContain(c);

    // A colleague in orgA can.
    const colleague = `col${Date.now()}`;
    db.insert(schema.users).values({ id: colleague, email: `${colleague}@example.org`, passwordHash: 'x', displayName: '同事', createdAt: NOW }).run();
    db.insert(schema.organizationMembers).values({ orgId: world.orgs.orgA, userId: colleague, role: 'member', createdAt: NOW }).run();
    expect(helperClaimStep(actorOf(db, colleague), id, 'deliver', NOW).ok).toBe(true);
    const mine = claimsOfHelper(actorOf(db, colleague), 'org').find((x) => x.id === c)!;
    expect(mine).toMatchObject({ status: 'delivered', orgName: '爱心社工服务中心', url: `/wishes/${id}`, nextStep: 'claim.next.delivered' });
    expect(claimsOfHelper(actorOf(db, colleague), 'personal').map((x) => x.id)).not.toContain(c);
  });

  it('claim a basket: the open wishes are claimed, each taken one is reported next to it', () => {
    const [a, b, taken, withdrawn] = [wish(), wish(), wish(), wish()];
    claimWish(actor('volunteer'), taken, undefined, NOW);
    moveWish(actor('staffLt'), withdrawn, 'withdraw', NOW);
    const outcomes = claimBasket(actor('memberA'), world.orgs.orgA, [a, taken, b, withdrawn, a], NOW);
    expect(outcomes.map((o) => [o.wishId, o.ok])).toEqual([
      [a, true],
      [taken, false],
      [b, true],
      [withdrawn, false],
    ]);
    expect(outcomes[1]).toMatchObject({ ok: false, error: { kind: 'conflict', message: { key: 'claim.error.already_claimed' } } });
    expect(outcomes[3]).toMatchObject({ ok: false, error: { kind: 'not_found' } });
    expect(wishStatus(db, a)).toBe('claimed');
    expect(wishStatus(db, b)).toBe('claimed');
    expect(claimRows(db, taken)).toMatchObject([{ claimantUserId: world.users.volunteer }]);
    // Another organization's basket is refused for an org the member does not belong to.
    expect(claimBasket(actor('memberB'), world.orgs.orgA, [wish()], NOW)[0]).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
  });
});

describe('expiry and reminders', () => {
  it('expires a claim past the wish’s deadline and publishes the wish again, telling the helper', () => {
    const id = wish({ deadline: '2025-06-10' });
    const c = claimId(claimWish(actor('volunteer'), id, undefined, NOW));
    const endOfDeadline = Date.UTC(2025, 5, 10, 16) - 1;
    expect(runClaimJobs(endOfDeadline).expired).toBe(0);
    const result = runClaimJobs(endOfDeadline + 1);
    expect(result.expired).toBeGreaterThanOrEqual(1);
    expect(claimRows(db, id)[0].status).toBe('expired');
    expect(wishStatus(db, id)).toBe('published');
    expect(auditOf(db, 'claim', c).at(-1)).toMatchObject({ action: 'expire', actorId: null, fromStatus: 'pending', toStatus: 'expired' });
    expect(auditOf(db, 'wish', id).at(-1)).toMatchObject({ action: 'release', actorId: null, toStatus: 'published' });
    expect(outboxTo(db, emailOf(db, world.users.volunteer)).some((m) => m.template === 'claim.expired' && m.bodyText.includes(id))).toBe(true);
    // Running again changes nothing.
    expect(claimRows(db, id)).toHaveLength(1);
  });

  it('expires an approved claim not delivered within 14 days, reminding the helper once 3 days before', () => {
    const id = wish();
    const c = claimId(claimWish(actor('memberA'), id, world.orgs.orgA, NOW));
    staffClaimStep(actor('staffLt'), c, 'approve', {}, NOW);
    const mailsOf = (template: string) => outboxTo(db, emailOf(db, world.users.memberA)).filter((m) => m.template === template && m.bodyText.includes(id));

    runClaimJobs(NOW + 10 * DAY);
    expect(mailsOf('claim.reminder')).toHaveLength(0);
    runClaimJobs(NOW + 11 * DAY + 1);
    runClaimJobs(NOW + 12 * DAY);
    expect(mailsOf('claim.reminder')).toHaveLength(1);
    expect(db.select().from(schema.claims).where(eq(schema.claims.id, c)).get()!.reminderSentAt).toBe(NOW + 11 * DAY + 1);
    expect(wishQueues(actor('staffLt'), NOW + 12 * DAY).expiringSoon.map((i) => i.url)).toContain(`/staff/claims/${c}`);

    runClaimJobs(NOW + 14 * DAY);
    expect(wishStatus(db, id)).toBe('claimed');
    runClaimJobs(NOW + 14 * DAY + 1);
    expect(wishStatus(db, id)).toBe('published');
    expect(claimRows(db, id)[0].status).toBe('expired');
    expect(mailsOf('claim.expired')).toHaveLength(1);
  });

  it('runs from the command line: npm run cli -- claims:expire', async () => {
    // A deadline long past by the real clock the CLI uses.
    const id = wish({ deadline: '2025-06-05' });
    claimWish(actor('volunteer'), id, undefined, NOW);
    const run = await runCommand(['cli.ts', 'claims:expire'], { DATABASE_PATH: file });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Claims: [1-9]\d* expired, \d+ reminders queued\./);
    expect(wishStatus(db, id)).toBe('published');
    const help = await runCommand(['cli.ts', '--help']);
    expect(help.stdout).toContain('claims:expire');
  }, 60_000);
});

describe('queues and helper pages', () => {
  it('show staff their subtree’s work, linked, and never their own wishes to review', () => {
    const w2 = buildWorld(db, NOW);
    const kid = addChild(db, { siteId: w2.sites.gch, realName: '郑可', alias: '可可' }, NOW);
    const toReview = publishedWish(db, { childId: kid, author: w2.users.staffLt, reviewer: w2.users.staffLt2 }, NOW);
    moveWish(actorOf(db, w2.users.admin), toReview, 'withdraw', NOW);
    // A fresh one left in review, written by staffLt.
    const inReview = (() => {
      const id = publishedWish(db, { childId: kid, author: w2.users.staffLt, reviewer: w2.users.staffLt2 }, NOW);
      db.update(schema.wishes).set({ status: 'in_review' }).where(eq(schema.wishes.id, id)).run();
      return id;
    })();
    const pendingWish = publishedWish(db, { childId: kid, author: w2.users.staffLt, reviewer: w2.users.staffLt2 }, NOW);
    const pendingClaim = claimId(claimWish(actorOf(db, w2.users.volunteer), pendingWish, undefined, NOW));
    const deliveredWish = publishedWish(db, { childId: kid, author: w2.users.staffLt, reviewer: w2.users.staffLt2 }, NOW);
    const deliveredClaim = claimId(claimWish(actorOf(db, w2.users.memberA), deliveredWish, w2.orgs.orgA, NOW));
    staffClaimStep(actorOf(db, w2.users.staffLt2), deliveredClaim, 'approve', {}, NOW);
    helperClaimStep(actorOf(db, w2.users.memberA), deliveredWish, 'deliver', NOW);

    const author = wishQueues(actorOf(db, w2.users.staffLt), NOW);
    expect(author.toReview.map((i) => i.id)).not.toContain(inReview);
    const second = wishQueues(actorOf(db, w2.users.staffLt2), NOW);
    expect(second.toReview.map((i) => i.url)).toContain(`/staff/wishes/${inReview}`);
    expect(second.toApprove.map((i) => i.url)).toContain(`/staff/claims/${pendingClaim}`);
    expect(second.toConfirm.map((i) => i.url)).toContain(`/staff/claims/${deliveredClaim}`);
    expect(second.toConfirm.find((i) => i.id === deliveredClaim)!.who).toBe('爱心社工服务中心 · 社工甲');

    const other = wishQueues(actorOf(db, w2.users.staffYc), NOW);
    expect([...other.toReview, ...other.toApprove, ...other.toConfirm].map((i) => i.id)).toEqual([]);
    expect(wishQueues(actorOf(db, w2.users.volunteer), NOW)).toEqual({ returned: [], toReview: [], toApprove: [], toConfirm: [], expiringSoon: [] });

    const helper = claimsOfHelper(actorOf(db, w2.users.volunteer));
    expect(helper.find((x) => x.id === pendingClaim)).toMatchObject({ status: 'pending', nextStep: 'claim.next.pending', url: `/wishes/${pendingWish}` });
    expect(JSON.stringify(helper)).not.toContain('郑可');
  });
});
