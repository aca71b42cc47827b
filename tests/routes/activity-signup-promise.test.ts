import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DB } from '../../db/client';
import { closeDatabase, useDatabase } from '../../app/data/db.server';
import { startProductionServer, type RunningServer } from '../helpers/server';
import { cookieFor } from '../helpers/wish-fixtures';

// Helpers sign up for activity slots from /activities/:id. The pages that promise it (the home page, the sign-up
// intro, /me once approved, /org once approved) say so and link to /activities, where the slots are listed; each is
// fetched as the person who reads it, in both languages.

const PROMISE = [/报名(关爱)?活动/, /sign(ing)? up for (an? )?(caring )?(activit|slot)/i];

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

/** The page's own content (the site navigation links to /activities on every page, so it does not count). */
const mainOf = (html: string) => html.match(/<main\b[\s\S]*<\/main>/)?.[0] ?? '';

const userId = (email: string) => db.$client.prepare('select id from users where email = ?').pluck().get(email) as string;

describe('the pages that promise activity sign-up link to /activities', () => {
  const roles: Array<[string, string | null, string[]]> = [
    ['a visitor', null, ['/', '/signup']],
    ['an approved volunteer', 'volunteer@demo.local', ['/', '/me']],
    ['an organization manager', 'org@demo.local', ['/org']],
  ];
  it.each(roles)('to %s', { timeout: 60_000 }, async (_who, email, paths) => {
    const cookie = email ? cookieFor(db, userId(email)) : null;
    for (const path of paths) {
      for (const lang of ['zh-CN', 'en']) {
        const res = await fetch(`${server.url}${path}?lang=${lang}`, { headers: cookie ? { cookie } : {} });
        expect(res.status, path).toBe(200);
        const main = mainOf(await res.text());
        expect(PROMISE.some((re) => re.test(visibleText(main))), `${path} (${lang}) promises sign-up`).toBe(true);
        expect(main, `${path} (${lang}) links to /activities`).toMatch(/<a\b[^>]*href="\/activities"/);
      }
    }
  });

  it('promises nothing to a volunteer still waiting for vetting, on /me', async () => {
    const cookie = cookieFor(db, userId('pending@demo.local'));
    const main = mainOf(await (await fetch(`${server.url}/me`, { headers: { cookie } })).text());
    expect(main).not.toMatch(/data-testid="activities-link"/);
    expect(visibleText(main)).not.toMatch(PROMISE[0]);
  });
});
