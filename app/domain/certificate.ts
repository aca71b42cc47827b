// Service-record certificates (志愿服务记录证明): what a helper's staff-confirmed service in a period
// amounts to, grouped by the organizer of record who certifies it (the 2020 rule: whoever organised the
// service records and certifies it), the masked name that verification shows, and the certificate number.

import { isCalendarDate, shanghaiDate } from './calendar';

/** Who organised a piece of service and so certifies it: a site, or the organization that ran the activity. */
export type Organizer = { type: 'site'; id: string } | { type: 'org'; id: string };

export const organizerKey = (o: Organizer): string => `${o.type}:${o.id}`;

export function parseOrganizerKey(key: string): Organizer | null {
  const match = /^(site|org):([a-z0-9]{1,40})$/.exec(key);
  return match ? { type: match[1] as Organizer['type'], id: match[2] } : null;
}

/**
 * One line of a certificate. `kind` says what it was: an activity slot attended, a confirmed pairing
 * contact (`detail` is the contact's kind: home_visit, call…), or a wish fulfilled (always 0 minutes).
 * `content` is public text only (an activity's or a wish's title): never a child's data, never a visit note.
 */
export interface CertificateEntry {
  date: string;
  kind: 'activity' | 'pairing' | 'wish';
  detail?: string;
  content: string;
  minutes: number;
}

export interface ServiceRecord {
  /** When it happened (UTC ms): a slot's start, a contact's date, the staff's confirmation of a wish. */
  at: number;
  kind: CertificateEntry['kind'];
  detail?: string;
  content: string;
  minutes: number;
  organizer: Organizer;
}

export interface ServiceGroup {
  organizer: Organizer;
  entries: CertificateEntry[];
  totalMinutes: number;
}

/** The records grouped by organizer of record, each group's entries in date order; groups by first service. */
export function groupByOrganizer(records: readonly ServiceRecord[]): ServiceGroup[] {
  const groups = new Map<string, { organizer: Organizer; records: ServiceRecord[] }>();
  const sorted = [...records].sort((a, b) => a.at - b.at || a.kind.localeCompare(b.kind) || a.content.localeCompare(b.content));
  for (const r of sorted) {
    const key = organizerKey(r.organizer);
    const group = groups.get(key) ?? { organizer: r.organizer, records: [] };
    group.records.push(r);
    groups.set(key, group);
  }
  return [...groups.values()].map((g) => {
    const entries = g.records.map((r): CertificateEntry => {
      const minutes = r.kind === 'wish' ? 0 : Math.max(0, Math.round(r.minutes));
      return { date: shanghaiDate(r.at), kind: r.kind, ...(r.detail ? { detail: r.detail } : {}), content: r.content, minutes };
    });
    return { organizer: g.organizer, entries, totalMinutes: entries.reduce((sum, e) => sum + e.minutes, 0) };
  });
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/u;

/**
 * What verification shows of a name: the first and last character kept, the middle masked (王*明, 欧阳**明 →
 * 欧**明); a two-character name keeps its first (李*), a one-character name nothing. A Latin name keeps its first and last letters around
 * three stars whatever its length (J***h), so that the mask tells no more than the Chinese one.
 */
export function maskName(name: string): string {
  const text = name.trim().replace(/\s+/g, ' ');
  const chars = Array.from(text);
  if (chars.length === 0) return '*';
  if (chars.length === 1) return '*';
  if (chars.length === 2) return `${chars[0]}*`;
  if (CJK.test(text)) return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
  const letters = chars.filter((c) => c !== ' ');
  return `${letters[0]}***${letters[letters.length - 1]}`;
}

/** Crockford's base-32 letters: no I, L, O or U, so a number read aloud or typed from paper is not misread. */
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CODE_PATTERN = /^WB-\d{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

/** A certificate number, WB-2025-7KQ2-M9XD: the year of issue and 40 random bits (8 letters of 5 bits). */
export function certificateCode(year: string, random: Uint8Array): string {
  if (random.length < 8) throw new RangeError('a certificate code needs 8 random bytes');
  const letters = Array.from(random.slice(0, 8), (b) => CODE_ALPHABET[b & 31]).join('');
  return `WB-${year}-${letters.slice(0, 4)}-${letters.slice(4)}`;
}

/** A number as typed: case, spaces and look-alike letters forgiven. Null when it cannot be a certificate number. */
export function normalizeCode(input: string): string | null {
  const text = input
    .trim()
    .toUpperCase()
    .replace(/[\s_–—]/g, '')
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0');
  const compact = /^WB-?(\d{4})-?([0-9A-Z]{4})-?([0-9A-Z]{4})$/.exec(text);
  if (!compact) return null;
  const code = `WB-${compact[1]}-${compact[2]}-${compact[3]}`;
  return CODE_PATTERN.test(code) ? code : null;
}

export interface Period {
  from: string;
  to: string;
}

/** This calendar year in Shanghai: the period a certificate page opens on. */
export function thisYear(now: number): Period {
  const year = shanghaiDate(now).slice(0, 4);
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/** A period as asked for, or null when it is not one (not dates, or ending before it starts, or longer than ten years). */
export function periodOf(from: string, to: string): Period | null {
  if (!isCalendarDate(from) || !isCalendarDate(to) || from > to) return null;
  if (Number(to.slice(0, 4)) - Number(from.slice(0, 4)) > 10) return null;
  return { from, to };
}

/** Hours with at most one decimal, as printed: 90 minutes → 1.5. */
export const hoursOf = (minutes: number): number => Math.round(minutes / 6) / 10;
