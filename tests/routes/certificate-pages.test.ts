import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DB } from '../../db/client';
import { closeDatabase, useDatabase } from '../../app/data/db.server';
import { startProductionServer, type RunningServer } from '../helpers/server';
import { tempDbPath } from '../helpers/db';
import { buildWorld, cookieFor, emailOf, type World } from '../helpers/wish-fixtures';
import { at, giveService, TEXTS } from '../helpers/certificate-fixtures';

// The certificate pages as the browser gets them from the production server: the printable certificate (its QR
// code, and an ID-number input that no request can carry), /verify/:code showing the issuer, period, hours and
// masked name and nothing else, revocation by staff of the issuer's subtree only, and /org's receipt.
let server: RunningServer;
let db: DB;
let world: World;
let volunteer: string;
let certId = '';
let code = '';

beforeAll(async () => {
  const databasePath = tempDbPath('certificate-pages');
  server = await startProductionServer({ DATABASE_PATH: databasePath, SEED_DEMO: 'false' });
  db = openDatabase(databasePath);
  useDatabase(db);
  world = buildWorld(db, at('2025-01-01T09:00:00'));
  giveService(db, world);
  volunteer = cookieFor(db, world.users.volunteer);
}, 180_000);

afterAll(async () => {
  closeDatabase();
  await server?.stop();
});

const get = (path: string, cookie?: string) => fetch(`${server.url}${path}`, { headers: cookie ? { cookie } : {}, redirect: 'manual' });
const post = (path: string, cookie: string, form: Record<string, string>) =>
  fetch(`${server.url}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin', origin: server.url },
    body: new URLSearchParams(form),
  });
/** The text a reader sees: tags and scripts (Remix's hydration data) left out. */
const visible = (html: string) => html.replace(/<script[\s\S]*?<\/script>/g, '').replace(/<[^>]+>/g, ' ');

describe('a volunteer issues and prints a certificate', () => {
  it('lists the service per organizer on /me/certificate and issues one from it', async () => {
    const page = await (await get('/me/certificate?from=2025-01-01&to=2025-06-30', volunteer)).text();
    expect(page).toContain('高闸镇儿童之家 组织的服务');
    expect(page).toContain(TEXTS.siteActivity);
    expect(page).not.toContain(TEXTS.noShowActivity);
    const res = await post('/me/certificate?index', volunteer, { from: '2025-01-01', to: '2025-06-30', organizer: `site:${world.sites.gch}` });
    expect(res.status).toBe(302);
    const location = res.headers.get('location')!;
    expect(location).toMatch(/^\/me\/certificate\/[a-z0-9]+$/);
    certId = location.split('/').at(-1)!;
  });

  it('prints the number, the issuer, the entries and the QR code, and keeps the ID number out of every request', async () => {
    const html = await (await get(`/me/certificate/${certId}`, volunteer)).text();
    code = html.match(/data-testid="cert-code">(WB-\d{4}-[0-9A-Z]{4}-[0-9A-Z]{4})</)![1];
    for (const text of ['志愿服务记录证明', '高闸镇儿童之家', '马老师 0953-1234567', '张主任', TEXTS.realName, TEXTS.siteActivity, `实现微心愿:${TEXTS.wish}`]) expect(html).toContain(text);
    expect(html).toMatch(/<svg class="qr"[^>]*role="img"/);
    expect(html).toContain(`/verify/${code}`);
    expect(html).toContain('不会发送到服务器');
    // The ID-number input has a label but no name, and sits in no form: nothing can submit it.
    const input = html.match(/<input[^>]*id="cert-id-number"[^>]*>/)![0];
    expect(input).not.toMatch(/\bname=/);
    expect(html).toMatch(/<label[^>]*for="cert-id-number"/);
    const before = html.slice(0, html.indexOf(input));
    expect(before.split('<form').length, 'every form opened before the input is closed before it').toBe(before.split('</form>').length);
    const names = [...html.matchAll(/\bname="([^"]+)"/g)].map((m) => m[1]);
    expect(names.filter((n) => /id.?(number|card|no)|身份证/i.test(n))).toEqual([]);
    // A print stylesheet hides the site's frame (the stylesheet is in the page: components/inline-styles.tsx).
    const css = html.match(/<style nonce="[^"]*">([^<]+)<\/style>/)![1]!;
    expect(css).toMatch(/@media print/);
  });

  it('shows the certificate to its holder only', async () => {
    expect((await get(`/me/certificate/${certId}`, cookieFor(db, world.users.memberA))).status).toBe(404);
  });
});

describe('/verify', () => {
  it('shows the issuer, the period, the hours and the masked name, and nothing else', async () => {
    const res = await get(`/verify/${code}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    const text = visible(html);
    for (const shown of ['高闸镇儿童之家', '2025-01-01', '2025-06-30', '4 小时', '王*明', '真实有效']) expect(text).toContain(shown);
    const hidden = [
      emailOf(db, world.users.volunteer),
      TEXTS.realName,
      '志愿者小刘',
      TEXTS.siteActivity,
      TEXTS.orgActivity,
      TEXTS.wish,
      TEXTS.visitNote,
      '马思远',
      '小远',
      '马老师',
      '0953-1234567',
      '张主任',
      world.users.volunteer,
    ];
    // Neither on the page nor in the data the page hydrates from.
    for (const absent of hidden) expect(html, absent).not.toContain(absent);
  });

  it('takes a number as typed, and answers an unknown one with a not-found page in the reader’s language', async () => {
    const typed = await get(`/verify?code=${encodeURIComponent(code.toLowerCase().replace(/-/g, ' '))}`);
    expect(typed.status).toBe(302);
    expect(typed.headers.get('location')).toBe(`/verify/${code}`);
    const unknown = await get('/verify/WB-2025-0000-0000');
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain('找不到这个页面');
    const english = await get('/verify/WB-2025-0000-0000?lang=en');
    expect(english.status).toBe(404);
    expect(await english.text()).toContain('Page not found');
    const form = await (await get('/verify?code=nonsense')).text();
    expect(form).toContain('没有找到这个编号的证明');
    expect(form).toMatch(/<label[^>]*for="verify-code"/);
  });
});

describe('revocation', () => {
  it('is refused to staff of another county, and leaves the certificate valid', async () => {
    const res = await post(`/staff/certificates/${certId}`, cookieFor(db, world.users.staffYc), { intent: 'revoke', reason: '误发' });
    expect(res.status).toBe(403);
    expect(visible(await (await get(`/verify/${code}`)).text())).toContain('真实有效');
  });

  it('by staff of the issuer site’s subtree, with a reason, shows on verification with its date', async () => {
    const staff = cookieFor(db, world.users.staffLt);
    const list = await (await get(`/staff/certificates?code=${code}`, staff)).text();
    expect(list).toContain(`/staff/certificates/${certId}`);
    for (const shown of [code, '高闸镇儿童之家', '志愿者', '王*明', '有效']) expect(visible(list)).toContain(shown);
    expect(visible(list)).toMatch(/2025-01-01\s*–\s*2025-06-30/);
    const res = await post(`/staff/certificates/${certId}`, staff, { intent: 'revoke', reason: '服务记录有误' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(`/staff/certificates/${certId}?done=revoked`);
    const mine = await (await get('/me/certificate', volunteer)).text();
    expect(mine).toContain(`/me/certificate/${certId}`);
    for (const shown of [code, '已撤销']) expect(visible(mine)).toContain(shown);
    expect(visible(mine)).toMatch(/2025-01-01\s*–\s*2025-06-30/);
    const verify = await get(`/verify/${code}`);
    const text = visible(await verify.text());
    expect(text).toContain('已于');
    expect(text).toContain('撤销');
    expect(text).not.toContain('真实有效');
    expect(text).not.toContain('服务记录有误');
    const english = visible(await (await get(`/verify/${code}?lang=en`)).text());
    expect(english).toMatch(/revoked on [\d/]{10} /);
  });
});

describe('/org receipt', () => {
  it('lists the organization’s confirmed gifts of a year with their value, for its members', async () => {
    db.$client
      .prepare(
        `insert into claims (id, wish_id, claimant_user_id, org_id, status, confirmed_at, value_received_fen, created_at, updated_at) select 'rcpt1', id, ?, ?, 'confirmed', ?, 8800, 0, 0 from wishes limit 1`,
      )
      .run(world.users.memberA, world.orgs.orgA, at('2025-09-09T10:00:00'));
    const member = cookieFor(db, world.users.memberA);
    const org = await (await get(`/org?org=${world.orgs.orgA}`, member)).text();
    expect(org).toContain(`/org/receipt/2025?org=${world.orgs.orgA}`);
    const receipt = await get(`/org/receipt/2025?org=${world.orgs.orgA}`, member);
    expect(receipt.status).toBe(200);
    const html = await receipt.text();
    for (const text of ['2025 年度捐赠物资接收凭证', '爱心社工服务中心', TEXTS.wish, '高闸镇儿童之家', '¥88']) expect(html).toContain(text);
    expect((await get(`/org/receipt/2025?org=${world.orgs.orgA}`, cookieFor(db, world.users.memberB))).status).toBe(404);
  });
});
