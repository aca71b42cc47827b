// The bureau's figures (PRODUCT.md section 5): each figure defined once, here, and assembled from the
// plain aggregate rows app/data/reports.server.ts computes with SQL; the letter-style paragraph over
// them (zh-CN and en), and the CSV of the figures table. No I/O, no packages.
//
// THE PERIOD. Dates 'YYYY-MM-DD' in Asia/Shanghai, both inclusive: from 00:00 of `from` to the last
// millisecond of `to`, as UTC ms (periodBounds). Which instant of a record decides whether it falls in
// the period is written beside each measure below:
//   - wishes and claims: the confirmation (claims.confirmed_at = wishes.fulfilled_at); wishes published:
//     wishes.published_at; wishes claimed: claims.created_at;
//   - activities: the slot's start (slots.starts_at), for slots staff closed (status 'closed') of
//     activities that are 'approved' or 'completed'. A corrected slot counts once, with its corrected
//     outcome (corrections change the slot row in place and set corrected_at);
//   - pairing contacts: pairing_visits.happened_at, confirmed by staff only (logged and rejected logs
//     never count);
//   - caring parents: the pairing ran during the period (started_at ≤ end, ended_at null or ≥ start).
//
// THE COUNTY. Every record is counted under the county of its site (the wish's, the slot's, the
// pairing's): the nearest ancestor of kind 'county', else the city for a site of the city's own
// (README D7), computed from the site tree. Sums add up over counties; figures of distinct people or
// organizations are distinct within each county and again over the whole scope, so their total can be
// less than the sum of the counties (a child served in two counties counts once in the total).

import { endOfShanghaiDay, isCalendarDate, DAY_MS } from './calendar';

// ---------------------------------------------------------------------------------------------------
// Measures: what the data module counts, one aggregate each.

export const MEASURES = {
  /** Wishes with status 'fulfilled' and fulfilled_at (the claim's confirmation) in the period. */
  wishesFulfilled: 'sum',
  /** Wishes with published_at in the period and not withdrawn since. */
  wishesPublished: 'sum',
  /** Of those, the ones fulfilled (fulfilled_at) by the end of the period. */
  wishesPublishedFulfilled: 'sum',
  /** Distinct wishes (not withdrawn) given a claim in the period (claims.created_at), except claims staff rejected. */
  wishesClaimed: 'sum',
  /** Σ claims.value_received_fen of claims 'confirmed' with confirmed_at in the period. */
  claimValueFen: 'sum',
  /** Σ money_fen + goods_fen of the period's held slots (closed, starting in the period, activity approved/completed). */
  slotMoneyGoodsFen: 'sum',
  /** Σ children_served of held slots of 'home_visit' activities (人次). */
  homeVisitSlotChildren: 'sum',
  /** Confirmed pairing contacts of kind 'home_visit' that happened in the period. */
  homeVisitContacts: 'sum',
  /** Σ sessions (场次, 1 unless staff said more) of held 'safety_talk' slots. */
  safetyTalkSessions: 'sum',
  /** Σ materials of held 'safety_talk' slots. */
  safetyTalkMaterials: 'sum',
  /** Σ sessions of held 'case_tutoring' slots. */
  tutoringSessions: 'sum',
  /** Σ sessions of held 'film_screening' slots. */
  filmSessions: 'sum',
  /** Σ children_served of held 'film_screening' slots (人次). */
  filmChildren: 'sum',
  /** Distinct children (slot_children) of held temporary_care, family_education, legal_aid and crisis_intervention slots. */
  careChildren: 'distinct',
  /** Distinct approved organizations of kind 'social_org' with a claim confirmed in the period or a 'completed' activity with a held slot. */
  socialOrganizations: 'distinct',
  /** The same, of kind 'company'. */
  companies: 'distinct',
  /** Distinct approved caring-parent volunteers with a pairing that ran during the period. */
  caringParents: 'distinct',
  /**
   * Distinct volunteers (any vetting status now) who served in the period: attended a held slot, had a
   * confirmed pairing contact, or had a claim for themselves (not for an organization) confirmed.
   */
  activeVolunteers: 'distinct',
  /** Σ service_minutes of sign-ups marked 'attended' on held slots (the actual minutes staff credited). */
  slotServiceMinutes: 'sum',
  /** Σ minutes of confirmed pairing contacts (any kind) that happened in the period. */
  contactMinutes: 'sum',
} as const satisfies Record<string, 'sum' | 'distinct'>;

export type Measure = keyof typeof MEASURES;
export const MEASURE_KEYS = Object.keys(MEASURES) as Measure[];
export type MeasureValues = Record<Measure, number>;

/** One aggregate from the data module: a measure for one county, or (countyId null) for the whole scope. */
export interface AggregateRow {
  measure: Measure;
  countyId: string | null;
  value: number;
}

// ---------------------------------------------------------------------------------------------------
// Figures: what the report shows, each from the measures above.

export type FigureFormat = 'count' | 'yuan' | 'percent' | 'hours';

export interface FigureDefinition {
  /** The unit as the letter (and letter-figures.json) writes it. */
  unit: string;
  format: FigureFormat;
  /** One of the letter's figures (letter-figures.json), or a further one. */
  letter: boolean;
  /** Catalogue keys (app/i18n/messages/reports.ts) of its label, its unit and its written definition. */
  labelKey: string;
  unitKey: string;
  definitionKey: string;
  value: (m: MeasureValues) => number;
}

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;
const keys = (key: string) => ({
  labelKey: `report.figure.${key}`,
  unitKey: `report.figure.${key}.unit`,
  definitionKey: `report.figure.${key}.definition`,
});

const figure = <K extends string>(key: K, unit: string, format: FigureFormat, letter: boolean, value: (m: MeasureValues) => number) => ({
  [key]: { unit, format, letter, ...keys(key), value },
}) as Record<K, FigureDefinition>;

/** Every figure, once, in the order the table shows them. The definitions' words are in the catalogue. */
export const FIGURES = {
  // 人次: children served by home-visit slots plus confirmed caring-parent home visits, slot start / visit date.
  ...figure('homeVisits', '人次', 'count', true, (m) => m.homeVisitSlotChildren + m.homeVisitContacts),
  // 个: wishes fulfilled, by the confirmation date.
  ...figure('wishesFulfilled', '个', 'count', true, (m) => m.wishesFulfilled),
  // 元: confirmed claims' value received (confirmation date) plus held slots' money and goods (slot start).
  ...figure('moneyAndGoodsYuan', '元', 'yuan', true, (m) => round((m.claimValueFen + m.slotMoneyGoodsFen) / 100, 2)),
  // 场次: sessions of held safety talks, by slot start.
  ...figure('safetyTalks', '场次', 'count', true, (m) => m.safetyTalkSessions),
  // 份: materials handed out at held safety talks.
  ...figure('materialsDistributed', '份', 'count', true, (m) => m.safetyTalkMaterials),
  // 次: sessions of held case-tutoring slots.
  ...figure('tutoringSessions', '次', 'count', true, (m) => m.tutoringSessions),
  // 场: sessions of held film screenings.
  ...figure('filmScreenings', '场', 'count', true, (m) => m.filmSessions),
  // 人次: children served by held film screenings (a child at two screenings counts twice).
  ...figure('filmScreeningCoverage', '人次', 'count', true, (m) => m.filmChildren),
  // 名 (distinct children): temporary care, family education, legal aid, crisis intervention.
  ...figure('childrenCareServed', '名', 'count', true, (m) => m.careChildren),
  // 家 (distinct): approved social organizations that took part.
  ...figure('socialOrganizations', '家', 'count', true, (m) => m.socialOrganizations),
  // 家 (distinct): approved companies that took part.
  ...figure('companies', '家', 'count', true, (m) => m.companies),
  // 名 (distinct): approved caring parents with a pairing running in the period.
  ...figure('caringParents', '名', 'count', true, (m) => m.caringParents),
  // 个: wishes published in the period (not withdrawn).
  ...figure('wishesPublished', '个', 'count', false, (m) => m.wishesPublished),
  // 个: distinct wishes claimed in the period (claim date), rejected claims aside.
  ...figure('wishesClaimed', '个', 'count', false, (m) => m.wishesClaimed),
  // %: of the wishes published in the period, the share fulfilled by its end (0 when none was published).
  ...figure('fulfilmentRate', '%', 'percent', false, (m) => (m.wishesPublished === 0 ? 0 : round((100 * m.wishesPublishedFulfilled) / m.wishesPublished, 1))),
  // 名 (distinct): volunteers who served in the period.
  ...figure('activeVolunteers', '名', 'count', false, (m) => m.activeVolunteers),
  // 小时: attended slot minutes plus confirmed pairing contact minutes, to a tenth of an hour.
  ...figure('serviceHours', '小时', 'hours', false, (m) => round((m.slotServiceMinutes + m.contactMinutes) / 60, 1)),
};

export type FigureKey = keyof typeof FIGURES;
export const FIGURE_KEYS = Object.keys(FIGURES) as FigureKey[];
export type FigureValues = Record<FigureKey, number>;

// ---------------------------------------------------------------------------------------------------
// The period

export interface Period {
  /** 'YYYY-MM-DD', Asia/Shanghai, inclusive. */
  from: string;
  to: string;
}

export interface PeriodBounds {
  /** First UTC millisecond of `from` in Shanghai. */
  fromMs: number;
  /** Last UTC millisecond of `to` in Shanghai. */
  toMs: number;
}

export type PeriodProblem = 'from_invalid' | 'to_invalid' | 'to_before_from';

export function periodProblem(period: Period): PeriodProblem | null {
  if (!isCalendarDate(period.from)) return 'from_invalid';
  if (!isCalendarDate(period.to)) return 'to_invalid';
  if (period.to < period.from) return 'to_before_from';
  return null;
}

/** The period's inclusive bounds in UTC ms. Throws on a period periodProblem refuses. */
export function periodBounds(period: Period): PeriodBounds {
  const problem = periodProblem(period);
  if (problem) throw new RangeError(`${problem}: ${period.from} … ${period.to}`);
  return { fromMs: endOfShanghaiDay(period.from) - DAY_MS + 1, toMs: endOfShanghaiDay(period.to) };
}

// ---------------------------------------------------------------------------------------------------
// Assembly

export interface CountyRef {
  id: string;
  code: string;
  kind: 'city' | 'county' | 'township' | 'institution';
  nameZh: string;
  nameEn: string;
}

export interface ReportFigures {
  total: FigureValues;
  byCounty: Array<{ county: CountyRef; figures: FigureValues }>;
}

const zeroMeasures = (): MeasureValues => Object.fromEntries(MEASURE_KEYS.map((k) => [k, 0])) as MeasureValues;

export function figuresFrom(m: MeasureValues): FigureValues {
  return Object.fromEntries(FIGURE_KEYS.map((k) => [k, FIGURES[k].value(m)])) as FigureValues;
}

/**
 * The figures, in total and per county, from the data module's rows. A measure missing from the rows is 0.
 * A sum's total is the sum of its county rows; a distinct count's total is its row with countyId null.
 * Rows of a county not in `counties` are refused (the scope and the rows must agree).
 */
export function assembleFigures(counties: readonly CountyRef[], rows: readonly AggregateRow[]): ReportFigures {
  const perCounty = new Map(counties.map((c) => [c.id, zeroMeasures()]));
  const total = zeroMeasures();
  for (const row of rows) {
    if (!(row.measure in MEASURES)) throw new RangeError(`unknown measure ${row.measure}`);
    const distinct = MEASURES[row.measure] === 'distinct';
    if (row.countyId === null) {
      if (!distinct) throw new RangeError(`a sum has no total row: ${row.measure}`);
      total[row.measure] += row.value;
      continue;
    }
    const m = perCounty.get(row.countyId);
    if (!m) throw new RangeError(`a row for a county outside the scope: ${row.countyId}`);
    m[row.measure] += row.value;
    if (!distinct) total[row.measure] += row.value;
  }
  return {
    total: figuresFrom(total),
    byCounty: counties.map((county) => ({ county, figures: figuresFrom(perCounty.get(county.id)!) })),
  };
}

// ---------------------------------------------------------------------------------------------------
// Numbers as the letter writes them

export type ReportLocale = 'zh-CN' | 'en';

const grouped = (n: number, maxFraction: number) => {
  const [int, frac] = round(n, maxFraction).toFixed(maxFraction).split('.');
  const withCommas = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const trimmed = frac?.replace(/0+$/, '') ?? '';
  return trimmed ? `${withCommas}.${trimmed}` : withCommas;
};

/**
 * A figure's number in running text. Chinese as the letter writes it: whole numbers without separators
 * ("13269"), money in 万元 to at most two decimals ("15.3", "1203.52"). English: thousands separated,
 * money in yuan ("153,000").
 */
export function formatFigure(key: FigureKey, value: number, locale: ReportLocale): string {
  const format = FIGURES[key].format;
  if (locale === 'zh-CN') {
    if (format === 'yuan') return String(round(value / 10000, 2));
    return String(round(value, format === 'count' ? 0 : 2));
  }
  if (format === 'yuan') return grouped(value, 2);
  return grouped(value, format === 'count' ? 0 : 1);
}

// ---------------------------------------------------------------------------------------------------
// The paragraph: typed templates over named figures

export type Segment = { text: string } | { figure: FigureKey; text: string };

/** A phrase: text around exactly one figure; left out when that figure is 0. */
interface Item {
  before: string;
  figure: FigureKey;
  after: string;
}
/** Items joined (e.g. by "、"), between a lead and a tail; left out when every item is. */
interface Phrase {
  lead: string;
  items: Item[];
  join: string;
  tail: string;
}
/** Phrases joined by the clause separator, ended by the sentence end; left out when every phrase is. */
type Sentence = Phrase[];

/** An item from a template literal naming its one figure: item`实现微心愿 ${'wishesFulfilled'} 个`. */
function item(strings: TemplateStringsArray, figureKey: FigureKey): Item {
  return { before: strings[0], figure: figureKey, after: strings[1] };
}
const single = (i: Item): Phrase => ({ lead: '', items: [i], join: '', tail: '' });

interface LocaleTemplates {
  sentences: Sentence[];
  clauseSeparator: string;
  sentenceEnd: string;
  sentenceSeparator: string;
  opener: (period: Period) => string;
}

const zhDate = (date: string) => {
  const [y, m, d] = date.split('-').map(Number);
  return { y, m, d, text: `${y}年${m}月${d}日` };
};

/** "2025年上半年", "2025年下半年", "2025年", "2025年3月", or "2025年1月5日至3月8日". */
function zhPeriod(p: Period): string {
  const a = zhDate(p.from);
  const b = zhDate(p.to);
  const sameYear = a.y === b.y;
  if (sameYear && p.from.endsWith('-01-01') && p.to.endsWith('-06-30')) return `${a.y}年上半年`;
  if (sameYear && p.from.endsWith('-07-01') && p.to.endsWith('-12-31')) return `${a.y}年下半年`;
  if (sameYear && p.from.endsWith('-01-01') && p.to.endsWith('-12-31')) return `${a.y}年`;
  if (p.from === p.to) return a.text;
  return `${a.text}至${sameYear ? `${b.m}月${b.d}日` : b.text}`;
}

const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const enDate = (date: string) => {
  const [y, m, d] = date.split('-').map(Number);
  return `${d} ${EN_MONTHS[m - 1]} ${y}`;
};
function enPeriod(p: Period): string {
  const y = p.from.slice(0, 4);
  const sameYear = y === p.to.slice(0, 4);
  if (sameYear && p.from.endsWith('-01-01') && p.to.endsWith('-06-30')) return `In the first half of ${y}`;
  if (sameYear && p.from.endsWith('-07-01') && p.to.endsWith('-12-31')) return `In the second half of ${y}`;
  if (sameYear && p.from.endsWith('-01-01') && p.to.endsWith('-12-31')) return `In ${y}`;
  if (p.from === p.to) return `On ${enDate(p.from)}`;
  return `From ${enDate(p.from)} to ${enDate(p.to)}`;
}

export const PARAGRAPH_TEMPLATES: Record<ReportLocale, LocaleTemplates> = {
  'zh-CN': {
    opener: (p) => `${zhPeriod(p)},`,
    clauseSeparator: ',',
    sentenceEnd: '。',
    sentenceSeparator: '',
    sentences: [
      [
        single(item`开展困境儿童家庭走访慰问活动 ${'homeVisits'} 人次`),
        single(item`实现微心愿 ${'wishesFulfilled'} 个`),
        single(item`发放慰问金、慰问品总计 ${'moneyAndGoodsYuan'} 万元`),
        single(item`安全知识宣讲 ${'safetyTalks'} 场次`),
        single(item`发放安全知识宣传手册 ${'materialsDistributed'} 余份`),
        single(item`个案辅导 ${'tutoringSessions'} 次`),
        single(item`开展集体观影活动 ${'filmScreenings'} 场`),
        single(item`覆盖 ${'filmScreeningCoverage'} 人次`),
        single(item`为 ${'childrenCareServed'} 名农村留守儿童和困境儿童提供临时照料、家庭教育、法律援助、危机干预等关爱服务`),
      ],
      [
        single(item`${'caringParents'} 名爱心人士担任儿童“爱心爸爸”“爱心妈妈”`),
        { lead: '链接 ', items: [item`${'socialOrganizations'} 家社会组织`, item`${'companies'} 家爱心企业`], join: '、', tail: '等社会力量' },
      ],
      [
        single(item`发布微心愿 ${'wishesPublished'} 个`),
        single(item`被认领 ${'wishesClaimed'} 个`),
        single(item`当期发布心愿实现率 ${'fulfilmentRate'}%`),
        single(item`${'activeVolunteers'} 名志愿者参与服务`),
        single(item`累计服务 ${'serviceHours'} 小时`),
      ],
    ],
  },
  en: {
    opener: (p) => `${enPeriod(p)}: `,
    clauseSeparator: '; ',
    sentenceEnd: '.',
    sentenceSeparator: ' ',
    sentences: [
      [
        single(item`${'homeVisits'} home visits to families of children in difficulty (person-times)`),
        single(item`${'wishesFulfilled'} micro-wishes fulfilled`),
        single(item`RMB ${'moneyAndGoodsYuan'} in money and goods given`),
        single(item`${'safetyTalks'} safety talks`),
        single(item`some ${'materialsDistributed'} safety leaflets handed out`),
        single(item`${'tutoringSessions'} case tutoring sessions`),
        single(item`${'filmScreenings'} film screenings`),
        single(item`reaching ${'filmScreeningCoverage'} children (person-times)`),
        single(item`and ${'childrenCareServed'} left-behind children and children in difficulty given temporary care, family education, legal aid, crisis intervention and other care services`),
      ],
      [
        single(item`${'caringParents'} caring people served as children's "caring fathers" and "caring mothers"`),
        { lead: '', items: [item`${'socialOrganizations'} social organizations`, item`${'companies'} caring companies`], join: ' and ', tail: ' took part' },
      ],
      [
        single(item`${'wishesPublished'} micro-wishes were published`),
        single(item`${'wishesClaimed'} claimed`),
        single(item`${'fulfilmentRate'}% of those published in the period fulfilled`),
        single(item`${'activeVolunteers'} volunteers served`),
        single(item`${'serviceHours'} hours of service in all`),
      ],
    ],
  },
};

/**
 * The paragraph in the letter's style, as segments: text, or a figure's formatted number (so a page can
 * link it to its figure). Figures that are 0 are left out, and with them any phrase or sentence left empty.
 */
export function reportParagraph(figures: FigureValues, period: Period, locale: ReportLocale): Segment[] {
  const t = PARAGRAPH_TEMPLATES[locale];
  const sentences: Segment[][] = [];
  for (const sentence of t.sentences) {
    const phrases: Segment[][] = [];
    for (const phrase of sentence) {
      const items = phrase.items
        .filter((i) => figures[i.figure] !== 0)
        .map((i): Segment[] => [{ text: i.before }, { figure: i.figure, text: formatFigure(i.figure, figures[i.figure], locale) }, { text: i.after }]);
      if (items.length === 0) continue;
      phrases.push([{ text: phrase.lead }, ...items.flatMap((segs, n) => (n === 0 ? segs : [{ text: phrase.join }, ...segs])), { text: phrase.tail }]);
    }
    if (phrases.length === 0) continue;
    sentences.push([...phrases.flatMap((segs, n) => (n === 0 ? segs : [{ text: t.clauseSeparator }, ...segs])), { text: t.sentenceEnd }]);
  }
  if (sentences.length === 0) return [];
  const body = sentences.flatMap((segs, n) => (n === 0 ? segs : [{ text: t.sentenceSeparator }, ...segs]));
  // Adjacent text pieces are merged and empty ones dropped, so the list is text and figures alternating.
  const out: Segment[] = [];
  for (const seg of [{ text: t.opener(period) }, ...body]) {
    const last = out[out.length - 1];
    if (!('figure' in seg) && seg.text === '') continue;
    if (!('figure' in seg) && last && !('figure' in last)) out[out.length - 1] = { text: last.text + seg.text };
    else out.push(seg);
  }
  return out;
}

export const paragraphText = (segments: readonly Segment[]) => segments.map((s) => s.text).join('');

// ---------------------------------------------------------------------------------------------------
// The figures table as CSV (UTF-8 with BOM, so that Excel opens Chinese correctly)

export const CSV_BOM = '\uFEFF';

/** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. */
export function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(fields: ReadonlyArray<string | number>): string {
  return fields.map(csvField).join(',');
}

/**
 * The figures table: one row per figure for the whole scope, then one per county. Columns: figure key,
 * label, county, value, unit, definition; `t` reads the catalogue (headers, labels, units, definitions).
 */
export function figuresCsv(
  report: { scopeName: string; figures: ReportFigures },
  t: (key: string) => string,
  locale: ReportLocale,
): string {
  const countyName = (c: CountyRef) => (locale === 'en' ? c.nameEn : c.nameZh);
  const lines = [csvLine(['figure', 'label', 'county', 'value', 'unit', 'definition'].map((h) => t(`report.csv.${h}`)))];
  for (const key of FIGURE_KEYS) {
    const f = FIGURES[key];
    const row = (county: string, value: number) => csvLine([key, t(f.labelKey), county, value, t(f.unitKey), t(f.definitionKey)]);
    lines.push(row(`${report.scopeName}${t('report.csv.total_suffix')}`, report.figures.total[key]));
    for (const c of report.figures.byCounty) lines.push(row(countyName(c.county), c.figures[key]));
  }
  return CSV_BOM + lines.join('\r\n') + '\r\n';
}

// ---------------------------------------------------------------------------------------------------
// The figures as plain text (the command line's table)

/** Display width: CJK and full-width characters take two columns. */
const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1), 0);
const pad = (s: string, w: number, right = false) => (right ? ' '.repeat(Math.max(0, w - width(s))) + s : s + ' '.repeat(Math.max(0, w - width(s))));

/**
 * The figures as a fixed-width table: a header row, then one row per figure (its label and unit), columns
 * the total then the counties; `t` reads the catalogue, `locale` names the counties.
 */
export function figuresTable(figures: ReportFigures, t: (key: string) => string, locale: ReportLocale): string {
  const countyName = (c: CountyRef) => (locale === 'en' ? c.nameEn : c.nameZh);
  const header = ['', t('report.total'), ...figures.byCounty.map((c) => countyName(c.county))];
  const rows = FIGURE_KEYS.map((key) => [
    `${t(FIGURES[key].labelKey)} (${t(FIGURES[key].unitKey)})`,
    formatFigure(key, figures.total[key], 'en'),
    ...figures.byCounty.map((c) => formatFigure(key, c.figures[key], 'en')),
  ]);
  return fixedWidthTable(header, rows);
}

function fixedWidthTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]))));
  const line = (cells: string[]) => cells.map((c, i) => pad(c, widths[i], i > 0)).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
