import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DB } from '../../db/client';
import { closeDatabase, useDatabase } from '../../app/data/db.server';
import { startProductionServer, type RunningServer } from '../helpers/server';
import { cookieFor } from '../helpers/wish-fixtures';

// Signing up for an activity is not built yet: until it is, no page may promise it.
// The pages that used to (the home page, the sign-up intro, /me once approved, /org) and the activity pages
// are fetched as each kind of person sees them, in both languages, and their visible text is searched.
// Proposing an activity is built (/org/activities/new): /org offers it to an approved organization.

const PROMISE = [
  /报名(关爱)?活动/,
  /sign(ing)? up for (an? )?(caring )?(activit|slot)/i,
];

let server: RunningServer;
let db: DB;

beforeAll(async () => {
  server = await startProductionServer({ SEED_DEMO: 'true' });
  db = openDatabase(server.databasePath);
  useDatabase(db);
}, 180_000);

afterAll(async () => {
  closeDatabase();
  await server?.stop();
});

/** What a reader sees: the HTML without its scripts, styles and tags. */
const visibleText = (html: string) =>
  html
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&[a-z]+;|&#\d+;/g, ' ')
    .replace(/\s+/g, ' ');

const promisesIn = (text: string) => PROMISE.flatMap((re) => text.match(re)?.[0] ?? []);

const userId = (email: string) => db.$client.prepare('select id from users where email = ?').pluck().get(email) as string;

describe('no page promises activity sign-up', () => {
  it('recognises the promises the pages used to make', () => {
    expect(promisesIn('审核通过后即可认领微心愿、报名关爱活动。')).not.toEqual([]);
    expect(promisesIn('认领微心愿或报名活动场次')).not.toEqual([]);
    expect(promisesIn('once approved you can claim wishes and sign up for activities.')).not.toEqual([]);
    expect(promisesIn('Claim a wish or sign up for an activity slot')).not.toEqual([]);
    expect(promisesIn('线上报名还没有开放。想参加的话,请联系举办活动的机构。')).toEqual([]);
  });

  const roles: Array<[string, string | null, string[]]> = [
    ['a visitor', null, ['/', '/signup', '/activities']],
    ['an approved volunteer', 'volunteer@demo.local', ['/', '/me', '/activities']],
    ['a volunteer waiting for vetting', 'pending@demo.local', ['/me']],
    ['an organization manager', 'org@demo.local', ['/', '/me', '/org']],
  ];
  it.each(roles)('to %s', { timeout: 60_000 }, async (_who, email, paths) => {
    const cookie = email ? cookieFor(db, userId(email)) : null;
    const activity = db.$client.prepare("select id from activities where status = 'approved' order by id limit 1").pluck().get() as string;
    const found: string[] = [];
    for (const path of [...paths, `/activities/${activity}`]) {
      for (const lang of ['zh-CN', 'en']) {
        const res = await fetch(`${server.url}${path}?lang=${lang}`, { headers: cookie ? { cookie } : {} });
        expect(res.status, path).toBe(200);
        const html = await res.text();
        expect(html, `${path} (${lang})`).not.toContain('\u0000');
        const text = visibleText(html);
        expect(text.length).toBeGreaterThan(100);
        for (const promise of promisesIn(text)) found.push(`${path} (${lang}): “${promise}”`);
      }
    }
    expect(found).toEqual([]);
  });

  it('offers an approved organization the proposal form on /org', { timeout: 60_000 }, async () => {
    const cookie = cookieFor(db, userId('org@demo.local'));
    const html = await (await fetch(`${server.url}/org`, { headers: { cookie } })).text();
    expect(html).toMatch(/href="\/org\/activities\/new\?org=[a-z0-9]+"/);
    const form = await fetch(`${server.url}/org/activities/new`, { headers: { cookie } });
    expect(form.status).toBe(200);
  });
});
