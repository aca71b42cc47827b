import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { useTestDatabase } from '../helpers/db';
import { actorOf, addChild, buildWorld, publishedWish, wishStatus, type World } from '../helpers/wish-fixtures';
import { childPrivacyFacts } from '../../app/server/child-facts.server';
import { createChild } from '../../app/services/children.server';
import { claimWish, staffClaimStep } from '../../app/services/claims.server';
import { createWish, moveWish } from '../../app/services/wishes.server';
import { wishForStaff } from '../../app/services/wish-pages.server';
import type { NewWishInput } from '../../app/forms/wish';
import { schema } from '../../db/client';

// Every place that runs the privacy check passes the child's birth date and the other spellings of
// the name: submitting and publishing a wish, a child's alias, and the texts mailed to a helper.

const { db } = useTestDatabase('privacy-facts');
const NOW = Date.UTC(2025, 5, 1, 2); // 2025-06-01 10:00 in Shanghai
let world: World;
let child: string;

beforeAll(() => {
  world = buildWorld(db, NOW);
  child = addChild(db, { siteId: world.sites.gch, realName: '刘晓东', alias: '小树', birthDate: '2015-04-03' }, NOW);
});

const actor = (key: keyof World['users']) => actorOf(db, world.users[key]);
const draft = (story: string): NewWishInput => ({
  childId: child,
  title: '想要一双运动鞋',
  story,
  category: 'clothing',
  value: 15000,
  deadline: undefined,
});
const findingsOf = (r: { ok: boolean; error?: unknown }) =>
  !r.ok && (r.error as { kind: string }).kind === 'privacy' ? (r.error as { findings: { kind: string; match: string }[] }).findings : [];

describe('childPrivacyFacts', () => {
  it('spells the name in pinyin, with and without tone marks and spaces, and in traditional characters', () => {
    const facts = childPrivacyFacts({ realName: '刘晓东', birthDate: '2015-04-03' });
    expect(facts).toMatchObject({ realName: '刘晓东', birthDate: '2015-04-03' });
    expect(facts.realNameVariants).toEqual(
      expect.arrayContaining(['劉曉東', 'liú xiǎo dōng', 'liúxiǎodōng', 'liu xiao dong', 'liuxiaodong', 'xiao dong liu']),
    );
    expect(facts.givenNameVariants).toEqual(expect.arrayContaining(['曉東', 'xiǎo dōng', 'xiaodong']));
    expect(facts.realNameVariants).not.toContain('刘晓东');
  });

  it('reads a surname as a surname and writes ü also as v', () => {
    expect(childPrivacyFacts({ realName: '单雪' }).realNameVariants).toEqual(expect.arrayContaining(['shan xue', '單雪']));
    expect(childPrivacyFacts({ realName: '吕乐' }).realNameVariants).toEqual(expect.arrayContaining(['lǚ lè', 'lv le', 'lü le']));
  });

  it('does not look for a one-character given name in pinyin, an ordinary syllable', () => {
    expect(childPrivacyFacts({ realName: '吕乐' }).givenNameVariants).toEqual(['樂']);
    expect(childPrivacyFacts({ realName: '李磊' }).givenNameVariants).toEqual([]);
  });

  it('leaves out a birth date it does not have', () => {
    expect(childPrivacyFacts({ realName: '李磊', birthDate: null })).not.toHaveProperty('birthDate');
  });
});

describe('every privacy check knows the birth date and the other spellings', () => {
  it('refuses to submit a wish with the birth date, the pinyin name or the traditional name', () => {
    const cases: [string, { kind: string; match: string }][] = [
      ['他的生日是2015年4月3日,想要一双新鞋。', { kind: 'birth_date', match: '2015年4月3日' }],
      ['Liu Xiaodong loves running.', { kind: 'real_name', match: 'Liu Xiaodong' }],
      ['劉曉東喜欢跑步。', { kind: 'real_name', match: '劉曉東' }],
      ['曉東喜欢跑步。', { kind: 'given_name', match: '曉東' }],
    ];
    for (const [story, finding] of cases) {
      const created = createWish(actor('staffLt'), draft(story), NOW);
      const id = created.ok ? created.value.id : '';
      expect(findingsOf(moveWish(actor('staffLt'), id, 'submit', NOW)), story).toEqual([finding]);
      expect(wishStatus(db, id)).toBe('draft');
      // The staff page shows the same finding before anyone presses submit.
      const page = wishForStaff(actor('staffLt'), id);
      expect(page.ok && page.value.findings).toEqual([finding]);
    }
  });

  it('refuses to publish a wish whose text leaks the birth date', () => {
    const created = createWish(actor('staffLt'), draft('喜欢跑步,想要一双新鞋。'), NOW);
    const id = created.ok ? created.value.id : '';
    expect(moveWish(actor('staffLt'), id, 'submit', NOW).ok).toBe(true);
    db.update(schema.wishes).set({ story: '20150403出生,喜欢跑步。' }).where(eq(schema.wishes.id, id)).run();
    expect(findingsOf(moveWish(actor('staffLt2'), id, 'publish', NOW))).toEqual([{ kind: 'birth_date', match: '20150403' }]);
    expect(wishStatus(db, id)).toBe('in_review');
  });

  it('refuses a mailed reason or thank-you that carries the birth date or the pinyin name', () => {
    const id = publishedWish(db, { childId: child, author: world.users.staffGc, reviewer: world.users.staffLt }, NOW);
    const claimed = claimWish(actor('volunteer'), id, undefined, NOW);
    const claimId = claimed.ok ? claimed.value.claimId : '';
    expect(findingsOf(staffClaimStep(actor('staffLt'), claimId, 'reject', { reason: '四月三日是他的生日,已经有人送了' }, NOW))).toEqual([
      { kind: 'birth_date', match: '四月三日' },
    ]);
    expect(findingsOf(staffClaimStep(actor('staffLt'), claimId, 'reject', { reason: 'xiaodong already has one' }, NOW))).toEqual([
      { kind: 'given_name', match: 'xiaodong' },
    ]);
    expect(staffClaimStep(actor('staffLt'), claimId, 'reject', { reason: '孩子已经收到同样的礼物' }, NOW).ok).toBe(true);
  });

  it('refuses an alias in pinyin or in traditional characters', () => {
    const input = (alias: string) => ({
      realName: '杨小满',
      birthDate: '2017-03-02',
      gender: 'female' as const,
      category: 'left_behind' as const,
      guardian: '外婆',
      notes: '',
      alias,
      siteId: world.sites.gch,
    });
    expect(findingsOf(createChild(actor('staffLt'), input('Xiaoman'), NOW))).toEqual([{ kind: 'given_name', match: 'Xiaoman' }]);
    expect(findingsOf(createChild(actor('staffLt'), input('楊小滿'), NOW))).toEqual([{ kind: 'real_name', match: '楊小滿' }]);
    expect(createChild(actor('staffLt'), input('小禾'), NOW).ok).toBe(true);
  });
});

describe('an exact age', () => {
  it('is a reminder on the staff page, not a refusal, while the wish is written, reviewed and published', () => {
    const created = createWish(actor('staffLt'), draft('小树今年9岁,喜欢跑步,想要一双新鞋。'), NOW);
    const id = created.ok ? created.value.id : '';
    const reminder = [{ kind: 'exact_age', match: '9岁' }];
    const page = () => wishForStaff(actor('staffLt'), id);
    expect(page()).toMatchObject({ ok: true, value: { findings: [], warnings: reminder } });
    expect(moveWish(actor('staffLt'), id, 'submit', NOW).ok).toBe(true);
    expect(page()).toMatchObject({ ok: true, value: { warnings: reminder } });
    expect(moveWish(actor('staffLt2'), id, 'publish', NOW).ok).toBe(true);
    expect(page()).toMatchObject({ ok: true, value: { warnings: reminder } });
  });

  it('is not reported for an age range of an item', () => {
    const created = createWish(actor('staffLt'), draft('想要一套适合6岁以上孩子的积木。'), NOW);
    const id = created.ok ? created.value.id : '';
    expect(wishForStaff(actor('staffLt'), id)).toMatchObject({ ok: true, value: { warnings: [] } });
  });
});
