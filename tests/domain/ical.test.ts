import { describe, expect, it } from 'vitest';
import { icsCalendar, icsEscape, icsFold, icsUtc } from '../../app/domain/ical';

const octets = (s: string) => new TextEncoder().encode(s).length;

describe('iCalendar text (RFC 5545)', () => {
  it('writes UTC date-times', () => {
    expect(icsUtc(Date.UTC(2025, 11, 1, 8, 30, 5, 999))).toBe('20251201T083005Z');
  });

  const escapes: Array<[string, string]> = [
    ['a,b;c', 'a\\,b\\;c'],
    ['back\\slash', 'back\\\\slash'],
    ['line1\nline2\r\nline3', 'line1\\nline2\\nline3'],
    ['活动室,二楼', '活动室\\,二楼'],
  ];
  it.each(escapes)('escapes %j', (input, expected) => expect(icsEscape(input)).toBe(expected));

  it('folds at 75 octets without splitting a character, continuation lines starting with one space', () => {
    const line = `SUMMARY:${'温暖过冬'.repeat(30)}`;
    const folded = icsFold(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(octets(p)).toBeLessThanOrEqual(75);
    for (const p of parts.slice(1)) expect(p.startsWith(' ')).toBe(true);
    expect(parts.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line);
    expect(icsFold('SHORT:x')).toBe('SHORT:x');
    expect(icsFold('X:' + 'a'.repeat(73))).toBe('X:' + 'a'.repeat(73)); // exactly 75
    expect(icsFold('X:' + 'a'.repeat(74)).split('\r\n')).toEqual(['X:' + 'a'.repeat(73), ' a']);
  });

  it('writes a calendar with CRLF lines, a UID, DTSTAMP and UTC start and end per event', () => {
    const text = icsCalendar(
      [{ uid: 'slot-1@wishbridge', start: Date.UTC(2025, 11, 1, 2), end: Date.UTC(2025, 11, 1, 4), summary: '集体观影; 温暖, 过冬', location: '高闸镇 活动室', url: 'http://x/activities/1', status: 'CONFIRMED' }],
      { name: '我的活动', now: Date.UTC(2025, 10, 1) },
    );
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines).toContain('VERSION:2.0');
    expect(lines.some((l) => l.startsWith('PRODID:'))).toBe(true);
    expect(lines).toContain('UID:slot-1@wishbridge');
    expect(lines).toContain('DTSTAMP:20251101T000000Z');
    expect(lines).toContain('DTSTART:20251201T020000Z');
    expect(lines).toContain('DTEND:20251201T040000Z');
    expect(lines).toContain('SUMMARY:集体观影\\; 温暖\\, 过冬');
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1);
    expect(lines.at(-2)).toBe('END:VCALENDAR');
  });
});

describe('icsCalendar, line by line', () => {
  const now = Date.UTC(2025, 10, 1, 0, 0, 0, 1);
  const head = (prodId: string, name: string) => [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${prodId}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${name}`,
    'X-WR-TIMEZONE:Asia/Shanghai',
  ];
  const bare = { uid: 'slot-2@wishbridge', start: Date.UTC(2025, 11, 2, 1, 2, 3), end: Date.UTC(2025, 11, 2, 3, 4, 5), summary: 'S' };
  const bareLines = ['BEGIN:VEVENT', 'UID:slot-2@wishbridge', 'DTSTAMP:20251101T000000Z', 'DTSTART:20251202T010203Z', 'DTEND:20251202T030405Z', 'SUMMARY:S'];
  const cases: Array<[string, Parameters<typeof icsCalendar>[0], Parameters<typeof icsCalendar>[1], string[]]> = [
    ['no events, the default PRODID, the name escaped', [], { name: '我的,活动', now }, [...head('-//WishBridge//Activity slots//ZH', '我的\\,活动'), 'END:VCALENDAR']],
    ['a PRODID given', [], { name: 'N', now, prodId: '-//Test//X//EN' }, [...head('-//Test//X//EN', 'N'), 'END:VCALENDAR']],
    ['an event without any optional part', [bare], { name: 'N', now }, [...head('-//WishBridge//Activity slots//ZH', 'N'), ...bareLines, 'END:VEVENT', 'END:VCALENDAR']],
    [
      'an event with every optional part, each written after SUMMARY in order, TEXT escaped, URL as is',
      [{ ...bare, location: '活动室;二楼', description: 'a,b\nc', url: 'http://x/a?b=1,2;3', status: 'TENTATIVE' }],
      { name: 'N', now },
      [
        ...head('-//WishBridge//Activity slots//ZH', 'N'),
        ...bareLines,
        'LOCATION:活动室\\;二楼',
        'DESCRIPTION:a\\,b\\nc',
        'URL:http://x/a?b=1,2;3',
        'STATUS:TENTATIVE',
        'END:VEVENT',
        'END:VCALENDAR',
      ],
    ],
    [
      'empty optional parts are left out',
      [{ ...bare, location: '', description: '', url: '' }],
      { name: 'N', now },
      [...head('-//WishBridge//Activity slots//ZH', 'N'), ...bareLines, 'END:VEVENT', 'END:VCALENDAR'],
    ],
    [
      'two events, each closed',
      [{ ...bare, status: 'CANCELLED' }, { ...bare, uid: 'slot-3@wishbridge', location: 'L' }],
      { name: 'N', now },
      [
        ...head('-//WishBridge//Activity slots//ZH', 'N'),
        ...bareLines,
        'STATUS:CANCELLED',
        'END:VEVENT',
        ...bareLines.map((l) => (l.startsWith('UID:') ? 'UID:slot-3@wishbridge' : l)),
        'LOCATION:L',
        'END:VEVENT',
        'END:VCALENDAR',
      ],
    ],
  ];
  it.each(cases)('%s', (_label, events, options, lines) => {
    expect(icsCalendar(events, options)).toBe(lines.join('\r\n') + '\r\n');
  });

  it('folds each long line of the calendar', () => {
    const text = icsCalendar([{ ...bare, description: 'd'.repeat(80) }], { name: 'N', now });
    expect(text).toContain(`\r\nDESCRIPTION:${'d'.repeat(63)}\r\n ${'d'.repeat(17)}\r\nEND:VEVENT\r\n`);
  });
});
