import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../helpers/db';
import { withLinks } from '../helpers/mail';
import { accountCounts, callRoute, createUser, uniq } from '../helpers/accounts';
import * as signupRoute from '../../app/routes/signup';
import { RATE_LIMITS } from '../../app/server/rate-limit.server';

const { db } = useTestDatabase('accounts-signup');

const sql = <T>(query: string, ...args: unknown[]) => db.$client.prepare(query).all(...args) as T[];

function form(overrides: Record<string, string> = {}) {
  return {
    email: `${uniq('new')}@example.org`,
    password: 'Quiet-River-Bridge-42',
    displayName: '张晓',
    accountType: 'volunteer',
    website: '',
    ...overrides,
  };
}

const post = (fields: Record<string, string>, ip = '192.0.2.10') => callRoute(signupRoute.action, { url: '/signup', form: fields, ip });

describe('sign-up', () => {
  it('creates a pending volunteer, mails a verification link and asks them to check their mail (signing nobody in)', async () => {
    const fields = form({ caringParent: 'on', email: `  ${uniq('Mixed')}@Example.ORG ` });
    const res = await post(fields);
    expect(res.status).toBe(302);
    expect(res.location).toBe('/signup?sent=1');
    expect(res.headers.get('set-cookie')).toBeNull();
    const page = await callRoute(signupRoute.loader, { url: '/signup?sent=1' });
    expect(page.data).toEqual({ sent: true });

    const email = fields.email.trim().toLowerCase();
    const [user] = sql<{ id: string; email_verified_at: number | null; password_hash: string }>('select * from users where email = ?', email);
    expect(user.email_verified_at).toBeNull();
    expect(user.password_hash).toMatch(/^\$argon2id\$/);
    const [volunteer] = sql<{ status: string; caring_parent: number }>('select * from volunteers where user_id = ?', user.id);
    expect(volunteer).toMatchObject({ status: 'pending', caring_parent: 1 });

    const [mail] = sql<{ id: string; template: string; body_text: string; link_secret: string | null; to_email: string }>('select * from outbox where to_email = ?', email).map((m) => withLinks(db, m));
    expect(mail.template).toBe('verify_email');
    const token = mail.body_text.match(/\/verify-email\?token=([a-z2-7]{32})/)?.[1];
    expect(token).toBeDefined();
    // Only the hash of the mailed token is stored.
    const stored = sql<{ token_hash: string }>('select token_hash from tokens where user_id = ?', user.id);
    expect(stored).toHaveLength(1);
    expect(stored[0].token_hash).not.toContain(token!);
    expect(sql('select * from security_events where type = ? and user_id = ?', 'sign_up', user.id)).toHaveLength(1);
  });

  it('creates a pending organization with the signer as its manager', async () => {
    const fields = form({ accountType: 'organization', organizationName: '暖阳公益服务中心', organizationKind: 'company' });
    const res = await post(fields);
    expect(res.status).toBe(302);
    expect(res.location).toBe('/signup?sent=1');
    const [user] = sql<{ id: string }>('select id from users where email = ?', fields.email);
    expect(sql('select * from volunteers where user_id = ?', user.id)).toHaveLength(0);
    const [member] = sql<{ org_id: string; role: string }>('select * from organization_members where user_id = ?', user.id);
    expect(member.role).toBe('manager');
    const [org] = sql<{ name: string; kind: string; status: string }>('select * from organizations where id = ?', member.org_id);
    expect(org).toMatchObject({ name: '暖阳公益服务中心', kind: 'company', status: 'pending' });
  });

  it.each<[string, Record<string, string>, string, string]>([
    ['a short password', { password: 'abc123' }, 'password', 'form.password.too_short'],
    ['a password over 128 characters', { password: 'x'.repeat(129) }, 'password', 'form.password.too_long'],
    ['a common password', { password: 'password1' }, 'password', 'form.password.weak'],
    ['a common Chinese password in capitals', { password: 'WOAINI1314' }, 'password', 'form.password.weak'],
    ['a birthday as password', { password: '19880808' }, 'password', 'form.password.weak'],
    ...['P@ssw0rd!', 'Password1!', 'Qwerty123!', 'Summer2024', 'wishbridge1', 'demo-password'].map(
      (password): [string, Record<string, string>, string, string] => [`the breached-style password ${password}`, { password }, 'password', 'form.password.weak'],
    ),
    ['the site’s name in Chinese', { password: '心愿桥心愿桥2025' }, 'password', 'form.password.weak'],
    ['a bad email', { email: 'not-an-email' }, 'email', 'form.email.invalid'],
    ['no name', { displayName: '  ' }, 'displayName', 'form.display_name.required'],
    ['an organization without a name', { accountType: 'organization', organizationKind: 'social_org' }, 'organizationName', 'form.organization_name.required'],
    ['an unknown account type', { accountType: 'admin' }, 'accountType', 'form.account_type.required'],
  ])('refuses %s with a field error and writes nothing', async (_, overrides, field, key) => {
    const before = accountCounts(db);
    const res = await post(form(overrides as Record<string, string>));
    expect(res.status).toBe(400);
    expect(res.data.fieldErrors[field]).toContain(key);
    expect(accountCounts(db)).toEqual(before);
  });

  it('gives one message per field: an empty email is required, not also malformed', async () => {
    const res = await post(form({ email: '   ' }));
    expect(res.status).toBe(400);
    expect(res.data.fieldErrors.email).toEqual(['form.email.required']);
  });

  it('refuses a password that is the email address itself', async () => {
    const email = `${uniq('selfpass')}@example.org`;
    const res = await post(form({ email, password: email }));
    expect(res.status).toBe(400);
    expect(res.data.fieldErrors.password).toContain('form.password.weak');
    expect(res.data.fieldErrors.password).toContain('password.warning.userInputs');
  });

  it('answers a taken address (in any case) exactly as a new one, creates nothing, and mails the owner at most once per 12 hours', async () => {
    const existing = await createUser(db);
    const fresh = await post(form(), '192.0.2.31');
    const before = accountCounts(db);
    const taken = await post(form({ email: existing.email.toUpperCase() }), '192.0.2.32');
    expect({ status: taken.status, location: taken.location, data: taken.data, cookie: taken.headers.get('set-cookie') }).toEqual({
      status: fresh.status,
      location: fresh.location,
      data: fresh.data,
      cookie: fresh.headers.get('set-cookie'),
    });
    expect(taken.location).toBe('/signup?sent=1');
    // Nothing but the notice.
    expect(accountCounts(db)).toEqual({ ...before, outbox: before.outbox + 1 });
    const notices = () => sql<{ to_email: string; locale: string; subject: string; body_text: string }>("select * from outbox where template = 'signup_taken' and to_email = ?", existing.email);
    expect(notices()).toHaveLength(1);
    expect(notices()[0].subject).toBe('有人用您的邮箱注册心愿桥');
    expect(notices()[0].body_text).toMatch(/\/forgot-password/);
    // Nothing about the account changed, and no verification link went to the address.
    expect(sql("select * from outbox where template = 'verify_email' and to_email = ?", existing.email)).toHaveLength(0);
    // Trying again (from anywhere) answers the same but mails nothing more: the notice cannot flood a mailbox.
    for (const ip of ['192.0.2.33', '192.0.2.34', '192.0.2.35']) {
      const again = await post(form({ email: existing.email }), ip);
      expect(again.status).toBe(302);
      expect(again.location).toBe('/signup?sent=1');
    }
    expect(notices()).toHaveLength(1);
  });

  it('creates nothing when the honeypot is filled, yet answers like a success', async () => {
    const before = accountCounts(db);
    const fields = form({ website: 'http://spam.example' });
    const res = await post(fields);
    expect(res.status).toBe(302);
    expect(res.location).toBe('/signup?sent=1');
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(accountCounts(db)).toEqual(before);
    expect(sql('select * from users where email = ?', fields.email)).toHaveLength(0);
    expect(sql("select * from security_events where type = 'honeypot'").length).toBeGreaterThan(0);
  });

  it('answers 429 with a readable message after too many sign-ups from one address', async () => {
    const ip = '198.51.100.77';
    const existing = await createUser(db);
    // Attempts that pass validation count, whatever became of them (here: an address already taken).
    for (let i = 0; i < RATE_LIMITS.signUpIp.limit; i++) {
      const res = await post(form({ email: existing.email }), ip);
      expect(res.status).toBe(302);
    }
    const before = accountCounts(db);
    const fields = form();
    const res = await post(fields, ip);
    expect(res.status).toBe(429);
    expect(res.data.message).toEqual({ key: 'error.too_many', params: { minutes: 60 } });
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(3000);
    expect(accountCounts(db)).toEqual(before);
    expect(sql("select * from security_events where type = 'rate_limited' and ip = ?", ip)).toHaveLength(1);
    // Another address is not affected.
    expect((await post(form(), '198.51.100.78')).status).toBe(302);
  });
});
