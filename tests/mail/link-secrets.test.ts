import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../helpers/db';
import { withLinks } from '../helpers/mail';
import { callRoute, createSites, createUser, uniq, type TestSites, type TestUser } from '../helpers/accounts';
import * as forgotRoute from '../../app/routes/forgot-password';
import * as staffAdminRoute from '../../app/routes/admin.staff';
import * as outboxRoute from '../../app/routes/admin.outbox';
import { writeTx } from '../../app/data/db.server';
import { getOutboxMail } from '../../app/data/outbox.server';
import { enqueueMail } from '../../app/mail/send.server';
import { bodyWithLinks, MASK, openTokens, sealLegacyOutbox } from '../../app/mail/links.server';
import { DAY_MS, flushOutbox, pruneOldMail, type MailTransport } from '../../app/mail/worker.server';
import { backupDatabase } from '../../app/server/maintenance.server';
import { linkKey, linkKeyFile } from '../../app/platform/link-key.server';

// Issue 8, item 5: an admin (or anyone holding a backup) must not be able to read a working reset,
// verification or invitation link.

const { db, file } = useTestDatabase('link-secrets');
const sql = <T>(query: string, ...args: unknown[]) => db.$client.prepare(query).all(...args) as T[];
type Row = { id: string; template: string; status: string; body_text: string; link_secret: string | null };
const mailTo = (email: string, template: string) => sql<Row>('select * from outbox where to_email = ? and template = ? order by created_at desc', email, template);

let admin: TestUser;
let sites: TestSites;
beforeAll(async () => {
  sites = createSites(db);
  admin = await createUser(db, { admin: true, displayName: '管理员' });
});

/** Every byte SQLite has written for this database: the file and its write-ahead log. */
function rawDatabaseBytes(dbFile: string): string {
  return ['', '-wal'].map((s) => (fs.existsSync(dbFile + s) ? fs.readFileSync(dbFile + s).toString('latin1') : '')).join('');
}

async function resetMailFor(user: TestUser) {
  const res = await callRoute(forgotRoute.action, { url: '/forgot-password', form: { email: user.email } });
  expect(res.status).toBeLessThan(400);
  const [row] = mailTo(user.email, 'reset_password');
  const token = withLinks(db, row).body_text.match(/reset-password\?token=([a-z2-7]{32})/)![1];
  return { row, token };
}

describe('mailed links are never stored usable', () => {
  it('stores a reset mail with its token taken out and sealed under a key file (0600) that is not in the database', async () => {
    const user = await createUser(db);
    const { row, token } = await resetMailFor(user);
    expect(row.body_text).not.toContain(token);
    expect(row.body_text).toMatch(/reset-password\?token=\{\{link-token-1\}\}/);
    expect(row.link_secret).toMatch(/^v1\./);
    expect(row.link_secret).not.toContain(token);
    db.$client.pragma('wal_checkpoint(PASSIVE)');
    expect(rawDatabaseBytes(file)).not.toContain(token);
    const keyFile = linkKeyFile(file);
    expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
  });

  it('stores staff invitations the same way', async () => {
    const email = `${uniq('invited')}@example.org`;
    const res = await callRoute(staffAdminRoute.action, { url: '/admin/staff', cookie: admin.cookie(), form: { intent: 'invite', email, siteId: sites.yc } });
    expect(res.status).toBe(302);
    const [row] = mailTo(email, 'staff_invite');
    const token = withLinks(db, row).body_text.match(/\/invite\/([a-z2-7]{32})/)![1];
    expect(row.body_text).not.toContain(token);
    expect(row.link_secret).toBeTruthy();
  });

  it('shows admins the mail with the link masked, never the sealed tokens', async () => {
    const user = await createUser(db);
    const { token } = await resetMailFor(user);
    const res = await callRoute(outboxRoute.loader, { url: `/admin/outbox?to=${encodeURIComponent(user.email)}`, cookie: admin.cookie() });
    expect(res.status).toBe(200);
    const page = JSON.stringify(res.data);
    expect(page).not.toContain(token);
    expect(page).not.toContain('v1.');
    expect(res.data.mail[0].bodyText).toContain(`reset-password?token=${MASK}`);
    expect(res.data.mail[0]).not.toHaveProperty('linkSecret');
  });

  it('sends the real link, with the outbox id as idempotency key, then keeps no copy from which it can be rebuilt', async () => {
    const user = await createUser(db);
    const { row, token } = await resetMailFor(user);
    const sent: { text: string; idempotencyKey: string }[] = [];
    const transport: MailTransport = { send: async (m) => (sent.push(m), { id: 'p-1' }) };
    await flushOutbox(Date.now() + 1000, transport);
    const mine = sent.find((m) => m.idempotencyKey === row.id)!;
    expect(mine.text).toContain(`reset-password?token=${token}`);
    const after = getOutboxMail(row.id)!;
    expect(after.status).toBe('sent');
    expect(after.linkSecret).toBeNull();
    expect(bodyWithLinks(after)).not.toContain(token);
  });

  it('a backup alone cannot be turned into a working link: the key is not in it', async () => {
    const user = await createUser(db);
    const { row, token } = await resetMailFor(user);
    const out = path.join(os.tmpdir(), 'wishbridge-tests', `link-backup-${crypto.randomUUID()}.db`);
    await backupDatabase(out);
    try {
      expect(fs.readFileSync(out).toString('latin1')).not.toContain(token);
      expect(fs.existsSync(linkKeyFile(out))).toBe(false);
      // With any other key (what a copy of the database next to a fresh key file gets), the seal does not open.
      expect(openTokens(row.link_secret, row.id, linkKey(':memory:', null))).toBeNull();
      // Nor does a sealed value moved onto another row.
      expect(openTokens(row.link_secret, 'another-row-id')).toBeNull();
      expect(openTokens(row.link_secret, row.id)).toEqual([token]);
    } finally {
      fs.rmSync(out, { force: true });
    }
  });

  it('gives up on a mail whose link cannot be unsealed instead of sending a placeholder', async () => {
    const user = await createUser(db);
    const { row } = await resetMailFor(user);
    db.$client.prepare('update outbox set link_secret = ? where id = ?').run('v1.' + Buffer.alloc(40).toString('base64url'), row.id);
    const sent: string[] = [];
    await flushOutbox(Date.now() + 1000, { send: async (m) => (sent.push(m.idempotencyKey), { id: null }) });
    expect(sent).not.toContain(row.id);
    expect(getOutboxMail(row.id)).toMatchObject({ status: 'failed', linkSecret: null });
  });
});

describe('mail retention', () => {
  it('prunes sent, kept and given-up mail older than the retention period, and never pending mail', () => {
    const now = Date.now();
    const queue = (to: string, at: number) => writeTx((tx) => enqueueMail(tx, { to, template: 'test', locale: 'en', params: { note: 'x' } }, at));
    const old = now - 91 * DAY_MS;
    const ids = { oldSent: queue('a@example.org', old), oldKept: queue('b@example.org', old), oldPending: queue('c@example.org', old), recentSent: queue('d@example.org', now - 89 * DAY_MS) };
    db.$client.prepare("update outbox set status = 'sent' where id in (?, ?)").run(ids.oldSent, ids.recentSent);
    db.$client.prepare("update outbox set status = 'kept' where id = ?").run(ids.oldKept);
    expect(pruneOldMail(now, 90)).toBe(2);
    expect(getOutboxMail(ids.oldSent)).toBeUndefined();
    expect(getOutboxMail(ids.oldKept)).toBeUndefined();
    expect(getOutboxMail(ids.oldPending)).toBeDefined();
    expect(getOutboxMail(ids.recentSent)).toBeDefined();
    expect(pruneOldMail(now, 1)).toBe(1);
  });
});

describe('mail stored before the upgrade', () => {
  it('seals the tokens of pending mail and drops those of sent mail', () => {
    const token = 'abcdefghijklmnopqrstuvwxyz234567';
    const insert = (id: string, status: string) =>
      db.$client
        .prepare("insert into outbox (id, created_at, to_email, template, locale, subject, body_text, status, attempts, next_attempt_at) values (?, 0, 'old@example.org', 'reset_password', 'en', 's', ?, ?, 0, 0)")
        .run(id, `open http://localhost:3000/reset-password?token=${token} now`, status);
    insert('legacy-pending', 'pending');
    insert('legacy-sent', 'sent');
    expect(sealLegacyOutbox()).toBe(2);
    const pending = getOutboxMail('legacy-pending')!;
    expect(pending.bodyText).not.toContain(token);
    expect(bodyWithLinks(pending)).toContain(`token=${token}`);
    const sentMail = getOutboxMail('legacy-sent')!;
    expect(sentMail.bodyText).not.toContain(token);
    expect(sentMail.linkSecret).toBeNull();
    expect(sealLegacyOutbox()).toBe(0);
  });
});
