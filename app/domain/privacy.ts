// The privacy check a wish must pass before it leaves `draft` (PRODUCT.md §3).
// It scans public text for the child's name (also in pinyin or traditional
// characters, when the caller passes those spellings), birth date, ID-card
// numbers, phone numbers, exact addresses (including village names) and school
// names. Separately, it warns (without refusing) on a stated exact age.
//
// It is deliberately conservative: a false positive costs a staff member a
// rephrase, a false negative exposes a child. Every detector works on a
// normalized copy of the text whose characters map 1:1 onto the original, so
// each finding can quote the original text exactly.

import type { PrivacyFinding } from './errors';

export interface ChildIdentity {
  /** The child's legal name, e.g. "王小禾". */
  realName: string;
  /** Optional override; by default derived from realName (surname dropped). */
  givenName?: string;
  /** The child's birth date, YYYY-MM-DD; refused in any common written form. */
  birthDate?: string;
  /**
   * Other spellings of the real name: pinyin with and without spaces or tone marks ("Wáng Xiǎohé",
   * "wangxiaohe"), traditional characters ("張雨桐"). They need dictionaries, so the caller computes
   * them (app/server/child-facts.server.ts); the domain only looks for them.
   */
  realNameVariants?: readonly string[];
  /** The same for the given name ("xiaohe", "曉東"). */
  givenNameVariants?: readonly string[];
}

type Kind = 'real_name' | 'given_name' | 'birth_date' | 'id_card' | 'phone' | 'address' | 'school';

interface Span {
  kind: Kind | 'exact_age';
  start: number;
  end: number;
}

// ---------------------------------------------------------------------------
// Entry points

export function checkPublicText(texts: string[], child: ChildIdentity): PrivacyFinding[] {
  const findings = texts.flatMap((original) =>
    scanText(normalizeWidth(original), child).map((s) => ({ kind: s.kind, match: original.slice(s.start, s.end) })),
  );
  return dedupe(findings);
}

/** An 18-character resident ID (GB 11643-1999): known region, real past birth date, valid check digit. 15-digit IDs have no check digit and are not "valid" here. */
export function isValidChineseIdCard(s: string): boolean {
  const id = normalizeWidth(s.trim()).toUpperCase();
  return /^\d{17}[\dX]$/.test(id) && looksLikeIdCard(id) && idCheckDigit(id) === id[17];
}

/**
 * What the staff member should reconsider without being refused: an exact age ("今年7岁") defeats the
 * public age band, but ages also describe items and events, so it is a warning only.
 */
export function checkPublicTextWarnings(texts: string[]): PrivacyFinding[] {
  const findings = texts.flatMap((original) =>
    regexSpans(normalizeWidth(original), 'exact_age', EXACT_AGE).map((s) => ({ kind: s.kind, match: original.slice(s.start, s.end) })),
  );
  return dedupe(findings);
}

function scanText(text: string, child: ChildIdentity): Span[] {
  const ids = idCardSpans(text);
  return [
    ...nameSpans(foldToneMarks(text), child),
    ...birthDateSpans(text, child.birthDate),
    ...ids,
    // Digits already claimed by an ID number must not be read again as a phone.
    ...phoneSpans(mask(text, ids)),
    ...addressSpans(text),
    ...schoolSpans(text),
  ];
}

function dedupe(findings: PrivacyFinding[]): PrivacyFinding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.kind}\u0000${f.match}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

// ---------------------------------------------------------------------------
// Normalization. Every replacement is one UTF-16 unit for one, so indices in
// the normalized text are indices in the original.

function normalizeWidth(s: string): string {
  return s
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)) // full-width ASCII: ０-９ Ａ-Ｚ （ ） ＋ －
    .replace(/[\u3000\u200B-\u200D\u2060\uFEFF]/g, ' ') // ideographic and zero-width spaces (the latter can hide a name)
    .replace(/[\u2010-\u2015\u2212]/g, '-'); // hyphens and dashes used as digit separators
}

/**
 * Pinyin vowels with tone marks (and ü) read as plain Latin letters, one unit for one: the first unit
 * of the canonical decomposition is the bare letter (ǚ → u + ̈ + ̌). Other accented Latin letters in
 * the range fold the same way, which can only find more.
 */
function foldToneMarks(s: string): string {
  return s.replace(/[À-ǜ]/g, (c) => c.normalize('NFD')[0]);
}

/** Blanks out spans so later detectors cannot match inside them (length is kept). */
function mask(text: string, spans: Span[]): string {
  let out = text;
  for (const s of spans) out = out.slice(0, s.start) + '\u0000'.repeat(s.end - s.start) + out.slice(s.end);
  return out;
}

function regexSpans(text: string, kind: Span['kind'], re: RegExp): Span[] {
  return [...text.matchAll(re)].map((m) => ({ kind, start: m.index, end: m.index + m[0].length }));
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whitespace between the characters of a name ("王 小 禾") must not hide it. */
function looseNamePattern(name: string): string {
  return [...name].map(escapeRegex).join('\\s*');
}

// ---------------------------------------------------------------------------
// Names

const COMPOUND_SURNAMES = [
  '欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '夏侯', '宇文', '司徒',
  '令狐', '独孤', '澹台', '公冶', '申屠', '轩辕', '端木', '南宫', '西门', '百里', '呼延', '万俟', '司空',
  '闻人', '钟离', '拓跋', '太史', '赫连', '第五',
];

const HAN = /^[\u4e00-\u9fff]+$/;

/**
 * The given name, or undefined when none can be derived safely.
 * Chinese names drop the surname (one character, or two for a compound surname).
 * Names written with a middle dot (e.g. Uyghur "阿依古丽·买买提") put the given name first.
 * Latin-script names are only checked in full unless an override is passed.
 */
export function deriveGivenName(child: ChildIdentity): string | undefined {
  if (child.givenName !== undefined) return compact(child.givenName) || undefined;
  const name = compact(child.realName);
  const dotted = name.split(/[·•・‧.]/);
  if (dotted.length > 1) return dotted[0] || undefined;
  if (!HAN.test(name) || name.length < 2) return undefined;
  const surname = name.length >= 3 && COMPOUND_SURNAMES.some((s) => name.startsWith(s)) ? 2 : 1;
  return name.slice(surname);
}

function compact(s: string): string {
  return normalizeWidth(s).replace(/\s/g, '');
}

function nameSpans(text: string, child: ChildIdentity): Span[] {
  const realName = compact(child.realName);
  if (!realName) return [];
  const fullNames = [realName, ...variants(child.realNameVariants)];
  const full = mergeSpans(fullNames.flatMap((name) => regexSpans(text, 'real_name', namePattern(name))));
  const givenNames = [deriveGivenName(child), ...variants(child.givenNameVariants)].filter((g) => g !== undefined);
  // Occurrences inside the full name (and a given name that is the full name) are already reported as real_name.
  const masked = mask(text, full);
  return [...full, ...mergeSpans(givenNames.flatMap((g) => givenNameSpans(masked, g)))];
}

function variants(names: readonly string[] | undefined): string[] {
  return (names ?? []).map((n) => foldToneMarks(compact(n))).filter((n) => n.length > 0);
}

const LATIN = /[A-Za-z]/;

/** A Han name may be spaced out ("王 小 禾"); a pinyin one also split by hyphens or apostrophes, but not found inside a longer word. */
function namePattern(name: string): RegExp {
  if (!LATIN.test(name)) return new RegExp(looseNamePattern(name), 'giu');
  const letters = [...name].map(escapeRegex).join("[\\s'’-]*");
  return new RegExp(`(?<![A-Za-z])${letters}(?![A-Za-z])`, 'giu');
}

// Context that turns a lone character into a name: 小磊, 阿磊, 叫磊, 名磊, 磊磊, 磊同学.
const ONE_CHAR_NAME_BEFORE = '(?:小|阿|叫|名)';
const ONE_CHAR_NAME_AFTER = '(?:同学|小朋友|宝宝|这孩子)';

/**
 * A given name of two or more characters is flagged wherever it appears.
 * A one-character given name (李磊 → 磊) is an ordinary word on its own
 * (光明磊落), so it is flagged only in name-like context. This accepts the
 * odd false positive (child 张红, text "小红花") over missing "小红".
 */
function givenNameSpans(text: string, given: string): Span[] {
  if (given.length >= 2) return regexSpans(text, 'given_name', namePattern(given));
  const g = escapeRegex(given);
  const re = new RegExp(`${ONE_CHAR_NAME_BEFORE}${g}|${g}${g}|${g}${ONE_CHAR_NAME_AFTER}`, 'gu');
  return regexSpans(text, 'given_name', re);
}

// ---------------------------------------------------------------------------
// Birth date: the child's own, in any common written form. Other dates (events, deadlines) pass.

const CN_DIGITS = '〇一二三四五六七八九';
const CN_ZERO = '[〇零○oO0]';
const NOT_NUMERAL_BEFORE = '(?<![0-9〇零○一二三四五六七八九十两])';
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** 3 → "三", 10 → "十", 13 → "十三", 20 → "二十", 31 → "三十一". */
function chineseNumber(n: number): string {
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  const head = tens === 0 ? '' : tens === 1 ? '十' : `${CN_DIGITS[tens]}十`;
  return head + (ones === 0 ? '' : CN_DIGITS[ones]);
}

/** 2015 → "二〇一五" with any of the usual zeros. */
function chineseYear(year: string): string {
  return [...year].map((c) => (c === '0' ? CN_ZERO : CN_DIGITS[Number(c)])).join('');
}

/** 4 → "0?4|四"; the parts of the date in digits or Chinese numerals. */
function datePart(n: number): string {
  return `(?:0?${n}|${chineseNumber(n)})`;
}

function birthDatePatterns(birthDate: string): RegExp[] {
  const parsed = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate);
  if (!parsed) return [];
  const [, y, mm, dd] = parsed;
  const [m, d] = [Number(mm), Number(dd)];
  const year = `(?:${y}|${y.slice(2)}|${chineseYear(y)}|${chineseYear(y.slice(2))})`;
  const month = datePart(m);
  const day = datePart(d);
  const monthEn = `(?:${MONTHS_EN[m - 1]}|${MONTHS_EN[m - 1].slice(0, 3)}\\.?)`;
  const dayEn = `0?${d}(?:st|nd|rd|th)?`;
  const sep = '\\s*[-/.]\\s*';
  const monthDay = `${NOT_NUMERAL_BEFORE}${month}\\s*月\\s*${day}(?:\\s*[日号])?(?![0-9〇零○一二三四五六七八九十])`;
  const noBreak = '[^,.;!?，。；！？、\\n]{0,4}';
  return [
    // 2015-04-03, 2015/4/3, 2015.04.03
    new RegExp(`(?<!\\d)${y}${sep}0?${m}${sep}0?${d}(?!\\d)`, 'g'),
    // 4/3/2015, 03.04.2015 (month or day first)
    new RegExp(`(?<!\\d)(?:0?${m}${sep}0?${d}|0?${d}${sep}0?${m})${sep}${y}(?!\\d)`, 'g'),
    // 20150403
    new RegExp(`(?<!\\d)${y}${mm}${dd}(?!\\d)`, 'g'),
    // 2015年4月3日, 二〇一五年四月三日, 15年4月3号
    new RegExp(`${NOT_NUMERAL_BEFORE}${year}\\s*年\\s*${month}\\s*月\\s*${day}\\s*[日号]`, 'g'),
    // April 3, 2015 / 3rd April 2015
    new RegExp(`(?<![A-Za-z])(?:${monthEn}\\s*${dayEn}|${dayEn}\\s*(?:of\\s+)?${monthEn}),?\\s*${y}(?!\\d)`, 'gi'),
    // Month and day alone, next to 生日/出生: 生日是4月3日, 四月三号出生
    new RegExp(`(?<=(?:生日|出生|生于)${noBreak})${monthDay}`, 'g'),
    new RegExp(`${monthDay}(?=${noBreak}(?:生日|出生))`, 'g'),
  ];
}

function birthDateSpans(text: string, birthDate: string | undefined): Span[] {
  if (!birthDate) return [];
  return mergeSpans(birthDatePatterns(birthDate).flatMap((re) => regexSpans(text, 'birth_date', re)));
}

// ---------------------------------------------------------------------------
// ID cards

const ID_18 = /(?<![0-9A-Za-z])\d{6}[ -]?\d{8}[ -]?\d{3}[\dXx](?![0-9A-Za-z])/g;
const ID_15 = /(?<![0-9A-Za-z])\d{15}(?![0-9A-Za-z])/g;
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK_CHARS = '10X98765432';
// Province-level codes, plus 71/81/82/83 (Taiwan, Hong Kong, Macau residence permits).
const ID_PROVINCES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62,
  63, 64, 65, 71, 81, 82, 83,
]);

/** The check digit of an ID's first 17 digits (one weight each; the 18th is not read). */
function idCheckDigit(id: string): string {
  const sum = ID_WEIGHTS.reduce((acc, w, i) => acc + w * Number(id[i]), 0);
  return ID_CHECK_CHARS[sum % 11];
}

/** Region and birth date are plausible (18-digit form: YYYYMMDD at 6..14). */
function looksLikeIdCard(id18: string): boolean {
  return ID_PROVINCES.has(Number(id18.slice(0, 2))) && isPastDate(id18.slice(6, 14));
}

function isPastDate(yyyymmdd: string): boolean {
  const [y, m, d] = [yyyymmdd.slice(0, 4), yyyymmdd.slice(4, 6), yyyymmdd.slice(6, 8)].map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  // Two-digit months and days: an impossible one (month 13, day 0, 30 February) always moves the month.
  const real = date.getUTCMonth() === m - 1;
  return real && y >= 1900 && date.getTime() <= Date.now();
}

/**
 * An 18-digit number is flagged when its region and birth date are plausible,
 * even if the check digit is wrong: a mistyped ID still identifies the child.
 * 15-digit (pre-1999) IDs carry a YYMMDD birth date in the 1900s.
 */
function idCardSpans(text: string): Span[] {
  const long = regexSpans(text, 'id_card', ID_18).filter((s) =>
    looksLikeIdCard(text.slice(s.start, s.end).replace(/[ -]/g, '')),
  );
  const old = regexSpans(text, 'id_card', ID_15).filter((s) => {
    const id = text.slice(s.start, s.end);
    return ID_PROVINCES.has(Number(id.slice(0, 2))) && isPastDate(`19${id.slice(6, 12)}`);
  });
  return [...long, ...old];
}

// ---------------------------------------------------------------------------
// Phones

// Mainland mobile, optionally +86/0086, as 13812345678, 138-1234-5678 or 138 1234 5678.
const MOBILE = /(?<!\d)(?:(?:\+|00)?86[ -]?)?1[3-9]\d(?:[ -]?\d{4}){2}(?!\d)/g;
// Landline with area code: 0951-1234567, (0953)1234567, 0953 1234567.
const LANDLINE = /(?<!\d)(?:\(0\d{2,3}\)[ -]?|0\d{2,3}[ -]?)[1-9]\d{6,7}(?!\d)/g;
// A mobile number with a space or dash between every digit: 1 3 8 1 2 3 4 5 6 7 8.
const SPACED_MOBILE = /(?<!\d)(?:(?:\+|00)?8[ -]*6[ -]*)?1(\s+|-)[3-9](?:\1\d){9}(?!\d)/g;
// A bare local number is only recognisable by its label: 电话：2345678.
const LABELLED = /(?:电话|手机|座机|联系方式|tel|phone)(?:号码|号)?\s*[:是为]?\s*(\d[\d -]{5,14}\d)(?!\d)/gi;
// Or by a call to action a few characters before it: 打2345678, 联系王老师 8123456.
const CALL = /(?:打|联系)[^\d,.;!?，。；！？\n]{0,6}?(\d[\d -]{5,10}\d)(?!\d)/g;

function phoneSpans(text: string): Span[] {
  const labelled = [...text.matchAll(LABELLED), ...text.matchAll(CALL)]
    .filter((m) => m[1].replace(/\D/g, '').length >= 7)
    .map((m): Span => ({ kind: 'phone', start: m.index + m[0].length - m[1].length, end: m.index + m[0].length }));
  return mergeSpans([
    ...regexSpans(text, 'phone', MOBILE),
    ...regexSpans(text, 'phone', SPACED_MOBILE),
    ...regexSpans(text, 'phone', LANDLINE),
    ...labelled,
  ]);
}

// ---------------------------------------------------------------------------
// Named places: a suffix (小学, 村, 路…) preceded by a proper-name-like prefix.
// The prefix is the run of Han characters/digits right before the suffix, cut
// at the last function character (的, 在, 上, 我…), date (4月3日) or verb of
// contact or liking (联系, 喜欢…); generic words at its end (农村, 县城, 中心…)
// do not count. What remains must be long enough to be a name. A generic word
// holding a function character can never end a prefix, so none is listed.

const MAX_PREFIX = 12;
const STOP_CHARS = new Set(
  '的在上读念去到离从送来所个们这那了是和与及或把被给让说就也都还要想我你他她它每名位座间各该其年级岁时住于考请'.split(''),
);
const BOUNDARY_WORDS = ['联系', '喜欢', '热爱', '走进', '进入', '转入'];

interface PlaceRule {
  kind: Kind;
  suffix: RegExp;
  /** Non-distinguishing words, stripped repeatedly from the end of the prefix. None ends with another, so their order does not matter. */
  generic?: readonly string[];
  /** Characters the prefix must keep after stripping to count as a name. */
  minCore: number;
}

function placeSpans(text: string, rule: PlaceRule): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(rule.suffix)) {
    const start = prefixStart(text, m.index);
    if (stripGeneric(text.slice(start, m.index), rule.generic).length >= rule.minCore) {
      spans.push({ kind: rule.kind, start, end: m.index + m[0].length });
    }
  }
  return spans;
}

function prefixStart(text: string, end: number): number {
  let i = end;
  while (i > 0 && end - i < MAX_PREFIX && /[\u4e00-\u9fff0-9]/.test(text[i - 1]) && !isStop(text, i - 1)) i--;
  // Nothing before a verb of contact or liking is part of the name: 有事联系|村委会, 小宇很喜欢|学校.
  for (const word of BOUNDARY_WORDS) {
    const at = text.lastIndexOf(word, end - word.length);
    if (at >= i) i = at + word.length;
  }
  return i;
}

/**
 * Whether the character at i ends a place-name prefix. A date does (4月3日|学校); 上 does not when it
 * begins a town or village name (上桥镇中心小学), as opposed to 上 "attend" (上金积小学) or "on" (镇上).
 */
function isStop(text: string, i: number): boolean {
  const c = text[i];
  // 日/号 after any numeral; 月 only after a digit, since 五月花小学 is a name.
  if (c === '日' || c === '号') return /[0-9〇零一二三四五六七八九十两]/.test(text[i - 1]);
  if (c === '月') return /[0-9]/.test(text[i - 1]);
  if (c === '上') return !/^[\u4e00-\u9fff][镇乡村]/.test(text.slice(i + 1));
  return STOP_CHARS.has(c);
}

function stripGeneric(prefix: string, generic: readonly string[] | undefined): string {
  let rest = prefix;
  for (;;) {
    const word = generic?.find((g) => rest.endsWith(g));
    if (!word) return rest;
    rest = rest.slice(0, -word.length);
  }
}

/** Sorts (in place) and joins overlapping or touching spans of one kind ("马家村" + "村3组" + "3组12号"). */
function mergeSpans(spans: Span[]): Span[] {
  const out: Span[] = [];
  for (const s of spans.sort((a, b) => a.start - b.start)) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

// ---------------------------------------------------------------------------
// Addresses. A county or city (利通区, 吴忠市) is public and never flagged; a
// street number, building/unit/room, village group or named village is.

const CN_NUM = '[零〇一二三四五六七八九十百两]+';
const NUM = `(?:\\d+|${CN_NUM})`;

const ROAD: PlaceRule = {
  kind: 'address',
  suffix: new RegExp(`(?:大街|大道|胡同|路|街|巷)${NUM}(?:号院|号|弄)`, 'g'),
  minCore: 1,
};

const ESTATE: PlaceRule = {
  kind: 'address',
  suffix: new RegExp(`(?:小区|花园|家园|公寓|社区|新村|苑)${NUM}(?:号楼|号院|号|栋|幢|单元)`, 'g'),
  minCore: 1,
};

// "农村", "山村", "美丽乡村" are not place names; "杨马湖村", "金积镇郭家桥村" are.
const VILLAGE: PlaceRule = {
  kind: 'address',
  suffix: /村/g,
  generic: [
    '农', '乡', '山', '渔', '小', '大', '新', '老', '本', '全', '整', '邻', '同', '外', '原', '穷', '进', '出', '回',
    '美丽', '偏远', '边远', '贫困', '落后', '山区', '自然', '行政', '隔壁', '附近',
  ],
  minCore: 2,
};

const ADDRESS_PATTERNS: readonly RegExp[] = [
  // Building, unit and room: 3号楼2单元501室, 6栋, 25号3单元, 2单元301, 501室. Bare "一栋房子" and textbook "第三单元" are not addresses.
  new RegExp(`(?:${NUM}号楼|\\d+(?:栋|幢))(?:-?\\d+单元)?(?:-?\\d+(?:室|号)?)?`, 'g'),
  /\d+单元-?(?:\d{3,4}|\d+(?:室|号))/g,
  /(?<=号|栋|幢|楼)-?\d+单元/g,
  /\d{3,4}室/g,
  // Village group or house number: 杨马湖村三组, 马家村18号, 5组12号.
  new RegExp(`村${NUM}(?:组|队|社)`, 'g'),
  /村\d+号/g,
  new RegExp(`${NUM}组\\d+号`, 'g'),
  // House plate: 门牌号是28, 门牌28号.
  /门牌(?:号码|号)?\s*[:是为]?\s*\d+号?/g,
];

function addressSpans(text: string): Span[] {
  return mergeSpans([
    ...placeSpans(text, ROAD),
    ...placeSpans(text, ESTATE),
    ...placeSpans(text, VILLAGE),
    ...ADDRESS_PATTERNS.flatMap((re) => regexSpans(text, 'address', re)),
  ]);
}

// ---------------------------------------------------------------------------
// Schools

// 小学/中学 followed by 生/习/会/到… is "pupil" or the verb 学 ("从小学习", "在生活中学到"), not a school.
const SCHOOL_SUFFIX = new RegExp(
  [
    // Whole school types first, so their own characters (高级 ends in the stop character 级) do not cut the name.
    '(?:高级|初级|完全|职业|中心)[小中]学(?![生习会到着了过做画唱写])',
    '[小中]学(?![生习会到着了过做画唱写])',
    '[初高]中(?!生)',
    '(?:九年一贯制|九年制|寄宿制)?学校',
    '幼儿园',
    '完小',
    '中心校',
    '附[小中]',
    '职中',
    // 吴忠一中, 县二中 — but not 一中午, 第一中学 (matched as 中学), 三中全会.
    '[一二三四五六七八九十]中(?![学心间文国午期等级餐秋旬央部全华医药])',
  ].join('|'),
  'g',
);

const SCHOOL: PlaceRule = {
  kind: 'school',
  suffix: SCHOOL_SUFFIX,
  generic: [
    '中心', '完全', '寄宿制', '寄宿', '附属', '希望', '民族', '回民', '乡村', '农村', '山区', '山村', '偏远', '边远',
    '贫困', '城里', '县城', '城区', '市区', '镇里', '村里', '县里', '乡里', '家里', '乡镇', '乡下', '当地', '本地',
    '外地', '附近', '旁边', '隔壁', '周边', '周围', '普通', '重点', '公办', '民办', '公立', '私立', '特殊教育', '特教',
    '以前', '目前', '新', '老', '旧', '好', '同', '全', '别', '进', '转', '爱', '回',
  ],
  minCore: 2,
};

function schoolSpans(text: string): Span[] {
  return mergeSpans(placeSpans(text, SCHOOL));
}

// ---------------------------------------------------------------------------
// Exact age (a warning): 今年7岁, 八周岁, 7 years old. Not a range of ages for an item ("3-6岁", "6岁以上").

const AGE_NUMBER = '(?:1[0-8]|[1-9]|十[一二三四五六七八]?|[一二三四五六七八九两])';
const EXACT_AGE = new RegExp(
  [
    `(?<![0-9.~\\-到至〇零一二三四五六七八九十两])${AGE_NUMBER}\\s*(?:周岁|岁)(?!\\s*(?:以上|以下|以内|及以上|左右|[-~到至]))`,
    `(?<![A-Za-z0-9.~-])(?:1[0-8]|[1-9])[ -]?(?:years?|yrs?)[ -]old(?![A-Za-z])`,
    `(?<![A-Za-z])aged?\\s+(?:1[0-8]|[1-9])(?![0-9])`,
  ].join('|'),
  'gi',
);
