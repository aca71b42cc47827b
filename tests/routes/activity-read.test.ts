// Who reads an activity's work pages (/org/activities/:id, /staff/activities/:id) and its steps, for each kind
// of reader on an organization's draft, submitted, published and cancelled activity and on a staff member's
// draft: the proposer side reads its own at every status, staff of the subtree (and the admin) once it has left
// the organization's draft, nobody else. A reader who may not read the activity is answered 404, whatever they ask.

import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../helpers/db';
import { actorOf, buildWorld, cookieFor, type World } from '../helpers/wish-fixtures';
import * as orgActivity from '../../app/routes/org.activities.$id';
import * as staffActivity from '../../app/routes/staff.activities.$id';
import { activityForWork, createActivity, editDraft, moveActivity, organizationActivities, type ActivityInput } from '../../app/services/activity-proposals.server';

const { db } = useTestDatabase('activity-read');
const HOUR = 3600_000;
const DAY = 24 * HOUR;
const NOW = Date.now();
let world: World;
const cookies: Record<string, string> = {};

/** The readers, by a one-letter code. */
const READERS = {
  X: null,
  V: 'volunteer',
  M: 'memberA',
  B: 'memberB',
  S: 'staffLt',
  T: 'staffYc',
  A: 'admin',
} as const satisfies Record<string, keyof World['users'] | null>;
type Reader = keyof typeof READERS;
const CODES = Object.keys(READERS) as Reader[];
const NAMES: Record<Reader, string> = {
  X: 'anonymous',
  V: 'approved volunteer',
  M: 'member of the proposing organization',
  B: 'member of another organization',
  S: 'staff of the subtree',
  T: 'staff of another county',
  A: 'admin',
};

type Kind = 'orgDraft' | 'submitted' | 'published' | 'cancelled' | 'staffDraft';
const KINDS: Kind[] = ['orgDraft', 'submitted', 'published', 'cancelled', 'staffDraft'];
const ids = {} as Record<Kind, string>;

const actor = (code: Reader) => (READERS[code] === null ? null : actorOf(db, world.users[READERS[code]!]));

function input(): ActivityInput {
  return {
    type: 'safety_talk',
    title: '防溺水安全讲座',
    description: '夏天到了,给孩子们讲讲防溺水的知识。',
    siteId: world.sites.gch,
    contactTier: 'group',
    riskNotes: '',
    safetyMeasures: '',
    organizerContact: '社工甲 13912345678',
    slots: [{ startsAt: NOW + 3 * DAY, endsAt: NOW + 3 * DAY + 2 * HOUR, place: '活动室', capacity: 5, childrenExpected: 10 }],
  };
}

function orgActivityAt(status: 'draft' | 'submitted' | 'approved' | 'cancelled'): string {
  const made = createActivity(actorOf(db, world.users.memberA), { orgId: world.orgs.orgA }, input(), NOW);
  if (!made.ok) throw new Error(JSON.stringify(made));
  const id = made.value.id;
  const step = (who: keyof World['users'], s: 'submit' | 'approve' | 'cancel') => {
    const moved = moveActivity(actorOf(db, world.users[who]), id, s, { reason: '天气原因' }, NOW);
    if (!moved.ok) throw new Error(JSON.stringify(moved));
  };
  if (status !== 'draft') step('memberA', 'submit');
  if (status === 'approved' || status === 'cancelled') step('staffLt', 'approve');
  if (status === 'cancelled') step('staffLt', 'cancel');
  return id;
}

beforeAll(() => {
  world = buildWorld(db, NOW);
  for (const [key, id] of Object.entries(world.users)) cookies[key] = cookieFor(db, id);
  ids.orgDraft = orgActivityAt('draft');
  ids.submitted = orgActivityAt('submitted');
  ids.published = orgActivityAt('approved');
  ids.cancelled = orgActivityAt('cancelled');
  const staffDraft = createActivity(actorOf(db, world.users.staffGc), { orgId: null }, input(), NOW);
  if (!staffDraft.ok) throw new Error(JSON.stringify(staffDraft));
  ids.staffDraft = staffDraft.value.id;
});

/** Who reads each activity's work page, by reader code. */
const READS: Record<Kind, string> = {
  orgDraft: 'M',
  submitted: 'MSA',
  published: 'MSA',
  cancelled: 'MSA',
  staffDraft: 'SA',
};

const cells = KINDS.flatMap((kind) => CODES.map((code) => ({ kind, code, reader: NAMES[code], reads: READS[kind].includes(code) })));

const ctx = { cspNonce: '', requestId: 'test', clientIp: '127.0.0.1' };
async function load(route: { loader: (args: never) => unknown }, path: string, id: string, code: Reader): Promise<number> {
  const who = READERS[code];
  const request = new Request(`http://localhost${path}`, { headers: who ? { cookie: cookies[who] } : {} });
  try {
    await route.loader({ request, params: { id }, context: ctx } as never);
    return 200;
  } catch (thrown) {
    return thrown instanceof Response ? thrown.status : ((thrown as { init?: { status?: number } })?.init?.status ?? -1);
  }
}

describe('reading an activity (the service)', () => {
  it.each(cells)('$kind — $reader: reads it $reads', ({ kind, code, reads }) => {
    const result = activityForWork(actor(code), ids[kind]);
    expect(result.ok ? 'ok' : result.error.kind).toBe(reads ? 'ok' : 'not_found');
  });

  it.each(cells)('$kind — $reader: a step on it is refused as not found unless they read it', ({ kind, code, reads }) => {
    // A rejection without a reason writes nothing, whoever asks.
    const result = moveActivity(actor(code), ids[kind], 'reject', {}, NOW);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    if (!reads) expect(result.error.kind).toBe('not_found');
    else expect(result.error.kind).not.toBe('not_found');
  });

  it.each(cells)('$kind — $reader: editing it is refused as not found unless they read it', ({ kind, code, reads }) => {
    // An unknown site writes nothing, whoever asks.
    const result = editDraft(actor(code), ids[kind], { ...input(), siteId: 'no-such-site' }, NOW);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    if (!reads) expect(result.error.kind).toBe('not_found');
    else expect(result.error.kind).not.toBe('not_found');
  });

  it('answers the readers who may not take the step as today: the proposer side is forbidden to review, a reviewer is refused by the lifecycle', () => {
    const kinds = (code: Reader) =>
      KINDS.map((kind) => {
        const r = moveActivity(actor(code), ids[kind], 'reject', {}, NOW);
        return r.ok ? 'ok' : r.error.kind;
      });
    expect(kinds('M')).toEqual(['forbidden', 'forbidden', 'forbidden', 'forbidden', 'not_found']);
    expect(kinds('S')).toEqual(['not_found', 'validation', 'bad_transition', 'bad_transition', 'bad_transition']);
    expect(kinds('A')).toEqual(['not_found', 'validation', 'bad_transition', 'bad_transition', 'bad_transition']);
  });
});

describe('reading an activity (the pages)', () => {
  it.each(cells)('/org/activities/$kind — $reader', async ({ kind, code, reads }) => {
    const status = await load(orgActivity, `/org/activities/${ids[kind]}`, ids[kind], code);
    expect(status).toBe(code === 'X' ? 302 : reads ? 200 : 404);
  });

  it.each(cells)('/staff/activities/$kind — $reader', async ({ kind, code, reads }) => {
    const status = await load(staffActivity, `/staff/activities/${ids[kind]}`, ids[kind], code);
    const staffSide = code === 'S' || code === 'T' || code === 'A';
    expect(status).toBe(code === 'X' ? 302 : !staffSide ? 403 : reads ? 200 : 404);
  });
});

describe("an organization's activities section (/org)", () => {
  it.each(CODES.map((code) => ({ code, reader: NAMES[code] })))('$reader', ({ code }) => {
    const result = organizationActivities(actor(code), world.orgs.orgA);
    expect(result.ok ? 'ok' : result.error.kind).toBe(code === 'M' ? 'ok' : 'forbidden');
    if (result.ok) expect(result.value.activities.map((a) => a.id).sort()).toEqual([ids.orgDraft, ids.submitted, ids.published, ids.cancelled].sort());
  });

  it('is read by any member of the organization, before it is approved too', () => {
    expect(organizationActivities(actorOf(db, world.users.memberP), world.orgs.orgP)).toMatchObject({ ok: true, value: { activities: [] } });
    expect(organizationActivities(actorOf(db, world.users.memberP), world.orgs.orgA)).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
  });
});
