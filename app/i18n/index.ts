import { common } from './messages/common';
import { publicPages } from './messages/public';
import { wishes } from './messages/wishes';
import { claims } from './messages/claims';
import { accounts } from './messages/accounts';
import { staffAdmin } from './messages/staff-admin';
import { logs } from './messages/logs';
import { http } from './messages/http';
import { passwords } from './messages/passwords';
import { activityList } from './messages/activity-list';
import { actstaff } from './messages/actstaff';
import { signups } from './messages/signups';
import { pairings } from './messages/pairings';
import { reports } from './messages/reports';
import { pairingStaff } from './messages/pairing-staff';
import { pairingList } from './messages/pairing-list';
import { reportPages } from './messages/report-pages';
import { reportIssue } from './messages/report-issue';
import { pairingMe } from './messages/pairing-me';
import type { Locale } from './locale';

export * from './locale';

// Each area keeps both languages side by side; tests/i18n.test.ts checks they have the same keys.
const areas = [
  common,
  publicPages,
  wishes,
  claims,
  accounts,
  staffAdmin,
  logs,
  http,
  passwords,
  activityList,
  actstaff,
  signups,
  pairings,
  reports,
  pairingStaff,
  pairingList,
  reportPages,
  reportIssue,
  pairingMe,
];

type Catalogue = Record<string, string>;
export const catalogues: Record<Locale, Catalogue> = {
  'zh-CN': Object.assign({}, ...areas.map((a) => a['zh-CN'])),
  en: Object.assign({}, ...areas.map((a) => a.en)),
};
export const areasForTests = areas as unknown as Array<Record<Locale, Catalogue>>;

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

// Building an Intl.DateTimeFormat costs far more than formatting with one (a staff list formats hundreds of
// times per page): each format is built once per locale and kept.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(kind: 'date' | 'dateTime' | 'time', locale: Locale): Intl.DateTimeFormat {
  const key = `${kind}:${locale}`;
  let f = formatters.get(key);
  if (!f) {
    const options: Intl.DateTimeFormatOptions =
      kind === 'date'
        ? { timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit' }
        : kind === 'time'
          ? { timeZone: TZ, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }
          : {
              timeZone: TZ,
              year: 'numeric',
              month: '2-digit',
              day: '2-digit',
              hour: '2-digit',
              minute: '2-digit',
              // Not `hour12: false`: with it Node's ICU writes midnight as "24:30" in English while browsers
              // write "00:30", and the page fails to hydrate. hourCycle h23 is 00–23 everywhere.
              hourCycle: 'h23',
            };
    f = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, f);
  }
  return f;
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
