export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';
export const LANG_COOKIE = 'lang';

export function asLocale(value: string | null | undefined): Locale | null {
  if (!value) return null;
  const lower = value.toLowerCase();
  if (lower === 'en' || lower.startsWith('en-')) return 'en';
  if (lower === 'zh' || lower === 'zh-cn' || lower.startsWith('zh-')) return 'zh-CN';
  return null;
}

/** ?lang= wins, then the cookie, then zh-CN. Returns whether the choice came from the URL (to persist it). */
export function localeFromRequest(request: Request): { locale: Locale; fromQuery: boolean } {
  const fromQuery = asLocale(new URL(request.url).searchParams.get('lang'));
  if (fromQuery) return { locale: fromQuery, fromQuery: true };
  const cookie = request.headers.get('cookie') ?? '';
  const match = cookie.match(/(?:^|;\s*)lang=([^;]+)/);
  return { locale: asLocale(match?.[1]) ?? DEFAULT_LOCALE, fromQuery: false };
}

export function langCookie(locale: Locale): string {
  return `${LANG_COOKIE}=${locale}; Path=/; Max-Age=31536000; SameSite=Lax`;
}
