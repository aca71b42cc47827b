// Every text of the site in both languages, the server's and the tests' view. The browser never loads this
// module: the client build swaps it for the one language of the page (vite.config.ts, clientCatalogues),
// which entry.client.tsx loads before it hydrates (README D34), in two parts (app/i18n/catalogue-parts.ts).
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
import { certificates } from './messages/certificates';
import type { Locale } from './locale';
import type { CataloguePart } from './catalogue-parts';

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
  certificates,
];

type Catalogue = Record<string, string>;
export const catalogues: Record<Locale, Catalogue> = {
  'zh-CN': Object.assign({}, ...areas.map((a) => a['zh-CN'])),
  en: Object.assign({}, ...areas.map((a) => a.en)),
};
export const areasForTests = areas as unknown as Array<Record<Locale, Catalogue>>;

/**
 * Makes the texts of `locale` ready: all of them, or the part the public pages render (app/i18n/catalogue-parts.ts).
 * Here every text is, always; in the browser it loads the page's language, part by part.
 */
export async function loadCatalogue(_locale: Locale, _part: CataloguePart = 'all'): Promise<void> {}

/** Whether loadCatalogue(locale, part) has nothing left to load. */
export function catalogueLoaded(_locale: Locale, _part: CataloguePart): boolean {
  return true;
}
