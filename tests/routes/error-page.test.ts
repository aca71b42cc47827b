import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startProductionServer, type RunningServer } from '../helpers/server';

// An unexpected failure (here: a table that has gone missing under the running server) must give a
// plain page with an error id, in the user's language, never a stack trace, SQL or a file path.
let server: RunningServer;

beforeAll(async () => {
  server = await startProductionServer({ SEED_DEMO: 'true' });
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

describe('unexpected errors', () => {
  it('shows a plain error page with the request id and logs the id with the cause', async () => {
    const db = new Database(server.databasePath);
    db.pragma('foreign_keys = OFF');
    db.exec('ALTER TABLE slots RENAME TO slots_gone');
    db.close();

    const res = await fetch(`${server.url}/activities`);
    expect(res.status).toBe(500);
    const html = await res.text();
    expect(html).toContain('出错了');
    const id = html.match(/class="error-id">([^<]+)</)?.[1];
    expect(id).toMatch(/^[0-9a-f]{8}$/);
    expect(html).not.toMatch(/no such table|SqliteError|select |\.ts:\d+|\/work\/|node_modules/i);
    await expect.poll(() => server.output()).toContain(`"requestId":"${id}"`);
    expect(server.output()).toContain('no such table');

    const en = await (await fetch(`${server.url}/activities?lang=en`)).text();
    expect(en).toContain('Something went wrong');
  });
});
