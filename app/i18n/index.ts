import { catalogues } from './catalogues';
import type { Locale } from './locale';

export * from './locale';
export { catalogues, areasForTests, loadCatalogue, catalogueLoaded } from './catalogues';

export type TranslateParams = Record<string, string | number>;
export type Translate = (key: string, params?: TranslateParams) => string;

/** Unknown keys come back as the key itself, so a missing text is visible rather than blank. */
export function translator(locale: Locale): Translate {
  const catalogue = catalogues[locale];
  return (key, params) => {
    const text = catalogue[key] ?? catalogues['zh-CN'][key] ?? key;
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  };
}

const TZ = 'Asia/Shanghai';

/**
 * Building an Intl.DateTimeFormat costs far more than formatting with one (a profile of /wishes showed
 * formatDate at 6% of the request), so each locale's formatters are built once and kept.
 */
const FORMATS: Record<'date' | 'dateTime' | 'time', Intl.DateTimeFormatOptions> = {
  date: { timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit' },
  dateTime: {
    timeZone: TZ,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    // Not `hour12: false`: with it Node's ICU writes midnight as "24:30" in English while browsers
    // write "00:30", and the page fails to hydrate. hourCycle h23 is 00–23 everywhere.
    hourCycle: 'h23',
  },
  time: { timeZone: TZ, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
};
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(kind: 'date' | 'dateTime' | 'time', locale: Locale): Intl.DateTimeFormat {
  const key = `${kind} ${locale}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(locale, FORMATS[kind]);
    formatters.set(key, found);
  }
  return found;
}

export function formatDate(ms: number, locale: Locale): string {
  return formatter('date', locale).format(ms);
}

export function formatDateTime(ms: number, locale: Locale): string {
  return formatter('dateTime', locale).format(ms);
}

/** A span of time: "2026/12/01 16:00–17:00" when it ends the same day (in Asia/Shanghai), both ends in full otherwise. */
export function formatTimeRange(start: number, end: number, locale: Locale): string {
  if (formatDate(start, locale) !== formatDate(end, locale)) return `${formatDateTime(start, locale)} – ${formatDateTime(end, locale)}`;
  return `${formatDateTime(start, locale)}–${formatter('time', locale).format(end)}`;
}

/** Money is stored in fen; shown as ¥ with two decimals when there are cents. */
export function formatMoney(fen: number): string {
  const yuan = fen / 100;
  return `¥${Number.isInteger(yuan) ? yuan.toLocaleString('en-US') : yuan.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}
