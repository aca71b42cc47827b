import { createContext, useContext } from 'react';

/**
 * The site's stylesheet (app/styles.css), which the server writes into the head of every page it renders
 * (entry.server.tsx): a separate file would hold up the first paint by a round trip, on a phone's network the
 * longest wait of the page. The browser keeps that <style> across client-side navigations; its own bundle
 * carries no copy (it has no provider: the text is '' there, and hydration leaves the server's in place).
 */
export const InlineStylesContext = createContext<string>('');
export const useInlineStyles = () => useContext(InlineStylesContext);
