import { DEFAULT_LOCALE, translator, type Locale, type Translate, type TranslateParams } from './index';

// Document titles in the page's language. A route's `meta` runs without hooks: the locale comes from
// the root loader's data, which Remix hands every `meta` in `matches`.

/** The part of a Remix meta match these helpers read. */
export interface TitleMatch {
  id: string;
  data?: unknown;
}
/** A page's `<title>` and its `<meta name="description">` (search engines show it under the title). */
export type TitleMeta = [{ title: string }, { name: 'description'; content: string }];

export function metaLocale(matches: readonly TitleMatch[] | undefined): Locale {
  const root = matches?.find((m) => m.id === 'root')?.data as { locale?: unknown } | null | undefined;
  if (root?.locale === 'en' || root?.locale === 'zh-CN') return root.locale;
  if (typeof document !== 'undefined') return document.documentElement.lang === 'en' ? 'en' : DEFAULT_LOCALE;
  return DEFAULT_LOCALE;
}

export function metaTranslator(matches: readonly TitleMatch[] | undefined): Translate {
  return translator(metaLocale(matches));
}

/** `<title>` "{text of key} · 心愿桥" / "… · WishBridge". */
export function pageTitle(matches: readonly TitleMatch[] | undefined, key: string, params?: TranslateParams): TitleMeta {
  const t = metaTranslator(matches);
  return withDescription(t, `${t(key, params)} · ${t('app.name')}`);
}

/** A title as it is, with the site's description in the page's language. */
export function withDescription(t: Translate, title: string): TitleMeta {
  return [{ title }, { name: 'description', content: t('app.description') }];
}

/** `<title>` from a text of the page's own data (a wish's title), or from `fallbackKey` while there is none. */
export function textTitle(matches: readonly TitleMatch[] | undefined, text: string | null | undefined, fallbackKey: string): TitleMeta {
  if (!text) return pageTitle(matches, fallbackKey);
  const t = metaTranslator(matches);
  return withDescription(t, `${text} · ${t('app.name')}`);
}
