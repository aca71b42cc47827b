import { describe, expect, it } from 'vitest';
import { ageBand } from '../../app/domain/wish';

// Date validation in ageBand, one rule at a time: each refused date lies in the past, so only the
// calendar check can refuse it (wish.test.ts's "2025-13-01" is also refused for being in the future).

const TODAY = '2030-06-01';

describe('ageBand: calendar dates', () => {
  it.each([
    ['month 13', '2020-13-01'],
    ['month 00', '2020-00-10'],
    ['day 00', '2020-05-00'],
    ['day 32 of a 31-day month', '2020-01-32'],
    ['31 April', '2020-04-31'],
    ['31 June', '2020-06-31'],
    ['31 September', '2020-09-31'],
    ['31 November', '2020-11-31'],
    ['30 February of a leap year', '2020-02-30'],
    ['29 February 1900 (a century, not a leap year)', '1900-02-29'],
    ['29 February 2100 (a century, not a leap year)', '2100-02-29'],
    ['29 February of a common year', '2019-02-29'],
    ['a two-digit month', '2020-1-01'],
    ['trailing text', '2020-01-01x'],
    ['leading text', 'x2020-01-01'],
  ])('refuses %s (%s)', (_why, birth) => {
    expect(() => ageBand(birth, birth.startsWith('2100') ? '2101-01-01' : TODAY)).toThrow(RangeError);
  });

  it.each([
    ['29 February 2000 (divisible by 400)', '2000-02-29', '18+'],
    ['29 February 2024', '2024-02-29', '6-8'],
    ['31 January', '2024-01-31', '6-8'],
    ['31 March', '2024-03-31', '6-8'],
    ['31 May', '2024-05-31', '6-8'],
    ['31 July', '2023-07-31', '6-8'],
    ['31 August', '2023-08-31', '6-8'],
    ['31 October', '2023-10-31', '6-8'],
    ['31 December', '2023-12-31', '6-8'],
    ['30 April', '2024-04-30', '6-8'],
    ['28 February of a common year', '2023-02-28', '6-8'],
    ['1 January', '2024-01-01', '6-8'],
  ])('accepts %s (%s)', (_why, birth, band) => {
    expect(ageBand(birth, TODAY)).toBe(band);
  });

  it('refuses a malformed "today" as well as a malformed birth date', () => {
    expect(() => ageBand('2020-01-01', '2030-02-30')).toThrow(/not a calendar date: 2030-02-30/);
    expect(() => ageBand('2020-01-01', '2030-6-1')).toThrow(/not a YYYY-MM-DD date: 2030-6-1/);
    expect(() => ageBand('2031-01-01', TODAY)).toThrow(/birth date 2031-01-01 is after 2030-06-01/);
  });

  it('counts a birthday later in the same month as not yet reached', () => {
    expect(ageBand('2027-06-02', TODAY)).toBe('0-2');
    expect(ageBand('2027-06-01', TODAY)).toBe('3-5');
    expect(ageBand('2027-07-01', TODAY)).toBe('0-2');
    expect(ageBand('2027-05-31', TODAY)).toBe('3-5');
  });

  it('puts each age in its band of three years', () => {
    const bands = Array.from({ length: 20 }, (_, age) => ageBand(`${2030 - age}-06-01`, TODAY));
    expect(bands).toEqual([
      '0-2', '0-2', '0-2', '3-5', '3-5', '3-5', '6-8', '6-8', '6-8', '9-11', '9-11', '9-11',
      '12-14', '12-14', '12-14', '15-17', '15-17', '15-17', '18+', '18+',
    ]);
  });
});
