// Time in the demo data set: Asia/Shanghai wall-clock helpers and the letter's period.

export const MIN = 60_000;
export const HOUR = 60 * MIN;
export const DAY = 24 * HOUR;

/** Local time in Asia/Shanghai (UTC+8, no DST) as UTC ms. Month is 1-based. */
export function sh(y: number, m: number, d: number, h = 0, min = 0): number {
  return Date.UTC(y, m - 1, d, h - 8, min);
}
/** The Asia/Shanghai calendar date of an instant. */
export function shDate(ms: number): string {
  return new Date(ms + 8 * HOUR).toISOString().slice(0, 10);
}
export function shMidnight(ms: number): number {
  const [y, m, d] = shDate(ms).split('-').map(Number);
  return sh(y, m, d);
}
export function endOfShDay(ms: number): number {
  return shMidnight(ms) + DAY - 1;
}

/** The first half of 2025 in Asia/Shanghai, inclusive bounds in UTC ms. */
export const DEMO_PERIOD = { from: sh(2025, 1, 1), to: sh(2025, 7, 1) - 1 } as const;
/** Day d (0 = 1 January 2025) of the period, at a Shanghai wall-clock time. */
export const pday = (d: number, h = 0, min = 0) => DEMO_PERIOD.from + d * DAY + h * HOUR + min * MIN;

/** Completed years on a calendar date (both 'YYYY-MM-DD'); 0 for a date before birth. */
export function ageYears(birthDate: string, today: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [ty, tm, td] = today.split('-').map(Number);
  const age = ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
  return Math.max(0, age);
}
