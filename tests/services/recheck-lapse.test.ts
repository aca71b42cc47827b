import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../helpers/db';
import { actorOf, addChild, buildWorld, publishedWish, type World } from '../helpers/wish-fixtures';
import { TEST_PASSWORD, uniq } from '../helpers/accounts';
import { loadActor } from '../../app/data/actors.server';
import { findUserById } from '../../app/data/users.server';
import { can } from '../../app/domain/policy';
import { RECHECK_INTERVAL_MS } from '../../app/domain/vetting';
import { signUp } from '../../app/services/accounts.server';
import { claimWish } from '../../app/services/claims.server';
import { decideHelper, helperPage, runRecheckJobs } from '../../app/services/vetting.server';

// A caring parent whose yearly re-check lapses loses one-to-one contact (not donating) until staff record it;
// the helper and their staff are mailed once when it lapses.
const { db } = useTestDatabase('recheck-lapse');
const NOW = Date.UTC(2025, 5, 1, 2);
const DAY = 24 * 60 * 60 * 1000;
let world: World;
let child: string;
let parentId: string;
let email: string;

beforeAll(async () => {
  world = buildWorld(db, NOW);
  child = addChild(db, { siteId: world.sites.gch, realName: '马思远', alias: '小远' }, NOW);
  email = `${uniq('parent')}@example.org`;
  const meta = { ip: '127.0.0.1', now: NOW };
  const created = await signUp(
    { email, password: TEST_PASSWORD, displayName: '爱心妈妈', accountType: 'volunteer', caringParent: true, organizationName: undefined, organizationKind: undefined, website: '' },
    'zh-CN',
    meta,
  );
  expect(created.ok).toBe(true);
  parentId = (db.$client.prepare('select id from users where email = ?').get(email) as { id: string }).id;
  db.$client.prepare('update users set email_verified_at = ? where id = ?').run(NOW, parentId);
  db.$client.prepare('update volunteers set county_site_id = ? where user_id = ?').run(world.sites.lt, parentId);
  const staff = actorOf(db, world.users.staffLt);
  expect(decideHelper(staff, parentId, { intent: 'approve', checkNote: '无犯罪记录证明 seen on 2025-05-30', reason: '', oneToOne: false }, meta).ok).toBe(true);
});

const site = { type: 'site' as const, sitePath: '/' };
const actorAt = (at: number) => loadActor(findUserById(parentId)!, at);
const mailsTo = (to: string, template: string) =>
  (db.$client.prepare('select count(*) as n from outbox where to_email = ? and template = ?').get(to.toLowerCase(), template) as { n: number }).n;

describe('a lapsed yearly re-check', () => {
  it('suspends one-to-one contact once overdue, and leaves claiming a wish open', () => {
    const due = NOW + RECHECK_INTERVAL_MS;
    expect(can(actorAt(due), 'one_to_one.contact', site)).toBe(true);
    const late = due + 1;
    expect(can(actorAt(late), 'one_to_one.contact', site)).toBe(false);
    const wish = publishedWish(db, { childId: child, author: world.users.staffGc, reviewer: world.users.staffLt }, NOW);
    expect(claimWish(actorAt(late), wish, undefined, NOW).ok).toBe(true);
  });

  it('mails the helper and their staff once when it lapses, and shows it on the helper page until recorded', () => {
    const late = NOW + RECHECK_INTERVAL_MS + DAY;
    expect(runRecheckJobs(NOW + RECHECK_INTERVAL_MS)).toEqual({ told: 0 });
    expect(runRecheckJobs(late)).toEqual({ told: 1 });
    expect(runRecheckJobs(late + DAY)).toEqual({ told: 0 });
    expect(mailsTo(email, 'vetting_recheck_lapsed')).toBe(1);
    // Staff over the helper's county are told; staff of another county are not.
    expect(mailsTo(findUserById(world.users.staffLt)!.email, 'vetting_recheck_lapsed_staff')).toBe(1);
    expect(mailsTo(findUserById(world.users.staffYc)!.email, 'vetting_recheck_lapsed_staff')).toBe(0);

    const staff = actorOf(db, world.users.staffLt);
    const page = helperPage(staff, parentId, { ip: '127.0.0.1', now: late });
    expect(page).toMatchObject({ ok: true, value: { recheckOverdueSince: NOW + RECHECK_INTERVAL_MS, intents: ['suspend', 'recheck'] } });

    expect(decideHelper(staff, parentId, { intent: 'recheck', checkNote: '复查 2026-06-02', reason: '', oneToOne: false }, { ip: '127.0.0.1', now: late }).ok).toBe(true);
    expect(can(actorAt(late), 'one_to_one.contact', site)).toBe(true);
    expect(helperPage(staff, parentId, { ip: '127.0.0.1', now: late })).toMatchObject({ ok: true, value: { recheckOverdueSince: null } });
  });
});
