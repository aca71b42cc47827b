import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DB } from '../../db/client';
import { closeDatabase, useDatabase } from '../../app/data/db.server';
import { startProductionServer, type RunningServer } from '../helpers/server';
import { tempDbPath } from '../helpers/db';
import { cookieFor } from '../helpers/accounts';

// /reports and /reports/records as the browser gets them from the production server on the demo data: the
// figures table with each value linked to its records, the paragraph's numbers linked to their rows, the
// three charts with their text equivalents, and the issue form posting to /reports/issued.
let server: RunningServer;
let db: DB;
let staff: string;
const H1 = 'from=2025-01-01&to=2025-06-30&site=wz';

beforeAll(async () => {
  const databasePath = tempDbPath('report-page-html');
  server = await startProductionServer({ DATABASE_PATH: databasePath, SEED_DEMO: 'true' });
  db = openDatabase(databasePath);
  useDatabase(db);
  const id = (db.$client.prepare('select id from users where email = ?').get('staff@demo.local') as { id: string }).id;
  staff = cookieFor(id);
}, 300_000);

afterAll(async () => {
  closeDatabase();
  await server?.stop();
});

async function fetchPage(path: string) {
  const res = await fetch(`${server.url}${path}`, { headers: { cookie: staff } });
  expect(res.status, path).toBe(200);
  return res.text();
}

/** The page once its figures are computed: the first visit of a period starts the worker and says so (README D35). */
async function page(path: string) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const html = await fetchPage(path);
    if (!html.includes('data-testid="report-pending"')) return html;
    if (Date.now() > deadline) throw new Error(`${path} still pending after 60 s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('/reports in the browser', () => {
  it('says the figures are being computed (no zeros) with a link to reload, then shows the figures the compiled worker computed', async () => {
    const first = await fetchPage('/reports?from=2025-07-01&to=2025-12-31&site=wz');
    expect(first).toContain('data-testid="report-pending"');
    expect(first).toContain('本期指标正在计算');
    expect(first).toContain('<a href="/reports?from=2025-07-01&amp;to=2025-12-31&amp;site=wz">刷新</a>');
    expect(first).not.toContain('id="figure-wishesFulfilled"');
    const html = await page('/reports?from=2025-07-01&to=2025-12-31&site=wz');
    expect(html).toContain('id="figure-wishesFulfilled"');
    expect(html).not.toContain('data-testid="report-as-of"');
  });

  it('links each figure to its records, each number of the paragraph to its figure, and posts the issue form to /reports/issued', async () => {
    const html = await page(`/reports?${H1}`);
    const row = html.match(/<tr id="figure-wishesFulfilled"[\s\S]*?<\/tr>/)![0];
    expect(row).toMatch(/<a href="\/reports\/records\?from=2025-01-01&amp;to=2025-06-30&amp;site=wz&amp;figure=wishesFulfilled"[^>]*>466<\/a>/);
    expect(row).toContain('工作人员确认收到礼物');
    expect(html).toMatch(/<a href="#figure-wishesFulfilled"[^>]*>466<\/a>/);
    expect(html).toMatch(/<p lang="en" id="paragraph-en"/);
    // Each chart is named for assistive technology: an image, or a group when its bars link to their records.
    expect((html.match(/<svg[^>]*role="(img|group)"/g) ?? []).length).toBe(3);
    expect((html.match(/<table class="visually-hidden">/g) ?? []).length).toBe(3);
    const form = html.match(/<form method="post" action="\/reports\/issued">[\s\S]*?<\/form>/)![0];
    for (const [name, value] of [['intent', 'issue'], ['from', '2025-01-01'], ['to', '2025-06-30'], ['site', 'wz']])
      expect(form).toMatch(new RegExp(`name="${name}" value="${value}"`));
    expect(html).toContain('/reports/export.csv?from=2025-01-01&amp;to=2025-06-30&amp;site=wz');
  });

  it('lists the records behind a figure, each linked to its staff page', async () => {
    const html = await page(`/reports/records?${H1}&figure=safetyTalks`);
    expect(html).toContain('共');
    expect(html).toMatch(/<a [^>]*href="\/staff\/slots\/[a-z0-9]+"/);
    expect(html).toContain('/reports/records.csv?from=2025-01-01&amp;to=2025-06-30&amp;site=wz&amp;figure=safetyTalks');
  });
});
