import { describe, it, expect } from 'vitest';
import type { Actor } from '../../app/domain/actor';
import {
  WISH_LIVE_STATUSES,
  WISH_RETURN_REASON_MAX,
  WISH_STATUSES,
  WISH_SYSTEM_TRANSITIONS,
  WISH_TRANSITIONS,
  WISH_STEP_RULES,
  ageBand,
  availableSteps,
  decideWishTransition,
  isWishTransition,
  type WishStatus,
  type WishTransition,
} from '../../app/domain/wish';

// A station under 利通区; staff of 利通区 work in its subtree, staff of 盐池县 do not.
const WISH_SITE = '/wz/lt/gc/';
const base = { admin: false, staff: null, volunteer: null, orgs: [] };
const admin: Actor = { ...base, userId: 'admin', admin: true };
const staffIn: Actor = { ...base, userId: 'staff-lt', staff: { siteId: 'lt', sitePath: '/wz/lt/' } };
const author: Actor = { ...base, userId: 'staff-author', staff: { siteId: 'gc', sitePath: '/wz/lt/gc/' } };
const staffOther: Actor = { ...base, userId: 'staff-yc', staff: { siteId: 'yc', sitePath: '/wz/yc/' } };
const volunteer: Actor = { ...base, userId: 'vol', volunteer: { status: 'approved', caringParent: true } };
const pendingVolunteer: Actor = { ...base, userId: 'vol-p', volunteer: { status: 'pending', caringParent: false } };
const orgManager: Actor = { ...base, userId: 'mgr', orgs: [{ orgId: 'org-a', role: 'manager', orgStatus: 'approved' }] };
const otherOrgMember: Actor = { ...base, userId: 'mem', orgs: [{ orgId: 'org-b', role: 'member', orgStatus: 'approved' }] };

const wishIn = (status: WishStatus) => ({ status, authorId: author.userId, sitePath: WISH_SITE });
const TRANSITIONS = Object.keys(WISH_TRANSITIONS) as WishTransition[];
/** What a reviewer types when sending a wish back; the matrices give it so they test the table and the actor. */
const REASON = { reason: '请把故事里的学校名称删掉。' };

/** Every step the lifecycle allows, by hand; everything else in the matrix is refused. */
const ALLOWED: Array<[WishStatus, WishTransition, WishStatus]> = [
  ['draft', 'submit', 'in_review'],
  ['in_review', 'publish', 'published'],
  ['in_review', 'return_to_draft', 'draft'],
  ['published', 'claim', 'claimed'],
  ['claimed', 'release', 'published'],
  ['claimed', 'deliver', 'delivered'],
  ['delivered', 'fulfil', 'fulfilled'],
  ['draft', 'withdraw', 'withdrawn'],
  ['in_review', 'withdraw', 'withdrawn'],
  ['published', 'withdraw', 'withdrawn'],
  ['claimed', 'withdraw', 'withdrawn'],
];


const matrix = WISH_STATUSES.flatMap((from) =>
  TRANSITIONS.map((transition) => {
    const allowed = ALLOWED.find(([f, t]) => f === from && t === transition);
    return { from, transition, expected: allowed ? allowed[2] : null };
  }),
);

describe('wish transition matrix (every status × every transition)', () => {
  it('covers 7 statuses × 8 transitions', () => {
    expect(matrix).toHaveLength(56);
  });

  it.each(matrix)('$from --$transition--> $expected', ({ from, transition, expected }) => {
    const result = decideWishTransition(wishIn(from), transition, REASON);
    if (expected) {
      expect(result).toEqual({ ok: true, value: { to: expected } });
    } else {
      expect(result).toEqual({
        ok: false,
        error: {
          kind: 'bad_transition',
          from,
          to: WISH_TRANSITIONS[transition].to,
          message: { key: 'error.bad_transition', params: { from, transition } },
        },
      });
    }
  });

  it('never lets a delivered, fulfilled or withdrawn wish be withdrawn', () => {
    for (const from of ['delivered', 'fulfilled', 'withdrawn'] as const) {
      expect(decideWishTransition(wishIn(from), 'withdraw').ok).toBe(false);
    }
  });

  it('refuses an unknown transition name', () => {
    const result = decideWishTransition(wishIn('draft'), 'publish_now' as WishTransition);
    expect(result).toMatchObject({ ok: false, error: { kind: 'bad_transition', to: 'publish_now' } });
    expect(isWishTransition('publish_now')).toBe(false);
    expect(isWishTransition('constructor')).toBe(false);
    expect(TRANSITIONS.every(isWishTransition)).toBe(true);
  });
});

describe('who may take each wish step, by role (from the state where the step is allowed)', () => {
  const roles: Array<[string, Actor | null]> = [
    ['admin', admin],
    ['staff in subtree', staffIn],
    ['author (staff of the wish site)', author],
    ['staff of another county', staffOther],
    ['approved volunteer', volunteer],
    ['pending volunteer', pendingVolunteer],
    ['approved org manager', orgManager],
    ['member of another org', otherOrgMember],
    ['visitor / system (null)', null],
  ];
  const STAFF_OF_SITE = ['admin', 'staff in subtree', 'author (staff of the wish site)'];
  const ONLY_SYSTEM = ['visitor / system (null)'];

  /** Roles that succeed; 'own' marks the author refused with wish.error.own_wish. */
  const expectations: Record<WishTransition, { from: WishStatus; allowed: string[]; own?: string[] }> = {
    submit: { from: 'draft', allowed: STAFF_OF_SITE },
    publish: { from: 'in_review', allowed: ['admin', 'staff in subtree'], own: ['author (staff of the wish site)'] },
    return_to_draft: { from: 'in_review', allowed: STAFF_OF_SITE },
    withdraw: { from: 'published', allowed: STAFF_OF_SITE },
    fulfil: { from: 'delivered', allowed: ONLY_SYSTEM },
    claim: { from: 'published', allowed: ONLY_SYSTEM },
    release: { from: 'claimed', allowed: ONLY_SYSTEM },
    deliver: { from: 'claimed', allowed: ONLY_SYSTEM },
  };

  const cases = TRANSITIONS.flatMap((transition) =>
    roles.map(([role, actor]) => {
      const { from, allowed, own = [] } = expectations[transition];
      const outcome = allowed.includes(role) ? 'ok' : own.includes(role) ? 'own_wish' : 'forbidden';
      return { transition, role, actor, from, outcome };
    }),
  );

  it('covers 8 transitions × 9 roles', () => {
    expect(cases).toHaveLength(72);
  });

  // Who is can()'s question; availableSteps joins it to the table, as the page and the action do.
  // The transitions that follow a claim's step are the system's: no wish page offers them
  // (the claim's own step is authorized instead, see claim.test.ts), so only "system" takes them.
  it.each(cases)('$transition by $role → $outcome', ({ transition, actor, from, outcome }) => {
    const offered = (availableSteps(wishIn(from), actor) as WishTransition[]).includes(transition);
    if (WISH_SYSTEM_TRANSITIONS.includes(transition)) {
      expect(offered).toBe(false);
      expect(outcome).toBe(actor === null ? 'ok' : 'forbidden');
      return;
    }
    expect(offered).toBe(outcome === 'ok');
    if (outcome === 'ok') {
      expect(decideWishTransition(wishIn(from), transition, REASON)).toEqual({ ok: true, value: { to: WISH_TRANSITIONS[transition].to } });
    } else if (outcome === 'own_wish') {
      expect(WISH_STEP_RULES[transition as 'publish'].refusal).toBe('wish.error.own_wish');
    }
  });

  it('holds four-eyes for an admin who wrote the wish too', () => {
    expect(availableSteps({ ...wishIn('in_review'), authorId: admin.userId }, admin)).not.toContain('publish');
    expect(availableSteps(wishIn('in_review'), admin)).toContain('publish');
  });

  it('does not let staff of a parent-looking path prefix in (subtree means path prefix with the separator)', () => {
    const lookalike: Actor = { ...base, userId: 'staff-l', staff: { siteId: 'l', sitePath: '/wz/l/' } };
    expect(availableSteps(wishIn('draft'), lookalike)).toEqual([]);
  });
});

describe('sending a wish back for changes (return_to_draft)', () => {
  it('needs a reason from a reviewer, so the author knows what to change', () => {
    for (const input of [undefined, {}, { reason: '' }, { reason: ' \n ' }, { reason: '', byAuthor: false }]) {
      expect(decideWishTransition(wishIn('in_review'), 'return_to_draft', input)).toEqual({
        ok: false,
        error: { kind: 'validation', fields: { reason: ['wish.error.return_reason_required'] } },
      });
    }
    expect(decideWishTransition(wishIn('in_review'), 'return_to_draft', REASON)).toEqual({ ok: true, value: { to: 'draft' } });
  });

  it('lets the author take their own wish back without one', () => {
    expect(decideWishTransition(wishIn('in_review'), 'return_to_draft', { byAuthor: true })).toEqual({ ok: true, value: { to: 'draft' } });
  });

  it(`refuses a reason longer than ${WISH_RETURN_REASON_MAX} characters`, () => {
    const at = (n: number) => decideWishTransition(wishIn('in_review'), 'return_to_draft', { reason: '改'.repeat(n) });
    expect(at(WISH_RETURN_REASON_MAX).ok).toBe(true);
    expect(at(WISH_RETURN_REASON_MAX + 1)).toEqual({
      ok: false,
      error: { kind: 'validation', fields: { reason: ['wish.error.return_reason_too_long'] } },
    });
  });

  it('checks the state before the reason; a stranger is not offered the step at all', () => {
    expect(decideWishTransition(wishIn('draft'), 'return_to_draft')).toMatchObject({ ok: false, error: { kind: 'bad_transition' } });
    expect(availableSteps(wishIn('in_review'), staffOther)).toEqual([]);
  });
});

describe('WISH_LIVE_STATUSES', () => {
  it('is every status except the end states fulfilled and withdrawn', () => {
    expect([...WISH_LIVE_STATUSES].sort()).toEqual(['claimed', 'delivered', 'draft', 'in_review', 'published']);
  });
});

describe('ageBand (the public face of a child’s age)', () => {
  it.each([
    ['2025-06-01', '2025-06-01', '0-2'],
    ['2022-06-02', '2025-06-01', '0-2'], // turns 3 tomorrow
    ['2022-06-01', '2025-06-01', '3-5'], // 3rd birthday
    ['2019-06-02', '2025-06-01', '3-5'],
    ['2019-06-01', '2025-06-01', '6-8'],
    ['2016-12-31', '2025-06-01', '6-8'],
    ['2016-06-01', '2025-06-01', '9-11'],
    ['2013-06-01', '2025-06-01', '12-14'],
    ['2010-06-01', '2025-06-01', '15-17'],
    ['2007-06-02', '2025-06-01', '15-17'], // 17, one day short of 18
    ['2007-06-01', '2025-06-01', '18+'],
    ['1990-01-01', '2025-06-01', '18+'],
    ['2016-02-29', '2025-02-28', '6-8'], // leap-day child: still 8 on 28 Feb
    ['2016-02-29', '2025-03-01', '9-11'], // 9 on 1 March
    ['2016-02-29', '2028-02-29', '12-14'],
    ['2015-12-31', '2025-01-01', '9-11'],
  ])('born %s, on %s → %s', (birth, today, band) => {
    expect(ageBand(birth, today)).toBe(band);
  });

  it.each([
    ['2025-06-02', '2025-06-01'], // born after today
    ['2025-6-1', '2025-06-01'],
    ['20250601', '2025-06-01'],
    ['2025-02-30', '2025-06-01'],
    ['2023-02-29', '2025-06-01'], // not a leap year
    ['2025-13-01', '2025-06-01'],
    ['2025-06-01', 'today'],
  ])('refuses birth %s on %s', (birth, today) => {
    expect(() => ageBand(birth, today)).toThrow(RangeError);
  });
});
