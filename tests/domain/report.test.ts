import { describe, expect, it } from 'vitest';
import {
  assembleFigures,
  CSV_BOM,
  csvField,
  FIGURE_KEYS,
  FIGURES,
  figuresCsv,
  figuresTable,
  figuresFrom,
  formatFigure,
  MEASURE_KEYS,
  paragraphText,
  periodBounds,
  periodProblem,
  reportParagraph,
  type AggregateRow,
  type CountyRef,
  type FigureValues,
  type MeasureValues,
} from '../../app/domain/report';
import { catalogues, translator } from '../../app/i18n/index';

const county = (id: string, nameZh: string): CountyRef => ({ id, code: id, kind: 'county', nameZh, nameEn: `${id} County` });
const LT = county('lt', '利通区');
const YC = county('yc', '盐池县');
const measures = (values: Partial<MeasureValues>): MeasureValues => ({ ...Object.fromEntries(MEASURE_KEYS.map((k) => [k, 0])), ...values }) as MeasureValues;
const figures = (values: Partial<FigureValues>): FigureValues => ({ ...Object.fromEntries(FIGURE_KEYS.map((k) => [k, 0])), ...values }) as FigureValues;

/** The letter's first-half-2025 figures (letter-figures.json). */
const LETTER = figures({
  homeVisits: 408,
  wishesFulfilled: 466,
  moneyAndGoodsYuan: 153000,
  safetyTalks: 28,
  materialsDistributed: 420,
  tutoringSessions: 327,
  filmScreenings: 51,
  filmScreeningCoverage: 308,
  childrenCareServed: 973,
  socialOrganizations: 26,
  companies: 12,
  caringParents: 12,
});
const H1 = { from: '2025-01-01', to: '2025-06-30' };

describe('the period', () => {
  it('runs from Shanghai midnight of the first day to the last millisecond of the last', () => {
    const b = periodBounds(H1);
    expect(new Date(b.fromMs).toISOString()).toBe('2024-12-31T16:00:00.000Z');
    expect(new Date(b.toMs + 1).toISOString()).toBe('2025-06-30T16:00:00.000Z');
    const day = periodBounds({ from: '2025-03-01', to: '2025-03-01' });
    expect(day.toMs - day.fromMs).toBe(86_400_000 - 1);
  });

  it('refuses dates that are not dates, and an end before the start', () => {
    expect(periodProblem(H1)).toBeNull();
    expect(periodProblem({ from: '2025-02-30', to: '2025-03-01' })).toBe('from_invalid');
    expect(periodProblem({ from: '2025-01-01', to: '2025-6-30' })).toBe('to_invalid');
    expect(periodProblem({ from: '2025-07-01', to: '2025-06-30' })).toBe('to_before_from');
    expect(() => periodBounds({ from: '2025-07-01', to: '2025-06-30' })).toThrow(RangeError);
  });
});

describe('each figure from the measures', () => {
  it('adds home-visit slot children and confirmed caring-parent home visits', () => {
    expect(figuresFrom(measures({ homeVisitSlotChildren: 300, homeVisitContacts: 108 })).homeVisits).toBe(408);
  });

  it('gives money and goods in yuan: confirmed claims plus slot money and goods, from fen', () => {
    expect(figuresFrom(measures({ claimValueFen: 10_000_050, slotMoneyGoodsFen: 5_299_950 })).moneyAndGoodsYuan).toBe(153000);
    expect(figuresFrom(measures({ claimValueFen: 1 })).moneyAndGoodsYuan).toBe(0.01);
  });

  it('takes the slot sums and distinct counts as they come', () => {
    const f = figuresFrom(
      measures({ safetyTalkSessions: 28, safetyTalkMaterials: 420, tutoringSessions: 327, filmSessions: 51, filmChildren: 308, careChildren: 973 }),
    );
    expect(f).toMatchObject({ safetyTalks: 28, materialsDistributed: 420, tutoringSessions: 327, filmScreenings: 51, filmScreeningCoverage: 308, childrenCareServed: 973 });
  });

  it('rates fulfilment over the wishes published in the period, and is 0 when none was', () => {
    expect(figuresFrom(measures({ wishesPublished: 3, wishesPublishedFulfilled: 2 })).fulfilmentRate).toBe(66.7);
    expect(figuresFrom(measures({ wishesPublished: 0, wishesFulfilled: 5 })).fulfilmentRate).toBe(0);
  });

  it('counts service hours from slot minutes and contact minutes, to a tenth', () => {
    expect(figuresFrom(measures({ slotServiceMinutes: 100, contactMinutes: 20 })).serviceHours).toBe(2);
    expect(figuresFrom(measures({ slotServiceMinutes: 95 })).serviceHours).toBe(1.6);
  });

  it('has a label, unit and definition in both catalogues for every figure, and letter units as letter-figures.json', () => {
    for (const key of FIGURE_KEYS) {
      for (const k of [FIGURES[key].labelKey, FIGURES[key].unitKey, FIGURES[key].definitionKey]) {
        expect(catalogues['zh-CN'][k], k).toBeTruthy();
        expect(catalogues.en[k], k).toBeTruthy();
      }
    }
    expect(FIGURE_KEYS.filter((k) => FIGURES[k].letter)).toEqual(Object.keys(LETTER).filter((k) => LETTER[k as keyof FigureValues] !== 0));
    expect(FIGURES.moneyAndGoodsYuan.unit).toBe('元');
    expect(FIGURES.homeVisits.unit).toBe('人次');
  });
});

describe('assembling the rows', () => {
  const rows: AggregateRow[] = [
    { measure: 'wishesFulfilled', countyId: 'lt', value: 3 },
    { measure: 'wishesFulfilled', countyId: 'yc', value: 4 },
    // A child served in both counties: once in each, once in the total.
    { measure: 'careChildren', countyId: 'lt', value: 2 },
    { measure: 'careChildren', countyId: 'yc', value: 1 },
    { measure: 'careChildren', countyId: null, value: 2 },
  ];

  it('sums additive measures over counties and takes distinct totals from their own row', () => {
    const r = assembleFigures([LT, YC], rows);
    expect(r.total.wishesFulfilled).toBe(7);
    expect(r.total.childrenCareServed).toBe(2);
    expect(r.byCounty.map((c) => [c.county.id, c.figures.wishesFulfilled, c.figures.childrenCareServed])).toEqual([
      ['lt', 3, 2],
      ['yc', 4, 1],
    ]);
  });

  it('gives 0 for what no row mentions, and lists a county without rows', () => {
    const r = assembleFigures([LT, YC], [{ measure: 'wishesFulfilled', countyId: 'lt', value: 1 }]);
    expect(r.total.homeVisits).toBe(0);
    expect(r.byCounty[1]).toEqual({ county: YC, figures: figures({}) });
  });

  it('refuses a row of a county outside the scope, a total row of a sum, and an unknown measure', () => {
    expect(() => assembleFigures([LT], [{ measure: 'wishesFulfilled', countyId: 'yc', value: 1 }])).toThrow(/outside the scope/);
    expect(() => assembleFigures([LT], [{ measure: 'wishesFulfilled', countyId: null, value: 1 }])).toThrow(/no total row/);
    expect(() => assembleFigures([LT], [{ measure: 'nope' as never, countyId: 'lt', value: 1 }])).toThrow(/unknown measure/);
  });
});

describe('numbers as the letter writes them', () => {
  it('writes money in 万元 in Chinese, in yuan in English', () => {
    expect(formatFigure('moneyAndGoodsYuan', 153000, 'zh-CN')).toBe('15.3');
    expect(formatFigure('moneyAndGoodsYuan', 12035200, 'zh-CN')).toBe('1203.52');
    expect(formatFigure('moneyAndGoodsYuan', 250000, 'zh-CN')).toBe('25');
    expect(formatFigure('moneyAndGoodsYuan', 153000, 'en')).toBe('153,000');
    expect(formatFigure('moneyAndGoodsYuan', 1234.5, 'en')).toBe('1,234.5');
  });

  it('writes counts without separators in Chinese (13269) and with them in English', () => {
    expect(formatFigure('homeVisits', 13269, 'zh-CN')).toBe('13269');
    expect(formatFigure('homeVisits', 13269, 'en')).toBe('13,269');
    expect(formatFigure('serviceHours', 2035.5, 'en')).toBe('2,035.5');
  });
});

describe('the paragraph', () => {
  it('reads as the letter for the letter figures', () => {
    const text = paragraphText(reportParagraph(LETTER, H1, 'zh-CN'));
    expect(text).toContain(
      '开展困境儿童家庭走访慰问活动 408 人次,实现微心愿 466 个,发放慰问金、慰问品总计 15.3 万元,安全知识宣讲 28 场次,发放安全知识宣传手册 420 余份,个案辅导 327 次,开展集体观影活动 51 场,覆盖 308 人次,为 973 名农村留守儿童和困境儿童提供临时照料、家庭教育、法律援助、危机干预等关爱服务。',
    );
    expect(text).toContain('12 名爱心人士担任儿童“爱心爸爸”“爱心妈妈”,链接 26 家社会组织、12 家爱心企业等社会力量。');
    expect(text.startsWith('2025年上半年,')).toBe(true);
  });

  it('keeps each number as a segment naming its figure', () => {
    const segments = reportParagraph(LETTER, H1, 'zh-CN');
    const numbers = segments.filter((s) => 'figure' in s);
    expect(numbers.find((s) => 'figure' in s && s.figure === 'moneyAndGoodsYuan')).toEqual({ figure: 'moneyAndGoodsYuan', text: '15.3' });
    expect(numbers.map((s) => ('figure' in s ? s.figure : '')).sort()).toEqual(FIGURE_KEYS.filter((k) => LETTER[k] !== 0).sort());
    // Text and figures alternate: no two text segments in a row, none empty.
    for (let i = 1; i < segments.length; i++) expect('figure' in segments[i] || 'figure' in segments[i - 1]).toBe(true);
    expect(segments.filter((s) => s.text === '')).toEqual([]);
  });

  it('leaves out figures that are 0, and phrases and sentences left empty', () => {
    const text = paragraphText(reportParagraph(figures({ wishesFulfilled: 5, companies: 2, filmScreeningCoverage: 0, filmScreenings: 3 }), H1, 'zh-CN'));
    expect(text).toBe('2025年上半年,实现微心愿 5 个,开展集体观影活动 3 场。链接 2 家爱心企业等社会力量。');
    expect(reportParagraph(figures({}), H1, 'zh-CN')).toEqual([]);
  });

  it('names the period as the bureau would', () => {
    const one = figures({ wishesFulfilled: 1 });
    const opener = (from: string, to: string, locale: 'zh-CN' | 'en' = 'zh-CN') => paragraphText(reportParagraph(one, { from, to }, locale)).split(/[,:]/)[0];
    expect(opener('2025-07-01', '2025-12-31')).toBe('2025年下半年');
    expect(opener('2025-01-01', '2025-12-31')).toBe('2025年');
    expect(opener('2025-03-05', '2025-04-08')).toBe('2025年3月5日至4月8日');
    expect(opener('2024-12-01', '2025-01-31')).toBe('2024年12月1日至2025年1月31日');
    expect(opener('2025-01-01', '2025-06-30', 'en')).toBe('In the first half of 2025');
    expect(opener('2025-03-05', '2025-04-08', 'en')).toBe('From 5 March 2025 to 8 April 2025');
  });

  it('has an English rendering with the same figures', () => {
    const segments = reportParagraph(LETTER, H1, 'en');
    const text = paragraphText(segments);
    expect(text).toContain('408 home visits');
    expect(text).toContain('RMB 153,000 in money and goods');
    expect(text).toContain('some 420 safety leaflets');
    expect(segments.filter((s) => 'figure' in s).map((s) => ('figure' in s ? s.figure : '')).sort()).toEqual(FIGURE_KEYS.filter((k) => LETTER[k] !== 0).sort());
  });
});

describe('the figures CSV', () => {
  const report = assembleFigures([LT, YC], [
    { measure: 'wishesFulfilled', countyId: 'lt', value: 3 },
    { measure: 'claimValueFen', countyId: 'yc', value: 12345 },
  ]);

  it('opens with a BOM, has the six columns, one total row and one row per county for each figure', () => {
    const csv = figuresCsv({ scopeName: '吴忠市', figures: report }, translator('zh-CN'), 'zh-CN');
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines.pop()).toBe('');
    expect(lines[0]).toBe('指标代码,指标,县区,数值,单位,统计口径');
    expect(lines).toHaveLength(1 + FIGURE_KEYS.length * 3);
    expect(lines[1].startsWith('homeVisits,困境儿童家庭走访慰问,吴忠市(合计),0,人次,')).toBe(true);
    expect(lines).toContain(lines.find((l) => l.startsWith('wishesFulfilled,实现微心愿,利通区,3,个,')));
    expect(lines.some((l) => l.startsWith('moneyAndGoodsYuan,慰问金、慰问品,盐池县,123.45,元,'))).toBe(true);
  });

  it('as a fixed-width table: a header of total then counties, a rule, then one row per figure with its label and unit', () => {
    const lines = figuresTable(report, translator('zh-CN'), 'zh-CN').split('\n');
    expect(lines).toHaveLength(2 + FIGURE_KEYS.length);
    expect(lines[0]).toMatch(/\S+\s+利通区\s+盐池县$/);
    expect(lines[1]).toMatch(/^[- ]+$/);
    expect(lines).toContain(lines.find((l) => /^实现微心愿 \(个\)\s+3\s+3\s+0$/.test(l)));
    expect(lines.some((l) => /^慰问金、慰问品 \(元\)\s+123\.45\s+0\s+123\.45$/.test(l))).toBe(true);
    const en = figuresTable(report, translator('en'), 'en').split('\n');
    expect(en[0]).toMatch(/lt County\s+yc County$/);
    expect(en.some((l) => /^Money and goods given \(yuan\)\s+123\.45\s+0\s+123\.45$/.test(l))).toBe(true);
  });

  it('quotes fields with commas, quotes or line breaks', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('平常')).toBe('平常');
    const en = figuresCsv({ scopeName: 'Wuzhong', figures: report }, translator('en'), 'en');
    expect(en.split('\r\n')[0]).toBe(`${CSV_BOM}figure,label,county,value,unit,definition`);
    // English definitions hold commas: quoted, so each line still parses into six fields.
    const line = en.split('\r\n').find((l) => l.startsWith('moneyAndGoodsYuan,'))!;
    expect(line).toMatch(/^moneyAndGoodsYuan,Money and goods given,Wuzhong \(total\),123\.45,yuan,"Yuan: .*"$/);
  });
});
