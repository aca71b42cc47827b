import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../helpers/db';
import {
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
import { claimWish, staffClaimStep, helperClaimStep } from '../../app/services/claims.server';
import { createWish, moveWish, publicCountyOf, saveWishDraft, updateWish } from '../../app/services/wishes.server';
import { decodeCursor, encodeCursor, publicWishBrowse, publicWishPage, staffWishList, wishForStaff } from '../../app/services/wish-pages.server';
import type { NewWishInput, WishFilterInput } from '../../app/forms/wish';
import { wishQueues } from '../../app/services/wish-queues.server';
import { schema } from '../../db/client';
import { eq } from 'drizzle-orm';

const { db } = useTestDatabase('wishes');
const NOW = Date.UTC(2025, 5, 1, 2); // 2025-06-01 10:00 in Shanghai
let world: World;
let child: string;

beforeAll(() => {
  world = buildWorld(db, NOW);
  child = addChild(db, { siteId: world.sites.gch, realName: '马思远', alias: '小远', birthDate: '2016-06-02' }, NOW);
});

const draft = (over: Partial<NewWishInput> = {}): NewWishInput => ({
  childId: child,
  title: '想要一双运动鞋',
  story: '小远喜欢跑步,旧鞋已经磨破了,想要一双新的运动鞋参加秋季运动会。',
  category: 'clothing',
  value: 15000,
  deadline: undefined,
  ...over,
});
const staffLt = () => actorOf(db, world.users.staffLt);
const staffLt2 = () => actorOf(db, world.users.staffLt2);

describe('writing a wish', () => {
  it('saves a draft with the public face computed: alias, age band at writing time, county', () => {
    const created = createWish(staffLt(), draft(), NOW);
    expect(created.ok).toBe(true);
    const id = created.ok ? created.value.id : '';
    const row = db.select().from(schema.wishes).where(eq(schema.wishes.id, id)).get()!;
    // Born 2016-06-02: still 8 on 2025-06-01.
    expect(row).toMatchObject({ status: 'draft', ageBand: '6-8', countySiteId: world.sites.lt, siteId: world.sites.gch, authorId: world.users.staffLt });
    expect(auditOf(db, 'wish', id).map((e) => [e.action, e.toStatus])).toEqual([['create', 'draft']]);
    // A day later the draft is edited: the age band follows the birthday while it is still being written.
    const saved = saveWishDraft(staffLt(), id, { ...draft(), title: '想要一双跑鞋' }, NOW + 24 * 3600_000);
    expect(saved.ok).toBe(true);
    expect(db.select().from(schema.wishes).where(eq(schema.wishes.id, id)).get()!.ageBand).toBe('9-11');
  });

  it('shows a wish of a site directly under the city under the city itself', () => {
    expect(publicCountyOf(world.sites.wzi)).toBe(world.sites.wz);
    expect(publicCountyOf(world.sites.lt)).toBe(world.sites.lt);
    expect(publicCountyOf(world.sites.gch)).toBe(world.sites.lt);
    const cityChild = addChild(db, { siteId: world.sites.wzi, realName: '周安然', alias: '安安' }, NOW);
    const created = createWish(actorOf(db, world.users.admin), draft({ childId: cityChild }), NOW);
    expect(created.ok).toBe(true);
  });

  it('caps the value at the site’s limit and refuses a deadline in the past', () => {
    // 高闸镇儿童之家 caps wishes at ¥200.
    expect(createWish(staffLt(), draft({ value: 20001 }), NOW)).toMatchObject({
      ok: false,
      error: { kind: 'validation', fields: { value: ['wish.error.value_over_cap'] } },
    });
    expect(createWish(staffLt(), draft({ value: 20000 }), NOW).ok).toBe(true);
    expect(createWish(staffLt(), draft({ deadline: '2025-05-31' }), NOW)).toMatchObject({
      ok: false,
      error: { kind: 'validation', fields: { deadline: ['form.date_past'] } },
    });
    // The deadline lasts the whole Shanghai day.
    expect(createWish(staffLt(), draft({ deadline: '2025-06-01' }), NOW).ok).toBe(true);
  });

  it('cannot be written by staff of another county for a child they cannot see', () => {
    expect(createWish(actorOf(db, world.users.staffYc), draft(), NOW)).toMatchObject({
      ok: false,
      error: { kind: 'validation', fields: { childId: ['form.choose_one'] } },
    });
  });
});

describe('privacy check and review', () => {
  it('refuses to submit a draft whose public text names the child, naming each finding', () => {
    const created = createWish(
      staffLt(),
      draft({ title: '思远想要一个书包', story: '马思远在红星小学读三年级,家住幸福路18号,联系电话13812345678。' }),
      NOW,
    );
    const id = created.ok ? created.value.id : '';
    const refused = moveWish(staffLt(), id, 'submit', NOW);
    expect(refused.ok).toBe(false);
    const kinds = !refused.ok && refused.error.kind === 'privacy' ? refused.error.findings.map((f) => f.kind).sort() : [];
    expect(kinds).toEqual(['address', 'given_name', 'phone', 'real_name', 'school']);
    expect(wishStatus(db, id)).toBe('draft');
    // The staff page lists the same findings before anyone presses submit.
    const page = wishForStaff(staffLt(), id);
    expect(page.ok && page.value.findings.length).toBe(5);

    // Fixed text passes; submit from the edit form saves and submits in one step.
    const fixed = updateWish(staffLt(), id, 'submit', { ...draft(), title: '小远想要一个书包' }, NOW);
    expect(fixed).toMatchObject({ ok: true, value: { to: 'in_review' } });
  });

  it('needs a second staff member to publish; the author may pull it back', () => {
    const created = createWish(staffLt(), draft(), NOW);
    const id = created.ok ? created.value.id : '';
    expect(moveWish(staffLt(), id, 'submit', NOW).ok).toBe(true);
    expect(saveWishDraft(staffLt(), id, draft(), NOW)).toMatchObject({ ok: false, error: { kind: 'bad_transition' } });
    expect(moveWish(staffLt(), id, 'publish', NOW)).toMatchObject({ ok: false, error: { kind: 'forbidden', message: { key: 'wish.error.own_wish' } } });
    expect(moveWish(actorOf(db, world.users.staffYc), id, 'publish', NOW)).toMatchObject({ ok: false, error: { kind: 'not_found' } });
    expect(moveWish(staffLt(), id, 'return_to_draft', NOW).ok).toBe(true);
    expect(moveWish(staffLt(), id, 'submit', NOW).ok).toBe(true);
    expect(moveWish(staffLt2(), id, 'publish', NOW + 5)).toMatchObject({ ok: true, value: { to: 'published' } });
    const row = db.select().from(schema.wishes).where(eq(schema.wishes.id, id)).get()!;
    expect(row).toMatchObject({ status: 'published', reviewerId: world.users.staffLt2, publishedAt: NOW + 5 });
    expect(auditOf(db, 'wish', id).map((e) => e.action)).toEqual(['create', 'submit', 'return_to_draft', 'submit', 'publish']);
    // A second publish loses the compare-and-set / table check.
    expect(moveWish(actorOf(db, world.users.admin), id, 'publish', NOW)).toMatchObject({ ok: false, error: { kind: 'bad_transition' } });
  });

  it('sends a wish back only with a reason, kept as the audit note and shown to the author on the staff page only', () => {
    const created = createWish(staffLt(), draft(), NOW);
    const id = created.ok ? created.value.id : '';
    expect(moveWish(staffLt(), id, 'submit', NOW).ok).toBe(true);
    // The reviewer must say why.
    expect(moveWish(staffLt2(), id, 'return_to_draft', NOW)).toMatchObject({
      ok: false,
      error: { kind: 'validation', fields: { reason: ['wish.error.return_reason_required'] } },
    });
    expect(updateWish(staffLt2(), id, 'return_to_draft', undefined, NOW, { reason: '   ' })).toMatchObject({ ok: false, error: { kind: 'validation' } });
    expect(wishStatus(db, id)).toBe('in_review');

    const reason = '请写清楚鞋码,并把"秋季运动会"改成"学校运动会"。';
    expect(updateWish(staffLt2(), id, 'return_to_draft', undefined, NOW + 1, { reason: `  ${reason}\n` })).toMatchObject({ ok: true, value: { to: 'draft' } });
    expect(wishStatus(db, id)).toBe('draft');
    const sentBack = auditOf(db, 'wish', id).find((e) => e.action === 'return_to_draft')!;
    expect(sentBack).toMatchObject({ actorId: world.users.staffLt2, fromStatus: 'in_review', toStatus: 'draft', note: reason });

    // The author sees who sent it back and why, and the history says it too.
    const page = wishForStaff(staffLt(), id);
    expect(page.ok && page.value.returned).toMatchObject({ reason, at: NOW + 1 });
    expect(page.ok && page.value.timeline.find((e) => e.action === 'return_to_draft')).toMatchObject({ note: reason });

    // Never on the public page, not even for staff who open it.
    for (const who of [null, staffLt()]) expect(JSON.stringify(publicWishPage(who, id, NOW + 2))).not.toContain('鞋码');

    // The author's dashboard lists it as sent back to them, naming the reviewer; nobody else's does.
    const returnedTo = (who: ReturnType<typeof staffLt>) => wishQueues(who, NOW + 2).returned;
    expect(returnedTo(staffLt()).find((w) => w.id === id)).toMatchObject({ url: `/staff/wishes/${id}`, at: NOW + 1, who: expect.any(String) });
    expect(returnedTo(staffLt2()).map((w) => w.id)).not.toContain(id);

    // Once resubmitted the notice goes; after publishing the public history still has no trace of it.
    expect(moveWish(staffLt(), id, 'submit', NOW + 3).ok).toBe(true);
    const inReview = wishForStaff(staffLt(), id);
    expect(inReview.ok && inReview.value.returned).toBeNull();
    expect(returnedTo(staffLt()).map((w) => w.id)).not.toContain(id);
    expect(moveWish(staffLt2(), id, 'publish', NOW + 4).ok).toBe(true);
    const publicPage = publicWishPage(null, id, NOW + 5);
    expect(JSON.stringify(publicPage)).not.toContain('鞋码');
    expect(publicPage.ok && publicPage.value.timeline.map((e) => e.action)).toEqual(['publish']);
  });

  it('lets the author take their own wish back without a reason (no notice then)', () => {
    const created = createWish(staffLt(), draft(), NOW);
    const id = created.ok ? created.value.id : '';
    expect(moveWish(staffLt(), id, 'submit', NOW).ok).toBe(true);
    expect(moveWish(staffLt(), id, 'return_to_draft', NOW).ok).toBe(true);
    expect(auditOf(db, 'wish', id).find((e) => e.action === 'return_to_draft')).toMatchObject({ note: null });
    const page = wishForStaff(staffLt(), id);
    expect(page.ok && page.value.returned).toBeNull();
  });

  it('keeps the edits of a refused "save and submit" as the draft, and says the draft was saved', () => {
    const created = createWish(staffLt(), draft(), NOW);
    const id = created.ok ? created.value.id : '';
    const refused = updateWish(staffLt(), id, 'submit', { ...draft(), story: '马思远想要一双新的运动鞋。' }, NOW + 1);
    expect(refused).toMatchObject({ ok: false, draftSaved: true, error: { kind: 'privacy', findings: [{ kind: 'real_name', match: '马思远' }] } });
    expect(wishStatus(db, id)).toBe('draft');
    const page = wishForStaff(staffLt(), id);
    expect(page.ok && page.value.wish.story).toBe('马思远想要一双新的运动鞋。');
    expect(page.ok && page.value.timeline.map((e) => e.action)).toEqual(['create', 'edit']);
    // Pressing it again with the same text writes nothing new: no second "edited" line.
    expect(updateWish(staffLt(), id, 'submit', { ...draft(), story: '马思远想要一双新的运动鞋。' }, NOW + 2)).toMatchObject({ ok: false, draftSaved: true });
    expect(auditOf(db, 'wish', id).map((e) => e.action)).toEqual(['create', 'edit']);
    // Without a draft in the post nothing was saved.
    expect(updateWish(staffLt(), id, 'submit', undefined, NOW + 2)).toMatchObject({ ok: false, draftSaved: false, error: { kind: 'privacy' } });
    // Fixed and saved: the findings are gone.
    expect(updateWish(staffLt(), id, 'save', { ...draft(), story: '小远想要一双新的运动鞋。' }, NOW + 3).ok).toBe(true);
    const fixed = wishForStaff(staffLt(), id);
    expect(fixed.ok && fixed.value.findings).toEqual([]);
  });

  it('checks again at publishing time: a record corrected in between still blocks a leaky text', () => {
    const other = addChild(db, { siteId: world.sites.gch, realName: '李明', alias: '小树' }, NOW);
    const created = createWish(staffLt(), draft({ childId: other, title: '想要一本字典', story: '小树想要一本新华字典,和同桌陈雨一起查字。' }), NOW);
    const id = created.ok ? created.value.id : '';
    expect(moveWish(staffLt(), id, 'submit', NOW).ok).toBe(true);
    // Staff find the record had a wrong name: the child is 陈雨.
    db.update(schema.children).set({ realName: '陈雨' }).where(eq(schema.children.id, other)).run();
    const refused = moveWish(staffLt2(), id, 'publish', NOW);
    expect(refused).toMatchObject({ ok: false, error: { kind: 'privacy' } });
    expect(wishStatus(db, id)).toBe('in_review');
  });
});

describe('the public face', () => {
  it('hides drafts, reviews and withdrawn wishes from everyone but staff of the subtree', () => {
    const created = createWish(staffLt(), draft(), NOW);
    const id = created.ok ? created.value.id : '';
    const visitors = [null, actorOf(db, world.users.volunteer), actorOf(db, world.users.memberA), actorOf(db, world.users.staffYc)];
    for (const who of visitors) expect(publicWishPage(who, id, NOW)).toMatchObject({ ok: false, error: { kind: 'not_found' } });
    expect(publicWishPage(staffLt(), id, NOW).ok).toBe(true);
    moveWish(staffLt(), id, 'withdraw', NOW);
    for (const who of visitors) expect(publicWishPage(who, id, NOW)).toMatchObject({ ok: false, error: { kind: 'not_found' } });
  });

  it('serves only the public fields, never the child’s record', () => {
    const id = publishedWish(db, { childId: child, author: world.users.staffLt, reviewer: world.users.staffLt2 }, NOW);
    const page = publicWishPage(null, id, NOW);
    const text = JSON.stringify(page);
    for (const secret of ['马思远', '2016-06-02', 'left_behind', '马爷爷', '父母在外务工', world.sites.gch, '高闸镇儿童之家', '幸福路']) {
      expect(text).not.toContain(secret);
    }
    expect(page.ok && page.value.wish).toMatchObject({ alias: '小远', ageBand: '6-8', countyZh: '利通区', status: 'published' });
    const list = JSON.stringify(browse({ show: 'all' }, NOW));
    for (const secret of ['马思远', '2016-06-02', 'left_behind', '马爷爷', '高闸镇儿童之家']) expect(list).not.toContain(secret);
  });

  it('tells a visitor to log in, an unvetted helper why not, and a vetted one offers their organizations', () => {
    const id = publishedWish(db, { childId: child, author: world.users.staffLt, reviewer: world.users.staffLt2 }, NOW);
    expect(publicWishPage(null, id, NOW)).toMatchObject({ ok: true, value: { standing: { kind: 'visitor' } } });
    expect(publicWishPage(actorOf(db, world.users.pendingVolunteer), id, NOW)).toMatchObject({
      ok: true,
      value: { standing: { kind: 'not_approved', reasons: ['claim.why.volunteer_pending'] } },
    });
    expect(publicWishPage(actorOf(db, world.users.memberP), id, NOW)).toMatchObject({
      ok: true,
      value: { standing: { kind: 'not_approved', reasons: ['claim.why.org_pending'] } },
    });
    expect(publicWishPage(actorOf(db, world.users.memberA), id, NOW)).toMatchObject({
      ok: true,
      value: { standing: { kind: 'can_claim', personal: false, orgs: [{ id: world.orgs.orgA, name: '爱心社工服务中心' }] } },
    });
  });
});

const browse = (filters: Partial<WishFilterInput>, now: number, picked: string[] = []) =>
  publicWishBrowse(null, { county: '', category: '', age: '', show: 'open', switch: '', after: '', before: '', ...filters }, picked, now);

describe('browsing /wishes', () => {
  it('filters by county, category, age band and open-only, and pages by keyset without gaps or repeats', () => {
    // A fresh county of its own so the counts are exact.
    const w2 = buildWorld(db, NOW);
    const kid = addChild(db, { siteId: w2.sites.ych, realName: '白雪', alias: '雪儿', birthDate: '2019-01-01' }, NOW);
    const ids: string[] = [];
    for (let i = 0; i < 27; i++) {
      ids.push(publishedWish(db, { childId: kid, author: w2.users.staffYc, reviewer: w2.users.admin, title: `心愿 ${i}`, value: 1000 + i }, NOW + i));
    }
    // One claimed, so open-only drops it.
    expect(claimWish(actorOf(db, w2.users.volunteer), ids[3], undefined, NOW + 100).ok).toBe(true);
    const county = db.select({ code: schema.sites.code }).from(schema.sites).where(eq(schema.sites.id, w2.sites.yc)).get()!.code;

    const seen: string[] = [];
    const positions: string[] = [];
    let after = '';
    let pages = 0;
    let last: ReturnType<typeof browse> | undefined;
    do {
      last = browse({ county, show: 'all', after }, NOW + 200);
      seen.push(...last.wishes.map((w) => w.id));
      positions.push(`${last.paging.page}/${last.paging.pages}/${last.paging.total}/${last.paging.range?.join('-')}`);
      after = last.paging.nextCursor ?? '';
      pages += 1;
    } while (after);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(27);
    expect(new Set(seen).size).toBe(27);
    expect(seen[0]).toBe(ids[26]); // newest first
    // Where each page stands, counted without OFFSET.
    expect(positions).toEqual(['1/3/27/1-12', '2/3/27/13-24', '3/3/27/25-27']);

    // And back again with `before`, without gaps or repeats; the first page has no "previous".
    const back: string[] = [];
    let before = last!.paging.prevCursor ?? '';
    const backPositions: number[] = [];
    while (before) {
      const page = browse({ county, show: 'all', before }, NOW + 200);
      back.unshift(...page.wishes.map((w) => w.id));
      backPositions.push(page.paging.page);
      before = page.paging.prevCursor ?? '';
    }
    expect(backPositions).toEqual([2, 1]);
    expect(back).toEqual(seen.slice(0, 24));

    // A cursor near the top (fewer than a page before it) goes back to a full first page.
    const nearTop = browse({ county, show: 'all', before: encodeCursor(NOW + 24, ids[24]) }, NOW + 200);
    expect(nearTop.wishes.map((w) => w.id)).toEqual(seen.slice(0, 12));
    expect(nearTop.paging).toMatchObject({ page: 1, isFirst: true, prevCursor: null });

    // By default only the open wishes: the claimed one is left out of the list and of the count.
    const open = browse({ county }, NOW + 200);
    expect(open.filters.show).toBe('open');
    expect(open.wishes.map((w) => w.id)).not.toContain(ids[3]);
    expect(open.paging).toMatchObject({ page: 1, pages: 3, total: 26 });
    expect(browse({ county, switch: 'all' }, NOW + 200).paging.total).toBe(27);
    expect(browse({ county, category: 'toys', show: 'all' }, NOW).wishes).toHaveLength(0);
    expect(browse({ county, category: 'stationery', age: '6-8', show: 'all' }, NOW + 200).wishes).toHaveLength(12);
    expect(browse({ county, category: '', age: '9-11', show: 'all' }, NOW).wishes).toHaveLength(0);
    expect(browse({}, NOW).counties.map((c) => c.code)).toContain(county);
  });

  it('files the wishes of a city-level home under the city, which the county filter offers and finds', () => {
    const w3 = buildWorld(db, NOW);
    const kid = addChild(db, { siteId: w3.sites.wzi, realName: '周安然', alias: '安安' }, NOW);
    const cityStaff = `u-city-${w3.sites.wz}`;
    db.insert(schema.users).values({ id: cityStaff, email: `${cityStaff}@example.org`, passwordHash: 'x', displayName: '市局刘老师', staffSiteId: w3.sites.wz, emailVerifiedAt: NOW, createdAt: NOW }).run();
    const id = publishedWish(db, { childId: kid, author: cityStaff, reviewer: w3.users.admin }, NOW);
    const code = (siteId: string) => db.select({ code: schema.sites.code }).from(schema.sites).where(eq(schema.sites.id, siteId)).get()!.code;
    const offered = browse({}, NOW).counties;
    expect(offered).toContainEqual({ code: code(w3.sites.wz), kind: 'city', nameZh: '吴忠市', nameEn: 'Wuzhong' });
    // Every county is offered, with or without wishes; cities after the counties.
    expect(offered.map((c) => c.code)).toEqual(expect.arrayContaining([code(w3.sites.lt), code(w3.sites.yc)]));
    const kinds = offered.map((c) => c.kind);
    expect(kinds.indexOf('city')).toBeGreaterThan(kinds.lastIndexOf('county'));
    const found = browse({ county: code(w3.sites.wz) }, NOW);
    expect(found.wishes.map((w) => [w.id, w.countyZh])).toEqual([[id, '吴忠市']]);
    expect(found.filters.county).toBe(code(w3.sites.wz));
  });

  it('round-trips its cursor and ignores a forged one', () => {
    expect(decodeCursor(encodeCursor(1748743200000, 'abc234'))).toEqual({ at: 1748743200000, id: 'abc234' });
    expect(decodeCursor("1' or 1=1 --")).toBeUndefined();
  });
});

describe('withdrawing', () => {
  it('ends a live claim as released, tells the helper by mail, and takes the wish off the public list', () => {
    const id = publishedWish(db, { childId: child, author: world.users.staffLt, reviewer: world.users.staffLt2 }, NOW);
    const claimed = claimWish(actorOf(db, world.users.volunteer), id, undefined, NOW);
    expect(claimed.ok).toBe(true);
    expect(staffClaimStep(staffLt2(), claimed.ok ? claimed.value.claimId : '', 'approve', {}, NOW).ok).toBe(true);

    expect(moveWish(staffLt(), id, 'withdraw', NOW + 10)).toMatchObject({ ok: true, value: { to: 'withdrawn' } });
    expect(wishStatus(db, id)).toBe('withdrawn');
    const [claim] = claimRows(db, id);
    expect(claim.status).toBe('released');
    const release = auditOf(db, 'claim', claim.id).find((e) => e.action === 'release')!;
    expect(release).toMatchObject({ note: 'wish_withdrawn', actorId: world.users.staffLt, fromStatus: 'approved' });
    const mail = outboxTo(db, emailOf(db, world.users.volunteer)).find((m) => m.template === 'claim.withdrawn')!;
    // The volunteer reads English.
    expect(mail.subject).toContain('was withdrawn');
    expect(mail.bodyText).not.toContain('马思远');
  });

  it('refuses once the gift is delivered', () => {
    const id = publishedWish(db, { childId: child, author: world.users.staffLt, reviewer: world.users.staffLt2 }, NOW);
    const claimed = claimWish(actorOf(db, world.users.volunteer), id, undefined, NOW);
    const claimId = claimed.ok ? claimed.value.claimId : '';
    staffClaimStep(staffLt2(), claimId, 'approve', {}, NOW);
    expect(helperClaimStep(actorOf(db, world.users.volunteer), id, 'deliver', NOW).ok).toBe(true);
    expect(moveWish(staffLt(), id, 'withdraw', NOW)).toMatchObject({ ok: false, error: { kind: 'bad_transition' } });
    const page = wishForStaff(staffLt(), id);
    expect(page.ok && page.value.allowed.withdraw).toBe(false);
  });
});

describe('staff lists', () => {
  it('scope wishes to the viewer’s subtree', () => {
    const lt = staffWishList(staffLt(), null);
    const yc = staffWishList(actorOf(db, world.users.staffYc), null);
    expect(lt.ok && lt.value.wishes.length).toBeGreaterThan(0);
    const ltIds = new Set(lt.ok ? lt.value.wishes.map((w) => w.id) : []);
    expect(yc.ok && yc.value.wishes.some((w) => ltIds.has(w.id))).toBe(false);
    expect(staffWishList(actorOf(db, world.users.volunteer), null)).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(wishForStaff(actorOf(db, world.users.staffYc), [...ltIds][0])).toMatchObject({ ok: false, error: { kind: 'not_found' } });
  });
});
