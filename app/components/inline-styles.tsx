import { createContext, useContext } from 'react';

/**
 * The site's stylesheet (app/styles.css), which the server writes into the head of every page it renders
 * (entry.server.tsx): a separate file would hold up the first paint by a round trip, on a phone's network the
 * longest wait of the page. The browser keeps that <style> across client-side navigations; its own bundle
 * carries no copy (it has no provider: the text is '' there, and hydration leaves the server's in place).
 */
export const InlineStylesContext = createContext<string>('');

/**
 * The server's <style> as the browser received it, read once before hydration: when React has to build the head
 * again (the root's error page after a refused client-side navigation mounts a new tree), the new <style> gets the
 * same text and the page's nonce (an element's `nonce` property keeps it; the attribute reads empty), instead of an
 * empty style that the Content-Security-Policy refuses and a page without its styles.
 */
const fromServer: { css: string; nonce: string } =
  typeof document === 'undefined'
    ? { css: '', nonce: '' }
    : (() => {
        const style = document.querySelector<HTMLStyleElement>('head > style');
        return { css: style?.textContent ?? '', nonce: style?.nonce ?? '' };
      })();

/** The stylesheet's text and the nonce to write it under: the server's, or in the browser the page's own. */
export function useInlineStyles(nonce: string): { css: string; nonce: string } {
  const css = useContext(InlineStylesContext);
  return css ? { css, nonce } : fromServer;
}
