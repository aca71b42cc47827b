import { describe, expect, it } from 'vitest';
import { readTree } from './architecture/source-tree';
import { WRITES_OUTSIDE_TRANSACT } from '~/server/tx.server';
import { SECURITY_EVENTS_ON_THEIR_OWN } from '~/data/security-log.server';

// One write idiom (README, issue 7): every write is transact(tx => …) with a thrown Refusal. Only the modules
// named in WRITES_OUTSIDE_TRANSACT (app/server/tx.server.ts) may reach writeTx; anywhere else, a use of it
// (a call, an import, an alias) is a violation. A positive control shows each kind is caught.

/** The code without its comments, so that prose may name writeTx. */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

function writeIdiomViolations(tree: Map<string, string>, allowed: readonly string[] = WRITES_OUTSIDE_TRANSACT): string[] {
  const violations: string[] = [];
  for (const [rel, text] of tree) {
    if (allowed.includes(rel)) continue;
    code(text)
      .split('\n')
      .forEach((line, i) => {
        if (/\bwriteTx\s*(<[^>]*>)?\s*\(/.test(line)) violations.push(`${rel}:${i + 1}: calls writeTx outside transact`);
        else if (/\bwriteTx\b/.test(line)) violations.push(`${rel}:${i + 1}: reaches writeTx outside transact`);
      });
  }
  return violations;
}

/** The text of each call `name(…)` in the code, from the name to its closing parenthesis, with its line. */
function callsOf(text: string, name: string): { line: number; call: string }[] {
  const out: { line: number; call: string }[] = [];
  const re = new RegExp(`\\b${name}\\s*\\(`, 'g');
  for (let m = re.exec(text); m; m = re.exec(text)) {
    let depth = 0;
    let end = m.index + m[0].length - 1;
    for (; end < text.length; end++) {
      if (text[end] === '(') depth++;
      else if (text[end] === ')' && --depth === 0) break;
    }
    out.push({ line: text.slice(0, m.index).split('\n').length, call: text.slice(m.index, end + 1) });
  }
  return out;
}

const SECURITY_LOG = 'app/data/security-log.server.ts';

/**
 * Security-log writes: logSecurityEvent always inside a transaction (its last argument a `tx`), the writes on
 * their own only for the events named in SECURITY_EVENTS_ON_THEIR_OWN, and no insert into the table elsewhere.
 */
function securityLogViolations(tree: Map<string, string>, onTheirOwn: readonly string[] = Object.keys(SECURITY_EVENTS_ON_THEIR_OWN)): string[] {
  const violations: string[] = [];
  for (const [rel, text] of tree) {
    if (rel === SECURITY_LOG) continue;
    const body = code(text);
    for (const { line, call } of callsOf(body, 'logSecurityEvent')) {
      if (!/,\s*tx\s*,?\s*\)$/.test(call)) violations.push(`${rel}:${line}: writes the security log outside a transaction`);
    }
    for (const { line, call } of callsOf(body, 'logSecurityEventOnItsOwn')) {
      const type = /\btype:\s*'([a-z_]+)'/.exec(call)?.[1];
      if (!type || !onTheirOwn.includes(type)) violations.push(`${rel}:${line}: writes security event ${type ?? '(not a literal)'} on its own without a named reason`);
    }
    body.split('\n').forEach((l, i) => {
      if (/\.insert\(\s*schema\.securityEvents\b/.test(l)) violations.push(`${rel}:${i + 1}: inserts into the security log directly`);
    });
  }
  return violations;
}

const app = readTree('app');

describe('one write idiom', () => {
  it('calls writeTx only in the modules named in WRITES_OUTSIDE_TRANSACT', () => {
    expect(writeIdiomViolations(app)).toEqual([]);
  });

  it('names only modules that exist and use writeTx', () => {
    for (const rel of WRITES_OUTSIDE_TRANSACT) {
      expect(app.get(rel), rel).toMatch(/\bwriteTx\b/);
    }
  });
});

describe('one write idiom: the checker catches a raw write (positive control)', () => {
  const withFile = (rel: string, text: string) => new Map([...app, [rel, text]]);

  it('catches a service calling writeTx', () => {
    const tree = withFile(
      'app/services/sneaky.server.ts',
      "import { writeTx } from '../data/db.server';\nexport function f() {\n  return writeTx((tx) => {\n    return err({ kind: 'conflict' });\n  });\n}\n",
    );
    expect(writeIdiomViolations(tree)).toEqual([
      'app/services/sneaky.server.ts:1: reaches writeTx outside transact',
      'app/services/sneaky.server.ts:3: calls writeTx outside transact',
    ]);
  });

  it('catches a call with a type argument', () => {
    const tree = withFile('app/services/typed.server.ts', 'export const n = writeTx<number>((tx) => 1);\n');
    expect(writeIdiomViolations(tree)).toEqual(['app/services/typed.server.ts:1: calls writeTx outside transact']);
  });

  it('catches writeTx under another name', () => {
    const tree = withFile('app/routes/sneaky.tsx', "import { writeTx as w } from '~/data/db.server';\nw((tx) => tx);\n");
    expect(writeIdiomViolations(tree)).toEqual(['app/routes/sneaky.tsx:1: reaches writeTx outside transact']);
  });

  it('lets comments name writeTx', () => {
    const tree = withFile('app/services/prose.server.ts', '// not writeTx(…) here\n/** nor writeTx(…) */\nexport const x = 1;\n');
    expect(writeIdiomViolations(tree)).toEqual([]);
  });

  it('would catch the modules it allows if they were not named', () => {
    expect(writeIdiomViolations(app, []).length).toBeGreaterThan(0);
  });
});

describe('one write idiom: the security log', () => {
  it('is written inside a transaction, or on its own only for the events named with a reason', () => {
    expect(securityLogViolations(app)).toEqual([]);
  });

  it('names a reason for every event written on its own, and each is written so somewhere', () => {
    const calls = [...app.values()].flatMap((text) => callsOf(code(text), 'logSecurityEventOnItsOwn').map((c) => c.call));
    for (const [type, reason] of Object.entries(SECURITY_EVENTS_ON_THEIR_OWN)) {
      expect(reason.length, type).toBeGreaterThan(20);
      expect(calls.some((c) => c.includes(`'${type}'`)), type).toBe(true);
    }
    expect(WRITES_OUTSIDE_TRANSACT).toContain(SECURITY_LOG);
  });
});

describe('one write idiom: the security-log checker catches a stray write (positive control)', () => {
  const withFile = (rel: string, text: string) => new Map([...app, [rel, text]]);

  it('catches logSecurityEvent without a transaction, over several lines too', () => {
    const tree = withFile(
      'app/services/sneaky.server.ts',
      "export function f(meta) {\n  logSecurityEvent({ at: meta.now, type: 'sign_out', userId: null, ip: meta.ip });\n  logSecurityEvent(\n    { at: 1, type: 'sign_up', userId: null, ip: null },\n  );\n  transact((tx) => logSecurityEvent({ at: 1, type: 'sign_in', userId: null, ip: null }, tx));\n}\n",
    );
    expect(securityLogViolations(tree)).toEqual([
      'app/services/sneaky.server.ts:2: writes the security log outside a transaction',
      'app/services/sneaky.server.ts:3: writes the security log outside a transaction',
    ]);
  });

  it('catches an event written on its own without a named reason', () => {
    const tree = withFile('app/services/sneaky.server.ts', "logSecurityEventOnItsOwn({ at: 1, type: 'password_changed', userId: null, ip: null });\n");
    expect(securityLogViolations(tree)).toEqual(['app/services/sneaky.server.ts:1: writes security event password_changed on its own without a named reason']);
  });

  it('catches a direct insert into the table', () => {
    const tree = withFile('app/data/sneaky.server.ts', 'db().insert(schema.securityEvents).values(row).run();\n');
    expect(securityLogViolations(tree)).toEqual(['app/data/sneaky.server.ts:1: inserts into the security log directly']);
  });

  it('would catch the events written on their own today if they were not named', () => {
    expect(securityLogViolations(app, []).length).toBeGreaterThanOrEqual(Object.keys(SECURITY_EVENTS_ON_THEIR_OWN).length);
  });
});
