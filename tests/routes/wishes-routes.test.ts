import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../helpers/db';
import { actorOf, addChild, buildWorld, claimRows, cookieFor, publishedWish, wishStatus, type World } from '../helpers/wish-fixtures';
import * as wishPage from '../../app/routes/wishes.$id';
import * as wishList from '../../app/routes/wishes._index';
import * as staffWish from '../../app/routes/staff.wishes.$id';
import * as staffWishes from '../../app/routes/staff.wishes._index';
import * as newWish from '../../app/routes/staff.wishes.new';
import * as staffChild from '../../app/routes/staff.children.$id';
import * as staffChildren from '../../app/routes/staff.children._index';
import * as staffClaim from '../../app/routes/staff.claims.$id';
import { claimWish } from '../../app/services/claims.server';
import { createWish } from '../../app/services/wishes.server';
import { translator } from '../../app/i18n/index';

const { db } = useTestDatabase('wish-routes');
let world: World;
let child: string;
const cookies: Record<string, string> = {};

beforeAll(() => {
  world = buildWorld(db);
  child = addChild(db, { siteId: world.sites.gch, realName: '马思远', alias: '小远', birthDate: '2016-05-20' });
  for (const [key, id] of Object.entries(world.users)) cookies[key] = cookieFor(db, id);
});

const BASE = 'http://localhost';
const ctx = { cspNonce: '', requestId: 'test', clientIp: '127.0.0.1' };
function get(path: string, who?: keyof World['users']) {
  return new Request(BASE + path, { headers: who ? { cookie: cookies[who] } : {} });
}
function post(path: string, fields: Record<string, string | string[]>, who?: keyof World['users']) {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) body.append(k, one);
  return new Request(BASE + path, { method: 'POST', body, headers: who ? { cookie: cookies[who] } : {} });
}

/** Runs a loader or action; a thrown Response (redirect, 403, 404) comes back as the result. */
async function run(fn: (args: never) => unknown, request: Request, params: Record<string, string> = {}): Promise<unknown> {
  try {
    return await fn({ request, params, context: ctx } as never);
  } catch (thrown) {
    return thrown;
  }
}
const statusOf = (r: unknown) =>
  r instanceof Response ? r.status : (r as { init?: { status?: number } })?.init?.status ?? 200;
const bodyOf = (r: unknown) => (r as { data?: unknown })?.data ?? r;

const wishTitle = (id: string) => (db.$client.prepare('select title from wishes where id = ?').pluck().get(id) as string);
const published = () => publishedWish(db, { childId: child, author: world.users.staffGc, reviewer: world.users.staffLt });

describe('/wishes/:id', () => {
  it('is 404 for a draft to anyone but staff of the subtree, and serves the public face of a published wish', async () => {
    const created = createWish(actorOf(db, world.users.staffGc), { childId: child, title: '草稿心愿', story: '还在写。', category: 'books', value: 5000 }, Date.now());
    const draftId = created.ok ? created.value.id : '';
    for (const who of [undefined, 'volunteer', 'staffYc'] as const) {
      expect(statusOf(await run(wishPage.loader, get(`/wishes/${draftId}`, who), { id: draftId }))).toBe(404);
    }
    expect(statusOf(await run(wishPage.loader, get(`/wishes/${draftId}`, 'staffLt'), { id: draftId }))).toBe(200);
    const id = published();
    const page = await run(wishPage.loader, get(`/wishes/${id}`), { id });
    expect(JSON.stringify(page)).not.toMatch(/马思远|2016-05-20|left_behind|马爷爷/);
    expect(page).toMatchObject({ wish: { alias: '小远' }, standing: { kind: 'visitor' } });
  });

  it('sends a visitor who presses claim to log in', async () => {
    const id = published();
    const res = (await run(wishPage.action, post(`/wishes/${id}`, { intent: 'claim' }), { id })) as Response;
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toMatch(/^\/login\?redirectTo=/);
  });

  it('refuses an unapproved helper (403) and gives the wish to the first approved one; the second hears "already claimed"', async () => {
    const id = published();
    expect(statusOf(await run(wishPage.action, post(`/wishes/${id}`, { intent: 'claim' }, 'pendingVolunteer'), { id }))).toBe(403);
    const first = (await run(wishPage.action, post(`/wishes/${id}`, { intent: 'claim' }, 'volunteer'), { id })) as Response;
    expect(first.status).toBe(302);
    expect(first.headers.get('location')).toBe(`/wishes/${id}?done=claim`);
    const second = await run(wishPage.action, post(`/wishes/${id}`, { intent: 'claim', orgId: world.orgs.orgA }, 'memberA'), { id });
    expect(statusOf(second)).toBe(409);
    expect(bodyOf(second)).toMatchObject({ ok: false, message: { key: 'claim.error.already_claimed' } });
  });

  it('lets only the claimant deliver or release (403 for a helper of another organization)', async () => {
    const id = published();
    await run(wishPage.action, post(`/wishes/${id}`, { intent: 'claim', orgId: world.orgs.orgA }, 'memberA'), { id });
    expect(claimRows(db, id)).toMatchObject([{ orgId: world.orgs.orgA }]);
    expect(statusOf(await run(wishPage.action, post(`/wishes/${id}`, { intent: 'release' }, 'memberB'), { id }))).toBe(403);
    expect(statusOf(await run(wishPage.action, post(`/wishes/${id}`, { intent: 'deliver' }, 'volunteer'), { id }))).toBe(403);
    // Delivering before approval is a state error the claimant can read.
    expect(statusOf(await run(wishPage.action, post(`/wishes/${id}`, { intent: 'deliver' }, 'memberA'), { id }))).toBe(409);
    expect(statusOf(await run(wishPage.action, post(`/wishes/${id}`, { intent: 'release' }, 'memberA'), { id }))).toBe(302);
    expect(wishStatus(db, id)).toBe('published');
  });
});

describe('/wishes basket', () => {
  it('claims the open wishes and reports each taken one', async () => {
    const [a, b, taken] = [published(), published(), published()];
    claimWish(actorOf(db, world.users.volunteer), taken, undefined, Date.now());
    const res = await run(wishList.action, post('/wishes', { intent: 'basket', orgId: world.orgs.orgA, wishId: [a, taken, b] }, 'memberA'));
    expect(bodyOf(res)).toMatchObject({
      ok: true,
      outcomes: [
        { wishId: a, ok: true },
        // Named, so the page can say which wish it was even when it has left the list shown.
        { wishId: taken, title: wishTitle(taken), ok: false, message: 'claim.error.already_claimed' },
        { wishId: b, ok: true },
      ],
    });
    const forged = await run(wishList.action, post('/wishes', { intent: 'basket', orgId: world.orgs.orgA, wishId: 'nosuchwish0000000000' }, 'memberA'));
    expect(bodyOf(forged)).toMatchObject({ outcomes: [{ wishId: 'nosuchwish0000000000', title: null, ok: false, message: 'claim.error.not_open' }] });
  });

  it('says what is wrong with an empty or overfull basket, and claims nothing', async () => {
    const before = db.$client.prepare('select count(*) n from claims').get() as { n: number };
    const empty = await run(wishList.action, post('/wishes', { intent: 'basket', orgId: world.orgs.orgA }, 'memberA'));
    expect(statusOf(empty)).toBe(400);
    expect(bodyOf(empty)).toMatchObject({ message: { key: 'basket.none_picked' } });
    const many = Array.from({ length: 31 }, () => published());
    const full = await run(wishList.action, post('/wishes', { intent: 'basket', orgId: world.orgs.orgA, wishId: many }, 'memberA'));
    expect(bodyOf(full)).toMatchObject({ message: { key: 'basket.too_many', params: { max: 30 } } });
    expect(db.$client.prepare('select count(*) n from claims').get()).toEqual(before);
  });

  it('reads filters from the query string and ignores nonsense', async () => {
    const page = (await run(wishList.loader, get('/wishes?category=toys&age=banana&show=nonsense&after=zzz&before=%27'))) as { filters: Record<string, string>; wishes: unknown[] };
    expect(page.filters).toMatchObject({ category: 'toys', age: '', show: 'open' });
    const all = (await run(wishList.loader, get('/wishes?show=all'))) as { filters: Record<string, string> };
    expect(all.filters).toMatchObject({ show: 'all' });
    expect(Array.isArray(page.wishes)).toBe(true);
    const member = (await run(wishList.loader, get('/wishes', 'memberA'))) as { basketOrgs: { id: string }[] };
    expect(member.basketOrgs.map((o) => o.id)).toEqual([world.orgs.orgA]);
  });
});

describe('staff pages', () => {
  it('are closed to visitors (login) and helpers (403)', async () => {
    const visitor = (await run(staffWishes.loader, get('/staff/wishes'))) as Response;
    expect(visitor.status).toBe(302);
    expect(statusOf(await run(staffWishes.loader, get('/staff/wishes', 'volunteer')))).toBe(403);
    expect(statusOf(await run(staffChildren.loader, get('/staff/children', 'memberA')))).toBe(403);
    expect(statusOf(await run(newWish.action, post('/staff/wishes/new', { childId: child, title: 'x', story: 'y', category: 'books', value: '10' }, 'volunteer')))).toBe(403);
  });

  it('hide a child and its claims from staff of another county (404), and audit every read', async () => {
    const page = await run(staffChild.loader, get(`/staff/children/${child}`, 'staffYc'), { id: child });
    expect(statusOf(page)).toBe(404);
    const before = db.$client.prepare("select count(*) n from audit_events where action = 'child.read' and entity_id = ?").get(child) as { n: number };
    const own = await run(staffChild.loader, get(`/staff/children/${child}`, 'staffGc'), { id: child });
    expect(own).toMatchObject({ child: { realName: '马思远' } });
    const after = db.$client.prepare("select count(*) n from audit_events where action = 'child.read' and entity_id = ?").get(child) as { n: number };
    expect(after.n).toBe(before.n + 1);

    const id = published();
    const claimed = claimWish(actorOf(db, world.users.volunteer), id, undefined, Date.now());
    const claimId = claimed.ok ? claimed.value.claimId : '';
    expect(statusOf(await run(staffClaim.loader, get(`/staff/claims/${claimId}`, 'staffYc'), { id: claimId }))).toBe(404);
    expect(statusOf(await run(staffClaim.action, post(`/staff/claims/${claimId}`, { intent: 'approve' }, 'staffYc'), { id: claimId }))).toBe(404);
    expect(statusOf(await run(staffWish.loader, get(`/staff/wishes/${id}`, 'staffYc'), { id }))).toBe(404);
    const approved = (await run(staffClaim.action, post(`/staff/claims/${claimId}`, { intent: 'approve' }, 'staffLt'), { id: claimId })) as Response;
    expect(approved.headers.get('location')).toBe(`/staff/claims/${claimId}?done=approve`);
  });

  it('write a wish and refuse to submit it while the privacy check finds something, naming each finding', async () => {
    const created = (await run(
      newWish.action,
      post('/staff/wishes/new', { childId: child, title: '思远的心愿', story: '想要一个篮球。', category: 'sports', value: '89.9', deadline: '' }, 'staffGc'),
    )) as Response;
    expect(created.status).toBe(302);
    const id = created.headers.get('location')!.match(/\/staff\/wishes\/([a-z0-9]+)\?done=create/)![1];
    const refused = await run(staffWish.action, post(`/staff/wishes/${id}`, { intent: 'submit' }, 'staffGc'), { id });
    expect(statusOf(refused)).toBe(400);
    expect(bodyOf(refused)).toMatchObject({ ok: false, message: { key: 'privacy.refused' }, findings: [{ kind: 'given_name', match: '思远' }] });
    const fixed = (await run(
      staffWish.action,
      post(`/staff/wishes/${id}`, { intent: 'submit', title: '小远的心愿', story: '想要一个篮球。', category: 'sports', value: '89.9', deadline: '' }, 'staffGc'),
      { id },
    )) as Response;
    expect(fixed.status).toBe(302);
    expect(wishStatus(db, id)).toBe('in_review');
    const own = await run(staffWish.action, post(`/staff/wishes/${id}`, { intent: 'publish' }, 'staffGc'), { id });
    expect(statusOf(own)).toBe(403);
    expect(statusOf(await run(staffWish.action, post(`/staff/wishes/${id}`, { intent: 'publish' }, 'staffLt'), { id }))).toBe(302);
    expect(wishStatus(db, id)).toBe('published');
  });

  it('say that a refused "save and submit" saved the edits as a draft, and read the page again after every post', async () => {
    const created = createWish(actorOf(db, world.users.staffGc), { childId: child, title: '篮球', story: '想要一个篮球。', category: 'sports', value: 5000 }, Date.now());
    const id = created.ok ? created.value.id : '';
    const fields = { title: '篮球', story: '马思远想要一个篮球。', category: 'sports', value: '50', deadline: '' };
    const refused = await run(staffWish.action, post(`/staff/wishes/${id}`, { intent: 'submit', ...fields }, 'staffGc'), { id });
    expect(statusOf(refused)).toBe(400);
    expect(bodyOf(refused)).toMatchObject({ ok: false, message: { key: 'privacy.saved_not_submitted' }, findings: [{ kind: 'real_name', match: '马思远' }] });
    expect(wishStatus(db, id)).toBe('draft');
    for (const locale of ['zh-CN', 'en'] as const) {
      for (const key of ['privacy.saved_not_submitted', 'wish.error.return_reason_required', 'wish.error.return_reason_too_long']) {
        expect(translator(locale)(key), `${locale} ${key}`).not.toBe(key);
      }
    }
    expect(translator('zh-CN')('privacy.saved_not_submitted')).toMatch(/已保存为草稿.*没有提交审核/);
    // The page read after the refused post has the saved text, its edit in the history and its findings.
    const page = (await run(staffWish.loader, get(`/staff/wishes/${id}`, 'staffGc'), { id })) as {
      wish: { story: string };
      findings: unknown[];
      timeline: { action: string }[];
    };
    expect(page.wish.story).toBe('马思远想要一个篮球。');
    expect(page.timeline.map((e) => e.action)).toEqual(['create', 'edit']);
    expect(page.findings).toHaveLength(1);
    expect(staffWish.shouldRevalidate({ formMethod: 'POST', defaultShouldRevalidate: false } as never)).toBe(true);
    // Fixed and saved: a redirect, and no finding left on the page.
    const saved = (await run(staffWish.action, post(`/staff/wishes/${id}`, { intent: 'save', ...fields, story: '小远想要一个篮球。' }, 'staffGc'), { id })) as Response;
    expect(saved.headers.get('location')).toBe(`/staff/wishes/${id}?done=save`);
    expect(await run(staffWish.loader, get(`/staff/wishes/${id}?done=save`, 'staffGc'), { id })).toMatchObject({ findings: [], done: 'save' });
  });

  it('send a wish back only with a reason, which the author sees on the staff page and the public never sees', async () => {
    const created = createWish(actorOf(db, world.users.staffGc), { childId: child, title: '跳绳', story: '小远想要一根跳绳。', category: 'sports', value: 2000 }, Date.now());
    const id = created.ok ? created.value.id : '';
    expect(statusOf(await run(staffWish.action, post(`/staff/wishes/${id}`, { intent: 'submit' }, 'staffGc'), { id }))).toBe(302);

    const missing = await run(staffWish.action, post(`/staff/wishes/${id}`, { intent: 'return_to_draft', reason: '  ' }, 'staffLt'), { id });
    expect(statusOf(missing)).toBe(400);
    expect(bodyOf(missing)).toMatchObject({ fieldErrors: { reason: ['wish.error.return_reason_required'] } });
    const long = await run(staffWish.action, post(`/staff/wishes/${id}`, { intent: 'return_to_draft', reason: '长'.repeat(501) }, 'staffLt'), { id });
    expect(bodyOf(long)).toMatchObject({ fieldErrors: { reason: ['wish.error.return_reason_too_long'] } });
    expect(wishStatus(db, id)).toBe('in_review');

    const reason = '请写明跳绳的长度,孩子身高约 1.3 米。';
    const sent = (await run(staffWish.action, post(`/staff/wishes/${id}`, { intent: 'return_to_draft', reason }, 'staffLt'), { id })) as Response;
    expect(sent.headers.get('location')).toBe(`/staff/wishes/${id}?done=return_to_draft`);
    expect(wishStatus(db, id)).toBe('draft');

    const authorPage = await run(staffWish.loader, get(`/staff/wishes/${id}`, 'staffGc'), { id });
    expect(authorPage).toMatchObject({ returned: { reason }, allowed: { edit: true } });
    expect((authorPage as { timeline: { action: string; note: string | null }[] }).timeline).toContainEqual(
      expect.objectContaining({ action: 'return_to_draft', note: reason }),
    );
    // The public page (for staff too, who may open it) never carries it.
    expect(JSON.stringify(await run(wishPage.loader, get(`/wishes/${id}`, 'staffLt'), { id }))).not.toContain('跳绳的长度');
    expect(statusOf(await run(staffWish.action, post(`/staff/wishes/${id}`, { intent: 'submit' }, 'staffGc'), { id }))).toBe(302);
    expect(statusOf(await run(staffWish.action, post(`/staff/wishes/${id}`, { intent: 'publish' }, 'staffLt'), { id }))).toBe(302);
    for (const who of [undefined, 'volunteer', 'staffLt'] as const) {
      expect(JSON.stringify(await run(wishPage.loader, get(`/wishes/${id}`, who), { id }))).not.toContain('跳绳的长度');
    }
  });

  it('validate the value in yuan against the cap, field by field', async () => {
    const res = await run(newWish.action, post('/staff/wishes/new', { childId: child, title: '书包', story: '想要书包。', category: 'stationery', value: '250', deadline: '2020-01-01' }, 'staffGc'));
    expect(statusOf(res)).toBe(400);
    expect(bodyOf(res)).toMatchObject({ fieldErrors: { value: ['wish.error.value_over_cap'], deadline: ['form.date_past'] } });
    const bad = await run(newWish.action, post('/staff/wishes/new', { childId: child, title: '书包', story: '想要书包。', category: 'stationery', value: '12.345' }, 'staffGc'));
    expect(bodyOf(bad)).toMatchObject({ fieldErrors: { value: ['form.money_invalid'] } });
  });
});
