// The privacy check a wish must pass before it leaves `draft` (PRODUCT.md §3).
// It scans public text for the child's name, ID-card numbers, phone numbers,
// exact addresses (including village names) and school names.
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
}

type Kind = 'real_name' | 'given_name' | 'id_card' | 'phone' | 'address' | 'school';

interface Span {
  kind: Kind;
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
  return /^\d{17}[\dX]$/.test(id) && looksLikeIdCard(id) && idCheckDigit(id.slice(0, 17)) === id[17];
}

function scanText(text: string, child: ChildIdentity): Span[] {
  const ids = idCardSpans(text);
  return [
    ...nameSpans(text, child),
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

/** Blanks out spans so later detectors cannot match inside them (length is kept). */
function mask(text: string, spans: Span[]): string {
  let out = text;
  for (const s of spans) out = out.slice(0, s.start) + '\u0000'.repeat(s.end - s.start) + out.slice(s.end);
  return out;
}

function regexSpans(text: string, kind: Kind, re: RegExp): Span[] {
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
  return normalizeWidth(s).replace(/\s+/g, '');
}

function nameSpans(text: string, child: ChildIdentity): Span[] {
  const realName = compact(child.realName);
  if (!realName) return [];
  const full = regexSpans(text, 'real_name', new RegExp(looseNamePattern(realName), 'giu'));
  const given = deriveGivenName(child);
  if (!given || given === realName) return full;
  // Occurrences inside the full name are already reported as real_name.
  return [...full, ...givenNameSpans(mask(text, full), given)];
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
  if (given.length >= 2) return regexSpans(text, 'given_name', new RegExp(looseNamePattern(given), 'giu'));
  const g = escapeRegex(given);
  const re = new RegExp(`${ONE_CHAR_NAME_BEFORE}${g}|${g}${g}|${g}${ONE_CHAR_NAME_AFTER}`, 'gu');
  return regexSpans(text, 'given_name', re);
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

function idCheckDigit(first17: string): string {
  const sum = ID_WEIGHTS.reduce((acc, w, i) => acc + w * Number(first17[i]), 0);
  return ID_CHECK_CHARS[sum % 11];
}

/** Region and birth date are plausible (18-digit form: YYYYMMDD at 6..14). */
function looksLikeIdCard(id18: string): boolean {
  return ID_PROVINCES.has(Number(id18.slice(0, 2))) && isPastDate(id18.slice(6, 14));
}

function isPastDate(yyyymmdd: string): boolean {
  const [y, m, d] = [yyyymmdd.slice(0, 4), yyyymmdd.slice(4, 6), yyyymmdd.slice(6, 8)].map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  const real = date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
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
// A bare local number is only recognisable by its label: 电话：2345678.
const LABELLED = /(?:电话|手机|座机|联系方式|tel|phone)(?:号码|号)?\s*[:是为]?\s*(\d[\d -]{5,14}\d)(?!\d)/gi;

function phoneSpans(text: string): Span[] {
  const labelled = [...text.matchAll(LABELLED)]
    .filter((m) => m[1].replace(/\D/g, '').length >= 7)
    .map((m): Span => ({ kind: 'phone', start: m.index + m[0].length - m[1].length, end: m.index + m[0].length }));
  return mergeSpans([...regexSpans(text, 'phone', MOBILE), ...regexSpans(text, 'phone', LANDLINE), ...labelled]);
}

// ---------------------------------------------------------------------------
// Named places: a suffix (小学, 村, 路…) preceded by a proper-name-like prefix.
// The prefix is the run of Han characters/digits right before the suffix, cut
// at the last function character (的, 在, 上, 我…); generic words at its end
// (农村, 县城, 中心…) do not count. What remains must be long enough to be a name.

const MAX_PREFIX = 12;
const STOP_CHARS = new Set(
  '的在上读念去到离从送来所个们这那了是和与及或把被给让说就也都还要想我你他她它每名位座间各该其年级岁时住于考'.split(''),
);

interface PlaceRule {
  kind: Kind;
  suffix: RegExp;
  /** Non-distinguishing words, stripped repeatedly from the end of the prefix. */
  generic: readonly string[];
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
  while (i > 0 && end - i < MAX_PREFIX && /[\u4e00-\u9fff0-9]/.test(text[i - 1]) && !STOP_CHARS.has(text[i - 1])) i--;
  return i;
}

function stripGeneric(prefix: string, generic: readonly string[]): string {
  // Longest first, so "农村" is stripped whole rather than leaving "农".
  const words = [...generic].sort((a, b) => b.length - a.length);
  let rest = prefix;
  for (let w = words.find((g) => rest.endsWith(g)); w; w = words.find((g) => rest.endsWith(g))) {
    rest = rest.slice(0, -w.length);
  }
  return rest;
}

/** Sorts and joins overlapping or touching spans of one kind ("马家村" + "村3组" + "3组12号"). */
function mergeSpans(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Span[] = [];
  for (const s of sorted) {
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
  generic: [],
  minCore: 1,
};

const ESTATE: PlaceRule = {
  kind: 'address',
  suffix: new RegExp(`(?:小区|花园|家园|公寓|社区|新村|苑)${NUM}(?:号楼|号院|号|栋|幢|单元)`, 'g'),
  generic: [],
  minCore: 1,
};

// "农村", "山村", "美丽乡村" are not place names; "杨马湖村", "金积镇郭家桥村" are.
const VILLAGE: PlaceRule = {
  kind: 'address',
  suffix: /村/g,
  generic: [
    '农', '乡', '山', '渔', '小', '大', '新', '老', '本', '全', '整', '邻', '同', '外', '原', '穷', '进', '出', '回',
    '美丽', '偏远', '边远', '贫困', '贫穷', '落后', '山区', '自然', '行政', '隔壁', '附近', '所在', '走进', '来到',
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
    '[小中]学(?![生习会到着了过做画唱写])',
    '[初高]中(?!生)',
    '学校',
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
    '中心', '完全', '初级', '高级', '九年制', '九年一贯制', '寄宿制', '寄宿', '附属', '希望', '民族', '回民',
    '乡村', '农村', '山区', '山村', '偏远', '边远', '贫困', '城里', '县城', '城区', '市区', '镇里', '村里', '县里',
    '乡里', '家里', '这里', '那里', '乡镇', '乡下', '当地', '本地', '外地', '附近', '旁边', '隔壁', '周边', '周围',
    '普通', '重点', '公办', '民办', '公立', '私立', '特殊教育', '特教', '喜欢', '热爱', '离开', '走进', '来到',
    '回到', '进入', '转到', '转入', '考上', '考进', '考入', '就读', '就近', '所在', '原来', '以前', '现在', '目前',
    '其他', '其它', '不同', '所有', '整个', '新', '老', '旧', '好', '同', '全', '别', '进', '考', '转', '爱', '回',
  ],
  minCore: 2,
};

function schoolSpans(text: string): Span[] {
  return mergeSpans(placeSpans(text, SCHOOL));
}
