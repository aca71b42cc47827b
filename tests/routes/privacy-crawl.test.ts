import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveGivenName } from '../../app/domain/privacy';
import { startProductionServer, type RunningServer } from '../helpers/server';

// PRODUCT.md §3: no public page carries a child's real name, given name or birth date.
// Crawl every public page of the demo data set, in both languages, the way a visitor (or a search
// engine) reaches it by following links, and look for every child of the children table.

let server: RunningServer;
interface Secret {
  text: string;
  what: string;
}
let names = new Map<string, string>(); // text → what it is
let dates = new Set<string>();
let publicWishIds: string[] = [];
let hiddenWishIds: string[] = [];
let childCount = 0;

beforeAll(async () => {
  server = await startProductionServer({ SEED_DEMO: 'true' });
  const sqlite = new Database(server.databasePath, { readonly: true, fileMustExist: true });
  const children = sqlite.prepare('select real_name as realName, birth_date as birthDate from children').all() as { realName: string; birthDate: string }[];
  childCount = children.length;
  for (const c of children) {
    names.set(c.realName, `real name ${c.realName}`);
    const given = deriveGivenName({ realName: c.realName });
    if (given && given.length >= 2) names.set(given, `given name ${given} of ${c.realName}`);
    // A one-character given name is only a name in context: 小燕, 阿燕, 燕燕 (as the privacy check reads it).
    if (given && given.length === 1) for (const form of [`小${given}`, `阿${given}`, `${given}${given}`]) names.set(form, `given name ${form} of ${c.realName}`);
    dates.add(c.birthDate);
  }
  const wishes = sqlite.prepare('select id, status from wishes').all() as { id: string; status: string }[];
  publicWishIds = wishes.filter((w) => ['published', 'claimed', 'delivered', 'fulfilled'].includes(w.status)).map((w) => w.id);
  hiddenWishIds = wishes.filter((w) => !['published', 'claimed', 'delivered', 'fulfilled'].includes(w.status)).map((w) => w.id);
  sqlite.close();
}, 180_000);

afterAll(async () => {
  await server?.stop();
});

const MAX_NAME = 6;

/** Every child's name or birth date found in a page: a scan of all short substrings against the sets. */
function leaks(html: string): string[] {
  const found = new Set<string>();
  for (let i = 0; i < html.length; i++) {
    for (let len = 2; len <= MAX_NAME && i + len <= html.length; len++) {
      const what = names.get(html.slice(i, i + len));
      if (what) found.add(`${what} at …${html.slice(Math.max(0, i - 30), i + len + 30)}…`);
    }
  }
  const datePatterns = [/(\d{4})-(\d{2})-(\d{2})/g, /(\d{4})\/(\d{2})\/(\d{2})/g, /(\d{4})年(\d{1,2})月(\d{1,2})日/g, /(\d{4})\.(\d{2})\.(\d{2})/g];
  for (const re of datePatterns) {
    for (const m of html.matchAll(re)) {
      const iso = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
      if (dates.has(iso)) found.add(`birth date ${iso} (as ${m[0]})`);
    }
  }
  return [...found];
}

const visited = new Map<string, number>();
const problems: string[] = [];

async function visit(path: string, lang: 'zh-CN' | 'en'): Promise<string> {
  const url = `${server.url}${path}${path.includes('?') ? '&' : '?'}lang=${lang}`;
  const res = await fetch(url);
  const html = await res.text();
  visited.set(`${lang} ${path}`, res.status);
  for (const leak of leaks(html)) problems.push(`${lang} ${path}: ${leak}`);
  return html;
}

const linksOf = (html: string, re: RegExp) => [...new Set([...html.matchAll(re)].map((m) => m[1].replace(/&amp;/g, '&')))];
/** The href of the page's rel="next" link, whatever the attribute order. */
const nextLink = (html: string) => {
  const anchor = html.match(/<a\b[^>]*\brel="next"[^>]*>/)?.[0];
  return anchor?.match(/href="([^"]+)"/)?.[1].replace(/&amp;/g, '&');
};

// About 650 pages per language, one after another: a generous limit for a busy machine.
describe('privacy crawl of the public pages with the demo data', { timeout: 120_000 }, () => {
  it('has a demo data set to crawl', () => {
    expect(childCount).toBeGreaterThan(100);
    expect(publicWishIds.length).toBeGreaterThan(100);
    expect(names.size).toBeGreaterThan(100);
  });

  for (const lang of ['zh-CN', 'en'] as const) {
    it(`finds no child's real name, given name or birth date on any public page (${lang})`, async () => {
      await visit('/', lang);
      await visit('/signup', lang);
      await visit('/login', lang);

      // /wishes: every page of the unfiltered list (it opens on the open wishes; its switch leads to all of
      // them, fulfilled included), then the first pages of every filter value.
      const reached = new Set<string>();
      const listHtml: string[] = [];
      const opening = await visit('/wishes', lang);
      const toAll = opening.match(/<nav[^>]*data-testid="show-switch"[^>]*>[\s\S]*?<\/nav>/)?.[0].match(/href="([^"]*show=all[^"]*)"/)?.[1];
      expect(toAll).toBeDefined();
      let next: string | null = toAll!.replace(/&amp;/g, '&');
      while (next) {
        const html = await visit(next, lang);
        listHtml.push(html);
        for (const id of linksOf(html, /href="\/wishes\/([a-z0-9]+)"/g)) reached.add(id);
        next = nextLink(html) ?? null;
        expect(visited.size).toBeLessThan(2000);
      }
      const first = listHtml[0];
      const options = (name: string) => {
        const select = first.match(new RegExp(`<select name="${name}"[^>]*>([\\s\\S]*?)</select>`))?.[1] ?? '';
        return linksOf(select, /value="([^"]+)"/g);
      };
      const counties = options('county');
      expect(counties.length).toBeGreaterThan(1);
      const filters = [
        ...counties.map((c) => `county=${encodeURIComponent(c)}`),
        ...options('category').map((c) => `category=${c}`),
        ...options('age').map((a) => `age=${encodeURIComponent(a)}`),
        'show=open',
        `show=open&county=${encodeURIComponent(counties[0])}&age=${encodeURIComponent('6-8')}`,
      ];
      for (const query of filters) {
        const html = await visit(`/wishes?${query}`, lang);
        for (const id of linksOf(html, /href="\/wishes\/([a-z0-9]+)"/g)) reached.add(id);
        const more = nextLink(html);
        if (more) await visit(more, lang);
      }
      // Every public wish is reachable from the list, and each detail page is clean.
      expect([...publicWishIds].filter((id) => !reached.has(id))).toEqual([]);
      for (const id of reached) {
        await visit(`/wishes/${id}`, lang);
        expect(visited.get(`${lang} /wishes/${id}`), id).toBe(200);
      }
      // Drafts, wishes in review and withdrawn wishes are not found, and leak nothing either.
      for (const id of hiddenWishIds) {
        await visit(`/wishes/${id}`, lang);
        expect(visited.get(`${lang} /wishes/${id}`), id).toBe(404);
      }

      const activities = await visit('/activities', lang);
      for (const id of linksOf(activities, /href="\/activities\/([a-z0-9]+)"/g)) await visit(`/activities/${id}`, lang);

      expect(problems).toEqual([]);
    }, 300_000);
  }

  it('would notice a planted name, given name or birth date (the detector can fail)', () => {
    const [name] = [...names.keys()].filter((n) => n.length >= 3);
    const [date] = [...dates];
    const [y, m, d] = date.split('-');
    expect(leaks(`<p>${name}</p>`)).not.toEqual([]);
    expect(leaks(`<p>生日 ${y}年${Number(m)}月${Number(d)}日</p>`)).not.toEqual([]);
    expect(leaks(`{"birthDate":"${date}"}`)).not.toEqual([]);
    expect(leaks('<p>小禾 6-8 岁 利通区</p>')).toEqual([]);
  });

  it('crawled what it claims to have crawled', () => {
    const wishPages = [...visited.keys()].filter((k) => / \/wishes\/[a-z0-9]+$/.test(k)).length;
    const listPages = [...visited.keys()].filter((k) => / \/wishes(\?|$)/.test(k)).length;
    console.info(
      `privacy crawl: ${visited.size} pages (${listPages} list pages, ${wishPages} wish pages) checked against ${childCount} children (${names.size} names, ${dates.size} birth dates)`,
    );
    expect(wishPages).toBeGreaterThanOrEqual(2 * (publicWishIds.length + hiddenWishIds.length));
    expect([...visited.entries()].filter(([, status]) => status >= 500)).toEqual([]);
  });
});
