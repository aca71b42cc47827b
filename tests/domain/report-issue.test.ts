import { describe, expect, it } from 'vitest';
import { FIGURE_KEYS, FIGURES, type FigureValues } from '../../app/domain/report';
import { CORRECTION_EVENTS, currentHalfYear, DASHBOARD_FIGURES, figuresChanged, isClosedPeriod, lastHalfYear } from '../../app/domain/report-issue';

/** UTC ms of a Shanghai wall-clock time. */
const sh = (y: number, m: number, d: number, h = 12) => Date.UTC(y, m - 1, d, h - 8);
const H1 = { from: '2025-01-01', to: '2025-06-30' };

describe('a closed period', () => {
  it.each([
    [sh(2025, 6, 30, 23), false],
    [sh(2025, 7, 1, 0), true],
    [sh(2025, 6, 30, 12), false],
    [sh(2026, 1, 1), true],
  ])('H1 2025 at %s: closed %s (the last day is before today in Shanghai)', (now, closed) => {
    expect(isClosedPeriod(H1, now)).toBe(closed);
  });
});

describe('the half-years', () => {
  it.each([
    [sh(2026, 1, 1, 0), { from: '2026-01-01', to: '2026-06-30' }, { from: '2025-07-01', to: '2025-12-31' }],
    [sh(2026, 6, 30, 23), { from: '2026-01-01', to: '2026-06-30' }, { from: '2025-07-01', to: '2025-12-31' }],
    [sh(2026, 7, 1, 0), { from: '2026-07-01', to: '2026-12-31' }, { from: '2026-01-01', to: '2026-06-30' }],
    // 1 January 2027 02:00 in Shanghai is still 31 December 2026 in UTC.
    [sh(2027, 1, 1, 2), { from: '2027-01-01', to: '2027-06-30' }, { from: '2026-07-01', to: '2026-12-31' }],
  ])('at %s: current %o, last %o', (now, current, last) => {
    expect(currentHalfYear(now)).toEqual(current);
    expect(lastHalfYear(now)).toEqual(last);
    expect(isClosedPeriod(lastHalfYear(now), now)).toBe(true);
    expect(isClosedPeriod(currentHalfYear(now), now)).toBe(false);
  });
});

describe('comparing an issued report with the live one', () => {
  const zero = Object.fromEntries(FIGURE_KEYS.map((k) => [k, 0])) as FigureValues;
  it('lists exactly the figures that differ, in the table order', () => {
    expect(figuresChanged(zero, { ...zero })).toEqual([]);
    expect(figuresChanged({ ...zero, serviceHours: 1.5, homeVisits: 3 }, { ...zero, homeVisits: 4, serviceHours: 1.5, companies: 1 })).toEqual(['homeVisits', 'companies']);
  });
});

describe('definitions', () => {
  it('counts as corrections the events that change counted records, each kind once', () => {
    const pairs = CORRECTION_EVENTS.flatMap((c) => c.actions.map((a) => `${c.entityType}:${a}`));
    expect(new Set(pairs).size).toBe(pairs.length);
    for (const p of ['slot:correct', 'visit:correct_visit', 'visit:confirm_visit', 'visit:reject_visit', 'claim:confirm', 'wish:withdraw']) expect(pairs).toContain(p);
  });

  it('the dashboard shows the letter figures', () => {
    expect(DASHBOARD_FIGURES).toEqual(FIGURE_KEYS.filter((k) => FIGURES[k].letter));
    expect(DASHBOARD_FIGURES).toContain('wishesFulfilled');
  });
});
