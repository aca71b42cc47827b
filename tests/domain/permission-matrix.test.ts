// Who may do what, on one screen: every action of can() × nine kinds of actor × {their own object,
// someone else's}. "Own" is what the action is about for that actor: their own claim, helper record,
// profile or organization for a helper; the site subtree they oversee for staff (and, for the admin,
// one county). "Someone else's" is another volunteer's, another organization's, or another county's.
// policy.test.ts keeps the finer matrix over resource variants (four-eyes, self-vetting, city paths).

import { describe, it, expect } from 'vitest';
import type { Actor } from '../../app/domain/actor';
import { ACTIONS, can, type Action, type Resource } from '../../app/domain/policy';

const base = { admin: false, staff: null, volunteer: null, orgs: [] };

const LT = { county: '/wz/lt/', site: '/wz/lt/gc/' }; // 利通区, a site in it
const YC = { county: '/wz/yc/', site: '/wz/yc/x/' }; // 盐池县, a site in it

type HelperRef = { userId: string } | { orgId: string };

interface Kind {
  name: string;
  actor: Actor | null;
  /** The county the actor belongs to or oversees, and another one. */
  home: typeof LT;
  away: typeof LT;
  /** The actor as a helper (volunteer or organization), or null for staff, admin and the visitor. */
  self: HelperRef | null;
  /** Another helper of the same kind: another volunteer, another organization. */
  other: HelperRef;
  org: string | null;
  otherOrg: string;
  otherUser: string;
}

/** The nine kinds, by a one-letter code used in the table. */
const KINDS = {
  X: { name: 'visitor', actor: null, home: LT, away: YC, self: null, other: { userId: 'vol' }, org: null, otherOrg: 'org-a', otherUser: 'vol' },
  U: {
    name: 'unvetted volunteer',
    actor: { ...base, userId: 'vol-p', volunteer: { status: 'pending', caringParent: false } },
    home: LT, away: YC, self: { userId: 'vol-p' }, other: { userId: 'vol' }, org: null, otherOrg: 'org-a', otherUser: 'vol',
  },
  V: {
    name: 'volunteer (approved, one-to-one)',
    actor: { ...base, userId: 'vol', volunteer: { status: 'approved', caringParent: true, oneToOne: true } },
    home: LT, away: YC, self: { userId: 'vol' }, other: { userId: 'vol2' }, org: null, otherOrg: 'org-a', otherUser: 'vol2',
  },
  W: {
    name: 'other volunteer (approved, donate-only)',
    actor: { ...base, userId: 'vol2', volunteer: { status: 'approved', caringParent: false } },
    home: LT, away: YC, self: { userId: 'vol2' }, other: { userId: 'vol' }, org: null, otherOrg: 'org-a', otherUser: 'vol',
  },
  M: {
    name: 'org member (manager of approved org-a)',
    actor: { ...base, userId: 'mgr', orgs: [{ orgId: 'org-a', role: 'manager', orgStatus: 'approved' }] },
    home: LT, away: YC, self: { orgId: 'org-a' }, other: { orgId: 'org-b' }, org: 'org-a', otherOrg: 'org-b', otherUser: 'vol',
  },
  N: {
    name: "other org's member (plain member of approved org-b)",
    actor: { ...base, userId: 'mem', orgs: [{ orgId: 'org-b', role: 'member', orgStatus: 'approved' }] },
    home: LT, away: YC, self: { orgId: 'org-b' }, other: { orgId: 'org-a' }, org: 'org-b', otherOrg: 'org-a', otherUser: 'vol',
  },
  S: {
    name: 'staff of the county (利通区)',
    actor: { ...base, userId: 'staff-lt', staff: { siteId: 'lt', sitePath: LT.county } },
    home: LT, away: YC, self: null, other: { userId: 'vol' }, org: null, otherOrg: 'org-a', otherUser: 'vol',
  },
  T: {
    name: 'staff of another county (盐池县)',
    actor: { ...base, userId: 'staff-yc', staff: { siteId: 'yc', sitePath: YC.county } },
    home: YC, away: LT, self: null, other: { userId: 'vol' }, org: null, otherOrg: 'org-a', otherUser: 'vol',
  },
  A: {
    name: 'admin',
    actor: { ...base, userId: 'admin', admin: true },
    home: LT, away: YC, self: null, other: { userId: 'vol' }, org: null, otherOrg: 'org-a', otherUser: 'vol',
  },
} satisfies Record<string, Kind>;
type Code = keyof typeof KINDS;
const CODES = Object.keys(KINDS) as Code[];

/** Own or someone else's; null when the actor has no such object (the visitor owns nothing). */
type Build = (k: Kind, own: boolean) => Resource | null;

const isOverseer = (k: Kind) => k.actor !== null && k.self === null;
const site: Build = (k, own) => (own && !k.actor ? null : { type: 'site', sitePath: (own ? k.home : k.away).site });
const wishIn = (status: 'draft' | 'in_review' | 'published'): Build => (k, own) =>
  own && !k.actor ? null : { type: 'wish', sitePath: (own ? k.home : k.away).site, authorId: 'staff-colleague', status };
const claimBy = (ref: HelperRef, sitePath: string): Resource =>
  'userId' in ref
    ? { type: 'claim', claimantUserId: ref.userId, orgId: null, wishSitePath: sitePath }
    : { type: 'claim', claimantUserId: `someone-of-${ref.orgId}`, orgId: ref.orgId, wishSitePath: sitePath };
/** A helper's own claim / another helper's claim; for staff and admin, a volunteer's claim in their subtree / in another county. */
const claim: Build = (k, own) => {
  if (own && !k.actor) return null;
  if (isOverseer(k)) return claimBy({ userId: 'vol' }, (own ? k.home : k.away).site);
  return claimBy(own ? k.self! : k.other, k.home.site);
};
/** A helper's own record / another helper's; for staff and admin, an applicant in their county / in another county. */
const helper: Build = (k, own) => {
  if (own && !k.actor) return null;
  if (isOverseer(k)) return { type: 'helper', sitePath: (own ? k.home : k.away).county, userId: 'applicant' };
  return { type: 'helper', sitePath: k.home.county, ...(own ? k.self! : k.other) };
};
const org: Build = (k, own) => (own ? (k.org && k.actor ? { type: 'org', orgId: k.org } : null) : { type: 'org', orgId: k.otherOrg });

/** An activity: a helper's own is their organization's (volunteers propose none); staff's own is in their subtree. */
const activityIn = (status: 'draft' | 'submitted' | 'approved'): Build => (k, own) => {
  if (own && !k.actor) return null;
  if (isOverseer(k)) return { type: 'activity', sitePath: (own ? k.home : k.away).site, proposerId: 'mgr-x', orgId: 'org-x', status };
  if (own && k.org === null) return null;
  return { type: 'activity', sitePath: k.home.site, proposerId: own ? k.actor!.userId : 'someone', orgId: own ? k.org : k.otherOrg, status };
};
/** Signing up: "own" is a group slot at home, "someone else's" a one-to-one slot elsewhere (time alone with a child). */
const slotFor: Build = (k, own) =>
  own && !k.actor ? null : { type: 'slot', sitePath: (own ? k.home : k.away).site, contactTier: own ? 'group' : 'one_to_one' };
const slotAt: Build = (k, own) => (own && !k.actor ? null : { type: 'slot', sitePath: (own ? k.home : k.away).site, contactTier: 'group' });
/** A helper's own sign-up (for themselves, or made for their organization) / another's; for staff, a volunteer's at home / away. */
const signup: Build = (k, own) => {
  if (own && !k.actor) return null;
  if (isOverseer(k)) return { type: 'signup', userId: 'vol', orgId: null, sitePath: (own ? k.home : k.away).site };
  const ref = own ? k.self! : k.other;
  return 'userId' in ref
    ? { type: 'signup', userId: ref.userId, orgId: null, sitePath: k.home.site }
    : { type: 'signup', userId: `someone-of-${ref.orgId}`, orgId: ref.orgId, sitePath: k.home.site };
};

/** A pairing: a volunteer's own (they are the paired volunteer) / another's; for staff and admin, one at home / away. */
const pairing: Build = (k, own) => {
  if (own && !k.actor) return null;
  if (isOverseer(k)) return { type: 'pairing', sitePath: (own ? k.home : k.away).site, volunteerUserId: 'vol' };
  return { type: 'pairing', sitePath: k.home.site, volunteerUserId: own ? k.actor!.userId : k.otherUser };
};

/**
 * A service certificate: for staff and admin, one issued at a site of their subtree / of another county; a
 * helper's "own" is a certificate of theirs (issued at home), "someone else's" another helper's.
 */
const certificate: Build = (k, own) => {
  if (own && !k.actor) return null;
  if (isOverseer(k)) return { type: 'certificate', sitePath: (own ? k.home : k.away).site, holderUserId: 'vol' };
  return { type: 'certificate', sitePath: k.home.site, holderUserId: own ? k.actor!.userId : k.otherUser };
};

/** What each action is asked about. Typed over Action, so a new action without a builder does not compile. */
const RESOURCE_FOR: Record<Action, Build> = {
  'child.read': site,
  'child.write': site,
  'wish.write': wishIn('draft'),
  'wish.review': wishIn('in_review'),
  'wish.return_to_draft': wishIn('in_review'),
  'wish.withdraw': wishIn('published'),
  // Claiming as oneself (a volunteer; staff and admin too) or as one's organization / as another organization.
  'wish.claim': (k, own) =>
    own && !k.actor ? null : { type: 'claimant', orgId: own ? k.org : k.otherOrg },
  'claim.review': claim,
  'claim.confirm': claim,
  'claim.act_as_claimant': claim,
  'helper.vet': helper,
  'helper.read_private': helper,
  'helper.reapply': helper,
  'one_to_one.contact': site,
  'site.manage': site,
  'staff.manage': site,
  // The outbox is nobody's own: only the platform column exists.
  'outbox.read': (_k, own) => (own ? null : { type: 'global' }),
  'audit.read': site,
  'report.read': site,
  // A helper proposes as an organization; staff and admin at a site.
  'activity.propose': (k, own) => (isOverseer(k) ? site(k, own) : org(k, own)),
  'activity.edit': activityIn('draft'),
  'activity.review': activityIn('submitted'),
  'activity.cancel': activityIn('approved'),
  'activity.read': activityIn('submitted'),
  'activity.read_contact': activityIn('approved'),
  'slot.signup': slotFor,
  'slot.signup_colleague': org,
  'slot.manage': slotAt,
  'signup.act_as_helper': signup,
  'pairing.manage': pairing,
  'pairing.act_as_volunteer': pairing,
  'pairing.read': pairing,
  'org.manage_members': org,
  'profile.edit': (k, own) => (own && !k.actor ? null : { type: 'user', userId: own ? k.actor!.userId : k.otherUser }),
  'certificate.revoke': certificate,
};

/**
 * The expected policy. Per action, one pair per kind in the order X U V W M N S T A:
 * own then someone else's. Y = allowed, . = denied, - = no such object for this actor.
 */
const HEADER = 'X  U  V  W  M  N  S  T  A';
const EXPECTED: Record<Action, string> = {
  'child.read':            '-. .. .. .. .. .. Y. Y. YY',
  'child.write':           '-. .. .. .. .. .. Y. Y. YY',
  'wish.write':            '-. .. .. .. .. .. Y. Y. YY',
  'wish.review':           '-. .. .. .. .. .. Y. Y. YY',
  'wish.return_to_draft':  '-. .. .. .. .. .. Y. Y. YY',
  'wish.withdraw':         '-. .. .. .. .. .. Y. Y. YY',
  'wish.claim':            '-. .. Y. Y. Y. Y. .. .. ..',
  'claim.review':          '-. .. .. .. .. .. Y. Y. YY',
  'claim.confirm':         '-. .. .. .. .. .. Y. Y. YY',
  'claim.act_as_claimant': '-. Y. Y. Y. Y. Y. .. .. ..',
  'helper.vet':            '-. .. .. .. .. .. Y. Y. YY',
  'helper.read_private':   '-. .. .. .. .. .. Y. Y. YY',
  'helper.reapply':        '-. Y. Y. Y. Y. .. .. .. ..',
  'one_to_one.contact':    '-. .. YY .. .. .. .. .. ..',
  'site.manage':           '-. .. .. .. .. .. .. .. YY',
  'staff.manage':          '-. .. .. .. .. .. .. .. YY',
  'outbox.read':           '-. -. -. -. -. -. -. -. -Y',
  'audit.read':            '-. .. .. .. .. .. Y. Y. YY',
  'report.read':           '-. .. .. .. .. .. Y. Y. YY',
  'activity.propose':      '-. -. -. -. Y. Y. Y. Y. YY',
  'activity.edit':         '-. -. -. -. Y. Y. Y. Y. YY',
  'activity.review':       '-. -. -. -. .. .. Y. Y. YY',
  'activity.cancel':       '-. -. -. -. Y. Y. Y. Y. YY',
  'activity.read':         '-. -. -. -. Y. Y. Y. Y. YY',
  'activity.read_contact': '-. -. -. -. Y. Y. Y. Y. YY',
  'slot.signup':           '-. .. YY Y. Y. Y. .. .. ..',
  'slot.signup_colleague': '-. -. -. -. Y. Y. -. -. -.',
  'slot.manage':           '-. .. .. .. .. .. Y. Y. YY',
  'signup.act_as_helper':  '-. Y. Y. Y. Y. Y. .. .. ..',
  'pairing.manage':        '-. .. .. .. .. .. Y. Y. YY',
  'pairing.act_as_volunteer': '-. Y. Y. Y. Y. Y. .. .. ..',
  'pairing.read':          '-. Y. Y. Y. Y. Y. Y. Y. YY',
  'org.manage_members':    '-. -. -. -. Y. .. -. -. -.',
  'profile.edit':          '-. Y. Y. Y. Y. Y. Y. Y. Y.',
  'certificate.revoke':    '-. .. .. .. .. .. Y. Y. YY',
};

type Cell = 'Y' | '.' | '-';
/** '?' for an action without a row: the completeness test names it, and its cells fail. */
const expectedCell = (action: Action, code: Code, own: boolean): Cell | '?' => {
  const pairs = (EXPECTED[action] as string | undefined)?.split(' ');
  return (pairs?.[CODES.indexOf(code)]?.[own ? 0 : 1] as Cell | undefined) ?? '?';
};
const actualCell = (action: Action, code: Code, own: boolean): Cell | '?' => {
  const kind = KINDS[code];
  const resource = RESOURCE_FOR[action]?.(kind, own);
  if (resource === undefined) return '?';
  return resource === null ? '-' : can(kind.actor, action, resource) ? 'Y' : '.';
};

const cells = ACTIONS.flatMap((action) =>
  CODES.flatMap((code) =>
    [true, false].map((own) => ({
      action,
      code,
      kind: KINDS[code].name,
      side: own ? 'own' : "someone else's",
      own,
      expected: expectedCell(action, code, own),
    })),
  ),
);

describe('permission matrix: every action × nine kinds of actor × {own, someone else’s}', () => {
  it('has one row per action can() knows, and nothing else', () => {
    expect(new Set(Object.keys(EXPECTED))).toEqual(new Set(ACTIONS));
    expect(new Set(Object.keys(RESOURCE_FOR))).toEqual(new Set(ACTIONS));
    expect(ACTIONS).toHaveLength(new Set(ACTIONS).size);
    for (const row of Object.values(EXPECTED)) expect(row).toMatch(/^([-.Y][-.Y] ){8}[-.Y][-.Y]$/);
    expect(cells).toHaveLength(ACTIONS.length * CODES.length * 2);
  });

  it('prints the policy as can() answers it', () => {
    const width = Math.max(...ACTIONS.map((a) => a.length));
    const rows = ACTIONS.map(
      (action) => `${action.padEnd(width)}  ${CODES.map((c) => actualCell(action, c, true) + actualCell(action, c, false)).join(' ')}`,
    );
    const legend = CODES.map((c) => `${c} ${KINDS[c].name}`).join('; ');
    console.log(
      [`${''.padEnd(width)}  ${HEADER}   (own|else; Y allowed, . denied, - no such object)`, ...rows, legend].join('\n'),
    );
    expect(rows).toHaveLength(ACTIONS.length);
  });

  it.each(cells.filter((c) => c.expected !== '-'))(
    '$action — $kind, $side: $expected',
    ({ action, code, own, expected }) => {
      expect(expected, 'the action has a row in EXPECTED').not.toBe('?');
      expect(actualCell(action, code, own)).toBe(expected);
    },
  );

  it.each(cells.filter((c) => c.expected === '-'))('$action — $kind, $side: no such object', ({ action, code, own }) => {
    expect(RESOURCE_FOR[action](KINDS[code], own)).toBeNull();
  });

  it('allows something to every kind but the visitor, and denies the visitor everything', () => {
    for (const code of CODES) {
      const any = cells.some((c) => c.code === code && actualCell(c.action, code, c.own) === 'Y');
      expect(any).toBe(code !== 'X');
    }
  });
});

describe('self-dealing, which the own column of staff does not reach', () => {
  const staff = KINDS.S.actor;
  it('staff neither publish their own wish, nor review or confirm a claim of their own, nor vet themselves', () => {
    expect(can(staff, 'wish.review', { type: 'wish', sitePath: LT.site, authorId: 'staff-lt', status: 'in_review' })).toBe(false);
    const ownClaim: Resource = { type: 'claim', claimantUserId: 'staff-lt', orgId: null, wishSitePath: LT.site };
    expect(can(staff, 'claim.review', ownClaim)).toBe(false);
    expect(can(staff, 'claim.confirm', ownClaim)).toBe(false);
    expect(can(staff, 'helper.vet', { type: 'helper', sitePath: LT.county, userId: 'staff-lt' })).toBe(false);
    expect(can(staff, 'pairing.manage', { type: 'pairing', sitePath: LT.site, volunteerUserId: 'staff-lt' })).toBe(false);
    expect(can(staff, 'certificate.revoke', { type: 'certificate', sitePath: LT.site, holderUserId: 'staff-lt' })).toBe(false);
  });
});
