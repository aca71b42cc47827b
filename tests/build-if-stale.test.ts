import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pruneAssetsOlderThan } from '../scripts/build-if-stale';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-assets-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('pruning old build assets', () => {
  it('keeps what the last two builds wrote and deletes older files only', () => {
    const write = (name: string, at: number) => {
      fs.writeFileSync(path.join(dir, name), name);
      fs.utimesSync(path.join(dir, name), at / 1000, at / 1000);
    };
    const previousBuildStarted = Date.UTC(2026, 0, 2);
    write('root-OLD.js', Date.UTC(2026, 0, 1));
    write('root-PREV.js', previousBuildStarted + 2_000);
    write('root-NEW.js', Date.UTC(2026, 0, 3));
    fs.mkdirSync(path.join(dir, 'nested'));
    expect(pruneAssetsOlderThan(dir, previousBuildStarted)).toBe(1);
    expect(fs.readdirSync(dir).sort()).toEqual(['nested', 'root-NEW.js', 'root-PREV.js']);
    expect(pruneAssetsOlderThan(path.join(dir, 'missing'), Date.now())).toBe(0);
  });
});
