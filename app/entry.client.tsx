import { RemixBrowser } from '@remix-run/react';
import { startTransition, StrictMode } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { loadCatalogue } from './i18n/catalogues';
import { cataloguePart } from './i18n/catalogue-parts';

// The page's language only (vite.config.ts, clientCatalogues), and of it the public pages' texts on a public
// page: they are loaded before hydrating. A client-side navigation to any other page loads the rest (root.tsx).
void loadCatalogue(document.documentElement.lang === 'en' ? 'en' : 'zh-CN', cataloguePart(window.location.pathname)).then(() =>
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <RemixBrowser />
      </StrictMode>,
    );
  }),
);
