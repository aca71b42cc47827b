import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The dependency rule: routes → services → domain; services → data → db; domain imports only domain;
// components never import *.server modules.
const root = path.resolve(__dirname, '..');

function sourceFiles(dir: string): string[] {
  const full = path.join(root, dir);
  if (!fs.existsSync(full)) return [];
  return fs.readdirSync(full, { withFileTypes: true }).flatMap((entry) => {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(rel);
    return /\.(ts|tsx)$/.test(entry.name) ? [rel] : [];
  });
}

function importsOf(file: string): string[] {
  const text = fs.readFileSync(path.join(root, file), 'utf8');
  const specs = [...text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)];
  return specs.map((m) => m[1] ?? m[2]);
}

/** The repo-relative target of a relative or ~/ import, or null for packages. */
function resolveImport(file: string, spec: string): string | null {
  if (spec.startsWith('~/')) return path.join('app', spec.slice(2));
  if (!spec.startsWith('.')) return null;
  return path.normalize(path.join(path.dirname(file), spec));
}

function violations(dir: string, forbidden: (target: string, spec: string) => boolean): string[] {
  return sourceFiles(dir).flatMap((file) =>
    importsOf(file)
      .filter((spec) => {
        const target = resolveImport(file, spec);
        return forbidden(target ?? '', spec);
      })
      .map((spec) => `${file} imports ${spec}`),
  );
}

const under = (target: string, dir: string) => target === dir || target.startsWith(dir + path.sep);

describe('architecture', () => {
  it('has the layers it describes', () => {
    for (const dir of ['app/routes', 'app/services', 'app/domain', 'app/data', 'app/auth', 'app/mail', 'app/components', 'app/i18n', 'db/schema']) {
      expect(sourceFiles(dir).length, dir).toBeGreaterThan(0);
    }
  });

  it('keeps the domain pure: it imports nothing but the domain', () => {
    const bad = violations('app/domain', (target) => !target || !under(target, 'app/domain'));
    expect(bad).toEqual([]);
  });

  it('lets only the data layer (and db itself) import the database', () => {
    const outside = ['app/routes', 'app/services', 'app/components', 'app/domain', 'app/auth', 'app/mail', 'app/forms', 'app/i18n'];
    const bad = outside.flatMap((dir) =>
      violations(dir, (target, spec) => under(target, 'db') || spec === 'better-sqlite3' || spec.startsWith('drizzle-orm')),
    );
    // The maintenance service runs migrations and the demo seed on behalf of the CLI and start script.
    expect(bad.filter((line) => !line.startsWith(path.join('app/services/maintenance.server.ts')))).toEqual([]);
  });

  it('keeps routes thin: no route imports the data layer', () => {
    expect(violations('app/routes', (target) => under(target, 'app/data'))).toEqual([]);
  });

  it('never lets services or data depend on routes, nor data on services', () => {
    expect(violations('app/services', (target) => under(target, 'app/routes'))).toEqual([]);
    expect(violations('app/data', (target) => under(target, 'app/routes') || under(target, 'app/services'))).toEqual([]);
  });

  it('keeps server-only modules out of components', () => {
    expect(violations('app/components', (target, spec) => /\.server(\.tsx?)?$/.test(spec) || under(target, 'app/data'))).toEqual([]);
  });
});
