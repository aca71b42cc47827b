import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DB } from '../../db/client';
import { closeDatabase, useDatabase } from '../../app/data/db.server';
import { startProductionServer, type RunningServer } from '../helpers/server';
import { cookieFor } from '../helpers/wish-fixtures';

// The staff's pairing overview as the production server renders it on the demo site: the urgent concern at the
// very top of /staff (role="alert", linked to its pairing), then the overdue pairing; /staff/pairings with its
// filters and a link per row; the child page's pairing history; the site's contact fields. And none of it for
// staff of another county.
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

const one = <T>(query: string, ...args: unknown[]) => db.$client.prepare(query).get(...args) as T;
const cookieOf = (email: string) => cookieFor(db, one<{ id: string }>('select id from users where email = ?', email).id);
async function page(path: string, email: string) {
  const res = await fetch(`${server.url}${path}`, { headers: { cookie: cookieOf(email) }, redirect: 'manual' });
  return { status: res.status, html: await res.text() };
}
const mainOf = (html: string) => html.slice(html.indexOf('<main'), html.indexOf('</main>'));

describe('pairing overview pages', () => {
  it('/staff opens on the urgent concern, linked to its pairing, before every queue; then the overdue pairing', async () => {
    const concern = one<{ pairing_id: string; text: string }>("select pairing_id, text from pairing_concerns where status = 'open'");
    const { status, html } = await page('/staff', 'staff@demo.local');
    expect(status).toBe(200);
    const main = mainOf(html);
    const alert = main.indexOf('role="alert"');
    expect(alert).toBeGreaterThan(0);
    expect(alert).toBeLessThan(main.indexOf('quick-links'));
    expect(main.indexOf(`href="/staff/pairings/${concern.pairing_id}"`)).toBeGreaterThan(alert);
    expect(main).toContain('紧急:儿童安全关切');
    expect(main).not.toContain(concern.text);
    expect(main.indexOf('data-testid="pairing-overdue"')).toBeGreaterThan(alert);
    expect(main).toContain('href="/staff/pairings?overdue=1"');
    expect(main).toContain('href="/staff/pairings"');
  });

  it('/staff/pairings lists every pairing with a link, its flags and the filters', async () => {
    const ids = (db.$client.prepare('select id from pairings').all() as { id: string }[]).map((r) => r.id);
    const { status, html } = await page('/staff/pairings', 'staff@demo.local');
    expect(status).toBe(200);
    for (const id of ids) expect(html).toContain(`href="/staff/pairings/${id}"`);
    expect(html).toContain('联系逾期');
    expect(html).toContain('紧急关切 1');
    expect(html).toMatch(/<input[^>]*type="checkbox"[^>]*name="overdue"/);
    expect(html).toMatch(/<input[^>]*type="checkbox"[^>]*name="concern"/);
    const filtered = await page('/staff/pairings?overdue=1', 'staff@demo.local');
    expect(filtered.html.match(/href="\/staff\/pairings\/[a-z0-9]+"/g)).toHaveLength(1);
  });

  it('the child page shows its pairing history, linked', async () => {
    const p = one<{ id: string; child_id: string }>("select p.id, p.child_id from pairings p join users u on u.id = p.volunteer_user_id where u.email = 'volunteer@demo.local'");
    const { status, html } = await page(`/staff/children/${p.child_id}`, 'staff@demo.local');
    expect(status).toBe(200);
    expect(html).toContain('结对记录');
    expect(html).toContain(`href="/staff/pairings/${p.id}"`);
    // The child has a live pairing: no second one is offered.
    expect(html).not.toContain('/staff/pairings/new');
    const unpaired = one<{ id: string }>("select c.id from children c join sites s on s.id = c.site_id where s.code = 'wz-fly' and not exists (select 1 from pairings p where p.child_id = c.id) limit 1");
    const other = await page(`/staff/children/${unpaired.id}`, 'staff@demo.local');
    expect(other.html).toContain(`href="/staff/pairings/new?childId=${unpaired.id}"`);
  });

  it('the admin site page has the contact person, phone and overdue days', async () => {
    const site = one<{ id: string }>("select id from sites where code = 'wz-fly'");
    const { status, html } = await page(`/admin/sites/${site.id}`, 'admin@demo.local');
    expect(status).toBe(200);
    expect(html).toMatch(/name="contactName"[^>]*value="马老师\(社工部\)"|value="马老师\(社工部\)"[^>]*name="contactName"/);
    expect(html).toMatch(/name="contactPhone"/);
    expect(html).toMatch(/name="contactOverdueDays"/);
  });

  it('staff of another county see no concern, no overdue pairing and no pairing', async () => {
    const top = await page('/staff', 'staff.lt@demo.local');
    expect(top.status).toBe(200);
    expect(top.html).not.toContain('data-testid="pairing-concerns"');
    expect(top.html).not.toContain('data-testid="pairing-overdue"');
    const list = await page('/staff/pairings', 'staff.lt@demo.local');
    expect(list.status).toBe(200);
    expect(list.html).not.toMatch(/href="\/staff\/pairings\/[a-z0-9]+"/);
  });
});
