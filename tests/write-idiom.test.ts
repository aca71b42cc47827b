import { describe, expect, it } from 'vitest';
import { readTree } from './architecture/source-tree';
import { WRITES_OUTSIDE_TRANSACT } from '~/server/tx.server';

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
