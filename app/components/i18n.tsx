import { useRouteLoaderData } from '@remix-run/react';
import { useMemo } from 'react';
import { DEFAULT_LOCALE, translator, type Locale, type Translate } from '../i18n/index';

interface RootData {
  locale: Locale;
}

export function useLocale(): Locale {
  const data = useRouteLoaderData('root') as RootData | undefined;
  if (data?.locale) return data.locale;
  if (typeof document !== 'undefined') return document.documentElement.lang === 'en' ? 'en' : DEFAULT_LOCALE;
  return DEFAULT_LOCALE;
}

export function useT(): Translate {
  const locale = useLocale();
  return useMemo(() => translator(locale), [locale]);
}
