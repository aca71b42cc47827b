// Which texts the public pages can show, read from their source (vite.config.ts, clientCatalogues).
//
// The browser of a public page gets the texts its pages can render; every other text of its language is a
// second chunk, loaded before hydration or before a client-side navigation to any other page
// (app/i18n/catalogue-parts.ts). The public set is every key named by a string in the source of the public
// route modules and of everything they import, server modules included (a loader or an action hands the
// browser keys to render: a refusal's message, a validation error), and every key under a prefix that a
// string names dynamically (`t(\`wish.status.${s}\`)`, a literal "wish.status." or a namespace "ps.action").
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { PUBLIC_ROUTE_FILES } from '../app/i18n/catalogue-parts';

const EXTENSIONS = ['.ts', '.tsx', '/index.ts', '/index.tsx'];

function resolve(from: string, spec: string, appDir: string): string | null {
  let base: string;
  if (spec.startsWith('~/')) base = path.join(appDir, spec.slice(2));
  else if (spec.startsWith('.')) base = path.resolve(path.dirname(from), spec);
  else return null;
  if (/\.(tsx?|jsx?)$/.test(base) && fs.existsSync(base)) return base;
  for (const ext of EXTENSIONS) if (fs.existsSync(base + ext)) return base + ext;
  return null;
}

interface Source {
  imports: string[];
  strings: string[];
  /** Each template literal as its fixed pieces, around the placeholders: `${kind}.status.${s}` is ['', '.status.', '']. */
  templates: string[][];
}

/** A file's module specifiers (imports, re-exports, `import()`) and its strings: literals and each template's fixed head. */
function read(file: string): Source {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const imports: string[] = [];
  const found: string[] = [];
  const templates: string[][] = [];
  const visit = (node: ts.Node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      imports.push(node.moduleSpecifier.text);
      return;
    }
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) {
      imports.push(node.arguments[0].text);
      return;
    }
    if (ts.isTemplateExpression(node)) templates.push([node.head.text, ...node.templateSpans.map((span) => span.literal.text)]);
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node)) found.push(node.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { imports, strings: found, templates };
}

/** Every source file the given files import, transitively (relative and `~/` imports only), with its strings. */
export function sourceGraph(entries: string[], appDir: string): Map<string, Source> {
  const seen = new Map<string, Source>();
  const queue = [...entries];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    const source = read(file);
    seen.set(file, source);
    for (const spec of source.imports) {
      const found = resolve(file, spec, appDir);
      // The catalogues themselves name every key; the message files are what is split.
      if (found && !found.includes(`${path.sep}i18n${path.sep}messages${path.sep}`) && !found.endsWith(`${path.sep}catalogues.ts`)) queue.push(found);
    }
  }
  return seen;
}

/** The keys of `keys` that the source of the public pages can render. */
export function publicKeys(keys: string[], root: string): Set<string> {
  const appDir = path.join(root, 'app');
  const entries = PUBLIC_ROUTE_FILES.map((f) => path.join(root, f));
  const named = new Set<string>();
  const prefixes = new Set<string>();
  const patterns: RegExp[] = [];
  for (const { strings, templates } of sourceGraph(entries, appDir).values()) {
    // A template names the keys it can make when its fixed text holds a letter (`${prefix}.${step}` names none).
    for (const pieces of templates) {
      // A leading placeholder stands for one segment (`${kind}.status.${s}`: wish, claim…), any other for one or more.
      if (!/[a-z]/i.test(pieces.join(''))) continue;
      const escaped = pieces.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
      patterns.push(new RegExp(`^${escaped[0]}${escaped[0] === '' ? '[\\w-]+' : '[\\w.-]+'}${escaped.slice(1).join('[\\w.-]+')}$`));
    }
    for (const s of strings) {
      if (!s.includes('.')) continue;
      named.add(s);
      prefixes.add(s.endsWith('.') || s.endsWith('_') ? s : `${s}.`);
    }
  }
  const all = new Set<string>();
  for (const key of keys) {
    if (named.has(key) || patterns.some((p) => p.test(key))) all.add(key);
    else for (let i = key.indexOf('.'); i >= 0; i = key.indexOf('.', i + 1)) if (prefixes.has(key.slice(0, i + 1))) all.add(key);
    // A template head "ps." followed by a placeholder and "_title" names keys under its prefix too.
    for (let i = key.indexOf('_'); i >= 0; i = key.indexOf('_', i + 1)) if (prefixes.has(key.slice(0, i + 1))) all.add(key);
  }
  return all;
}

/** A language's texts in its two parts: what the public pages can render, and the rest. */
export function splitCatalogue(catalogue: Record<string, string>, shown: Set<string>): { public: Record<string, string>; rest: Record<string, string> } {
  const parts = { public: {} as Record<string, string>, rest: {} as Record<string, string> };
  for (const [key, text] of Object.entries(catalogue)) parts[shown.has(key) ? 'public' : 'rest'][key] = text;
  return parts;
}
