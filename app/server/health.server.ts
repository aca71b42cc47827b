import { ping, probeWrite } from '../data/meta.server';
import { databaseFileState, freeDiskBytes } from '../data/storage.server';
import { db } from '../data/db.server';
import { config } from '../platform/config.server';

export type Check = 'ok' | 'failed';
export interface Health {
  ok: boolean;
  checks: { database: Check; write: Check; file: Check; disk: Check };
}

const attempt = (fn: () => boolean): Check => {
  try {
    return fn() ? 'ok' : 'failed';
  } catch {
    return 'failed';
  }
};

/**
 * What /healthz reports (README D23): a read round trip, a real write (committed), the database file still
 * the one the process opened (same inode at the same path: a deleted file swallows writes silently), and
 * at least MIN_FREE_DISK_MB free on its file system.
 */
export function health(now = Date.now(), minFreeDiskBytes = config().minFreeDiskBytes): Health {
  const file = attempt(() => {
    const state = databaseFileState();
    return state === 'ok' || state === 'memory';
  });
  const checks = {
    database: attempt(ping),
    // A write to a file no longer at its path would "succeed" into a deleted inode: not a pass.
    write: file === 'ok' ? attempt(() => probeWrite(now)) : ('failed' as Check),
    file,
    disk: attempt(() => {
      const name = db().$client.name;
      return name === ':memory:' || name === '' || freeDiskBytes(name) >= minFreeDiskBytes;
    }),
  };
  return { ok: Object.values(checks).every((c) => c === 'ok'), checks };
}
