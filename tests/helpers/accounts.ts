// Accounts for route and service tests: sites, users of every role, session cookies, and a way to call
// a route module's loader or action the way Remix does (a Request plus the load context).
import { eq } from 'drizzle-orm';
import { schema, type DB } from '../../db/client';
import { hashPassword } from '../../app/auth/password.server';
import { cookieName, createSession } from '../../app/auth/session.server';
import { loadActor } from '../../app/data/actors.server';
import { findUserById } from '../../app/data/users.server';
import type { Actor } from '../../app/domain/actor';
import { decideHelper } from '../../app/services/vetting.server';
import { signUp } from '../../app/services/accounts.server';

let counter = 0;
/** Unique enough for ids, codes and emails within one test database. */
export const uniq = (prefix = 'x') => `${prefix}${(++counter).toString(36)}${Math.random().toString(36).slice(2, 8)}`;

export const TEST_PASSWORD = 'Kind-Heart-2025!';
const hashes = new Map<string, Promise<string>>();
/** argon2 is slow on purpose; tests hash each password once. */
export const hashOnce = (password = TEST_PASSWORD) => {
  if (!hashes.has(password)) hashes.set(password, hashPassword(password));
  return hashes.get(password)!;
};

export interface TestSites {
  /** city */ city: string;
  /** county 利通区 */ lt: string;
  /** county 盐池县 */ yc: string;
  /** township under 利通区 */ ltTown: string;
  paths: { city: string; lt: string; yc: string; ltTown: string };
}

/** city → two counties (利通区, 盐池县) → a township under 利通区, with codes unique to this call. */
export function createSites(db: DB, now = Date.now()): TestSites {
  const tag = uniq('t');
  const insert = (code: string, kind: 'city' | 'county' | 'township', parentId: string | null, path: string, nameZh: string, nameEn: string) => {
    const id = uniq('s');
    db.insert(schema.sites).values({ id, code: `${tag}-${code}`, kind, parentId, path, nameZh, nameEn, createdAt: now }).run();
    return id;
  };
  const paths = { city: `/${tag}/`, lt: `/${tag}/lt/`, yc: `/${tag}/yc/`, ltTown: `/${tag}/lt/gz/` };
  const city = insert('wz', 'city', null, paths.city, '吴忠市', 'Wuzhong');
  const lt = insert('lt', 'county', city, paths.lt, '利通区', 'Litong District');
  const yc = insert('yc', 'county', city, paths.yc, '盐池县', 'Yanchi County');
  const ltTown = insert('gz', 'township', lt, paths.ltTown, '高闸镇', 'Gaozha Town');
  return { city, lt, yc, ltTown, paths };
}

export interface UserOptions {
  email?: string;
  displayName?: string;
  password?: string;
  admin?: boolean;
  /** Makes the user staff of this site. */
  staffSiteId?: string;
  /** Makes the user a volunteer with this vetting status. */
  volunteer?: { status?: 'pending' | 'approved' | 'rejected' | 'suspended'; countySiteId?: string | null; caringParent?: boolean };
  /** Makes the user the manager of a new organization with this status. */
  org?: { status?: 'pending' | 'approved' | 'rejected' | 'suspended'; name?: string; countySiteId?: string | null };
  verified?: boolean;
  locale?: 'zh-CN' | 'en';
}

export interface TestUser {
  id: string;
  email: string;
  password: string;
  orgId: string | null;
  actor: () => Actor;
  /** A fresh session, as the Cookie header a browser would send. */
  cookie: () => string;
}

/** Writes a user straight into the database (no sign-up route), with the roles asked for. */
export async function createUser(db: DB, options: UserOptions = {}, now = Date.now()): Promise<TestUser> {
  const id = uniq('u');
  const email = (options.email ?? `${id}@example.org`).toLowerCase();
  const password = options.password ?? TEST_PASSWORD;
  db.insert(schema.users)
    .values({
      id,
      email,
      passwordHash: await hashOnce(password),
      displayName: options.displayName ?? `User ${id}`,
      locale: options.locale ?? 'zh-CN',
      isAdmin: options.admin ?? false,
      staffSiteId: options.staffSiteId ?? null,
      emailVerifiedAt: options.verified === false ? null : now,
      createdAt: now,
    })
    .run();
  if (options.volunteer) {
    db.insert(schema.volunteers)
      .values({
        userId: id,
        status: options.volunteer.status ?? 'pending',
        countySiteId: options.volunteer.countySiteId ?? null,
        caringParent: options.volunteer.caringParent ?? false,
        createdAt: now,
      })
      .run();
  }
  let orgId: string | null = null;
  if (options.org) {
    orgId = uniq('o');
    db.insert(schema.organizations)
      .values({ id: orgId, name: options.org.name ?? `Org ${orgId}`, kind: 'social_org', status: options.org.status ?? 'pending', countySiteId: options.org.countySiteId ?? null, createdAt: now })
      .run();
    db.insert(schema.organizationMembers).values({ orgId, userId: id, role: 'manager', createdAt: now }).run();
  }
  return {
    id,
    email,
    password,
    orgId,
    actor: () => loadActor(findUserById(id)!),
    cookie: () => cookieFor(id),
  };
}

/** A new session for the user, as a Cookie header value. */
export function cookieFor(userId: string, now = Date.now()): string {
  const { token } = createSession(findUserById(userId)!, now);
  return `${cookieName()}=${token}`;
}

/** The session cookie a response set, as a Cookie header value (or null when it blanked it). */
export function cookieFromResponse(headers: Headers): string | null {
  const set = headers.get('set-cookie') ?? '';
  const match = set.match(new RegExp(`${cookieName()}=([^;]*)`));
  return match && match[1] ? `${cookieName()}=${match[1]}` : null;
}

export const testContext = (clientIp = '127.0.0.1') => ({ cspNonce: '', requestId: 't', clientIp });

export interface RouteCall {
  url: string;
  method?: 'GET' | 'POST';
  form?: Record<string, string>;
  cookie?: string | null;
  ip?: string;
  params?: Record<string, string>;
  headers?: Record<string, string>;
}

export interface RouteResult {
  status: number;
  headers: Headers;
  /** Where a redirect points. */
  location: string | null;
  /** What the loader or action returned (for data() results and plain objects). */
  data: any;
  /** Whether the result was thrown (guards, not-found, forbidden). */
  thrown: boolean;
}

type RouteFn = (args: { request: Request; params: Record<string, string>; context: ReturnType<typeof testContext> }) => unknown;

/** Calls a loader or action the way Remix does and normalizes what comes back (returned or thrown). */
export async function callRoute(fn: unknown, call: RouteCall): Promise<RouteResult> {
  const url = call.url.startsWith('http') ? call.url : `http://localhost${call.url}`;
  const headers = new Headers(call.headers);
  if (call.cookie) headers.set('cookie', call.cookie);
  let body: FormData | undefined;
  if (call.form) {
    body = new FormData();
    for (const [key, value] of Object.entries(call.form)) body.append(key, value);
  }
  const request = new Request(url, { method: call.method ?? (body ? 'POST' : 'GET'), headers, body });
  let value: unknown;
  let thrown = false;
  try {
    value = await (fn as RouteFn)({ request, params: call.params ?? {}, context: testContext(call.ip) });
  } catch (error) {
    value = error;
    thrown = true;
  }
  if (value instanceof Response) {
    let data: unknown = null;
    const type = value.headers.get('content-type') ?? '';
    if (type.includes('json')) data = await value.json();
    else if (value.body) data = await value.text();
    return { status: value.status, headers: value.headers, location: value.headers.get('location'), data, thrown };
  }
  if (thrown) throw value;
  if (value && typeof value === 'object' && (value as { type?: string }).type === 'DataWithResponseInit') {
    const { data, init } = value as { data: unknown; init: ResponseInit | null };
    return { status: init?.status ?? 200, headers: new Headers(init?.headers), location: null, data, thrown };
  }
  return { status: 200, headers: new Headers(), location: null, data: value, thrown };
}

/** Row counts of the tables an account change writes to. */
export function accountCounts(db: DB) {
  const count = (table: string) => (db.$client.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
  return {
    users: count('users'),
    volunteers: count('volunteers'),
    organizations: count('organizations'),
    members: count('organization_members'),
    tokens: count('tokens'),
    outbox: count('outbox'),
    sessions: count('sessions'),
  };
}

/**
 * Signs a helper up through the real sign-up service, verifies their email and has an admin (or the
 * given staff actor) approve them. Returns the new user's id and, for organizations, the org id.
 */
export async function signUpAndApprove(
  db: DB,
  input: { accountType?: 'volunteer' | 'organization'; email?: string; displayName?: string; caringParent?: boolean; organizationName?: string },
  approver: Actor,
  now = Date.now(),
): Promise<{ userId: string; orgId: string | null; email: string; password: string }> {
  const email = (input.email ?? `${uniq('h')}@example.org`).toLowerCase();
  const accountType = input.accountType ?? 'volunteer';
  const result = await signUp(
    {
      email,
      password: TEST_PASSWORD,
      displayName: input.displayName ?? 'Helper',
      accountType,
      caringParent: input.caringParent ?? false,
      organizationName: accountType === 'organization' ? input.organizationName ?? `Org ${uniq('n')}` : undefined,
      organizationKind: accountType === 'organization' ? 'social_org' : undefined,
      website: '',
    },
    'zh-CN',
    // A fresh address per call keeps the sign-up rate limit out of the way.
    { ip: `10.${counter % 250}.${Math.floor(Math.random() * 250)}.${++counter % 250}`, now },
  );
  if (!result.ok) throw new Error(`sign-up failed: ${JSON.stringify(result.error)}`);
  const user = db.select().from(schema.users).where(eq(schema.users.email, email)).get()!;
  db.update(schema.users).set({ emailVerifiedAt: now }).where(eq(schema.users.id, user.id)).run();
  const member = db.select().from(schema.organizationMembers).where(eq(schema.organizationMembers.userId, user.id)).get();
  const helperId = accountType === 'volunteer' ? user.id : member!.orgId;
  const decided = decideHelper(approver, helperId, { intent: 'approve', checkNote: '无犯罪记录证明 seen on 2025-03-01', reason: '', oneToOne: false }, { ip: '127.0.0.1', now });
  if (!decided.ok) throw new Error(`approval failed: ${JSON.stringify(decided.error)}`);
  return { userId: user.id, orgId: member?.orgId ?? null, email, password: TEST_PASSWORD };
}
