// Who writes each status column, declared once: the data-layer compare-and-set that writes it, and the
// one service module allowed to call that setter. tests/status-writers.test.ts checks app/ against it.

export interface StatusColumn {
  column: string;
  /** How the data layer names the table in `.update(…)`: drizzle aliases and schema paths. */
  tableRefs: string[];
  /** The SQL table name, for raw `UPDATE <table> SET status`. */
  sqlTable: string;
  /** The data-layer functions that write the column (and the module that holds them). */
  setters: string[];
  dataModule: string;
  /** The one service module that calls those setters. */
  writer: string;
}

export const STATUS_COLUMNS: readonly StatusColumn[] = [
  {
    column: 'wishes.status',
    tableRefs: ['w', 'schema.wishes'],
    sqlTable: 'wishes',
    setters: ['setWishStatus'],
    dataModule: 'app/data/wishes.server.ts',
    writer: 'app/services/wish-claim-status.server.ts',
  },
  {
    column: 'claims.status',
    tableRefs: ['cl', 'schema.claims'],
    sqlTable: 'claims',
    setters: ['setClaimStatus'],
    dataModule: 'app/data/claims.server.ts',
    writer: 'app/services/wish-claim-status.server.ts',
  },
  {
    column: 'volunteers.status (a helper’s vetting)',
    tableRefs: ['schema.volunteers'],
    sqlTable: 'volunteers',
    setters: ['setVolunteerVetting'],
    dataModule: 'app/data/users.server.ts',
    writer: 'app/services/vetting.server.ts',
  },
  {
    column: 'organizations.status (an organization’s vetting)',
    tableRefs: ['schema.organizations'],
    sqlTable: 'organizations',
    setters: ['setOrganizationVetting'],
    dataModule: 'app/data/organizations.server.ts',
    writer: 'app/services/vetting.server.ts',
  },
  {
    column: 'activities.status',
    tableRefs: ['a', 'schema.activities'],
    sqlTable: 'activities',
    setters: ['setActivityStatus'],
    dataModule: 'app/data/activities.server.ts',
    writer: 'app/services/activity-status.server.ts',
  },
  {
    column: 'slots.status',
    tableRefs: ['sl', 'schema.slots'],
    sqlTable: 'slots',
    setters: ['setSlotStatus'],
    dataModule: 'app/data/activities.server.ts',
    writer: 'app/services/activity-status.server.ts',
  },
  {
    column: 'slot_signups.status',
    tableRefs: ['su', 'schema.slotSignups'],
    sqlTable: 'slot_signups',
    setters: ['setSignupStatus', 'insertSignup'],
    dataModule: 'app/data/signups.server.ts',
    writer: 'app/services/signup-status.server.ts',
  },
  {
    column: 'pairings.status',
    tableRefs: ['pa', 'schema.pairings'],
    sqlTable: 'pairings',
    setters: ['setPairingStatus', 'insertPairing'],
    dataModule: 'app/data/pairings.server.ts',
    writer: 'app/services/pairing-status.server.ts',
  },
  {
    column: 'pairing_visits.status',
    tableRefs: ['pv', 'schema.pairingVisits'],
    sqlTable: 'pairing_visits',
    setters: ['setVisitStatus', 'insertVisit'],
    dataModule: 'app/data/pairings.server.ts',
    writer: 'app/services/pairing-status.server.ts',
  },
  {
    column: 'pairing_concerns.status',
    tableRefs: ['pc', 'schema.pairingConcerns'],
    sqlTable: 'pairing_concerns',
    setters: ['setConcernStatus', 'insertConcern'],
    dataModule: 'app/data/pairings.server.ts',
    writer: 'app/services/pairing-status.server.ts',
  },
];

/** The function a position in a source text lies in (the nearest `function name(` before it). */
function enclosingFunction(text: string, at: number): string | null {
  const before = text.slice(0, at);
  const matches = [...before.matchAll(/function\s+([A-Za-z0-9_$]+)\s*[(<]/g)];
  return matches.length ? matches[matches.length - 1][1] : null;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Every place in `files` (repo-relative path → text) that writes a declared status column other than
 * its declared writer. An empty list means each column has exactly one writing service.
 */
export function statusWriteViolations(files: ReadonlyMap<string, string>, columns: readonly StatusColumn[] = STATUS_COLUMNS): string[] {
  const violations: string[] = [];
  for (const col of columns) {
    const writers = new Set<string>();
    for (const [file, text] of files) {
      // 1. A drizzle update of the table whose .set({ … }) names status, outside the declared setters.
      for (const ref of col.tableRefs) {
        const update = new RegExp(`\\.update\\(\\s*${escape(ref)}\\s*\\)\\s*\\.set\\(\\s*(\\{[^)]*?\\}|[A-Za-z_$][\\w$]*)`, 'g');
        for (const m of text.matchAll(update)) {
          const setArg = m[1];
          const fn = enclosingFunction(text, m.index ?? 0);
          const declared = file === col.dataModule && fn !== null && col.setters.includes(fn);
          // An object literal that does not name status leaves the column alone.
          if (setArg.startsWith('{') && !/\bstatus\b/.test(setArg)) continue;
          if (!setArg.startsWith('{') && !declared) {
            // .set(fields): a whole-row update; only the declared setters may hand over a status that way,
            // and other updaters take a fields type without one (checked by the compiler, not here).
            continue;
          }
          if (!declared) violations.push(`${col.column}: ${file} ${fn ?? '(top level)'} sets status outside ${col.setters.join(', ')}`);
        }
      }
      // 2. Raw SQL.
      const raw = new RegExp(`UPDATE\\s+["\`]?${escape(col.sqlTable)}["\`]?\\s+SET[^;'"\`]*\\bstatus\\b`, 'i');
      if (raw.test(text)) violations.push(`${col.column}: ${file} updates status in raw SQL`);
      // 3. Calls of the setters, anywhere but their own data module.
      if (file !== col.dataModule && col.setters.some((name) => new RegExp(`\\b${escape(name)}\\s*\\(`).test(text))) writers.add(file);
    }
    for (const w of writers) if (w !== col.writer) violations.push(`${col.column}: written by ${w}, but its one writer is ${col.writer}`);
    if (!writers.has(col.writer)) violations.push(`${col.column}: its declared writer ${col.writer} does not write it (stale declaration)`);
  }
  return violations;
}
