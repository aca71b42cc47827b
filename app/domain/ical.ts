// iCalendar text (RFC 5545) for slots: CRLF line ends, lines folded at 75 octets of UTF-8, TEXT values
// escaped, times in UTC. Pure string work, so the domain can test it without a calendar library.

export interface IcsEvent {
  /** Stable across exports, so a calendar updates the event instead of adding a second one. */
  uid: string;
  start: number;
  end: number;
  summary: string;
  location?: string;
  description?: string;
  url?: string;
  /** TENTATIVE for a place offered but not yet accepted. */
  status?: 'CONFIRMED' | 'TENTATIVE' | 'CANCELLED';
}

const CRLF = '\r\n';

/** 20251201T083000Z */
export function icsUtc(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** A TEXT value: backslash, semicolon, comma and line breaks escaped (RFC 5545 §3.3.11). */
export function icsEscape(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

const utf8Length = (s: string) => new TextEncoder().encode(s).length;

/**
 * Folds one content line so that no line is longer than 75 octets (RFC 5545 §3.1): continuation lines
 * start with a single space, which counts in their 75. A character is never split across lines.
 */
export function icsFold(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const ch of line) {
    const size = utf8Length(ch);
    if (octets + size > limit) {
      out.push(current);
      current = ' ';
      octets = 1;
      limit = 75;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join(CRLF);
}

export function icsCalendar(events: readonly IcsEvent[], options: { name: string; now: number; prodId?: string }): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${options.prodId ?? '-//WishBridge//Activity slots//ZH'}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${icsEscape(options.name)}`,
    'X-WR-TIMEZONE:Asia/Shanghai',
  ];
  for (const e of events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${e.uid}`,
      `DTSTAMP:${icsUtc(options.now)}`,
      `DTSTART:${icsUtc(e.start)}`,
      `DTEND:${icsUtc(e.end)}`,
      `SUMMARY:${icsEscape(e.summary)}`,
    );
    if (e.location) lines.push(`LOCATION:${icsEscape(e.location)}`);
    if (e.description) lines.push(`DESCRIPTION:${icsEscape(e.description)}`);
    if (e.url) lines.push(`URL:${e.url}`);
    if (e.status) lines.push(`STATUS:${e.status}`);
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(icsFold).join(CRLF) + CRLF;
}
