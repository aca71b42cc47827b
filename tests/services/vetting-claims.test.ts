import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../helpers/db';
import { actorOf, addChild, buildWorld, publishedWish, type World } from '../helpers/wish-fixtures';
import { TEST_PASSWORD, uniq } from '../helpers/accounts';
import { signUp } from '../../app/services/accounts.server';
import { decideHelper } from '../../app/services/vetting.server';
import { claimWish } from '../../app/services/claims.server';

// Vetting decides who may claim: a helper fresh from sign-up cannot, an approved one can, a suspended one cannot.
const { db } = useTestDatabase('vetting-claims');
const NOW = Date.UTC(2025, 5, 1, 2);
let world: World;
let child: string;

beforeAll(() => {
  world = buildWorld(db, NOW);
  child = addChild(db, { siteId: world.sites.gch, realName: '马思远', alias: '小远' }, NOW);
});

const wish = () => publishedWish(db, { childId: child, author: world.users.staffGc, reviewer: world.users.staffLt }, NOW);
const meta = { ip: '127.0.0.1', now: NOW };

describe('vetting and claiming', () => {
  it('refuses a helper until approved, and again once suspended', async () => {
    const email = `${uniq('claimant')}@example.org`;
    const created = await signUp(
      { email, password: TEST_PASSWORD, displayName: '新志愿者', accountType: 'volunteer', caringParent: false, organizationName: undefined, organizationKind: undefined, website: '' },
      'zh-CN',
      meta,
    );
    expect(created.ok).toBe(true);
    const userId = (db.$client.prepare('select id from users where email = ?').get(email) as { id: string }).id;
    db.$client.prepare('update users set email_verified_at = ? where id = ?').run(NOW, userId);

    expect(claimWish(actorOf(db, userId), wish(), undefined, NOW)).toMatchObject({ ok: false, error: { kind: 'forbidden' } });

    const staff = actorOf(db, world.users.staffLt);
    expect(decideHelper(staff, userId, { intent: 'approve', checkNote: '无犯罪记录证明 seen on 2025-05-30', reason: '', oneToOne: false }, meta).ok).toBe(true);
    expect(claimWish(actorOf(db, userId), wish(), undefined, NOW).ok).toBe(true);

    expect(decideHelper(staff, userId, { intent: 'suspend', reason: '暂停核查', checkNote: '', oneToOne: false }, meta).ok).toBe(true);
    expect(claimWish(actorOf(db, userId), wish(), undefined, NOW)).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
  });
});
