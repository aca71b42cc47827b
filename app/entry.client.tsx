import { RemixBrowser } from '@remix-run/react';
import { startTransition, StrictMode } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { loadCatalogue } from './i18n/catalogues';

// The page's language only (vite.config.ts, clientCatalogues): its texts are loaded before hydrating.
void loadCatalogue(document.documentElement.lang === 'en' ? 'en' : 'zh-CN').then(() =>
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <RemixBrowser />
      </StrictMode>,
    );
  }),
);
