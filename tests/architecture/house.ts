import path from 'node:path';

// The house, declared once: which folder may import which. tests/architecture.test.ts checks the real tree
// against it, and checks that a fixture breaking each rule is caught (the positive control).

export type Layer =
  | 'routes'
  | 'services'
  | 'server'
  | 'platform'
  | 'domain'
  | 'data'
  | 'auth'
  | 'mail'
  | 'forms'
  | 'components'
  | 'i18n'
  | 'views'
  | 'app-root'
  | 'db'
  | 'db-schema'
  | 'db-seed';

export interface LayerRule {
  /** Layers whose modules this layer may import at run time (its own layer is always allowed). */
  may: Layer[];
  /** Layers it may import only with `import type` (erased at build time, so no run-time coupling). */
  mayType?: Layer[];
  /** Runs in the browser too: no *.server module, no node: built-in, no database package. */
  clientSafe?: boolean;
  /** Imports no package at all (the domain is plain TypeScript). */
  noPackages?: boolean;
}

export const HOUSE: Record<Layer, LayerRule> = {
  domain: { may: [], noPackages: true, clientSafe: true },
  views: { may: [], mayType: ['domain'], clientSafe: true },
  forms: { may: ['domain', 'views'], clientSafe: true },
  i18n: { may: ['views'], mayType: ['domain'], clientSafe: true },
  components: { may: ['forms', 'i18n', 'views', 'domain'], clientSafe: true },
  platform: { may: [] },
  'db-schema': { may: [] },
  db: { may: ['db-schema', 'platform'] },
  data: { may: ['db', 'db-schema', 'domain', 'views', 'platform'] },
  auth: { may: ['data', 'domain', 'platform', 'forms'] },
  mail: { may: ['data', 'domain', 'i18n', 'views', 'platform'] },
  services: { may: ['domain', 'data', 'auth', 'mail', 'forms', 'server', 'views', 'i18n', 'platform'] },
  server: { may: ['data', 'domain', 'auth', 'mail', 'services', 'i18n', 'forms', 'views', 'platform'] },
  routes: { may: ['services', 'server', 'forms', 'components', 'i18n', 'views', 'auth', 'domain', 'platform'] },
  'app-root': { may: ['components', 'i18n', 'server', 'services', 'auth', 'forms', 'views', 'platform'] },
  'db-seed': { may: ['db', 'db-schema', 'domain'] },
};

/**
 * Imports that cross the house on purpose, each with its reason. Exact file → file pairs: a new crossing
 * needs a line here, which a reviewer reads.
 */
export const EXCEPTIONS: ReadonlyArray<{ from: string; to: string; why: string }> = [
  { from: 'app/server/maintenance.server.ts', to: 'db/client.ts', why: 'migrations run on behalf of the CLI and start script' },
  { from: 'app/server/maintenance.server.ts', to: 'db/seed/demo.ts', why: 'the demo seed runs on a new database' },
  { from: 'app/server/maintenance.server.ts', to: 'db/seed/scale.ts', why: 'seed --scale adds bulk volume for benchmarks to a new database' },
];

/**
 * Use cases that call another use case. Anything else sideways between services is refused: share through
 * the domain, the data layer or server plumbing instead.
 */
export const SERVICE_CALLS: ReadonlyArray<{ from: string; to: string; why: string }> = [
  { from: 'claims.server.ts', to: 'wishes.server.ts', why: 'claim mail carries the wish’s public face' },
  { from: 'claims.server.ts', to: 'wish-claim-status.server.ts', why: 'the one writer of wishes.status and claims.status' },
  { from: 'wishes.server.ts', to: 'wish-claim-status.server.ts', why: 'the one writer of wishes.status and claims.status' },
  { from: 'organizations.server.ts', to: 'profile.server.ts', why: 'an organization picks its county as a volunteer does' },
  { from: 'wish-pages.server.ts', to: 'children.server.ts', why: 'the new-wish page embeds the child picker' },
  { from: 'wish-pages.server.ts', to: 'wishes.server.ts', why: 'the staff wish page shows the privacy findings' },
  { from: 'public.server.ts', to: 'activity-list.server.ts', why: 'the home page shows the first upcoming slots of /activities and its total' },
  { from: 'activity-proposals.server.ts', to: 'activity-status.server.ts', why: 'the one writer of activities.status and slots.status' },
  { from: 'activity-slots.server.ts', to: 'activity-status.server.ts', why: 'the one writer of activities.status and slots.status' },
  { from: 'signups.server.ts', to: 'signup-status.server.ts', why: 'the one writer of slot_signups.status' },
  { from: 'signups.server.ts', to: 'calendar-feeds.server.ts', why: 'a sign-up gives the helper their calendar feed' },
  { from: 'my-signups.server.ts', to: 'calendar-feeds.server.ts', why: '/me shows the calendar feed’s address' },
  { from: 'activity-page.server.ts', to: 'signups.server.ts', why: 'the page says why one cannot sign up in the words the action refuses with' },
  { from: 'pairing-staff.server.ts', to: 'pairing-status.server.ts', why: 'the one writer of pairings.status, pairing_visits.status and pairing_concerns.status' },
  { from: 'pairing-jobs.server.ts', to: 'pairing-status.server.ts', why: 'the one writer of pairings.status (a lapse)' },
  { from: 'pairing-jobs.server.ts', to: 'pairing-staff.server.ts', why: 'the jobs mail the volunteer the child’s public face the way staff steps do' },
  { from: 'report-pages.server.ts', to: 'reports.server.ts', why: 'the report pages and their exports show the report reportFor computes and guards' },
  { from: 'pairing-volunteer.server.ts', to: 'pairing-status.server.ts', why: 'the one writer of pairings.status, pairing_visits.status and pairing_concerns.status' },
];

export function layerOf(rel: string): Layer | null {
  const parts = rel.split(/[\\/]/);
  if (parts[0] === 'app') {
    if (parts.length === 2) return 'app-root';
    const dir = parts[1] as Layer;
    return dir in HOUSE ? dir : null;
  }
  if (parts[0] === 'db') {
    if (parts.length === 2) return 'db';
    if (parts[1] === 'schema') return 'db-schema';
    if (parts[1] === 'seed') return 'db-seed';
    if (parts[1] === 'migrations') return null;
  }
  return null;
}

export interface ImportRef {
  spec: string;
  typeOnly: boolean;
}

/** Every import and re-export of a source text, with whether it is type-only. */
export function importsOf(text: string): ImportRef[] {
  const refs: ImportRef[] = [];
  const stmt = /(?:^|\n)\s*(import|export)\s+(type\s+)?([^'";]*?)\s*from\s+['"]([^'"]+)['"]/g;
  for (const m of text.matchAll(stmt)) {
    const named = m[3];
    // `import { type A, type B } from` is type-only too.
    const allTypes = /^\{[^}]*\}$/.test(named.trim()) && named.replace(/[{}\s]/g, '').split(',').filter(Boolean).every((n) => n.startsWith('type'));
    refs.push({ spec: m[4], typeOnly: Boolean(m[2]) || allTypes });
  }
  for (const m of text.matchAll(/(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g)) refs.push({ spec: m[1], typeOnly: false });
  for (const m of text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)) refs.push({ spec: m[1], typeOnly: false });
  return refs;
}

/** The repo-relative path an import points at, or null for a package. */
export function resolveImport(fromRel: string, spec: string): string | null {
  if (spec.startsWith('~/')) return path.posix.join('app', spec.slice(2));
  if (!spec.startsWith('.')) return null;
  return path.posix.normalize(path.posix.join(path.posix.dirname(fromRel), spec));
}

const withoutExt = (p: string) => p.replace(/\.(tsx?|js)$/, '');
const DB_PACKAGES = /^(better-sqlite3|drizzle-orm|drizzle-kit)(\/|$)/;

/** Violations of the house in a tree given as repo-relative path → source text. */
export function checkTree(files: Record<string, string>): string[] {
  const out: string[] = [];
  for (const [rel, text] of Object.entries(files)) {
    const from = layerOf(rel);
    if (!from) continue;
    const rule = HOUSE[from];
    for (const { spec, typeOnly } of importsOf(text)) {
      const target = resolveImport(rel, spec);
      if (target === null) {
        if (rule.noPackages) out.push(`${rel}: ${from} imports the package ${spec}`);
        else if (rule.clientSafe && (spec.startsWith('node:') || DB_PACKAGES.test(spec)))
          out.push(`${rel}: ${from} is client-safe but imports ${spec}`);
        continue;
      }
      if (rule.clientSafe && /\.server(\.tsx?)?$/.test(spec)) {
        out.push(`${rel}: ${from} is client-safe but imports the server module ${spec}`);
        continue;
      }
      const to = layerOf(target + (/\.(tsx?)$/.test(target) ? '' : '.ts'));
      if (!to) continue;
      const exception = EXCEPTIONS.some((e) => withoutExt(e.from) === withoutExt(rel) && withoutExt(e.to) === withoutExt(target));
      if (exception) continue;
      if (to === from) {
        if (from === 'services' && !typeOnly) {
          const a = path.posix.basename(rel);
          const b = path.posix.basename(target);
          const listed = SERVICE_CALLS.some((c) => c.from === a && withoutExt(c.to) === withoutExt(b));
          if (!listed) out.push(`${rel}: a use case imports another use case (${spec}) without a line in SERVICE_CALLS`);
        }
        continue;
      }
      const allowed = rule.may.includes(to) || (typeOnly && (rule.mayType ?? []).includes(to));
      if (!allowed) out.push(`${rel}: ${from} may not import ${to}${typeOnly ? ' (even type-only)' : ''} (${spec})`);
    }
  }
  return out;
}
