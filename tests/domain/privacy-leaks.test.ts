import { describe, expect, it } from 'vitest';
import { checkPublicText, checkPublicTextWarnings, type ChildIdentity } from '../../app/domain/privacy';

// The leaks of issue 8, one class each: leaky texts with the exact finding they must produce, and
// clean texts (years of events, prices, sizes, ordinary numbers) that must still pass. The name's
// other spellings are computed by app/server/child-facts.server.ts; here they are written out.

const XIAODONG: ChildIdentity = {
  realName: '刘晓东',
  birthDate: '2015-04-03',
  realNameVariants: ['劉曉東', 'liú xiǎo dōng', 'liúxiǎodōng', 'liu xiao dong', 'liuxiaodong', 'xiǎo dōng liú', 'xiao dong liu'],
  givenNameVariants: ['曉東', 'xiǎo dōng', 'xiǎodōng', 'xiao dong', 'xiaodong'],
};
// Born in December, so two-digit months and days are exercised too.
const YUTONG: ChildIdentity = { realName: '张雨桐', birthDate: '2016-12-25', realNameVariants: ['張雨桐', 'zhang yu tong'], givenNameVariants: ['yu tong'] };

type Finding = [kind: string, match: string];
interface Leak {
  text: string;
  child?: ChildIdentity;
  findings: Finding[];
}

const CLASSES: Record<string, { leaky: Leak[]; clean: string[] }> = {
  'birth date': {
    leaky: [
      { text: '生日是2015-04-03,想要一个蛋糕。', findings: [['birth_date', '2015-04-03']] },
      { text: '他2015-4-3出生。', findings: [['birth_date', '2015-4-3']] },
      { text: '出生日期:2015/04/03', findings: [['birth_date', '2015/04/03']] },
      { text: '生于2015.4.3', findings: [['birth_date', '2015.4.3']] },
      { text: '2015年4月3日出生的男孩。', findings: [['birth_date', '2015年4月3日']] },
      { text: '2015 年 04 月 03 号生', findings: [['birth_date', '2015 年 04 月 03 号']] },
      { text: '15年4月3日生的', findings: [['birth_date', '15年4月3日']] },
      { text: '出生日期20150403', findings: [['birth_date', '20150403']] },
      { text: '生日是２０１５年４月３日', findings: [['birth_date', '２０１５年４月３日']] },
      { text: '生日：２０１５－０４－０３', findings: [['birth_date', '２０１５－０４－０３']] },
      { text: '他出生于二〇一五年四月三日。', findings: [['birth_date', '二〇一五年四月三日']] },
      { text: '二零一五年四月三号是他的生日', findings: [['birth_date', '二零一五年四月三号']] },
      { text: '生日是4月3日,想和大家一起过。', findings: [['birth_date', '4月3日']] },
      { text: '他的生日在四月三号。', findings: [['birth_date', '四月三号']] },
      { text: '04月03日出生', findings: [['birth_date', '04月03日']] },
      { text: '4月3号是她的生日', findings: [['birth_date', '4月3号']] },
      { text: 'Born on April 3, 2015.', findings: [['birth_date', 'April 3, 2015']] },
      { text: 'born 3rd Apr 2015', findings: [['birth_date', '3rd Apr 2015']] },
      { text: 'birthday 4/3/2015', findings: [['birth_date', '4/3/2015']] },
      { text: 'DOB 03.04.2015', findings: [['birth_date', '03.04.2015']] },
      { text: '生日是2016年12月25日', child: YUTONG, findings: [['birth_date', '2016年12月25日']] },
      { text: '二〇一六年十二月二十五日出生', child: YUTONG, findings: [['birth_date', '二〇一六年十二月二十五日']] },
      { text: '圣诞节十二月二十五号也是她的生日', child: YUTONG, findings: [['birth_date', '十二月二十五号']] },
      { text: '生日20161225', child: YUTONG, findings: [['birth_date', '20161225']] },
    ],
    clean: [
      '他是2015年出生的,喜欢跑步。',
      '2015年4月参加过一次运动会。',
      '4月3日学期开始,想要一个新书包。',
      '2016年4月3日全家去看了花灯。',
      '生日快到了,想要一个蛋糕。',
      '生日那天想吃一碗长寿面。',
      '一本2015年版的字典,价格20.15元。',
      '鞋码36,预算150元,20150404号订单。',
      '2015年4月13日和2015年4月30日各借过一本书。',
      '四月十三日出生的同学也在班里。',
      '十四月三日不是日期,2015-04-13也不是她的生日。',
    ],
  },
  'name in pinyin': {
    leaky: [
      { text: 'Liu Xiaodong loves running.', findings: [['real_name', 'Liu Xiaodong']] },
      { text: 'LIU XIAODONG', findings: [['real_name', 'LIU XIAODONG']] },
      { text: '他叫Liú Xiǎodōng。', findings: [['real_name', 'Liú Xiǎodōng']] },
      { text: 'liuxiaodong想要运动鞋', findings: [['real_name', 'liuxiaodong']] },
      { text: 'Liu-Xiao-Dong', findings: [['real_name', 'Liu-Xiao-Dong']] },
      { text: 'Xiaodong Liu, grade 3', findings: [['real_name', 'Xiaodong Liu']] },
      { text: 'Xiao Dong likes football.', findings: [['given_name', 'Xiao Dong']] },
      { text: 'xiǎodōng想要一个足球', findings: [['given_name', 'xiǎodōng']] },
      { text: 'Zhang Yutong draws.', child: YUTONG, findings: [['real_name', 'Zhang Yutong']] },
    ],
    clean: [
      'Xiaodongfang is a word that is not the name.',
      'The dong and the xiao are syllables of many words.',
      'He likes Liu Bei in the Romance of the Three Kingdoms.',
      'A pair of size 36 shoes, about 150 yuan.',
      'Xiaoming wants a football.',
      'She wants a 24-colour paint set.',
    ],
  },
  'name in traditional characters': {
    leaky: [
      { text: '劉曉東想要一雙運動鞋。', findings: [['real_name', '劉曉東']] },
      { text: '這是劉 曉 東的心願', findings: [['real_name', '劉 曉 東']] },
      { text: '曉東喜歡跑步。', findings: [['given_name', '曉東']] },
      { text: '張雨桐的心願', child: YUTONG, findings: [['real_name', '張雨桐']] },
      { text: '劉曉東和晓东', findings: [['real_name', '劉曉東'], ['given_name', '晓东']] },
    ],
    clean: [
      '小東想要一雙運動鞋。',
      '東東喜歡跑步,一雙鞋約150元。',
      '他住在利通區,喜歡畫畫。',
      '拂曉時分,東方發白。',
      '劉老師說他很懂事。',
    ],
  },
  'school names': {
    leaky: [
      { text: '在吴忠高级中学读书。', findings: [['school', '吴忠高级中学']] },
      { text: '哥哥在盐池县第一高级中学上学。', findings: [['school', '盐池县第一高级中学']] },
      { text: '姐姐在同心县职业中学学厨师。', findings: [['school', '同心县职业中学']] },
      { text: '在青铜峡市职业中学读高一。', findings: [['school', '青铜峡市职业中学']] },
      { text: '他在金积镇中心小学读书。', findings: [['school', '金积镇中心小学']] },
      { text: '在扁担沟镇中心小学上二年级。', findings: [['school', '扁担沟镇中心小学']] },
      { text: '妹妹在利通区第三幼儿园。', findings: [['school', '利通区第三幼儿园']] },
      { text: '每天去金星镇幼儿园。', findings: [['school', '金星镇幼儿园']] },
      { text: '在红星九年制学校读书。', findings: [['school', '红星九年制学校']] },
      { text: '在吴忠市初级中学读初一。', findings: [['school', '吴忠市初级中学']] },
    ],
    clean: [
      '明年想考上县城高中。',
      '镇上的中心小学新建了操场。',
      '上幼儿园的妹妹也想要一个小书包。',
      '他是一名高中生,想当老师。',
      '姐姐读职业中学,学的是烹饪。',
      '县城高级中学很远。',
    ],
  },
  'mobile numbers with a separator between every digit': {
    leaky: [
      { text: '电话 1 3 9 1 2 3 4 5 6 7 8', findings: [['phone', '1 3 9 1 2 3 4 5 6 7 8']] },
      { text: '号码是1-5-9-1-2-3-4-5-6-7-8。', findings: [['phone', '1-5-9-1-2-3-4-5-6-7-8']] },
      { text: '+86 1 3 8 1 2 3 4 5 6 7 8', findings: [['phone', '+86 1 3 8 1 2 3 4 5 6 7 8']] },
      { text: '请打１ ８ ６ １ ２ ３ ４ ５ ６ ７ ８', findings: [['phone', '１ ８ ６ １ ２ ３ ４ ５ ６ ７ ８']] },
      { text: '妈妈：1  3  8  0  0  0  0  1  1  1  1', findings: [['phone', '1  3  8  0  0  0  0  1  1  1  1']] },
    ],
    clean: [
      '1 2 3 4 5 6 7 8 9 0 1',
      '尺码13 14 15 16都有。',
      '第1-2-3课已经学完了。',
      '编号 2 0 1 5 0 4 0 3',
      '1 3 8 1 2 3 4 5 6 7 只有十位',
    ],
  },
  'local numbers after 电话/打/联系': {
    leaky: [
      { text: '打6012345就行', findings: [['phone', '6012345']] },
      { text: '联系:8123456', findings: [['phone', '8123456']] },
      { text: '请打 2345678 找王老师', findings: [['phone', '2345678']] },
      { text: '联系王老师 81234567', findings: [['phone', '81234567']] },
      { text: '电话5012345', findings: [['phone', '5012345']] },
      { text: '拨打 812-3456 咨询', findings: [['phone', '812-3456']] },
    ],
    clean: [
      '打了2000个电话。',
      '联系了30位志愿者。',
      '买了12345本书?不,是123本。',
      '每天打2小时篮球。',
      '联系人王老师,电话请问站点。',
      '打折后价格123456元的东西买不起。',
    ],
  },
};

const kinds = (c: Leak) => checkPublicText([c.text], c.child ?? XIAODONG).map((f): Finding => [f.kind, f.match]);

describe.each(Object.entries(CLASSES))('%s', (_name, { leaky, clean }) => {
  it('has at least 5 leaky and 5 clean texts', () => {
    expect(leaky.length).toBeGreaterThanOrEqual(5);
    expect(clean.length).toBeGreaterThanOrEqual(5);
  });

  it.each(leaky.map((c) => [c.text, c] as const))('refuses %s', (_t, c) => {
    expect(kinds(c)).toEqual(c.findings);
  });

  it.each(clean)('passes %s', (text) => {
    expect(checkPublicText([text], XIAODONG)).toEqual([]);
    expect(checkPublicText([text], YUTONG)).toEqual([]);
  });
});

describe('the birth date', () => {
  it('is only looked for when known, and only in the YYYY-MM-DD form', () => {
    expect(checkPublicText(['生日是2015-04-03'], { realName: '刘晓东' })).toEqual([]);
    expect(checkPublicText(['生日是2015-04-03'], { realName: '刘晓东', birthDate: '2015/04/03' })).toEqual([]);
    expect(checkPublicText(['生日是2015-04-03'], { realName: '刘晓东', birthDate: '2015-04-03' })).toEqual([
      { kind: 'birth_date', match: '2015-04-03' },
    ]);
  });

  it('writes days and months of ten and more in Chinese numerals', () => {
    const child = (birthDate: string): ChildIdentity => ({ realName: '刘晓东', birthDate });
    expect(checkPublicText(['二〇一〇年十月十日'], child('2010-10-10'))).toEqual([{ kind: 'birth_date', match: '二〇一〇年十月十日' }]);
    expect(checkPublicText(['二〇〇九年十一月二十日'], child('2009-11-20'))).toEqual([{ kind: 'birth_date', match: '二〇〇九年十一月二十日' }]);
    expect(checkPublicText(['二〇一八年一月三十一日'], child('2018-01-31'))).toEqual([{ kind: 'birth_date', match: '二〇一八年一月三十一日' }]);
    expect(checkPublicText(['二〇一八年一月三十日'], child('2018-01-31'))).toEqual([]);
    expect(checkPublicText(['二〇一八年十一月三十一日'], child('2018-01-31'))).toEqual([]);
  });
});

describe('an exact age is a warning, never a refusal', () => {
  const WARN: [string, string][] = [
    ['小禾今年7岁,喜欢画画。', '7岁'],
    ['他已经八周岁了。', '八周岁'],
    ['满12岁的哥哥', '12岁'],
    ['今年十岁', '十岁'],
    ['她十一岁', '十一岁'],
    ['两岁的时候就会背诗', '两岁'],
    ['Xiaohe is 9 years old.', '9 years old'],
    ['a 7-year-old girl', '7-year-old'],
    ['aged 10, she likes drawing', 'aged 10'],
    ['7 岁', '7 岁'],
  ];
  const QUIET = [
    '适合3-6岁的积木',
    '6岁以上适用',
    '3到6岁',
    '80岁的奶奶',
    '二十岁的表哥在外打工',
    '一盒24色水彩笔,约120元。',
    '三年级的小学生',
    '岁月静好',
    '4~6岁',
    '10 years of service',
    '3.5岁',
  ];

  it.each(WARN)('warns on %s', (text, match) => {
    expect(checkPublicTextWarnings([text])).toEqual([{ kind: 'exact_age', match }]);
    expect(checkPublicText([text], { realName: '马思远' })).toEqual([]);
  });

  it.each(QUIET)('does not warn on %s', (text) => {
    expect(checkPublicTextWarnings([text])).toEqual([]);
  });

  it('quotes the original text and reports an age once across title and story', () => {
    expect(checkPublicTextWarnings(['今年７岁', '他７岁了,今年9岁'])).toEqual([
      { kind: 'exact_age', match: '７岁' },
      { kind: 'exact_age', match: '9岁' },
    ]);
    expect(checkPublicTextWarnings([])).toEqual([]);
  });
});
