import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../helpers/db';
import { withLinks } from '../helpers/mail';
import { accountCounts, callRoute, cookieFromResponse, createUser, uniq, type TestUser } from '../helpers/accounts';
import * as changeRoute from '../../app/routes/change-email';
import * as forgotRoute from '../../app/routes/forgot-password';
import * as loginRoute from '../../app/routes/login';
import * as meRoute from '../../app/routes/me._index';
import * as meEmailRoute from '../../app/routes/me.email';
import * as resetRoute from '../../app/routes/reset-password';
import { hashMailToken } from '../../app/auth/tokens.server';
import { RATE_LIMITS } from '../../app/server/rate-limit.server';
import { maskEmail } from '../../app/services/email-change.server';

// Changing the account's address from /me: a link to the new address, a notice to the old one, and
// nothing changes until the link's button is pressed (D16).

const { db } = useTestDatabase('email-change');
const sql = <T>(query: string, ...args: unknown[]) => db.$client.prepare(query).all(...args) as T[];

let ipCounter = 0;
/** A fresh client address per request keeps the per-IP mail limit out of the way. */
const nextIp = () => `198.51.100.${++ipCounter % 250}`;

const opensMe = async (cookie: string) => (await callRoute(meRoute.loader, { url: '/me', cookie })).status === 200;
const mailTo = (email: string, template: string) =>
  sql<{ id: string; body_text: string; link_secret: string | null; subject: string; locale: string }>('select * from outbox where to_email = ? and template = ? order by created_at desc, rowid desc', email, template).map((m) => withLinks(db, m));
const emailOf = (userId: string) => sql<{ email: string; email_verified_at: number | null }>('select email, email_verified_at from users where id = ?', userId)[0];
const newAddress = () => `${uniq('new')}@example.net`;

const ask = (user: TestUser, cookie: string, newEmail: string, password = user.password, ip = nextIp()) =>
  callRoute(meEmailRoute.action, { url: '/me/email', form: { newEmail, password }, cookie, ip });
const tokenIn = (body: string) => body.match(/\/change-email\?token=([a-z2-7]{32})/)![1];
const linkFor = (email: string) => tokenIn(mailTo(email, 'email_change')[0].body_text);
const confirm = (token: string, cookie: string | null = null) => callRoute(changeRoute.action, { url: '/change-email', form: { token }, cookie, ip: nextIp() });
const login = (email: string, password: string) => callRoute(loginRoute.action, { url: '/login', form: { email, password }, ip: nextIp() });

describe('asking to change the address on /me', () => {
  it('refuses a wrong password, an address another account uses, the same address or no address, writing nothing', async () => {
    const user = await createUser(db, { volunteer: {} });
    const other = await createUser(db);
    const cookie = user.cookie();
    const before = accountCounts(db);

    const wrong = await ask(user, cookie, newAddress(), 'Not-My-Password-1');
    expect(wrong.status).toBe(400);
    expect(wrong.data.fieldErrors).toEqual({ password: ['form.password.current_wrong'] });

    const taken = await ask(user, cookie, other.email.toUpperCase());
    expect(taken.status).toBe(400);
    expect(taken.data.fieldErrors).toEqual({ newEmail: ['form.email.in_use'] });

    const same = await ask(user, cookie, ` ${user.email.toUpperCase()} `);
    expect(same.status).toBe(400);
    expect(same.data.fieldErrors).toEqual({ newEmail: ['form.email.same'] });

    expect((await ask(user, cookie, 'not-an-address')).data.fieldErrors.newEmail).toEqual(['form.email.invalid']);
    expect((await ask(user, cookie, newAddress(), '')).data.fieldErrors.password).toEqual(['form.password.required']);

    expect(accountCounts(db)).toEqual(before);
    expect(emailOf(user.id).email).toBe(user.email);
    expect(sql("select * from tokens where purpose = 'email_change'")).toHaveLength(0);
    expect(sql("select * from security_events where type = 'email_change_requested' and user_id = ?", user.id)).toHaveLength(0);
  });

  it('mails a single-use link to the new address and a notice naming it masked to the old one, changing nothing yet', async () => {
    const user = await createUser(db, { volunteer: {}, locale: 'en' });
    const cookie = user.cookie();
    const target = newAddress();
    const res = await ask(user, cookie, target.toUpperCase());
    expect(res.status).toBe(302);
    expect(res.location).toBe('/me?done=email_change_sent');
    const page = await callRoute(meRoute.loader, { url: '/me?done=email_change_sent', cookie });
    expect(page.data.done).toBe('email_change_sent');
    expect(page.data.account.email).toBe(user.email);

    const link = mailTo(target, 'email_change');
    expect(link).toHaveLength(1);
    expect(link[0].locale).toBe('en');
    const token = tokenIn(link[0].body_text);

    const notice = mailTo(user.email, 'email_change_notice');
    expect(notice).toHaveLength(1);
    expect(notice[0].body_text).toContain(maskEmail(target));
    expect(notice[0].body_text).not.toContain(target);
    expect(notice[0].body_text).not.toContain(token);
    expect(notice[0].body_text).toMatch(/\/forgot-password/);
    expect(mailTo(user.email, 'email_change')).toHaveLength(0);

    const rows = sql<{ token_hash: string; email: string; expires_at: number; created_at: number; used_at: number | null }>(
      "select * from tokens where user_id = ? and purpose = 'email_change'",
      user.id,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].email).toBe(target);
    expect(rows[0].token_hash).toBe(hashMailToken(token));
    expect(JSON.stringify(sql('select * from tokens'))).not.toContain(token);
    expect(rows[0].expires_at - rows[0].created_at).toBe(48 * 60 * 60 * 1000);

    // Nothing changed: the account keeps its address, and both its sessions work.
    expect(emailOf(user.id).email).toBe(user.email);
    expect(await opensMe(cookie)).toBe(true);
    expect((await login(user.email, user.password)).status).toBe(302);
    expect((await login(target, user.password)).status).toBe(400);
    // The log says what happened, never the addresses.
    const events = sql<{ detail: string | null }>("select * from security_events where type = 'email_change_requested' and user_id = ?", user.id);
    expect(events).toHaveLength(1);
    expect(JSON.stringify(sql('select * from security_events where user_id = ?', user.id))).not.toContain(target);
  });

  it('masks the new address in the notice', () => {
    expect(maskEmail('zhang.wei@example.org')).toBe('zh***@example.org');
    expect(maskEmail('ab@qq.com')).toBe('a***@qq.com');
  });

  it('limits these mails per address with a readable 429', async () => {
    const user = await createUser(db);
    const cookie = user.cookie();
    for (let i = 0; i < RATE_LIMITS.mailPerEmail.limit; i++) expect((await ask(user, cookie, newAddress())).status).toBe(302);
    const limited = await ask(user, cookie, newAddress());
    expect(limited.status).toBe(429);
    expect(limited.data.message.key).toBe('error.too_many');
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(mailTo(user.email, 'email_change_notice')).toHaveLength(RATE_LIMITS.mailPerEmail.limit);
    expect(sql("select * from security_events where type = 'rate_limited' and user_id = ?", user.id).length).toBeGreaterThan(0);
  });
});

describe('the link mailed to the new address', () => {
  it('shows a button on GET and changes nothing', async () => {
    const user = await createUser(db, { volunteer: {} });
    const cookie = user.cookie();
    const target = newAddress();
    await ask(user, cookie, target);
    const token = linkFor(target);
    const before = accountCounts(db);

    const page = await callRoute(changeRoute.loader, { url: `/change-email?token=${token}` });
    expect(page.status).toBe(200);
    expect(page.data.token).toBe(token);
    expect(page.data.email).toBe(target);
    expect(emailOf(user.id).email).toBe(user.email);
    expect(accountCounts(db)).toEqual(before);
    expect(sql("select * from tokens where user_id = ? and purpose = 'email_change' and used_at is null", user.id)).toHaveLength(1);
    expect(await opensMe(cookie)).toBe(true);

    expect((await callRoute(changeRoute.loader, { url: '/change-email?token=nonsense' })).data.token).toBeNull();
  });

  it('on POST changes the address, marks it verified, keeps this browser and ends the other sessions, once', async () => {
    const user = await createUser(db, { volunteer: {}, verified: false });
    const here = user.cookie();
    const phone = user.cookie();
    const target = newAddress();
    await ask(user, here, target);
    const token = linkFor(target);

    const res = await confirm(token, here);
    expect(res.status).toBe(302);
    expect(res.location).toBe('/me?done=email_changed');
    const row = emailOf(user.id);
    expect(row.email).toBe(target);
    expect(row.email_verified_at).not.toBeNull();
    expect(await opensMe(here)).toBe(true);
    expect(await opensMe(phone)).toBe(false);
    expect(sql('select * from sessions where user_id = ?', user.id)).toHaveLength(1);
    const page = await callRoute(meRoute.loader, { url: '/me?done=email_changed', cookie: here });
    expect(page.data.account).toMatchObject({ email: target, emailVerified: true });
    expect(page.data.done).toBe('email_changed');

    expect(sql("select * from audit_events where entity_id = ? and action = 'email_change'", user.id)).toHaveLength(1);
    expect(sql("select * from security_events where user_id = ? and type = 'email_changed'", user.id)).toHaveLength(1);
    expect(sql("select detail from security_events where user_id = ? and type = 'sessions_revoked'", user.id)).toEqual([{ detail: 'email change (1)' }]);

    const again = await confirm(token, here);
    expect(again.status).toBe(409);
    expect(again.data.message.key).toBe('auth.change_email.invalid');
    expect((await callRoute(changeRoute.loader, { url: `/change-email?token=${token}` })).data.token).toBeNull();

    // Sign-in goes by the new address now, never the old one.
    expect((await login(user.email, user.password)).status).toBe(400);
    const signedIn = await login(target.toUpperCase(), user.password);
    expect(signedIn.status).toBe(302);
    expect(await opensMe(cookieFromResponse(signedIn.headers)!)).toBe(true);
  });

  it('ends every session of the account when nobody is signed in, and sends them to log in', async () => {
    const user = await createUser(db, { volunteer: {} });
    const cookie = user.cookie();
    const target = newAddress();
    await ask(user, cookie, target);
    const res = await confirm(linkFor(target));
    expect(res.status).toBe(302);
    expect(res.location).toBe('/login?notice=email_changed');
    expect(emailOf(user.id).email).toBe(target);
    expect(await opensMe(cookie)).toBe(false);
    expect(sql('select * from sessions where user_id = ?', user.id)).toHaveLength(0);
    expect((await callRoute(loginRoute.loader, { url: '/login?notice=email_changed' })).data.notice).toBe('email_changed');
  });

  it('leaves a browser signed in as someone else signed in as them, and ends every session of the account', async () => {
    const user = await createUser(db, { volunteer: {} });
    const other = await createUser(db, { volunteer: {} });
    const cookie = user.cookie();
    const otherCookie = other.cookie();
    const target = newAddress();
    await ask(user, cookie, target);
    const res = await confirm(linkFor(target), otherCookie);
    expect(res.status).toBe(200);
    expect(res.data.message.key).toBe('auth.change_email.done');
    expect(emailOf(user.id).email).toBe(target);
    expect(emailOf(other.id).email).toBe(other.email);
    expect(await opensMe(cookie)).toBe(false);
    expect(await opensMe(otherCookie)).toBe(true);
  });

  it('refuses an expired link and one a newer request superseded', async () => {
    const user = await createUser(db);
    const cookie = user.cookie();
    const first = newAddress();
    await ask(user, cookie, first);
    const superseded = linkFor(first);
    const second = newAddress();
    await ask(user, cookie, second);
    const expired = linkFor(second);
    db.$client.prepare("update tokens set expires_at = ? where user_id = ? and purpose = 'email_change' and used_at is null").run(Date.now() - 1, user.id);

    for (const token of [superseded, expired]) {
      expect((await callRoute(changeRoute.loader, { url: `/change-email?token=${token}` })).data.token).toBeNull();
      const res = await confirm(token, cookie);
      expect(res.status).toBe(409);
      expect(res.data.message.key).toBe('auth.change_email.invalid');
    }
    expect(emailOf(user.id).email).toBe(user.email);
    expect(await opensMe(cookie)).toBe(true);
    expect(sql("select * from audit_events where entity_id = ? and action = 'email_change'", user.id)).toHaveLength(0);
  });

  it('refuses, changing nothing, when another account took the address after the link was mailed', async () => {
    const user = await createUser(db, { volunteer: {} });
    const cookie = user.cookie();
    const phone = user.cookie();
    const target = newAddress();
    await ask(user, cookie, target);
    const token = linkFor(target);
    const rival = await createUser(db, { email: target });

    const res = await confirm(token, cookie);
    expect(res.status).toBe(409);
    expect(res.data.message.key).toBe('auth.change_email.taken');
    expect(emailOf(user.id).email).toBe(user.email);
    expect(emailOf(rival.id).email).toBe(target);
    expect(await opensMe(cookie)).toBe(true);
    expect(await opensMe(phone)).toBe(true);
    expect(sql("select * from security_events where user_id = ? and type = 'email_changed'", user.id)).toHaveLength(0);
    expect((await login(user.email, user.password)).status).toBe(302);
  });

  it('is cancelled by a password reset from the old mailbox, and a reset link for the old address dies with the change', async () => {
    // "It was not me": the owner resets the password from the old address.
    const victim = await createUser(db);
    const target = newAddress();
    await ask(victim, victim.cookie(), target);
    const token = linkFor(target);
    await callRoute(forgotRoute.action, { url: '/forgot-password', form: { email: victim.email }, ip: nextIp() });
    const reset = mailTo(victim.email, 'reset_password')[0].body_text.match(/token=([a-z2-7]{32})/)![1];
    expect((await callRoute(resetRoute.action, { url: '/reset-password', form: { token: reset, password: 'Brand-New-Harbour-7' }, ip: nextIp() })).status).toBe(302);
    expect((await confirm(token)).status).toBe(409);
    expect(emailOf(victim.id).email).toBe(victim.email);

    // The other way round: once the address has changed, a reset link mailed to the old address is dead.
    const user = await createUser(db);
    const moved = newAddress();
    await ask(user, user.cookie(), moved);
    const change = linkFor(moved);
    await callRoute(forgotRoute.action, { url: '/forgot-password', form: { email: user.email }, ip: nextIp() });
    const oldReset = mailTo(user.email, 'reset_password')[0].body_text.match(/token=([a-z2-7]{32})/)![1];
    expect((await confirm(change)).status).toBe(302);
    expect((await callRoute(resetRoute.action, { url: '/reset-password', form: { token: oldReset, password: 'Brand-New-Harbour-8' }, ip: nextIp() })).status).toBe(409);
  });
});
