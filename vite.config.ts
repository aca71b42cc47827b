import { vitePlugin as remix } from '@remix-run/dev';
import { defineConfig, type Plugin } from 'vite';
import path from 'node:path';
import { catalogues } from './app/i18n/catalogues';
import { publicKeys, splitCatalogue } from './scripts/catalogue-split';

/** `npm run bench` builds into its own directory, with its empty page (app/routes.ts); never into build/. */
const benchBuild = process.env.WISHBRIDGE_BENCH_BUILD === '1';

/**
 * The browser gets the texts of its page's language only: in the client build, app/i18n/catalogues.ts
 * (both languages, 35 kB gzip) becomes a module whose loadCatalogue(locale, part) imports one language as
 * chunks of their own, which entry.client.tsx awaits before hydrating. Each language comes in two parts: the
 * texts the public pages can render (scripts/catalogue-split.ts reads them from the pages' source), and the
 * rest, which a page that is not public loads too (app/i18n/catalogue-parts.ts). The server build keeps the
 * real module.
 */
function clientCatalogues(): Plugin {
  const real = path.resolve(__dirname, 'app/i18n/catalogues.ts');
  const SWAPPED = '\0wishbridge-client-catalogues';
  const LANGUAGE = 'wishbridge-catalogue:';
  const REST = 'wishbridge-texts-rest:';
  let publicSet: Set<string> | undefined;
  return {
    name: 'wishbridge-client-catalogues',
    apply: 'build',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (options?.ssr) return null;
      if (source.startsWith(LANGUAGE) || source.startsWith(REST)) return `\0${source}`;
      if (!importer || !source.includes('catalogues')) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved?.id === real ? SWAPPED : null;
    },
    load(id) {
      if (id === SWAPPED) {
        const chunk = (part: string, locale: string) => `() => import('${part === 'public' ? LANGUAGE : REST}${locale}')`;
        return [
          "export const catalogues = { 'zh-CN': {}, en: {} };",
          'export const areasForTests = [];',
          `const parts = { public: { 'zh-CN': ${chunk('public', 'zh-CN')}, en: ${chunk('public', 'en')} }, rest: { 'zh-CN': ${chunk('rest', 'zh-CN')}, en: ${chunk('rest', 'en')} } };`,
          'const loaded = new Set();',
          'function loadPart(part, locale) {',
          '  const name = `${part} ${locale}`;',
          '  if (loaded.has(name)) return null;',
          '  return parts[part][locale]().then(({ default: texts }) => { Object.assign(catalogues[locale], texts); loaded.add(name); });',
          '}',
          "export function catalogueLoaded(locale, part) { return loaded.has(`public ${locale}`) && (part === 'public' || loaded.has(`rest ${locale}`)); }",
          "export async function loadCatalogue(locale, part = 'all') {",
          "  await Promise.all([loadPart('public', locale), part === 'public' ? null : loadPart('rest', locale)]);",
          '}',
        ].join('\n');
      }
      const part = id.startsWith(`\0${LANGUAGE}`) ? 'public' : id.startsWith(`\0${REST}`) ? 'rest' : null;
      if (part) {
        const locale = id.slice(id.indexOf(':') + 1) as keyof typeof catalogues;
        const shown = (publicSet ??= publicKeys(Object.keys(catalogues['zh-CN']), __dirname));
        const texts = splitCatalogue(catalogues[locale], shown)[part];
        return `export default JSON.parse(${JSON.stringify(JSON.stringify(texts))});`;
      }
      return null;
    },
  };
}

export default defineConfig({
  resolve: { alias: { '~': path.resolve(__dirname, 'app') } },
  server: { port: 3000 },
  // Keep the previous build's files: a running server still links to them (scripts/build-if-stale.ts prunes older ones).
  build: { emptyOutDir: false },
  plugins: [
    clientCatalogues(),
    remix({
      ...(benchBuild ? { buildDirectory: 'bench/.tmp/build' } : {}),
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_singleFetch: true,
        v3_lazyRouteDiscovery: true,
        v3_routeConfig: true,
      },
    }),
  ],
});
