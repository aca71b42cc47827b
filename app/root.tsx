import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import type { ClientLoaderFunctionArgs, ShouldRevalidateFunction } from '@remix-run/react';
import {
  Form,
  Link,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  data,
  isRouteErrorResponse,
  useLocation,
  useRouteError,
  useRouteLoaderData,
} from '@remix-run/react';
import type { ReactNode } from 'react';
import { useNonce } from './components/nonce';
import { useInlineStyles } from './components/inline-styles';
import { useRequestId } from './components/request-id';
import { useLocale, useT } from './components/i18n';
import { shellData, type ShellData } from './server/shell.server';
import { metaTranslator, pageTitle, withDescription } from './i18n/meta';
import { catalogueLoaded, loadCatalogue } from './i18n/catalogues';
import { cataloguePart } from './i18n/catalogue-parts';

// The stylesheet is in the page itself (components/inline-styles.tsx).
export const links: LinksFunction = () => [
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const { data: shell, headers } = shellData(request);
  return data(shell, { headers });
}

/**
 * A public page's browser holds the public pages' texts only (app/i18n/catalogue-parts.ts). Before a client-side
 * navigation renders any other page (a link, or the redirect after signing in), the rest of the language is
 * loaded here, beside the page's data: the root's loader runs for that navigation (shouldRevalidate), and the
 * new page renders once both are there, so it never shows a key for a text.
 */
export async function clientLoader({ request, serverLoader }: ClientLoaderFunctionArgs) {
  const part = cataloguePart(new URL(request.url).pathname);
  const current = document.documentElement.lang === 'en' ? 'en' : 'zh-CN';
  const [shell] = (await Promise.all([serverLoader(), loadCatalogue(current, part)])) as [ShellData, void];
  if (shell.locale !== current) await loadCatalogue(shell.locale, part);
  return shell;
}

export const shouldRevalidate: ShouldRevalidateFunction = ({ nextUrl, defaultShouldRevalidate }) =>
  defaultShouldRevalidate || !catalogueLoaded(document.documentElement.lang === 'en' ? 'en' : 'zh-CN', cataloguePart(nextUrl.pathname));

/** The title of every page without its own, and of the error pages (which render with the root's meta). */
export const meta: MetaFunction<typeof loader> = ({ error, matches }) => {
  if (!error) {
    const t = metaTranslator(matches);
    return withDescription(t, t('app.name'));
  }
  const status = isRouteErrorResponse(error) ? error.status : 500;
  return pageTitle(matches, status === 404 ? 'error.not_found.title' : status === 403 ? 'error.forbidden.title' : 'error.title');
};

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  const requestId = useRequestId();
  const locale = useLocale();
  const styles = useInlineStyles(nonce);
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="request-id" content={requestId} suppressHydrationWarning />
        <Meta />
        <style nonce={styles.nonce} dangerouslySetInnerHTML={{ __html: styles.css }} suppressHydrationWarning />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

function LanguageSwitch() {
  const t = useT();
  const locale = useLocale();
  const location = useLocation();
  const params = new URLSearchParams(location.search);
  const other = locale === 'en' ? 'zh-CN' : 'en';
  params.set('lang', other);
  // Its name is what it shows ("English", "中文"), in the language it names, so a screen reader reads it in
  // that language and voice control finds it by what is on screen; "switch language" is its description.
  return (
    <Link to={`${location.pathname}?${params}`} className="lang-switch" lang={other} hrefLang={other} title={t('nav.language_label')} reloadDocument>
      {t('nav.language')}
    </Link>
  );
}

function Header({ shell }: { shell: ShellData | undefined }) {
  const t = useT();
  const viewer = shell?.viewer;
  return (
    <header className="site-header">
      {shell?.demo ? <p className="demo-banner">{t('demo.banner')}</p> : null}
      <div className="header-row">
        <Link to="/" className="brand">
          <span className="brand-mark" aria-hidden>
            ❤
          </span>
          {t('app.name')}
        </Link>
        <LanguageSwitch />
      </div>
      <nav aria-label={t('nav.menu')} className="site-nav">
        <NavLink to="/wishes">{t('nav.wishes')}</NavLink>
        <NavLink to="/activities">{t('nav.activities')}</NavLink>
        {viewer ? <NavLink to="/me">{t('nav.me')}</NavLink> : null}
        {viewer?.isOrgMember ? <NavLink to="/org">{t('nav.org')}</NavLink> : null}
        {viewer?.isStaff || viewer?.isAdmin ? <NavLink to="/staff">{t('nav.staff')}</NavLink> : null}
        {viewer?.isAdmin ? <NavLink to="/admin">{t('nav.admin')}</NavLink> : null}
        {viewer ? (
          <Form method="post" action="/logout" className="inline-form">
            <span className="viewer-name">{viewer.displayName}</span>
            <button type="submit" className="link-button">
              {t('nav.logout')}
            </button>
          </Form>
        ) : (
          <>
            <NavLink to="/login">{t('nav.login')}</NavLink>
            <NavLink to="/signup" className="nav-cta">
              {t('nav.signup')}
            </NavLink>
          </>
        )}
      </nav>
    </header>
  );
}

function Frame({ children }: { children: ReactNode }) {
  const shell = useRouteLoaderData<typeof loader>('root') as ShellData | undefined;
  const t = useT();
  // The skip link comes first so that a keyboard user reaches the page past the header's links in one step;
  // the demo notice sits in the header's landmark, where a screen reader's landmark list finds it.
  return (
    <>
      <a href="#main" className="skip-link">
        {t('nav.skip')}
      </a>
      <Header shell={shell} />
      <main className="page" id="main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <p>{t('footer.about')}</p>
        <p>{t('footer.privacy')}</p>
      </footer>
    </>
  );
}

export default function App() {
  return (
    <Frame>
      <Outlet />
    </Frame>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const t = useT();
  const requestId = useRequestId();
  if (isRouteErrorResponse(error) && (error.status === 404 || error.status === 403 || error.status === 503)) {
    const key = error.status === 404 ? 'not_found' : error.status === 403 ? 'forbidden' : 'unavailable';
    return (
      <Frame>
        <section className="error-page">
          <h1>{t(`error.${key}.title`)}</h1>
          <p>{t(`error.${key}.body`)}</p>
          <Link to="/">{t('error.home')}</Link>
        </section>
      </Frame>
    );
  }
  return (
    <Frame>
      <section className="error-page">
        <h1>{t('error.title')}</h1>
        <p>{t('error.body')}</p>
        <p>
          {t('error.id')}: <code className="error-id">{requestId || '—'}</code>
        </p>
        <Link to="/">{t('error.home')}</Link>
      </section>
    </Frame>
  );
}
