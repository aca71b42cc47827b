import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DB } from '../../db/client';
import { closeDatabase, useDatabase } from '../../app/data/db.server';
import { claimWish, staffClaimStep } from '../../app/services/claims.server';
import { startProductionServer, type RunningServer } from '../helpers/server';
import { tempDbPath } from '../helpers/db';
import { actorOf, addChild, buildWorld, cookieFor, publishedWish, type World } from '../helpers/wish-fixtures';

// Helper pages as rendered, without JavaScript. The wish basket: a wish someone else took while the
// coordinator was ticking leaves an "open only" list, and the page must still name it and say why.
let server: RunningServer;
let db: DB;
let world: World;

beforeAll(async () => {
  const databasePath = tempDbPath('helper-pages');
  server = await startProductionServer({ DATABASE_PATH: databasePath, SEED_DEMO: 'false' });
  db = openDatabase(databasePath);
  useDatabase(db);
  world = buildWorld(db);
}, 180_000);

afterAll(async () => {
  closeDatabase();
  await server?.stop();
});

const post = (path: string, fields: [string, string][]) =>
  fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { cookie: cookieFor(db, world.users.memberA), origin: server.url, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields),
  });

describe('the wish basket page', () => {
  it('names a wish that was taken meanwhile even when the list no longer shows it', async () => {
    const child = addChild(db, { siteId: world.sites.gch, realName: '马思远', alias: '小远' });
    const wish = (title: string) => publishedWish(db, { childId: child, author: world.users.staffGc, reviewer: world.users.staffLt, title });
    const open = wish('一套彩色铅笔');
    const taken = wish('一双运动鞋');
    claimWish(actorOf(db, world.users.volunteer), taken, undefined, Date.now());

    const res = await post('/wishes?index&open=1', [
      ['intent', 'basket'],
      ['orgId', world.orgs.orgA],
      ['wishId', open],
      ['wishId', taken],
    ]);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('认领成功 1 个,共 2 个。');
    const missed = html.match(/<ul[^>]*data-testid="basket-missed"[^>]*>([\s\S]*?)<\/ul>/)?.[1] ?? '';
    expect(missed).toContain('一双运动鞋');
    expect(missed).toContain(`/wishes/${taken}`);
    expect(missed).not.toContain('一套彩色铅笔');
  });

  it('asks to tick wishes when none were ticked', async () => {
    const res = await post('/wishes?index', [
      ['intent', 'basket'],
      ['orgId', world.orgs.orgA],
    ]);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('请先勾选要认领的心愿。');
  });
});

describe('when a claim is due, as the helper reads it', () => {
  it('promises the delivery window while the claim waits for approval, and the date once approved', async () => {
    const child = addChild(db, { siteId: world.sites.gch, realName: '李禾禾', alias: '小禾' });
    const id = publishedWish(db, { childId: child, author: world.users.staffGc, reviewer: world.users.staffLt, title: '一本字典', deadline: '2099-12-31' });
    const claimed = claimWish(actorOf(db, world.users.volunteer), id, undefined, Date.now());
    const due = async () => {
      const html = await (await fetch(`${server.url}/wishes/${id}`, { headers: { cookie: cookieFor(db, world.users.volunteer) } })).text();
      return html.match(/<p[^>]*data-testid="claim-due"[^>]*>([\s\S]*?)<\/p>/)?.[1].replace(/<!-- -->/g, '');
    };
    expect(await due()).toBe('审核通过后 14 天内送达,最迟 2099/12/31。');
    expect(claimed.ok).toBe(true);
    staffClaimStep(actorOf(db, world.users.staffGc), claimed.ok ? claimed.value.claimId : '', 'approve', {}, Date.now());
    expect(await due()).toMatch(/^请在 \d{4}\/\d{2}\/\d{2} 前送达。$/);
  });
});
