import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../helpers/db';
import { withLinks } from '../helpers/mail';
import { callRoute, cookieFromResponse, createUser, uniq } from '../helpers/accounts';
import * as loginRoute from '../../app/routes/login';
import * as logoutRoute from '../../app/routes/logout';
import * as meRoute from '../../app/routes/me._index';
import * as meAccountRoute from '../../app/routes/me.account';
import * as mePasswordRoute from '../../app/routes/me.password';
import * as meVerificationRoute from '../../app/routes/me.verification';
import * as forgotRoute from '../../app/routes/forgot-password';
import * as resetRoute from '../../app/routes/reset-password';
import * as verifyRoute from '../../app/routes/verify-email';
import * as signupRoute from '../../app/routes/signup';
import { RATE_LIMITS } from '../../app/server/rate-limit.server';
import { signIn } from '../../app/services/auth.server';

const { db } = useTestDatabase('auth-session');
const sql = <T>(query: string, ...args: unknown[]) => db.$client.prepare(query).all(...args) as T[];

const deviceCookie = (headers: Headers) => headers.get('set-cookie')?.match(/(wb_device=[^;]*)/)?.[1] ?? null;
const login = (email: string, password: string, extra: Record<string, string> = {}, ip = '192.0.2.1') =>
  callRoute(loginRoute.action, { url: '/login', form: { email, password, ...extra }, ip });
/** Whether the cookie still opens /me. */
const opensMe = async (cookie: string) => (await callRoute(meRoute.loader, { url: '/me', cookie })).status === 200;
const mailTo = (email: string, template: string) =>
  sql<{ id: string; body_text: string; link_secret: string | null; subject: string }>('select * from outbox where to_email = ? and template = ? order by created_at desc', email, template).map((m) => withLinks(db, m));

describe('sign-in and sign-out', () => {
  it('signs in with a fresh token, an HttpOnly SameSite=Lax cookie, and logs the event', async () => {
    const user = await createUser(db, { volunteer: { status: 'pending' } });
    const earlier = user.cookie();
    const res = await login(user.email.toUpperCase(), user.password);
    expect(res.status).toBe(302);
    expect(res.location).toBe('/me');
    const setCookie = res.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    const cookie = cookieFromResponse(res.headers)!;
    expect(cookie).not.toBe(earlier);
    expect(await opensMe(cookie)).toBe(true);
    expect(sql('select * from security_events where type = ? and user_id = ? and ip = ?', 'sign_in', user.id, '192.0.2.1')).toHaveLength(1);
  });

  it('makes the language used to sign in the language of later mail', async () => {
    const user = await createUser(db);
    const locale = () => sql<{ locale: string }>('select locale from users where id = ?', user.id)[0].locale;
    expect(locale()).toBe('zh-CN');
    const en = await callRoute(loginRoute.action, { url: '/login?lang=en', form: { email: user.email, password: user.password }, ip: '192.0.2.9' });
    expect(en.status).toBe(302);
    expect(locale()).toBe('en');
    await callRoute(loginRoute.action, { url: '/login', form: { email: user.email, password: 'wrong-password-here' }, ip: '192.0.2.9' });
    expect(locale()).toBe('en');
  });

  it('gives the same answer for a wrong password and an unknown account', async () => {
    const user = await createUser(db);
    const wrong = await login(user.email, 'Not-The-Password-1');
    const unknown = await login(`${uniq('nobody')}@example.org`, 'Not-The-Password-1');
    expect(wrong.status).toBe(400);
    expect(unknown.status).toBe(400);
    expect(wrong.data).toEqual(unknown.data);
    expect(wrong.data.message.key).toBe('auth.login.failed');
    expect(wrong.headers.get('set-cookie')).toBeNull();
    const failures = sql<{ detail: string; user_id: string | null }>("select * from security_events where type = 'sign_in_failed'");
    expect(failures.map((f) => f.user_id)).toContain(user.id);
    // Never the password in the log.
    expect(JSON.stringify(sql('select * from security_events'))).not.toContain('Not-The-Password-1');
  });

  it('follows a same-site redirectTo and ignores one pointing elsewhere', async () => {
    const user = await createUser(db, { volunteer: {} });
    expect((await login(user.email, user.password, { redirectTo: '/wishes?x=1' })).location).toBe('/wishes?x=1');
    expect((await login(user.email, user.password, { redirectTo: '//evil.example/' })).location).toBe('/me');
    expect((await login(user.email, user.password, { redirectTo: 'https://evil.example/' })).location).toBe('/me');
    expect((await login(user.email, user.password, { redirectTo: '/\\evil.example' })).location).toBe('/me');
  });

  it('ends the browser’s earlier session when someone signs in over it', async () => {
    const first = await createUser(db, { volunteer: {} });
    const second = await createUser(db, { volunteer: {} });
    const earlier = first.cookie();
    const res = await callRoute(loginRoute.action, { url: '/login', form: { email: second.email, password: second.password }, cookie: earlier });
    expect(res.status).toBe(302);
    expect(await opensMe(earlier)).toBe(false);
    expect(await opensMe(cookieFromResponse(res.headers)!)).toBe(true);
  });

  it('sends staff to /staff and admins to /admin', async () => {
    const staff = await createUser(db, { staffSiteId: undefined, admin: true });
    expect((await login(staff.email, staff.password)).location).toBe('/admin');
  });

  it('signs out on POST only, and a replayed signed-out cookie opens nothing', async () => {
    const user = await createUser(db, { volunteer: {} });
    const cookie = user.cookie();
    const other = user.cookie();

    const get = await callRoute(logoutRoute.loader, { url: '/logout', cookie });
    expect(get.status).toBe(302);
    expect(await opensMe(cookie)).toBe(true);

    const res = await callRoute(logoutRoute.action, { url: '/logout', form: {}, cookie });
    expect(res.status).toBe(302);
    expect(res.headers.get('set-cookie')).toMatch(/^wb_session=; .*Max-Age=0/);
    expect(sql('select * from security_events where type = ? and user_id = ?', 'sign_out', user.id)).toHaveLength(1);

    const replay = await callRoute(meRoute.loader, { url: '/me', cookie });
    expect(replay.status).toBe(302);
    expect(replay.location).toBe('/login?redirectTo=%2Fme');
    // Signing out here ends this session only.
    expect(await opensMe(other)).toBe(true);
  });

  it('refuses one network after too many failures for one account, while successes never count and other networks get in', async () => {
    const user = await createUser(db);
    const ip = '203.0.113.7';
    for (let i = 0; i < RATE_LIMITS.signInAccountIp.limit + 2; i++) {
      expect((await login(user.email, user.password, {}, ip)).status).toBe(302);
    }
    for (let i = 0; i < RATE_LIMITS.signInAccountIp.limit; i++) {
      expect((await login(user.email, `wrong-${i}-password`, {}, ip)).status).toBe(400);
    }
    const blocked = await login(user.email, user.password, {}, ip);
    expect(blocked.status).toBe(429);
    expect(blocked.data.message.key).toBe('error.too_many');
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(60);
    expect(blocked.headers.get('set-cookie')).toBeNull();
    expect(sql("select * from security_events where type = 'rate_limited' and detail = 'signInAccountIp'").length).toBeGreaterThan(0);
    // The guessing network is refused; the account is not locked.
    expect((await login(user.email, user.password, {}, '203.0.113.8')).status).toBe(302);
  });

  it('never locks an account by wrong passwords from many addresses (ten, or past the ceiling): strangers slow down, known browsers and networks get in', async () => {
    const user = await createUser(db);
    // The person's own laptop signs in once from home: the browser gets a device cookie.
    const home = '198.18.0.1';
    const first = await login(user.email, user.password, {}, home);
    expect(first.status).toBe(302);
    const device = deviceCookie(first.headers);
    expect(device).toMatch(/^wb_device=[a-z2-7]{32}\.[A-Za-z0-9_-]{22}$/);
    expect(first.headers.get('set-cookie')).toMatch(/wb_device=[^;]*; Path=\/; Max-Age=\d{8}; HttpOnly; SameSite=Lax/);

    // Ten wrong passwords from a mix of addresses (the case): the right password still works anywhere.
    for (let i = 0; i < 10; i++) expect((await login(user.email, `wrong-${i}-password`, {}, `198.18.1.${i}`)).status).toBe(400);
    expect((await login(user.email, user.password, {}, '198.18.2.1')).status).toBe(302);

    // Up to the per-account ceiling, from as many addresses (the success above gave its attempt back).
    for (let i = 10; i < RATE_LIMITS.signInAccount.limit; i++) expect((await login(user.email, `wrong-${i}-again`, {}, `198.18.3.${i}`)).status).toBe(400);
    // Past it, a stranger's attempt takes this minute's slot; the next stranger waits for the next minute, even with the right password.
    expect((await login(user.email, 'still-guessing-1', {}, '198.18.4.1')).status).toBe(400);
    const slowed = await login(user.email, user.password, {}, '198.18.4.2');
    expect(slowed.status).toBe(429);
    expect(Number(slowed.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(slowed.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect(sql("select * from security_events where type = 'rate_limited' and detail = 'signInSlow'").length).toBeGreaterThan(0);
    // The laptop (device cookie) gets in from anywhere, and so does any browser at home (a known network).
    const laptop = await callRoute(loginRoute.action, { url: '/login', form: { email: user.email, password: user.password }, ip: '198.18.9.9', cookie: device });
    expect(laptop.status).toBe(302);
    expect((await login(user.email, user.password, {}, home)).status).toBe(302);
    // A wrong password from the laptop is still a wrong password, and counts for that browser.
    const typo = await callRoute(loginRoute.action, { url: '/login', form: { email: user.email, password: 'a-typo' }, ip: '198.18.9.9', cookie: device });
    expect(typo.status).toBe(400);
    // A minute later a stranger with the right password gets through: slowed, not locked out.
    const later = await signIn({ email: user.email, password: user.password }, { ip: '198.18.4.3', now: Date.now() + 61_000 });
    expect(later.ok).toBe(true);
  }, 60_000);

  it('does not take a device cookie made for another account or tampered with', async () => {
    const owner = await createUser(db);
    const other = await createUser(db);
    const device = deviceCookie((await login(owner.email, owner.password, {}, '198.19.0.1')).headers)!;
    for (let i = 0; i < RATE_LIMITS.signInAccount.limit + 1; i++) await login(other.email, `wrong-${i}-password`, {}, `198.19.1.${i}`);
    const tampered = device.replace(/\.(.)/, (_, c: string) => `.${c === 'A' ? 'B' : 'A'}`);
    for (const cookie of [device, tampered]) {
      const res = await callRoute(loginRoute.action, { url: '/login', form: { email: other.email, password: other.password }, ip: '198.19.2.1', cookie });
      expect(res.status).toBe(429);
    }
  }, 60_000);

  it('refuses sign-in with 429 after too many failures from one IP, whatever the accounts', async () => {
    const ip = '203.0.113.250';
    for (let i = 0; i < RATE_LIMITS.signInIp.limit; i++) {
      expect((await login(`${uniq('guess')}@example.org`, 'Guessing-123', {}, ip)).status).toBe(400);
    }
    const user = await createUser(db);
    expect((await login(user.email, user.password, {}, ip)).status).toBe(429);
    const elsewhere = await login(user.email, user.password, {}, '203.0.113.251');
    expect(elsewhere.status).toBe(302);
    // A browser that signed in to this account before is not held back by its network's count.
    const known = await callRoute(loginRoute.action, { url: '/login', form: { email: user.email, password: user.password }, ip, cookie: deviceCookie(elsewhere.headers) });
    expect(known.status).toBe(302);
  }, 60_000);
});

describe('password reset', () => {
  it('answers the same whether or not the address has an account, and mails only a real one', async () => {
    const user = await createUser(db);
    const known = await callRoute(forgotRoute.action, { url: '/forgot-password', form: { email: user.email } });
    const unknownEmail = `${uniq('ghost')}@example.org`;
    const unknown = await callRoute(forgotRoute.action, { url: '/forgot-password', form: { email: unknownEmail } });
    expect(known.status).toBe(200);
    expect(known.data).toEqual(unknown.data);
    expect(mailTo(user.email, 'reset_password')).toHaveLength(1);
    expect(mailTo(unknownEmail, 'reset_password')).toHaveLength(0);
  });

  it('sets a new password through a single-use link and revokes every session', async () => {
    const user = await createUser(db, { volunteer: {} });
    const phone = user.cookie();
    const laptop = user.cookie();
    await callRoute(forgotRoute.action, { url: '/forgot-password', form: { email: user.email } });
    const token = mailTo(user.email, 'reset_password')[0].body_text.match(/reset-password\?token=([a-z2-7]{32})/)![1];

    // Opening the link changes nothing.
    const page = await callRoute(resetRoute.loader, { url: `/reset-password?token=${token}` });
    expect(page.data.token).toBe(token);
    expect(await opensMe(phone)).toBe(true);

    const common = await callRoute(resetRoute.action, { url: '/reset-password', form: { token, password: 'iloveyou' } });
    expect(common.status).toBe(400);
    expect(common.data.fieldErrors.password[0]).toBe('form.password.weak');
    const breached = await callRoute(resetRoute.action, { url: '/reset-password', form: { token, password: 'Qwerty123!' } });
    expect(breached.status).toBe(400);
    expect(breached.data.fieldErrors.password[0]).toBe('form.password.weak');

    const res = await callRoute(resetRoute.action, { url: '/reset-password', form: { token, password: 'Brand-New-Harbour-7' } });
    expect(res.status).toBe(302);
    expect(res.location).toBe('/login?notice=reset');
    expect(await opensMe(phone)).toBe(false);
    expect(await opensMe(laptop)).toBe(false);
    expect(sql('select * from sessions where user_id = ?', user.id)).toHaveLength(0);
    expect(sql('select * from security_events where type = ? and user_id = ?', 'sessions_revoked', user.id)).toHaveLength(1);

    const again = await callRoute(resetRoute.action, { url: '/reset-password', form: { token, password: 'Another-New-Harbour-8' } });
    expect(again.status).toBe(409);
    expect(again.data.message.key).toBe('auth.reset.invalid');
    expect((await callRoute(resetRoute.loader, { url: `/reset-password?token=${token}` })).data.token).toBeNull();

    expect((await login(user.email, user.password)).status).toBe(400);
    expect((await login(user.email, 'Brand-New-Harbour-7')).status).toBe(302);
  });

  it('refuses an expired link', async () => {
    const user = await createUser(db);
    await callRoute(forgotRoute.action, { url: '/forgot-password', form: { email: user.email } });
    const token = mailTo(user.email, 'reset_password')[0].body_text.match(/token=([a-z2-7]{32})/)![1];
    db.$client.prepare('update tokens set expires_at = ? where user_id = ?').run(Date.now() - 1, user.id);
    const res = await callRoute(resetRoute.action, { url: '/reset-password', form: { token, password: 'Brand-New-Harbour-7' } });
    expect(res.status).toBe(409);
  });

  it('limits reset mails per address with 429, for unknown addresses too', async () => {
    for (const email of [(await createUser(db)).email, `${uniq('ghost')}@example.org`]) {
      for (let i = 0; i < RATE_LIMITS.mailPerEmail.limit; i++) {
        expect((await callRoute(forgotRoute.action, { url: '/forgot-password', form: { email }, ip: `198.18.0.${i}` })).status).toBe(200);
      }
      const res = await callRoute(forgotRoute.action, { url: '/forgot-password', form: { email }, ip: '198.18.0.99' });
      expect(res.status).toBe(429);
      expect(res.data.message.key).toBe('error.too_many');
    }
  });
});

describe('email verification', () => {
  it('verifies only when the button is pressed (POST), once', async () => {
    const email = `${uniq('verify')}@example.org`;
    const signup = await callRoute(signupRoute.action, {
      url: '/signup',
      form: { email, password: 'Quiet-River-Bridge-42', displayName: 'V', accountType: 'volunteer' },
      ip: '192.0.2.55',
    });
    expect(signup.location).toBe('/signup?sent=1');
    const token = mailTo(email, 'verify_email')[0].body_text.match(/verify-email\?token=([a-z2-7]{32})/)![1];
    const verified = () => sql<{ email_verified_at: number | null }>('select email_verified_at from users where email = ?', email)[0].email_verified_at;

    const page = await callRoute(verifyRoute.loader, { url: `/verify-email?token=${token}` });
    expect(page.data.token).toBe(token);
    expect(verified()).toBeNull();

    const res = await callRoute(verifyRoute.action, { url: '/verify-email', form: { token } });
    expect(res.status).toBe(200);
    expect(res.data.message.key).toBe('auth.verify.done');
    expect(verified()).not.toBeNull();

    const again = await callRoute(verifyRoute.action, { url: '/verify-email', form: { token } });
    expect(again.status).toBe(409);
    expect((await callRoute(verifyRoute.loader, { url: `/verify-email?token=${token}` })).data.token).toBeNull();
  });

  it('resends a verification mail from /me, retiring the old link, with a per-address limit', async () => {
    const user = await createUser(db, { volunteer: {}, verified: false });
    const cookie = user.cookie();
    const first = await callRoute(meVerificationRoute.action, { url: '/me/verification', form: {}, cookie });
    expect(first.location).toBe('/me?done=verification_sent');
    await callRoute(meVerificationRoute.action, { url: '/me/verification', form: {}, cookie });
    const mails = mailTo(user.email, 'verify_email');
    expect(mails).toHaveLength(2);
    const live = sql('select * from tokens where user_id = ? and used_at is null', user.id);
    expect(live).toHaveLength(1);
    await callRoute(meVerificationRoute.action, { url: '/me/verification', form: {}, cookie });
    const limited = await callRoute(meVerificationRoute.action, { url: '/me/verification', form: {}, cookie });
    expect(limited.status).toBe(429);
  });
});

describe('password change', () => {
  it('needs the current password, revokes the other sessions and keeps this browser signed in', async () => {
    const user = await createUser(db, { volunteer: {} });
    const here = user.cookie();
    const elsewhere = user.cookie();
    const wrong = await callRoute(mePasswordRoute.action, { url: '/me/password', form: { currentPassword: 'nope-nope-nope', newPassword: 'Fresh-Meadow-99' }, cookie: here });
    expect(wrong.status).toBe(400);
    expect(wrong.data.fieldErrors.currentPassword).toEqual(['form.password.current_wrong']);
    const common = await callRoute(mePasswordRoute.action, { url: '/me/password', form: { currentPassword: user.password, newPassword: '1qaz2wsx' }, cookie: here });
    expect(common.data.fieldErrors.newPassword[0]).toBe('form.password.weak');
    const siteWord = await callRoute(mePasswordRoute.action, { url: '/me/password', form: { currentPassword: user.password, newPassword: 'wishbridge1' }, cookie: here });
    expect(siteWord.data.fieldErrors.newPassword).toEqual(expect.arrayContaining(['form.password.weak', 'password.warning.userInputs']));

    const res = await callRoute(mePasswordRoute.action, { url: '/me/password', form: { currentPassword: user.password, newPassword: 'Fresh-Meadow-99' }, cookie: here });
    expect(res.status).toBe(302);
    const fresh = cookieFromResponse(res.headers)!;
    expect(await opensMe(fresh)).toBe(true);
    expect(await opensMe(here)).toBe(false);
    expect(await opensMe(elsewhere)).toBe(false);
  });
});

describe('account name', () => {
  it('changes the name the account shows, refusing an empty or overlong one without writing', async () => {
    const user = await createUser(db, { displayName: '小林' });
    const save = (displayName: string) => callRoute(meAccountRoute.action, { url: '/me/account', form: { displayName }, cookie: user.cookie() });
    const nameNow = () => sql<{ display_name: string }>('select display_name from users where id = ?', user.id)[0].display_name;

    const empty = await save('   ');
    expect(empty.status).toBe(400);
    expect(empty.data.fieldErrors.displayName).toEqual(['form.display_name.required']);
    expect((await save('林'.repeat(61))).data.fieldErrors.displayName).toEqual(['form.display_name.too_long']);
    expect(nameNow()).toBe('小林');

    const res = await save('  林老师 ');
    expect(res.location).toBe('/me?done=account');
    expect(nameNow()).toBe('林老师');
    expect((await callRoute(meRoute.loader, { url: '/me', cookie: user.cookie() })).data.account.displayName).toBe('林老师');
    expect(sql("select * from audit_events where entity_id = ? and action = 'account_update'", user.id)).toHaveLength(1);
  });
});
