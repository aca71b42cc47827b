import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DB } from '../../db/client';
import { closeDatabase, useDatabase } from '../../app/data/db.server';
import { shanghaiDate } from '../../app/domain/calendar';
import { deriveGivenName } from '../../app/domain/privacy';
import { catalogues } from '../../app/i18n/index';
import { startProductionServer, type RunningServer } from '../helpers/server';
import { cookieFor } from '../helpers/wish-fixtures';

// PRODUCT.md §3 and issue 10: the caring parent sees of the child only the alias, the age band, the county
// and the site's contact person. On the demo site, the demo caring mother walks every page she can reach
// about her pairings (/me, each /me/pairings/:id, in both languages), takes each of her steps (accept,
// decline, log_visit, raise_concern, request_end, a refused note naming the child) and reads every mail
// she is sent; none of it may carry a child's real name, given name, birth date, category, guardian or notes.

let server: RunningServer;
let db: DB;
let userId: string;
let email: string;
let active: string;
let proposed: string[] = [];
const secrets = new Map<string, string>(); // text → what it is

const sql = <T>(query: string, ...args: unknown[]) => db.$client.prepare(query).all(...args) as T[];

function addSecretsOf(childId: string) {
  const [c] = sql<{ realName: string; birthDate: string; category: string; guardian: string | null; notes: string | null }>(
    'select real_name as realName, birth_date as birthDate, category, guardian, notes from children where id = ?',
    childId,
  );
  secrets.set(c.realName, `real name of ${childId}`);
  const given = deriveGivenName({ realName: c.realName });
  if (given && [...given].length >= 2) secrets.set(given, `given name of ${childId}`);
  const [y, m, d] = c.birthDate.split('-');
  for (const form of [c.birthDate, `${y}/${m}/${d}`, `${y}年${Number(m)}月${Number(d)}日`, `${y}.${m}.${d}`]) secrets.set(form, `birth date of ${childId}`);
  for (const locale of ['zh-CN', 'en'] as const) secrets.set(catalogues[locale][`child.category.${c.category}`], `category of ${childId}`);
  if (c.guardian) secrets.set(c.guardian, `guardian of ${childId}`);
  if (c.notes) secrets.set(c.notes, `notes of ${childId}`);
}

function leaks(text: string): string[] {
  return [...secrets].filter(([secret]) => text.includes(secret)).map(([secret, what]) => `${what}: ${secret}`);
}

beforeAll(async () => {
  server = await startProductionServer({ SEED_DEMO: 'true' });
  db = openDatabase(server.databasePath);
  useDatabase(db);
  [{ id: userId, email }] = sql<{ id: string; email: string }>("select id, email from users where email = 'volunteer@demo.local'");
  const [mine] = sql<{ id: string; childId: string; siteId: string; createdBy: string }>(
    "select id, child_id as childId, site_id as siteId, created_by as createdBy from pairings where volunteer_user_id = ? and status = 'active'",
    userId,
  );
  active = mine.id;
  addSecretsOf(mine.childId);
  // The demo dates her yearly re-check in early 2026; accepting checks it again, so it is renewed here.
  db.$client.prepare('update volunteers set recheck_due_at = ? where user_id = ?').run(Date.now() + 180 * 24 * 3600_000, userId);
  // Staff propose two more children of the same home (their side is another page): one she accepts, one she declines.
  const free = sql<{ id: string }>(
    "select id from children where site_id = ? and id not in (select child_id from pairings where status in ('proposed', 'active')) order by id limit 2",
    mine.siteId,
  );
  for (const [i, child] of free.entries()) {
    const id = `pmcrawl${i}${Date.now().toString(36)}`;
    db.$client
      .prepare(
        "insert into pairings (id, volunteer_user_id, child_id, site_id, status, proposed_at, agreement_signed_on, agreement_witness, created_by) values (?, ?, ?, ?, 'proposed', ?, ?, '马老师', ?)",
      )
      .run(id, userId, child.id, mine.siteId, Date.now(), shanghaiDate(Date.now()), mine.createdBy);
    proposed.push(id);
    addSecretsOf(child.id);
  }
}, 180_000);

afterAll(async () => {
  closeDatabase();
  await server?.stop();
});

async function page(path: string, lang: 'zh-CN' | 'en' = 'zh-CN') {
  const res = await fetch(`${server.url}${path}`, { headers: { cookie: `${cookieFor(db, userId)}; lang=${lang}` }, redirect: 'manual' });
  return { status: res.status, html: await res.text() };
}

async function post(path: string, form: Record<string, string>) {
  const res = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { cookie: cookieFor(db, userId), origin: server.url, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form),
    redirect: 'manual',
  });
  return { status: res.status, location: res.headers.get('location'), html: await res.text() };
}

/** Every page she can reach about her pairings, in both languages, with what each carries that it must not. */
async function crawl(): Promise<string[]> {
  const found: string[] = [];
  for (const lang of ['zh-CN', 'en'] as const) {
    const me = await page('/me', lang);
    expect(me.status).toBe(200);
    found.push(...leaks(me.html).map((l) => `/me (${lang}): ${l}`));
    const links = [...new Set([...me.html.matchAll(/href="(\/me\/pairings\/[^"?#]+)"/g)].map((m) => m[1]))];
    expect(links.length).toBeGreaterThanOrEqual(1);
    for (const link of links) {
      const p = await page(link, lang);
      expect(p.status, link).toBe(200);
      found.push(...leaks(p.html).map((l) => `${link} (${lang}): ${l}`));
    }
  }
  return found;
}

describe('the caring parent’s pages and mail carry no private field of a child', { timeout: 120_000 }, () => {
  it('finds the secrets it looks for (a crawl that could not fail would prove nothing)', async () => {
    expect(secrets.size).toBeGreaterThanOrEqual(15);
    const staffPage = await fetch(`${server.url}/staff/children`, { headers: { cookie: cookieFor(db, sql<{ id: string }>("select id from users where email = 'staff@demo.local'")[0].id) } });
    expect(leaks(await staffPage.text()).length).toBeGreaterThan(0);
  });

  it('before and after each of her steps', async () => {
    expect(await crawl()).toEqual([]);
    const me = await page('/me');
    expect(me.html).toContain(`/me/pairings/${active}`);
    expect(me.html).toContain(`/me/pairings/${proposed[0]}`);

    const pairingPage = await page(`/me/pairings/${active}`);
    expect(pairingPage.html).toContain('110');
    expect(pairingPage.html).toContain('12345');
    expect(pairingPage.html).toContain('马老师(社工部)');

    const steps: Array<[string, Record<string, string>]> = [
      [proposed[0], { intent: 'accept' }],
      [proposed[1], { intent: 'decline', reason: '近期出差多' }],
      [active, { intent: 'log_visit', happenedOn: shanghaiDate(Date.now()), kind: 'home_visit', minutes: '80', staffAccompanied: 'on', note: '一起包了饺子' }],
      [active, { intent: 'raise_concern', kind: 'illness', text: '咳嗽很厉害,好像没有看医生。' }],
      [active, { intent: 'request_end', reason: '工作调动到银川' }],
    ];
    for (const [id, form] of steps) {
      const answer = await post(`/me/pairings/${id}`, form);
      expect(answer.status, `${form.intent}: ${answer.html.slice(0, 300)}`).toBe(302);
      expect(answer.location).toBe(`/me/pairings/${id}?done=${form.intent}`);
      const after = await page(answer.location!);
      expect(leaks(after.html)).toEqual([]);
      expect(await crawl()).toEqual([]);
    }
    expect(sql<{ status: string }>('select status from pairings where id = ?', proposed[0])[0].status).toBe('active');
    expect(sql<{ status: string }>('select status from pairings where id = ?', proposed[1])[0].status).toBe('ended');
  });

  it('a note naming the child is refused on the page without quoting it back, and nothing is written', async () => {
    const [{ realName }] = sql<{ realName: string }>('select c.real_name as realName from pairings p join children c on c.id = p.child_id where p.id = ?', active);
    const before = sql<{ n: number }>('select count(*) as n from pairing_visits where pairing_id = ?', active)[0].n;
    const answer = await post(`/me/pairings/${active}`, { intent: 'log_visit', happenedOn: shanghaiDate(Date.now()), kind: 'call', minutes: '20', note: `给${realName}打了电话` });
    expect(answer.status).toBe(400);
    expect(leaks(answer.html)).toEqual([]);
    expect(answer.html).toContain(catalogues['zh-CN']['pairme.error.private_text']);
    expect(sql<{ n: number }>('select count(*) as n from pairing_visits where pairing_id = ?', active)[0].n).toBe(before);
  });

  it('every mail she was sent', () => {
    const mails = sql<{ subject: string; bodyText: string; template: string }>('select subject, body_text as bodyText, template from outbox where to_email = ?', email.toLowerCase());
    expect(mails.map((m) => m.template)).toContain('pairing.accepted');
    // The concern's text goes to staff only.
    expect(mails.some((m) => m.bodyText.includes('咳嗽很厉害'))).toBe(false);
    expect(mails.flatMap((m) => leaks(`${m.subject}\n${m.bodyText}`))).toEqual([]);
  });
});
