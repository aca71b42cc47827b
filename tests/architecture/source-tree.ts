import fs from 'node:fs';
import path from 'node:path';

// The repository's own sources, read once per test file for the checks that read code (the house, status
// writers, the write idiom).
export const root = path.resolve(__dirname, '../..');

/** Repo-relative paths (posix) of the .ts/.tsx files under `dir`; none when it does not exist. */
export function sourceFiles(dir: string): string[] {
  const full = path.join(root, dir);
  if (!fs.existsSync(full)) return [];
  return fs.readdirSync(full, { withFileTypes: true }).flatMap((entry) => {
    const rel = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(rel);
    return /\.(ts|tsx)$/.test(entry.name) ? [rel] : [];
  });
}

/** Path → text of every source file under the given folders. */
export function readTree(...dirs: string[]): Map<string, string> {
  return new Map(dirs.flatMap(sourceFiles).map((rel) => [rel, fs.readFileSync(path.join(root, rel), 'utf8')] as const));
}
