// Calendar dates as the institutions live them: Asia/Shanghai, UTC+8 all year (no daylight saving).
// Pure arithmetic on UTC milliseconds, so the domain stays free of Intl and time-zone data.

const OFFSET_MS = 8 * 60 * 60 * 1000;
export const DAY_MS = 24 * 60 * 60 * 1000;

/** The calendar date 'YYYY-MM-DD' in Shanghai at this instant. */
export function shanghaiDate(ms: number): string {
  return new Date(ms + OFFSET_MS).toISOString().slice(0, 10);
}

/** Is this a real calendar date written 'YYYY-MM-DD'? */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  // Date.UTC reads years 0–99 as 1900–1999; an impossible month or day (13, 00, 30 February) always moves the month.
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1;
}

/** The last millisecond of that Shanghai calendar day, as UTC ms: a deadline "on the 5th" lasts the whole 5th. */
export function endOfShanghaiDay(date: string): number {
  if (!isCalendarDate(date)) throw new RangeError(`not a calendar date: ${date}`);
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y, m - 1, d + 1) - OFFSET_MS - 1;
}
