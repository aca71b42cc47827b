import { describe, it, expect } from 'vitest';
import { checkPublicText, deriveGivenName, isValidChineseIdCard, type ChildIdentity } from '../../app/domain/privacy';

// Children used below. Their public aliases must not be their given names:
// a child called 王小禾 cannot be published as "小禾".
const XIAOHE: ChildIdentity = { realName: '王小禾' };
const LEI: ChildIdentity = { realName: '李磊' };
const MINGYUE: ChildIdentity = { realName: '欧阳明月' };
const YUTONG: ChildIdentity = { realName: '张雨桐' };

// Valid IDs (check digit computed with GB 11643): 640302 = 吴忠市利通区, 640381 = 青铜峡市.
const ID_BEIJING = '11010519491231002X';
const ID_LITONG = '640302201703150013';
const ID_QTX = '640381201809070041';
const ID_SHENZHEN = '440304201001011233';

const kindsOf = (texts: string[], child: ChildIdentity) =>
  [...new Set(checkPublicText(texts, child).map((f) => f.kind))].sort();

interface Leaky {
  text: string | string[];
  child?: ChildIdentity;
  kinds: string[];
}

const LEAKY: Leaky[] = [
  // Names
  { text: '王小禾今年7岁，喜欢画画。', kinds: ['real_name'] },
  { text: '这是王 小 禾的心愿。', kinds: ['real_name'] },
  { text: '王\u200B小禾想要一盒水彩笔。', kinds: ['real_name'] },
  { text: '小禾喜欢画画，希望有一盒水彩笔。', kinds: ['given_name'] },
  { text: '小磊想要一个新书包。', child: LEI, kinds: ['given_name'] },
  { text: '磊磊今年8岁，爱踢足球。', child: LEI, kinds: ['given_name'] },
  { text: '他叫磊，今年上三年级。', child: LEI, kinds: ['given_name'] },
  { text: '李磊同学成绩很好。', child: LEI, kinds: ['real_name'] },
  { text: '明月喜欢唱歌，想要一把尤克里里。', child: MINGYUE, kinds: ['given_name'] },
  { text: '欧阳明月的愿望是一本字典。', child: MINGYUE, kinds: ['real_name'] },
  { text: '小桐想要一双运动鞋。', child: { realName: '张雨桐', givenName: '桐' }, kinds: ['given_name'] },
  // ID cards
  { text: `身份证号${ID_LITONG}`, kinds: ['id_card'] },
  { text: `证件：${ID_BEIJING.toLowerCase()}`, kinds: ['id_card'] },
  { text: `身份证 ${ID_QTX.slice(0, 6)} ${ID_QTX.slice(6, 14)} ${ID_QTX.slice(14)}`, kinds: ['id_card'] },
  { text: '身份证号６４０３０２２０１７０３１５００１３', kinds: ['id_card'] },
  { text: '老身份证号640302850315123', kinds: ['id_card'] },
  // A mistyped check digit still identifies the child (judgement call, see privacy.ts).
  { text: '身份证号640302201703150019', kinds: ['id_card'] },
  // Phones
  { text: '有意者请联系13812345678', kinds: ['phone'] },
  { text: '妈妈的手机138-1234-5678', kinds: ['phone'] },
  { text: '联系 139 1234 5678 王老师', kinds: ['phone'] },
  { text: '电话+86 15912345678', kinds: ['phone'] },
  { text: '打１８６１２３４５６７８就行', kinds: ['phone'] },
  { text: '站点电话0951-1234567', kinds: ['phone'] },
  { text: '座机(0953)1234567', kinds: ['phone'] },
  { text: '请拨打0953 1234567', kinds: ['phone'] },
  { text: '请拨打（０９５３）２３４５６７８', kinds: ['phone'] },
  { text: '村委会电话：2345678', kinds: ['phone'] },
  // Addresses
  { text: '家住利通街12号。', kinds: ['address'] },
  { text: '她住在胜利路18号院。', kinds: ['address'] },
  { text: '住在胜利路十八号', kinds: ['address'] },
  { text: '奶奶家在3号楼2单元501室。', kinds: ['address'] },
  { text: '家在阳光小区6栋。', kinds: ['address'] },
  { text: '住在杨马湖村三组。', kinds: ['address'] },
  { text: '家在5组12号，离学校很远。', kinds: ['address'] },
  { text: '门牌号是28，旁边有棵大树。', kinds: ['address'] },
  { text: '金积镇郭家桥村的孩子。', kinds: ['address'] },
  { text: '住在马家村18号', kinds: ['address'] },
  { text: '家住古城镇团结路25号3单元', kinds: ['address'] },
  { text: '家在团结村2队', kinds: ['address'] },
  // Schools
  { text: '在金积镇中心小学读二年级。', kinds: ['school'] },
  { text: '她在第三中学读书。', kinds: ['school'] },
  { text: '哥哥在吴忠一中上学。', kinds: ['school'] },
  { text: '每天去红星幼儿园。', kinds: ['school'] },
  { text: '在向阳小学读书。', kinds: ['school'] },
  { text: '利通区第五小学的学生。', kinds: ['school'] },
  { text: '就读于扁担沟完小。', kinds: ['school'] },
  { text: '在郭家桥回民小学上一年级。', kinds: ['school'] },
  // Several at once, across title and story
  {
    text: ['王小禾的心愿', '住在胜利路18号，在金积镇中心小学上学，联系电话13812345678。'],
    kinds: ['address', 'phone', 'real_name', 'school'],
  },
  { text: ['一盒彩笔', `小禾的身份证号是${ID_SHENZHEN}`], kinds: ['given_name', 'id_card'] },
];

interface Clean {
  text: string;
  child?: ChildIdentity;
}

const CLEAN: Clean[] = [
  { text: '小禾今年7岁，喜欢画画，希望有一盒水彩笔。' },
  { text: '小禾住在利通区，今年上小学二年级。' },
  { text: '她生活在吴忠市红寺堡区，喜欢跳绳和踢毽子。' },
  { text: '小宇在学校里是图书管理员，想要2本书：《安徒生童话》和《十万个为什么》。' },
  { text: '一套18色的水彩笔，价格约¥120。' },
  { text: '2025年9月就要上初中了，想要一个新书包。' },
  { text: '他每天走路3公里去学校，希望有一双结实的运动鞋，36码。' },
  { text: '学校离家很远，冬天很冷，想要一件羽绒服。' },
  { text: '奶奶说他从小学习就很认真。' },
  { text: '她是一名小学生，最喜欢数学课。' },
  { text: '在游戏中学会了合作，也学会了分享。' },
  { text: '家住在农村，爸爸妈妈在外地打工。' },
  { text: '美丽乡村的孩子也有大大的梦想。' },
  { text: '他住在偏远的小山村，村里没有图书馆。' },
  { text: '读初中的哥哥会辅导她写作业。' },
  { text: '明年想考上县城高中。' },
  { text: '镇上的中心小学新建了操场。' },
  { text: '她很喜欢学校的图书角，每周借1本书。' },
  { text: '语文课学到了第三单元，想要一本新华字典。' },
  { text: '一家人住在一栋旧房子里，家里有3口人。' },
  { text: '小宇身高120厘米，体重25公斤，喜欢吃苹果。' },
  { text: '数学考了98分，英语考了95分。' },
  { text: '每天要走一小时山路去上学。' },
  { text: '希望得到一双36码的雪地靴，预算200元以内。' },
  { text: '她和爷爷奶奶一起生活，是个懂事的孩子。' },
  { text: '他做事光明磊落，是班里的劳动委员。', child: LEI },
  { text: '小宇今年9岁，想要一个篮球。', child: LEI },
  { text: '明天就是六一儿童节了，她希望看到又大又圆的月亮。', child: MINGYUE },
  { text: '想要一台点读机，帮助学习英语，约¥399。' },
  { text: '住在青铜峡市，平时在村小学上学，喜欢唱歌。' },
  { text: '3年级2班的小宇想要一副乒乓球拍。' },
  { text: '想要一块电话手表，方便和在外打工的妈妈联系。' },
  { text: '2024年12月寒假期间，她想读完4本书。' },
  { text: '他们学校有200多名学生，没有音乐老师。' },
  { text: '从家到学校要坐40分钟的车。' },
  { text: '每天早上6点起床，7点半到校。' },
  { text: '想要一盒24色油画棒和一本A4素描本。' },
  { text: '小禾喜欢数字，会背圆周率3.1415926。' },
  { text: '上幼儿园的妹妹也想要一个小书包。' },
  { text: '她最大的愿望是考上一所好大学。' },
  { text: '每天回学校都很开心，她努力考高中。' },
  { text: '放学后回到村里帮奶奶喂羊，村口有一棵大槐树。' },
  { text: '这学期学到第2单元3课，练习册写到第35页。' },
  { text: '他在镇上的初中读初一，姐姐在县城读高中。' },
];

describe('checkPublicText: leaky texts are refused', () => {
  it.each(LEAKY.map((c) => [[c.text].flat().join(' / '), c] as const))('%s', (_label, c) => {
    const texts = [c.text].flat();
    expect(kindsOf(texts, c.child ?? XIAOHE)).toEqual([...c.kinds].sort());
  });

  it('has a substantial corpus', () => {
    expect(LEAKY.length).toBeGreaterThanOrEqual(30);
  });
});

describe('checkPublicText: clean texts pass', () => {
  it.each(CLEAN.map((c) => [c.text, c] as const))('%s', (_label, c) => {
    expect(checkPublicText([c.text], c.child ?? YUTONG)).toEqual([]);
  });

  it('has a substantial corpus', () => {
    expect(CLEAN.length).toBeGreaterThanOrEqual(30);
  });
});

describe('checkPublicText: findings', () => {
  it('quotes every match exactly as it appears in the original text', () => {
    for (const c of LEAKY) {
      const texts = [c.text].flat();
      for (const f of checkPublicText(texts, c.child ?? XIAOHE)) {
        expect(texts.some((t) => t.includes(f.match)), `${f.kind} "${f.match}"`).toBe(true);
      }
    }
  });

  it('returns the original full-width text, not the normalized one', () => {
    expect(checkPublicText(['打１８６１２３４５６７８就行'], XIAOHE)).toEqual([
      { kind: 'phone', match: '１８６１２３４５６７８' },
    ]);
  });

  it('names the specific fragment for each kind', () => {
    const findings = checkPublicText(
      ['王小禾住在胜利路18号，在金积镇中心小学上学，联系电话138 1234 5678。'],
      XIAOHE,
    );
    expect(findings).toEqual(
      expect.arrayContaining([
        { kind: 'real_name', match: '王小禾' },
        { kind: 'address', match: '胜利路18号' },
        { kind: 'school', match: '金积镇中心小学' },
        { kind: 'phone', match: '138 1234 5678' },
      ]),
    );
    expect(findings).toHaveLength(4);
  });

  it('does not report the given name inside the full name', () => {
    expect(checkPublicText(['王小禾想要画笔'], XIAOHE)).toEqual([{ kind: 'real_name', match: '王小禾' }]);
  });

  it('joins the parts of one address into a single finding', () => {
    expect(checkPublicText(['住在杨马湖村三组'], XIAOHE)).toEqual([{ kind: 'address', match: '杨马湖村三组' }]);
    expect(checkPublicText(['家在3号楼2单元501室'], XIAOHE)).toEqual([{ kind: 'address', match: '3号楼2单元501室' }]);
  });

  it('deduplicates identical findings across texts', () => {
    const findings = checkPublicText(['小禾的心愿', '小禾想要画笔，小禾喜欢画画'], XIAOHE);
    expect(findings).toEqual([{ kind: 'given_name', match: '小禾' }]);
  });

  it('does not read an ID card number as a phone number', () => {
    expect(kindsOf([`号码${ID_LITONG}`], XIAOHE)).toEqual(['id_card']);
  });

  it('returns no findings for no text', () => {
    expect(checkPublicText([], XIAOHE)).toEqual([]);
    expect(checkPublicText([''], XIAOHE)).toEqual([]);
  });
});

describe('deriveGivenName', () => {
  it.each([
    ['王小禾', '小禾'],
    ['李磊', '磊'],
    ['欧阳明月', '明月'],
    ['司马光', '光'],
    ['诸葛亮亮', '亮亮'],
    ['阿依古丽·买买提', '阿依古丽'],
  ])('%s → %s', (realName, given) => {
    expect(deriveGivenName({ realName })).toBe(given);
  });

  it('uses the override when given', () => {
    expect(deriveGivenName({ realName: '张雨桐', givenName: '桐' })).toBe('桐');
  });

  it('derives nothing from a Latin-script name', () => {
    expect(deriveGivenName({ realName: 'Li Lei' })).toBeUndefined();
  });
});

describe('isValidChineseIdCard', () => {
  it.each([ID_BEIJING, ID_BEIJING.toLowerCase(), ID_LITONG, ID_QTX, ID_SHENZHEN, ' 640302201703150013 '])(
    'accepts %s',
    (id) => {
      expect(isValidChineseIdCard(id)).toBe(true);
    },
  );

  it('accepts full-width digits', () => {
    expect(isValidChineseIdCard('６４０３０２２０１７０３１５００１３')).toBe(true);
  });

  it.each([
    ['wrong check digit', '640302201703150019'],
    ['wrong check digit X', '11010519491231002Y'],
    ['X where a digit belongs', '110105194912310021'],
    ['one digit changed', '640302201703150113'],
    ['impossible date', '640302201702300013'],
    ['future date', '640302209901010013'],
    ['unknown region', '990302201703150013'],
    ['too short', '64030220170315001'],
    ['too long', '6403022017031500133'],
    ['15-digit old format', '640302850315123'],
    ['letters', '64030220170315001A'],
    ['empty', ''],
  ])('rejects %s (%s)', (_why, id) => {
    expect(isValidChineseIdCard(id)).toBe(false);
  });
});
