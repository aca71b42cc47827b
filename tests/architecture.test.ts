import { describe, expect, it } from 'vitest';
import { readTree } from './architecture/source-tree';
import { checkTree, HOUSE, importsOf, layerOf, type Layer } from './architecture/house';

// The house (tests/architecture/house.ts) checked against the real tree, and a positive control: a small
// tree breaking each rule must be caught, so a broken matcher cannot pass silently.

const tree = Object.fromEntries(readTree('app', 'db'));

describe('architecture: the real tree', () => {
  it('puts every source file in a layer of the house', () => {
    const homeless = Object.keys(tree).filter((rel) => !rel.startsWith('db/migrations') && layerOf(rel) === null);
    expect(homeless).toEqual([]);
    for (const layer of Object.keys(HOUSE) as Layer[]) {
      expect(Object.keys(tree).some((rel) => layerOf(rel) === layer), layer).toBe(true);
    }
  });

  it('keeps to the allow-list', () => {
    expect(checkTree(tree)).toEqual([]);
  });

  it('reads every import form the app uses', () => {
    expect(importsOf("import type { A } from './a';\nimport { type B, type C } from './b';\nimport { d, type E } from './c';")).toEqual([
      { spec: './a', typeOnly: true },
      { spec: './b', typeOnly: true },
      { spec: './c', typeOnly: false },
    ]);
    expect(importsOf("export { x } from '../y';\nimport './side-effect';\nconst m = await import('./lazy');").map((r) => r.spec)).toEqual([
      '../y',
      './side-effect',
      './lazy',
    ]);
  });
});

/** Each fixture breaks exactly one rule; the checker must name it. */
const BROKEN: Array<{ rule: string; files: Record<string, string>; expect: RegExp }> = [
  { rule: 'the domain imports only the domain', files: { 'app/domain/a.ts': "import { x } from '../data/ids';" }, expect: /domain may not import data/ },
  { rule: 'the domain imports no package', files: { 'app/domain/a.ts': "import * as v from 'valibot';" }, expect: /imports the package valibot/ },
  { rule: 'routes never reach the data layer', files: { 'app/routes/a.tsx': "import { db } from '~/data/db.server';" }, expect: /routes may not import data/ },
  { rule: 'routes never reach the database', files: { 'app/routes/a.tsx': "import { wishes } from '../../db/schema/wishes';" }, expect: /routes may not import db-schema/ },
  { rule: 'the data layer never calls a use case', files: { 'app/data/a.server.ts': "import { claimWish } from '../services/claims.server';" }, expect: /data may not import services/ },
  { rule: 'the data layer does not read catalogues', files: { 'app/data/a.server.ts': "import type { Translate } from '../i18n/index';" }, expect: /data may not import i18n \(even type-only\)/ },
  { rule: 'services never import routes', files: { 'app/services/a.server.ts': "import { loader } from '../routes/me';" }, expect: /services may not import routes/ },
  { rule: 'no unlisted sideways use case', files: { 'app/services/a.server.ts': "import { claimWish } from './claims.server';" }, expect: /without a line in SERVICE_CALLS/ },
  { rule: 'components never import server modules', files: { 'app/components/a.tsx': "import type { X } from '../server/http.server';" }, expect: /client-safe but imports the server module/ },
  { rule: 'components never import the data layer', files: { 'app/components/a.tsx': "import { y } from '../data/ids';" }, expect: /components may not import data/ },
  { rule: 'client-safe modules use no node built-in', files: { 'app/forms/a.ts': "import fs from 'node:fs';" }, expect: /client-safe but imports node:fs/ },
  { rule: 'view types stay free of server code', files: { 'app/views/a.ts': "import { config } from '../platform/config.server';" }, expect: /client-safe but imports the server module/ },
  { rule: 'the database does not depend on the app', files: { 'db/schema/a.ts': "import { x } from '../../app/domain/wish';" }, expect: /db-schema may not import domain/ },
];

describe('architecture: the positive control', () => {
  it.each(BROKEN)('catches a tree where $rule fails', ({ files, expect: message }) => {
    const found = checkTree(files);
    expect(found.length).toBe(1);
    expect(found[0]).toMatch(message);
  });

  it('lets a listed use-case call and a type-only sideways import through', () => {
    expect(checkTree({ 'app/services/claims.server.ts': "import { publicMailParams } from './wishes.server';" })).toEqual([]);
    expect(checkTree({ 'app/services/a.server.ts': "import type { RequestMeta } from './auth.server';" })).toEqual([]);
  });
});
