import { vitePlugin as remix } from '@remix-run/dev';
import { defineConfig, type Plugin } from 'vite';
import path from 'node:path';
import { catalogues } from './app/i18n/catalogues';

/** `npm run bench` builds into its own directory, with its empty page (app/routes.ts); never into build/. */
const benchBuild = process.env.WISHBRIDGE_BENCH_BUILD === '1';

/**
 * The browser gets the texts of its page's language only: in the client build, app/i18n/catalogues.ts
 * (both languages, 35 kB gzip) becomes a module whose loadCatalogue(locale) imports one language as its
 * own chunk, which entry.client.tsx awaits before hydrating. The server build keeps the real module.
 */
function clientCatalogues(): Plugin {
  const real = path.resolve(__dirname, 'app/i18n/catalogues.ts');
  const SWAPPED = '\0wishbridge-client-catalogues';
  const LANGUAGE = 'wishbridge-catalogue:';
  return {
    name: 'wishbridge-client-catalogues',
    apply: 'build',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (options?.ssr) return null;
      if (source.startsWith(LANGUAGE)) return `\0${source}`;
      if (!importer || !source.includes('catalogues')) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved?.id === real ? SWAPPED : null;
    },
    load(id) {
      if (id === SWAPPED) {
        return [
          "export const catalogues = { 'zh-CN': {}, en: {} };",
          'export const areasForTests = [];',
          'export async function loadCatalogue(locale) {',
          `  const { default: texts } = locale === 'en' ? await import('${LANGUAGE}en') : await import('${LANGUAGE}zh-CN');`,
          '  Object.assign(catalogues[locale], texts);',
          '}',
        ].join('\n');
      }
      if (id.startsWith(`\0${LANGUAGE}`)) {
        const locale = id.slice(LANGUAGE.length + 1) as keyof typeof catalogues;
        return `export default JSON.parse(${JSON.stringify(JSON.stringify(catalogues[locale]))});`;
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
