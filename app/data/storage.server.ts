import fs from 'node:fs';
import path from 'node:path';

// The faults SQLite cannot report by itself (README D23): the database file deleted or replaced under a
// running server (SQLite keeps writing to the unlinked inode, so every later write is silently lost), a
// full disk, a file that cannot be written.

export interface FileIdentity {
  dev: number;
  ino: number;
}

let opened: { file: string; identity: FileIdentity } | null = null;

/** Called when the process opens its database: what "the same file" means from now on. */
export function rememberDatabaseFile(file: string): void {
  if (file === '' || file === ':memory:') {
    opened = null;
    return;
  }
  const stat = fs.statSync(file);
  opened = { file: path.resolve(file), identity: { dev: stat.dev, ino: stat.ino } };
}

/** Whether the file the process opened is still the one at its path. */
export function databaseFileState(): 'ok' | 'missing' | 'replaced' | 'memory' {
  if (!opened) return 'memory';
  let stat: fs.Stats;
  try {
    stat = fs.statSync(opened.file);
  } catch {
    return 'missing';
  }
  return stat.dev === opened.identity.dev && stat.ino === opened.identity.ino ? 'ok' : 'replaced';
}

/** Free bytes for an unprivileged writer on the database's file system. */
export function freeDiskBytes(file: string): number {
  const stat = fs.statfsSync(path.dirname(path.resolve(file)));
  return stat.bavail * stat.bsize;
}

/** SQLite and system errors that mean "storage cannot take writes", not a bug in the request. */
export function isStorageFailure(error: unknown): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code !== 'string') continue;
    if (/^SQLITE_(FULL|IOERR|READONLY|CANTOPEN)/.test(code)) return true;
    if (['ENOSPC', 'EROFS', 'EDQUOT', 'EIO', 'EACCES', 'EPERM'].includes(code)) return true;
  }
  return false;
}

/**
 * A write refused because storage is faulty. It is a Response (503, Retry-After), so Remix answers it as
 * such from any loader or action and the error page says that nothing was saved, instead of a bare 500.
 */
export class StorageUnavailable extends Response {
  constructor(readonly reason: string) {
    super(`Service Unavailable: storage (${reason})`, { status: 503, headers: { 'Retry-After': '60', 'Content-Type': 'text/plain; charset=utf-8' } });
  }
}

/**
 * Problems with the database file that would make the server fail later, and worse: a read-only file or
 * folder (SQLite then faults in its shared-memory file, SIGBUS, without a word). Checked at start.
 */
export function databaseFileProblems(file: string): { fatal: string[]; warnings: string[] } {
  const fatal: string[] = [];
  const warnings: string[] = [];
  if (file === '' || file === ':memory:') return { fatal, warnings };
  const dir = path.dirname(path.resolve(file));
  // Nobody may write (mode 0444: root included, though root could), or this process may not (or the file system is read-only).
  const writable = (p: string, stat: fs.Stats) => {
    if ((stat.mode & 0o222) === 0) return false;
    try {
      fs.accessSync(p, fs.constants.W_OK);
      return true;
    } catch {
      return false;
    }
  };
  try {
    const d = fs.statSync(dir);
    if (!writable(dir, d)) fatal.push(`the folder ${dir} is not writable (mode ${(d.mode & 0o777).toString(8)}); SQLite needs to create its -wal and -shm files there`);
  } catch {
    // A missing folder is created when the database is opened.
  }
  for (const suffix of ['', '-wal', '-shm']) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(file + suffix);
    } catch {
      continue;
    }
    if (!stat.isFile()) fatal.push(`${file}${suffix} is not a regular file`);
    else if (!writable(file + suffix, stat)) fatal.push(`${file}${suffix} is read-only (mode ${(stat.mode & 0o777).toString(8)}); run: chmod u+w ${file}${suffix}`);
    else if (suffix === '' && (stat.mode & 0o077) !== 0)
      warnings.push(`${file} can be read by other users of this machine (mode ${(stat.mode & 0o777).toString(8)}); consider: chmod 600 ${file}`);
  }
  return { fatal, warnings };
}
