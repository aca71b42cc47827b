import Database from 'better-sqlite3';
import fc from 'fast-check';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cookieName, sessionIdFromToken } from '../../app/auth/session.server';
import { startProductionServer, type RunningServer } from '../helpers/server';

// Every form action, found in app/routes (a file exporting `action`), gets generated bodies through the real
// production server, as every demo role: oversized, missing and wrong-typed fields, injection strings, NUL,
// invalid UTF-8, emoji and right-to-left text, huge and negative numbers, impossible dates, unknown intents,
// and the bad bodies, methods and headers of issue 8 item 7. Expected: no answer ≥ 500, and a refused
// request (≥ 400) changes no row.
//
// CI runs FUZZ_RUNS cases (default 500) from a fixed seed; `npm run test:fuzz` runs more. FUZZ_SEED replays.
const RUNS = Number(process.env.FUZZ_RUNS ?? 500);
const SEED = Number(process.env.FUZZ_SEED ?? 8_2026);

const root = path.resolve(__dirname, '../..');
const routesDir = path.join(root, 'app/routes');

// ---------------------------------------------------------------------------------------------------------
// The actions, from the route files.

interface ActionRoute {
  file: string;
  /** `/staff/children/:id` */
  pattern: string;
  index: boolean;
  params: string[];
  fields: string[];
  /** Short lower-case strings of the route and its forms: intents, picklist values, statuses. */
  words: string[];
}

function sourcesOf(file: string): string[] {
  const text = fs.readFileSync(path.join(routesDir, file), 'utf8');
  const texts = [text];
  for (const [, dir, name] of text.matchAll(/from '\.\.\/(forms|components)\/([\w-]+)'/g)) {
    for (const ext of ['.ts', '.tsx']) {
      const candidate = path.join(root, 'app', dir, name + ext);
      if (fs.existsSync(candidate)) texts.push(fs.readFileSync(candidate, 'utf8'));
    }
  }
  return texts;
}

function actionRoutes(): ActionRoute[] {
  return fs
    .readdirSync(routesDir)
    .filter((file) => /\.tsx?$/.test(file))
    .filter((file) => /export\s+(async\s+)?(function\s+action\b|const\s+action\b)/.test(fs.readFileSync(path.join(routesDir, file), 'utf8')))
    .map((file) => {
      const segments = file.replace(/\.tsx?$/, '').split('.');
      const index = segments.at(-1) === '_index';
      const parts = segments.filter((s) => s !== '_index' && !(s.startsWith('_') && s !== '_index'));
      const pattern = '/' + parts.map((s) => (s.startsWith('$') ? `:${s.slice(1)}` : s)).join('/');
      const texts = sourcesOf(file);
      const fields = new Set<string>(['intent', 'redirectTo', 'website']);
      const words = new Set<string>();
      for (const text of texts) {
        for (const m of text.matchAll(/\bname="(\w+)"/g)) fields.add(m[1]);
        for (const m of text.matchAll(/\bform\.get(?:All)?\('(\w+)'\)/g)) fields.add(m[1]);
        for (const m of text.matchAll(/^\s+(\w+): v\./gm)) fields.add(m[1]);
        for (const m of text.matchAll(/'([a-z][a-z_]{1,30})'/g)) words.add(m[1]);
        for (const m of text.matchAll(/value="([a-z][a-z_]{1,30})"/g)) words.add(m[1]);
      }
      return { file, pattern, index, params: parts.filter((s) => s.startsWith('$')).map((s) => s.slice(1)), fields: [...fields].sort(), words: [...words].sort() };
    });
}

// ---------------------------------------------------------------------------------------------------------
// The database: ids to put in URLs and fields, sessions for the demo roles, and a log of changed rows.

const IDS_FOR_SEGMENT: Record<string, string> = {
  children: 'select id from children order by random() limit 15',
  claims: 'select id from claims order by random() limit 15',
  wishes: 'select id from wishes order by random() limit 15',
  sites: 'select id from sites order by random() limit 10',
  helpers: 'select * from (select user_id as id from volunteers order by random() limit 10) union all select * from (select id from organizations order by random() limit 5)',
  activities: 'select id from activities order by random() limit 10',
  slots: 'select id from slots order by random() limit 10',
  pairings: 'select id from pairings order by random() limit 13',
  certificates: 'select id from certificates order by random() limit 10',
};

const ROLES = ['admin@demo.local', 'staff@demo.local', 'staff2@demo.local', 'volunteer@demo.local', 'org@demo.local'] as const;
type Identity = (typeof ROLES)[number] | 'anonymous';

/**
 * What may change on a refused request, and why. Everything else is watched by triggers that write each
 * inserted, updated or deleted row's table into fuzz_changes.
 */
const MAY_CHANGE_ON_REFUSAL = {
  rate_limits: 'every attempt is counted, refused or not (sign-in is counted before the password is checked)',
  security_events: 'refusals are the security log: failed sign-ins, permission_denied, rate_limited',
  'sessions.last_seen_at, sessions.expires_at': 'a signed-in request slides its own session',
  "audit_events with action child.read / child.list": 'a refused POST re-renders the staff child page, whose loader audits the look (D13)',
  'outbox.status, attempts, next_attempt_at, last_error, sent_at, provider_id': 'the outbox worker (every 10 s) records deliveries',
} as const;

function installChangeLog(db: Database.Database) {
  db.exec('create table if not exists fuzz_changes (id integer primary key, tbl text not null, op text not null)');
  const tables = (db.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'").all() as { name: string }[])
    .map((r) => r.name)
    .filter((t) => !['fuzz_changes', '__drizzle_migrations', 'rate_limits', 'security_events'].includes(t));
  const exemptColumns: Record<string, string[]> = {
    sessions: ['last_seen_at', 'expires_at'],
    outbox: ['status', 'attempts', 'next_attempt_at', 'last_error', 'sent_at', 'provider_id'],
  };
  for (const table of tables) {
    const columns = (db.prepare(`pragma table_info("${table}")`).all() as { name: string }[]).map((c) => c.name);
    const watched = columns.filter((c) => !(exemptColumns[table] ?? []).includes(c));
    const log = (op: string) => `begin insert into fuzz_changes (tbl, op) values ('${table}', '${op}'); end`;
    const insertWhen = table === 'audit_events' ? " when new.action not in ('child.read', 'child.list')" : '';
    db.exec(`create trigger if not exists fuzz_${table}_i after insert on "${table}"${insertWhen} ${log('insert')}`);
    db.exec(`create trigger if not exists fuzz_${table}_u after update of ${watched.map((c) => `"${c}"`).join(', ')} on "${table}" ${log('update')}`);
    db.exec(`create trigger if not exists fuzz_${table}_d after delete on "${table}" ${log('delete')}`);
  }
}

/** A checksum of every row but those of MAY_CHANGE_ON_REFUSAL. */
function checksum(db: Database.Database): string {
  const hash = crypto.createHash('sha256');
  const tables = (db.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name").all() as { name: string }[]).map((r) => r.name);
  const sql: Record<string, string | null> = {
    fuzz_changes: null,
    rate_limits: null,
    security_events: null,
    sessions: 'select id, user_id, created_at, absolute_expires_at from sessions order by id',
    audit_events: "select * from audit_events where action not in ('child.read', 'child.list') order by rowid",
    outbox: 'select id, created_at, to_email, template, locale, subject, body_text from outbox order by rowid',
  };
  for (const table of tables) {
    const query = table in sql ? sql[table] : `select * from "${table}" order by rowid`;
    if (!query) continue;
    hash.update(table);
    for (const row of db.prepare(query).raw().iterate()) hash.update(JSON.stringify(row, (_k, v) => (typeof v === 'bigint' ? String(v) : v)));
  }
  return hash.digest('hex');
}

// ---------------------------------------------------------------------------------------------------------
// Values.

const INJECTIONS = [
  "' OR '1'='1' --",
  '"; drop table users; --',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '${7*7}{{7*7}}',
  '../../../etc/passwd',
  'javascript:alert(1)',
  '//evil.example/',
  'https://evil.example/login',
  '\\\\evil.example',
  '%00',
  'null',
  'undefined',
  '__proto__',
  'constructor',
  '[object Object]',
  '\r\nSet-Cookie: x=1',
];
const NUMBERS = ['-1', '0', '-0', '1.5', '1e309', '-1e309', '9007199254740993', '99999999999999999999999', 'NaN', 'Infinity', '0x10', '１２', ' 7 ', ''];
const DATES = ['0000-00-00', '2026-02-30', '2026-13-01', '9999-12-31', '1900-01-01', '-001-01-01', '2026-12-31T25:61', '2026/12/01', '1e10', '2030-01-01T00:00', '1970-01-01'];
const TEXTS = ['👩‍👩‍👧‍👦🎁', '\u202Eevil\u202C', 'مرحبا بالعالم', 'שלום', '\u0000', 'a\u0000b', '　', ' ', '\uFEFF', 'Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǵ̴o̯', '李小明', 'demo-password', 'volunteer@demo.local', 'staff@demo.local'];
/** Bytes that are not UTF-8, percent-encoded for a urlencoded body. */
const INVALID_UTF8 = ['%FF', '%C3%28', '%ED%A0%80', '%F4%90%80%80', '%C0%AF', '%E2%82', '%', '%G1', '%%'];

type Value = { text: string } | { raw: string };

function valueArb(route: ActionRoute, ids: string[]): fc.Arbitrary<Value> {
  const text = (arb: fc.Arbitrary<string>) => arb.map((t): Value => ({ text: t }));
  return fc.oneof(
    { weight: 4, arbitrary: text(fc.constantFrom(...(route.words.length ? route.words : ['x']))) },
    { weight: 1, arbitrary: text(fc.constantFrom('zzz_unknown', 'APPROVE', ' approve', 'approve\u0000', 'delete')) },
    { weight: 2, arbitrary: text(fc.constantFrom(...INJECTIONS)) },
    { weight: 2, arbitrary: text(fc.constantFrom(...NUMBERS)) },
    { weight: 2, arbitrary: text(fc.constantFrom(...DATES)) },
    { weight: 2, arbitrary: text(fc.constantFrom(...TEXTS)) },
    { weight: 2, arbitrary: text(fc.string({ unit: 'grapheme', maxLength: 40 })) },
    { weight: 1, arbitrary: text(fc.string({ unit: 'binary', maxLength: 40 })) },
    { weight: 2, arbitrary: ids.length ? text(fc.constantFrom(...ids)) : text(fc.constant('')) },
    { weight: 1, arbitrary: fc.constantFrom(...INVALID_UTF8).map((raw): Value => ({ raw })) },
    { weight: 1, arbitrary: text(fc.integer({ min: 61, max: 3_000 }).map((n) => 'x'.repeat(n))) },
    { weight: 1, arbitrary: text(fc.integer({ min: 10_000, max: 40_000 }).map((n) => '长'.repeat(n / 9))) },
  );
}

/** Percent-encoding of the UTF-8 bytes (a lone surrogate becomes U+FFFD, as a browser would send it). */
function encode(text: string): string {
  let out = '';
  for (const byte of new TextEncoder().encode(text)) {
    const c = String.fromCharCode(byte);
    out += /[A-Za-z0-9*\-._]/.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

function decodeRaw(raw: string): Buffer {
  return Buffer.from(raw.replace(/%([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1');
}

// ---------------------------------------------------------------------------------------------------------
// Cases.

const ENCODINGS = ['urlencoded', 'multipart', 'json', 'text', 'none', 'bad-boundary'] as const;
const VARIANTS = ['plain', 'same-origin', 'foreign-origin', 'same-origin-fetch-foreign-origin', 'https-origin', 'forwarded-host', 'legacy-data', 'put', 'patch', 'delete'] as const;

interface FuzzCase {
  route: ActionRoute;
  identity: Identity;
  paramValue: string;
  singleFetch: boolean;
  encoding: (typeof ENCODINGS)[number];
  variant: (typeof VARIANTS)[number];
  fields: Array<[string, Value, boolean]>;
}

function caseArb(routes: ActionRoute[], idsFor: (route: ActionRoute) => string[]): fc.Arbitrary<FuzzCase> {
  return fc.constantFrom(...routes).chain((route) => {
    const ids = idsFor(route);
    const field = fc.tuple(
      fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...route.fields) }, { weight: 1, arbitrary: fc.constantFrom('unknown', '', 'a[b]', '__proto__') }),
      valueArb(route, ids),
      fc.boolean(), // in multipart: sent as a file
    );
    return fc.record({
      route: fc.constant(route),
      identity: fc.constantFrom<Identity>('anonymous', ...ROLES),
      paramValue: fc.oneof({ weight: 5, arbitrary: ids.length ? fc.constantFrom(...ids) : fc.constant('x') }, { weight: 1, arbitrary: fc.constantFrom('nope', '0', '%00', '..', 'a'.repeat(300)) }),
      singleFetch: fc.boolean(),
      encoding: fc.oneof({ weight: 14, arbitrary: fc.constant('urlencoded' as const) }, { weight: 3, arbitrary: fc.constant('multipart' as const) }, { weight: 2, arbitrary: fc.constantFrom('json', 'text', 'none', 'bad-boundary') }),
      variant: fc.oneof({ weight: 16, arbitrary: fc.constantFrom('plain' as const, 'same-origin' as const) }, { weight: 3, arbitrary: fc.constantFrom(...VARIANTS) }),
      // Mostly the form's own fields, each maybe missing, repeated or of the wrong kind.
      fields: fc.array(field, { maxLength: 12 }),
    }) as fc.Arbitrary<FuzzCase>;
  });
}

function buildRequest(baseUrl: string, c: FuzzCase, cookie: string | null): { url: string; init: RequestInit } {
  const [pathPart] = [c.route.pattern.replace(/:(\w+)/g, () => encodeURIComponent(c.paramValue).replace(/%25/g, '%'))];
  const query = new URLSearchParams();
  if (c.route.index) query.set('index', '');
  if (c.variant === 'legacy-data') query.set('_data', `routes/${c.route.file.replace(/\.tsx?$/, '')}`);
  const url = `${baseUrl}${c.singleFetch ? `${pathPart === '/' ? '/_root' : pathPart}.data` : pathPart}${query.size ? `?${query.toString().replace(/=(&|$)/g, '$1')}` : ''}`;
  const headers: Record<string, string> = {};
  if (cookie) headers.cookie = cookie;
  const origin = new URL(baseUrl).origin;
  if (c.variant === 'same-origin') Object.assign(headers, { origin, 'sec-fetch-site': 'same-origin' });
  if (c.variant === 'foreign-origin') headers.origin = 'https://evil.example';
  if (c.variant === 'same-origin-fetch-foreign-origin') Object.assign(headers, { origin: 'http://evil.example', 'sec-fetch-site': 'same-origin' });
  if (c.variant === 'https-origin') headers.origin = origin.replace('http:', 'https:');
  if (c.variant === 'forwarded-host') Object.assign(headers, { origin, 'x-forwarded-host': 'evil.example' });
  const method = c.variant === 'put' ? 'PUT' : c.variant === 'patch' ? 'PATCH' : c.variant === 'delete' ? 'DELETE' : 'POST';

  let body: Uint8Array<ArrayBuffer> | string;
  const textOf = (v: Value) => ('text' in v ? v.text : decodeRaw(v.raw).toString('latin1'));
  switch (c.encoding) {
    case 'urlencoded':
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = c.fields.map(([name, v]) => `${encode(name)}=${'text' in v ? encode(v.text) : v.raw}`).join('&');
      break;
    case 'multipart':
    case 'bad-boundary': {
      const boundary = `----fuzz${crypto.randomBytes(6).toString('hex')}`;
      headers['content-type'] = `multipart/form-data; boundary=${c.encoding === 'bad-boundary' ? 'not-the-boundary' : boundary}`;
      const parts: Buffer[] = [];
      for (const [name, v, asFile] of c.fields) {
        const disposition = `form-data; name="${name.replace(/"/g, '%22')}"${asFile ? '; filename="a.txt"' : ''}`;
        parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n${asFile ? 'Content-Type: application/octet-stream\r\n' : ''}\r\n`));
        parts.push('text' in v ? Buffer.from(v.text) : decodeRaw(v.raw));
        parts.push(Buffer.from('\r\n'));
      }
      parts.push(Buffer.from(`--${boundary}--\r\n`));
      body = new Uint8Array(Buffer.concat(parts));
      break;
    }
    case 'json':
      headers['content-type'] = 'application/json';
      body = JSON.stringify(Object.fromEntries(c.fields.map(([name, v]) => [name, textOf(v)])));
      break;
    case 'text':
      headers['content-type'] = 'text/plain;charset=UTF-8';
      body = c.fields.map(([name, v]) => `${name}=${textOf(v)}`).join('\n');
      break;
    case 'none':
      body = new Uint8Array(Buffer.from(c.fields.map(([name, v]) => `${name}=${textOf(v)}`).join('&')));
      break;
  }
  return { url, init: { method, headers, body, redirect: 'manual', signal: AbortSignal.timeout(30_000) } };
}

// ---------------------------------------------------------------------------------------------------------

let server: RunningServer;
let db: Database.Database;
const cookies = new Map<Identity, string | null>();
const sessionRows: Array<[string, string, number, number, number, number]> = [];

function ensureSessions() {
  const insert = db.prepare('insert or ignore into sessions (id, user_id, created_at, last_seen_at, expires_at, absolute_expires_at) values (?, ?, ?, ?, ?, ?)');
  for (const row of sessionRows) insert.run(...row);
}

beforeAll(async () => {
  server = await startProductionServer({ SEED_DEMO: 'true' });
  db = new Database(server.databasePath);
  db.pragma('busy_timeout = 5000');
  installChangeLog(db);
  cookies.set('anonymous', null);
  const now = Date.now();
  for (const email of ROLES) {
    const user = db.prepare('select id from users where email = ?').get(email) as { id: string } | undefined;
    if (!user) throw new Error(`demo account ${email} is missing`);
    const token = crypto.randomBytes(20).toString('hex');
    // Staff limits apply on use (30 idle minutes, 12 hours); a run is shorter.
    sessionRows.push([sessionIdFromToken(token), user.id, now, now, now + 7 * 86_400_000, now + 12 * 3_600_000]);
    cookies.set(email, `${cookieName()}=${token}`);
  }
  ensureSessions();
});
afterAll(async () => {
  db?.close();
  await server?.stop();
});

describe('the route list', () => {
  it('finds every action, with its URL, fields and words', () => {
    const routes = actionRoutes();
    expect(routes.length).toBeGreaterThanOrEqual(20);
    const byFile = Object.fromEntries(routes.map((r) => [r.file, r]));
    expect(byFile['staff.children.$id.tsx']).toMatchObject({ pattern: '/staff/children/:id', index: false, params: ['id'] });
    expect(byFile['wishes._index.tsx']).toMatchObject({ pattern: '/wishes', index: true });
    expect(byFile['login.tsx'].fields).toEqual(expect.arrayContaining(['email', 'password']));
    expect(byFile['staff.claims.$id.tsx'].words).toEqual(expect.arrayContaining(['approve', 'reject', 'confirm']));
    expect(byFile['staff.children._index.tsx'].fields).toEqual(expect.arrayContaining(['realName', 'alias', 'notes']));
  });
});

describe('the bad bodies of item 7, to every action', () => {
  it('are all refused with a 4xx, and the database checksum is the same after', async () => {
    const before = checksum(db);
    const statuses: Record<string, number> = {};
    const failures: string[] = [];
    const requests: Array<{ url: string; init: RequestInit; label: string }> = [];
    for (const route of actionRoutes()) {
      for (const identity of ['anonymous', 'staff@demo.local'] as Identity[]) {
        for (const [encoding, variant] of [
          ['json', 'plain'],
          ['text', 'plain'],
          ['none', 'plain'],
          ['bad-boundary', 'plain'],
          ['urlencoded', 'same-origin-fetch-foreign-origin'],
          ['urlencoded', 'https-origin'],
          ['urlencoded', 'put'],
          ['urlencoded', 'patch'],
          ['urlencoded', 'delete'],
          ['urlencoded', 'legacy-data'],
        ] as const) {
          const c: FuzzCase = {
            route,
            identity,
            paramValue: 'x',
            singleFetch: false,
            encoding,
            variant,
            fields: route.fields.map((name): [string, Value, boolean] => [name, { text: 'x' }, false]),
          };
          const { url, init } = buildRequest(server.url, c, cookies.get(identity) ?? null);
          requests.push({ url, init, label: `${init.method} ${url} as ${identity}, ${encoding}/${variant}` });
        }
      }
    }
    // All of them are refused before a page runs, so four at a time is safe for the checksum.
    for (let i = 0; i < requests.length; i += 4) {
      await Promise.all(
        requests.slice(i, i + 4).map(async ({ url, init, label }) => {
          const res = await fetch(url, init);
          await res.arrayBuffer();
          statuses[res.status] = (statuses[res.status] ?? 0) + 1;
          if (res.status < 400 || res.status >= 500) failures.push(`${label} → ${res.status}`);
        }),
      );
    }
    expect(failures).toEqual([]);
    expect(checksum(db)).toBe(before);
    console.log(`bad bodies: ${Object.values(statuses).reduce((a, b) => a + b, 0)} requests, statuses ${JSON.stringify(statuses)}`);
  });
});

describe('generated requests to every action', () => {
  it(
    `answer below 500, and change no row when refused (${RUNS} cases, seed ${SEED})`,
    async () => {
      const routes = actionRoutes();
      const idCache = new Map<string, string[]>();
      const idsFor = (route: ActionRoute) => {
        const segment = route.pattern.split('/').at(-2) ?? '';
        if (!idCache.has(route.file)) {
          const sql = route.params.length ? IDS_FOR_SEGMENT[segment] : undefined;
          idCache.set(route.file, sql ? (db.prepare(sql).all() as { id: string }[]).map((r) => r.id) : []);
        }
        return idCache.get(route.file)!;
      };
      const cases = fc.sample(caseArb(routes, idsFor), { seed: SEED, numRuns: RUNS });
      const statuses: Record<string, number> = {};
      const serverErrors: string[] = [];
      const changedOnRefusal: string[] = [];
      let changesWhenAccepted = 0;
      const lastChange = db.prepare('select coalesce(max(id), 0) as id from fuzz_changes');
      const changesSince = db.prepare('select tbl, op, count(*) as n from fuzz_changes where id > ? group by tbl, op');
      for (const [i, c] of cases.entries()) {
        ensureSessions();
        const mark = (lastChange.get() as { id: number }).id;
        const { url, init } = buildRequest(server.url, c, cookies.get(c.identity) ?? null);
        let status: number;
        try {
          const res = await fetch(url, init);
          await res.arrayBuffer();
          status = res.status;
        } catch (error) {
          status = 599;
          serverErrors.push(`#${i} ${init.method} ${url} as ${c.identity}: no answer (${(error as Error).message})`);
        }
        statuses[status] = (statuses[status] ?? 0) + 1;
        const describeCase = () =>
          `#${i} ${init.method} ${url} as ${c.identity}, ${c.encoding}/${c.variant}: ${JSON.stringify(c.fields.map(([n, v]) => [n, 'text' in v ? v.text.slice(0, 40) : v.raw]))}`;
        if (status >= 500 && status !== 599) serverErrors.push(`${describeCase()} → ${status}`);
        const changes = changesSince.all(mark) as { tbl: string; op: string; n: number }[];
        if (status >= 400 && changes.length) changedOnRefusal.push(`${describeCase()} → ${status} changed ${JSON.stringify(changes)}`);
        if (status < 400) changesWhenAccepted += changes.length;
      }
      const total = cases.length;
      const fiveHundreds = Object.entries(statuses).filter(([s]) => Number(s) >= 500).reduce((sum, [, n]) => sum + n, 0);
      console.log(`fuzz: ${total} cases (seed ${SEED}), ${fiveHundreds} answers ≥ 500, statuses ${JSON.stringify(statuses)}`);
      // The positive control: accepted requests did write, so the change log is live and a quiet log means something.
      expect(changesWhenAccepted).toBeGreaterThan(0);
      expect(serverErrors).toEqual([]);
      expect(changedOnRefusal, `refused requests changed rows; only these may: ${Object.keys(MAY_CHANGE_ON_REFUSAL).join('; ')}`).toEqual([]);
      expect(server.output()).not.toContain('unexpected error');
      expect(server.output()).not.toMatch(/^\s+at /m);
    },
    Math.max(120_000, RUNS * 400),
  );
});
