import { describe, expect, it } from 'vitest';
import {
  CODE_PATTERN,
  certificateCode,
  groupByOrganizer,
  hoursOf,
  maskName,
  normalizeCode,
  parseOrganizerKey,
  periodOf,
  thisYear,
  type ServiceRecord,
} from '../../app/domain/certificate';

const at = (iso: string) => Date.parse(`${iso}+08:00`);

describe('maskName: what verification shows of a name', () => {
  it.each([
    ['王小明', '王*明'],
    ['欧阳小明', '欧**明'],
    ['李明', '李*'],
    ['  张 三丰 ', '张**丰'],
    ['John Smith', 'J***h'],
    ['Li', 'L*'],
    ['Ann', 'A***n'],
    ['Jean-Luc Picard', 'J***d'],
    ['明', '*'],
    ['', '*'],
  ])('%s → %s', (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });

  it('never shows a middle character of a three-character name, nor the length of a Latin one', () => {
    expect(maskName('王小明')).not.toContain('小');
    expect(maskName('Bob Li')).toBe(maskName('Bartholomew Li'));
  });
});

describe('groupByOrganizer', () => {
  const site = (id: string) => ({ type: 'site' as const, id });
  const records: ServiceRecord[] = [
    { at: at('2025-03-08T14:00:00'), kind: 'activity', content: '社工陪伴阅读', minutes: 120, organizer: { type: 'org', id: 'orga' } },
    { at: at('2025-01-15T09:00:00'), kind: 'activity', content: '冬日送温暖', minutes: 150, organizer: site('gch') },
    { at: at('2025-06-01T11:00:00'), kind: 'wish', content: '彩色铅笔', minutes: 30, organizer: site('gch') },
    { at: at('2025-05-05T15:00:00'), kind: 'pairing', detail: 'home_visit', content: '', minutes: 90, organizer: site('gch') },
  ];

  it('gives one group per organizer of record, entries in date order, a wish at 0 hours whatever it carries', () => {
    const groups = groupByOrganizer(records);
    expect(groups.map((g) => g.organizer)).toEqual([site('gch'), { type: 'org', id: 'orga' }]);
    const gch = groups[0];
    expect(gch.entries).toEqual([
      { date: '2025-01-15', kind: 'activity', content: '冬日送温暖', minutes: 150 },
      { date: '2025-05-05', kind: 'pairing', detail: 'home_visit', content: '', minutes: 90 },
      { date: '2025-06-01', kind: 'wish', content: '彩色铅笔', minutes: 0 },
    ]);
    expect(gch.totalMinutes).toBe(240);
    expect(groups[1].totalMinutes).toBe(120);
  });

  it('dates an entry by the Shanghai calendar', () => {
    const late = groupByOrganizer([{ at: Date.parse('2024-12-31T17:30:00Z'), kind: 'activity', content: 'x', minutes: 60, organizer: site('a') }]);
    expect(late[0].entries[0].date).toBe('2025-01-01');
  });

  it('is empty without records', () => {
    expect(groupByOrganizer([])).toEqual([]);
  });
});

describe('certificate numbers', () => {
  it('are WB-year-XXXX-XXXX from unambiguous letters', () => {
    const code = certificateCode('2025', new Uint8Array([0, 1, 18, 31, 255, 200, 100, 8]));
    expect(code).toBe('WB-2025-01JZ-Z848');
    expect(code).toMatch(CODE_PATTERN);
    for (let i = 0; i < 50; i++) expect(certificateCode('2026', crypto.getRandomValues(new Uint8Array(8)))).toMatch(CODE_PATTERN);
  });

  it('are read back as typed: lower case, spaces, look-alike letters, no dashes', () => {
    expect(normalizeCode(' wb-2025-01jz-z848 ')).toBe('WB-2025-01JZ-Z848');
    expect(normalizeCode('WB2025O1JZZ848')).toBe('WB-2025-01JZ-Z848');
    expect(normalizeCode('WB-2025-ILJZ-Z848')).toBe('WB-2025-11JZ-Z848');
    expect(normalizeCode('WB-2025-01JZ-Z84')).toBeNull();
    expect(normalizeCode('WB-2025-01JZ-Z84U')).toBeNull();
    expect(normalizeCode('../etc/passwd')).toBeNull();
  });
});

describe('periods and hours', () => {
  it('opens on this Shanghai year', () => {
    expect(thisYear(Date.parse('2025-12-31T16:30:00Z'))).toEqual({ from: '2026-01-01', to: '2026-12-31' });
  });
  it('refuses a period that is not one', () => {
    expect(periodOf('2025-01-01', '2025-06-30')).toEqual({ from: '2025-01-01', to: '2025-06-30' });
    expect(periodOf('2025-07-01', '2025-06-30')).toBeNull();
    expect(periodOf('2025-02-30', '2025-06-30')).toBeNull();
    expect(periodOf('2000-01-01', '2025-06-30')).toBeNull();
  });
  it('prints hours with one decimal', () => {
    expect([hoursOf(0), hoursOf(90), hoursOf(100), hoursOf(150)]).toEqual([0, 1.5, 1.7, 2.5]);
  });
  it('reads an organizer key back, and nothing else', () => {
    expect(parseOrganizerKey('site:abc123')).toEqual({ type: 'site', id: 'abc123' });
    expect(parseOrganizerKey('org:x9')).toEqual({ type: 'org', id: 'x9' });
    expect(parseOrganizerKey('user:abc')).toBeNull();
    expect(parseOrganizerKey("site:1' or 1=1")).toBeNull();
  });
});
