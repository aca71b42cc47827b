import * as v from 'valibot';
import { PAIRING_STATUSES, type PairingStatus } from '../domain/pairing';
import { page, searchText } from './queries';

// The query string of /staff/pairings (read with parseQuery): a shareable link, so every malformed value
// reads as "no filter" or the first page, never an error.

/** Longest id in a query string (ids are 16 characters of base32). */
const ID_MAX = 40;

/** A ticked checkbox of a GET filter form ("1"); anything else is unticked. */
const flag = v.optional(v.fallback(v.pipe(v.string(), v.transform((s) => s === '1')), false), '');

/** /staff/pairings: a status (or all), a site, only overdue contact, only open concerns, and the page. */
export const StaffPairingQuery = v.object({
  status: v.optional(v.fallback(v.picklist<('' | PairingStatus)[]>(['', ...PAIRING_STATUSES]), ''), ''),
  site: searchText(ID_MAX),
  overdue: flag,
  concern: flag,
  page,
});
export type StaffPairingQueryValue = v.InferOutput<typeof StaffPairingQuery>;
