import { describe, expect, it } from 'vitest';
import { CSV_BOM, FIGURE_KEYS, type FigureValues, type ReportFigures } from '../../app/domain/report';
import { figuresWithPriorCsv, monthsOf, monthWithin, periodClosed, presetOf, presetPeriod, recordHref, recordsCsv, yearEarlier } from '../../app/domain/report-pages';

describe('the period picker', () => {
  it.each([
    ['2026-03-15', 'this_half', { from: '2026-01-01', to: '2026-06-30' }],
    ['2026-03-15', 'last_half', { from: '2025-07-01', to: '2025-12-31' }],
    ['2026-09-01', 'this_half', { from: '2026-07-01', to: '2026-12-31' }],
    ['2026-07-01', 'last_half', { from: '2026-01-01', to: '2026-06-30' }],
    ['2026-06-30', 'this_half', { from: '2026-01-01', to: '2026-06-30' }],
    ['2026-12-31', 'this_year', { from: '2026-01-01', to: '2026-12-31' }],
  ] as const)('on %s, %s is %o', (today, preset, period) => {
    expect(presetPeriod(preset, today)).toEqual(period);
    expect(presetOf(period, today)).toBe(preset);
  });

  it('names no preset for a custom period', () => expect(presetOf({ from: '2025-01-01', to: '2025-06-30' }, '2026-03-01')).toBeNull());

  it('takes the same dates a year earlier, 29 February as 28 February', () => {
    expect(yearEarlier('2025-06-30')).toBe('2024-06-30');
    expect(yearEarlier('2024-02-29')).toBe('2023-02-28');
  });

  it('closes a period the day after its last day', () => {
    expect(periodClosed({ from: '2025-01-01', to: '2025-06-30' }, '2025-06-30')).toBe(false);
    expect(periodClosed({ from: '2025-01-01', to: '2025-06-30' }, '2025-07-01')).toBe(true);
  });

  it('lists the months a period touches, each clipped to the period', () => {
    const p = { from: '2024-11-15', to: '2025-02-10' };
    expect(monthsOf(p)).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
    expect(monthWithin('2024-11', p)).toEqual({ from: '2024-11-15', to: '2024-11-30' });
    expect(monthWithin('2024-02', { from: '2024-01-01', to: '2024-12-31' })).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(monthWithin('2025-02', p)).toEqual({ from: '2025-02-01', to: '2025-02-10' });
  });
});

describe('records and exports', () => {
  it('links each kind of record to its staff page', () => {
    expect(recordHref('wish', 'w1')).toBe('/staff/wishes/w1');
    expect(recordHref('claim', 'c1')).toBe('/staff/claims/c1');
    expect(recordHref('signup', 's1')).toBe('/staff/slots/s1');
    expect(recordHref('visit', 'p1')).toBe('/staff/pairings/p1');
    expect(recordHref('org', 'o1')).toBe('/staff/helpers/o1');
    expect(recordHref('volunteer', 'u1')).toBe('/staff/helpers/u1');
    expect(recordHref('child', 'k1')).toBe('/staff/children/k1');
  });

  const values = (n: number) => Object.fromEntries(FIGURE_KEYS.map((k) => [k, n])) as FigureValues;
  const county = { id: 'c1', code: 'lt', kind: 'county' as const, nameZh: '利通区', nameEn: 'Litong' };
  const figures = (n: number): ReportFigures => ({ total: values(n), byCounty: [{ county, figures: values(n) }] });

  it('writes the figures with the year-earlier column beside the value', () => {
    const text = figuresWithPriorCsv({ scopeName: '吴忠市', figures: figures(7), prior: figures(3) }, (k) => k, 'zh-CN');
    expect(text.startsWith(CSV_BOM)).toBe(true);
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(lines[0].split(',')).toEqual(['report.csv.figure', 'report.csv.label', 'report.csv.county', 'report.csv.value', 'reports.csv.prior', 'report.csv.unit', 'report.csv.definition']);
    expect(lines[1].split(',').slice(0, 5)).toEqual(['homeVisits', 'report.figure.homeVisits', '吴忠市report.csv.total_suffix', '7', '3']);
    expect(lines[2].split(',').slice(2, 5)).toEqual(['利通区', '7', '3']);
    expect(lines).toHaveLength(1 + 2 * FIGURE_KEYS.length);
  });

  it('writes the records with a BOM, quoting a label with a comma', () => {
    const text = recordsCsv([{ kind: 'wish', id: 'w1', label: '书包, 文具', site: '金积镇', at: '2025/03/01 10:00', weight: 1 }], (k) => k);
    expect(text).toBe(`${CSV_BOM}reports.records.kind,reports.records.id,reports.records.record,reports.records.site,reports.records.date,reports.records.weight\r\nreports.kind.wish,w1,"书包, 文具",金积镇,2025/03/01 10:00,1\r\n`);
  });
});
