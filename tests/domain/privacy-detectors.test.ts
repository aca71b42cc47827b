import { describe, expect, it } from 'vitest';
import { checkPublicText, deriveGivenName, isValidChineseIdCard, type ChildIdentity } from '../../app/domain/privacy';

// Each detector's parts, one at a time, with the exact text quoted: ID-card region, date and check
// digit; every optional part of the phone and address patterns; the generic words that keep ordinary
// phrases from reading as a place name.

const CHILD: ChildIdentity = { realName: '马思远' };
const findings = (text: string, child: ChildIdentity = CHILD) => checkPublicText([text], child).map((f) => [f.kind, f.match]);

/** An 18-character ID with the right check digit (GB 11643), so only region and date can make it wrong. */
function withCheckDigit(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((acc, c, i) => acc + weights[i] * Number(c), 0);
  return first17 + '10X98765432'[sum % 11];
}
const id = (region: string, yyyymmdd: string) => withCheckDigit(`${region}${yyyymmdd}001`);

describe('ID cards: region and birth date, with a correct check digit', () => {
  it.each([
    ['a real date', '640302', '20170315'],
    ['29 February of a leap year', '640302', '20120229'],
    ['29 February 2000 (divisible by 400)', '640302', '20000229'],
    ['1 January 1900', '640302', '19000101'],
    ['31 December', '640302', '20101231'],
    ['a Taiwan residence permit (71)', '710302', '20170315'],
    ['a Macau residence permit (83)', '830302', '20170315'],
    ['the lowest province code (11)', '110105', '19491231'],
    ['the highest mainland province code (65)', '650102', '20100101'],
  ])('accepts %s', (_why, region, date) => {
    const value = id(region, date);
    expect(isValidChineseIdCard(value)).toBe(true);
    expect(findings(`证件号${value}。`)).toEqual([['id_card', value]]);
  });

  it.each([
    ['30 February', '640302', '20170230'],
    ['29 February of a common year', '640302', '20130229'],
    ['29 February 1900 (a century, not a leap year)', '640302', '19000229'],
    ['29 February 2100', '640302', '21000229'],
    ['month 13', '640302', '20171315'],
    ['month 00', '640302', '20170015'],
    ['day 00', '640302', '20170300'],
    ['day 32', '640302', '20170132'],
    ['a date in the future', '640302', '20991231'],
    ['a year before 1900', '640302', '18991231'],
    ['unknown region 99', '990302', '20170315'],
    ['unknown region 10', '100302', '20170315'],
    ['unknown region 66', '660302', '20170315'],
  ])('refuses %s, and the number is not flagged as an ID', (_why, region, date) => {
    const value = id(region, date);
    expect(isValidChineseIdCard(value)).toBe(false);
    expect(findings(`编号${value}。`)).toEqual([]);
  });

  it('accepts a person born today, not one born tomorrow', () => {
    const ymd = (d: Date) => d.toISOString().slice(0, 10).replace(/-/g, '');
    const today = new Date();
    const tomorrow = new Date(Date.now() + 36 * 3600_000);
    expect(isValidChineseIdCard(id('640302', ymd(new Date(today.getTime() - 12 * 3600_000))))).toBe(true);
    expect(isValidChineseIdCard(id('640302', ymd(tomorrow)))).toBe(false);
  });

  it('flags a plausible ID with a wrong check digit, but does not call it valid', () => {
    expect(isValidChineseIdCard('640302201703150019')).toBe(false);
    expect(findings('身份证640302201703150019')).toEqual([['id_card', '640302201703150019']]);
  });

  it('reads an ID split by spaces or dashes, but not one inside a longer number or word', () => {
    expect(findings('证件 640302-20170315-0013 已登记')).toEqual([['id_card', '640302-20170315-0013']]);
    expect(findings('证件 640302 20170315 0013')).toEqual([['id_card', '640302 20170315 0013']]);
    expect(findings('证件64030220170315001x')).toEqual([['id_card', '64030220170315001x']]);
    expect(findings('订单1640302201703150013')).toEqual([]);
    expect(findings('订单640302201703150013A')).toEqual([]);
    expect(findings('订单A640302201703150013')).toEqual([]);
  });

  it('reads a 15-digit ID only with a known region and a real 1900s date', () => {
    expect(findings('老身份证640302850315123')).toEqual([['id_card', '640302850315123']]);
    // A parcel number of 15 digits: unknown region, or no real date.
    expect(findings('快递单号990302850315123')).toEqual([]);
    expect(findings('快递单号640302851315123')).toEqual([]);
    expect(findings('快递单号640302850230123')).toEqual([]);
    expect(findings('快递单号6403028503151234')).toEqual([]);
  });
});

describe('phones: every optional part', () => {
  it.each([
    ['13812345678', '13812345678'],
    ['+8613812345678', '+8613812345678'],
    ['008613812345678', '008613812345678'],
    ['8613812345678', '8613812345678'],
    ['+86 13812345678', '+86 13812345678'],
    ['86-13812345678', '86-13812345678'],
    ['138 1234 5678', '138 1234 5678'],
    ['138-1234-5678', '138-1234-5678'],
    ['1381234 5678', '1381234 5678'],
    ['138—1234—5678', '138—1234—5678'],
    ['19912345678', '19912345678'],
  ])('mobile %s', (text, match) => {
    expect(findings(`请联系${text}。`)).toEqual([['phone', match]]);
  });

  it.each(['12812345678', '10012345678', '1381234567', '138123456789', '2138123456789'])('not a mobile: %s', (text) => {
    expect(findings(`订单${text}件`)).toEqual([]);
  });

  it.each([
    ['0951-1234567', '0951-1234567'],
    ['0951 1234567', '0951 1234567'],
    ['09511234567', '09511234567'],
    ['010-12345678', '010-12345678'],
    ['(0953)1234567', '(0953)1234567'],
    ['(0953) 1234567', '(0953) 1234567'],
    ['(0953)-1234567', '(0953)-1234567'],
  ])('landline %s', (text, match) => {
    expect(findings(`站点${text}。`)).toEqual([['phone', match]]);
  });

  it.each(['0951-0234567', '0951-123456', '0951-123456789'])('not a landline: %s', (text) => {
    expect(findings(`货号${text}。`)).toEqual([]);
  });

  it.each([
    ['电话2345678', '2345678'],
    ['电话:2345678', '2345678'],
    ['电话：2345678', '2345678'],
    ['电话是 2345678', '2345678'],
    ['电话为2345678', '2345678'],
    ['电话号码2345678', '2345678'],
    ['电话号 2345678', '2345678'],
    ['手机2345678', '2345678'],
    ['座机 234-5678', '234-5678'],
    ['联系方式:23 45 678', '23 45 678'],
    ['Tel 2345678', '2345678'],
    ['phone: 2345678', '2345678'],
  ])('labelled local number %s', (text, match) => {
    expect(findings(`${text}。`)).toEqual([['phone', match]]);
  });

  it('needs seven digits after a label, and no digit right after', () => {
    expect(findings('电话:234567')).toEqual([]);
    expect(findings('电话 23-45-67')).toEqual([]);
    expect(findings('打234567次')).toEqual([]);
    expect(findings('联系满7个人')).toEqual([]);
  });

  it('looks a few characters past 打 or 联系 for the number, not across a sentence', () => {
    expect(findings('打给村委会2345678')).toEqual([['phone', '2345678']]);
    expect(findings('联系,以后再说。2345678')).toEqual([]);
    expect(findings('联系我们的志愿者团队的2345678')).toEqual([]);
  });
});

describe('addresses: every optional part', () => {
  it.each([
    ['家住解放大街3号', '解放大街3号'],
    ['住在朔方大道18号', '朔方大道18号'],
    ['在羊肉胡同5号院', '羊肉胡同5号院'],
    ['住杏花巷7弄', '杏花巷7弄'],
    ['住在胜利路十八号', '胜利路十八号'],
    ['家在阳光小区3号楼', '阳光小区3号楼'],
    ['在幸福花园5号院', '幸福花园5号院'],
    ['在温馨家园12号', '温馨家园12号'],
    ['在金星公寓2幢', '金星公寓2幢'],
    ['在友谊社区4单元', '友谊社区4单元'],
    ['在东塔新村6栋', '东塔新村6栋'],
    ['在锦绣苑三号楼', '锦绣苑三号楼'],
  ])('road or estate: %s', (text, match) => {
    expect(findings(text)).toEqual([['address', match]]);
  });

  it.each([
    ['奶奶家在3号楼', '3号楼'],
    ['在6栋', '6栋'],
    ['在7幢', '7幢'],
    ['3号楼2单元501室', '3号楼2单元501室'],
    ['3号楼-2单元-501', '3号楼-2单元-501'],
    ['6栋501', '6栋501'],
    ['6栋2单元', '6栋2单元'],
    ['25号3单元', '3单元'],
    ['2单元301', '2单元301'],
    ['2单元-301', '2单元-301'],
    ['2单元5室', '2单元5室'],
    ['2单元5号', '2单元5号'],
    ['住501室', '501室'],
    ['住1203室', '1203室'],
  ])('building, unit and room: %s', (text, match) => {
    expect(findings(text)).toEqual([['address', match]]);
  });

  it.each(['一栋房子', '第三单元', '在50室', '2单元的课文', '休息室'])('not an address: %s', (text) => {
    expect(findings(text)).toEqual([]);
  });

  it.each([
    ['住在杨马湖村三组', '杨马湖村三组'],
    ['团结村2队', '团结村2队'],
    ['红旗村5社', '红旗村5社'],
    ['马家村18号', '马家村18号'],
    ['家在5组12号', '5组12号'],
    ['家在五组12号', '五组12号'],
  ])('village group or house number: %s', (text, match) => {
    expect(findings(text)).toEqual([['address', match]]);
  });

  it.each([
    ['门牌号是28', '门牌号是28'],
    ['门牌号28', '门牌号28'],
    ['门牌28号', '门牌28号'],
    ['门牌号码:28', '门牌号码:28'],
    ['门牌号 28号', '门牌号 28号'],
    ['门牌为28', '门牌为28'],
  ])('house plate: %s', (text, match) => {
    expect(findings(`${text},旁边有棵树`)).toEqual([['address', match]]);
  });
});

describe('named places: a name before the suffix, not a generic word', () => {
  // Each phrase passes only because its last word before the suffix is generic.
  const VILLAGE = [
    '偏远农村', '美丽乡村', '美丽山村', '美丽渔村', '美丽小村', '美丽大村', '美丽新村', '美丽老村', '美丽本村', '美丽全村', '美丽整村',
    '美丽邻村', '美丽同村', '美丽外村', '美丽原村', '美丽穷村', '美丽进村', '美丽出村', '美丽回村', '偏远村', '边远村', '贫困村',
    '贫穷村', '落后村', '山区村', '自然村', '行政村', '隔壁村', '附近村', '走进村', '边远山区村',
  ];
  const SCHOOL = [
    '县城中心学校', '县城完全学校', '县城初级学校', '县城高级学校', '县城寄宿学校', '县城附属学校', '县城希望学校', '县城民族学校', '县城回民学校',
    '乡村学校', '农村学校', '县城山区学校', '山村学校', '县城偏远学校', '县城边远学校', '县城贫困学校', '城里学校', '县城学校',
    '城区学校', '市区学校', '镇里学校', '村里学校', '县里学校', '乡里学校', '家里学校', '乡镇学校', '乡下学校', '当地学校', '本地学校',
    '外地学校', '附近学校', '旁边学校', '隔壁学校', '周边学校', '周围学校', '普通学校', '重点学校', '公办学校', '民办学校', '公立学校',
    '私立学校', '特殊教育学校', '特教学校', '喜欢学校', '热爱学校', '走进学校', '进入学校', '转入学校', '考进学校', '以前学校', '目前学校',
    '不同学校', '县城新学校', '县城老学校', '县城旧学校', '县城好学校', '县城同学校', '县城全学校', '县城别学校', '县城进学校', '县城转学校',
    '县城爱学校', '县城回学校', '县城寄宿制学校',
  ];

  it.each(VILLAGE)('%s is not a village name', (text) => {
    expect(findings(`他住在${text}。`)).toEqual([]);
  });

  it.each(SCHOOL)('%s is not a school name', (text) => {
    expect(findings(`我${text}。`)).toEqual([]);
  });

  it('still finds a name in front of the generic words', () => {
    expect(findings('住在红柳湾自然村')).toEqual([['address', '红柳湾自然村']]);
    expect(findings('我在红星希望小学')).toEqual([['school', '红星希望小学']]);
    expect(findings('我在马莲回民中学')).toEqual([['school', '马莲回民中学']]);
  });

  it('needs two characters of name for a village or a school', () => {
    expect(findings('我红村')).toEqual([]);
    expect(findings('我红星村')).toEqual([['address', '红星村']]);
    expect(findings('我红小学')).toEqual([]);
    expect(findings('我红星小学')).toEqual([['school', '红星小学']]);
  });

  it('takes at most twelve characters of name', () => {
    expect(findings('一二三四五六七八九十甲乙丙丁小学')).toEqual([['school', '三四五六七八九十甲乙丙丁小学']]);
  });

  it.each([
    ['吴忠一中', '吴忠一中'],
    ['同心县附小', '同心县附小'],
    ['红星完小', '红星完小'],
    ['马莲中心校', '马莲中心校'],
    ['同心职中', '同心职中'],
    ['金积初中', '金积初中'],
    ['吴忠高中', '吴忠高中'],
  ])('school suffix: %s', (text, match) => {
    expect(findings(`我在${text}。`)).toEqual([['school', match]]);
  });

  it.each(['红星小学生', '红星中学习', '吴忠一中午', '利通高中生', '三中全会'])('not a school: %s', (text) => {
    expect(findings(`我${text}`)).toEqual([]);
  });
});

describe('names', () => {
  it.each([
    ['小磊想要书包', '小磊'],
    ['阿磊想要书包', '阿磊'],
    ['他叫磊', '叫磊'],
    ['名磊', '名磊'],
    ['磊磊想要书包', '磊磊'],
    ['磊同学想要书包', '磊同学'],
    ['磊小朋友想要书包', '磊小朋友'],
    ['磊宝宝想要书包', '磊宝宝'],
    ['磊这孩子很懂事', '磊这孩子'],
  ])('a one-character given name in context: %s', (text, match) => {
    expect(findings(text, { realName: '李磊' })).toEqual([['given_name', match]]);
  });

  it('finds a Latin-script real name only as a whole word', () => {
    expect(findings('Li Lei wants a ball', { realName: 'Li Lei' })).toEqual([['real_name', 'Li Lei']]);
    expect(findings('Lilei wants a ball', { realName: 'Li Lei' })).toEqual([['real_name', 'Lilei']]);
    expect(findings('Chilileia', { realName: 'Li Lei' })).toEqual([]);
  });

  it('hides no name behind zero-width or ideographic spaces', () => {
    for (const space of ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u3000']) {
      expect(findings(`马${space}思远的心愿`)).toEqual([['real_name', `马${space}思远`]]);
    }
  });

  it('reads tone marks of every vowel, capital or not', () => {
    const child: ChildIdentity = { realName: '欧阳明月', realNameVariants: ['ou yang ming yue'], givenNameVariants: ['ming yue'] };
    expect(findings('ŌUYÁNG MÍNGYUÈ', child)).toEqual([['real_name', 'ŌUYÁNG MÍNGYUÈ']]);
    expect(findings('Ōuyáng Míngyuè', child)).toEqual([['real_name', 'Ōuyáng Míngyuè']]);
    expect(findings('Mǐngyuě', child)).toEqual([['given_name', 'Mǐngyuě']]);
    expect(findings('Mìngyuē', child)).toEqual([['given_name', 'Mìngyuē']]);
    const lv: ChildIdentity = { realName: '吕乐', realNameVariants: ['lü le'] };
    for (const text of ['Lǚ Lè', 'Lǖ Lē', 'Lǘ Lé', 'Lǜ Lé', 'LÜ LE', 'LǙ LĚ']) expect(findings(text, lv)).toEqual([['real_name', text]]);
  });

  it('reports a given-name variant that is the full name once, as the real name', () => {
    expect(findings('王小禾', { realName: '王小禾', givenNameVariants: ['王小禾', ''] })).toEqual([['real_name', '王小禾']]);
  });

  it('ignores empty variants', () => {
    expect(findings('想要一本书', { realName: '马思远', realNameVariants: ['', ' '], givenNameVariants: [''] })).toEqual([]);
  });
});

describe('deriveGivenName', () => {
  it.each([
    ['阿依古丽•买买提', '阿依古丽'],
    ['阿依古丽・买买提', '阿依古丽'],
    ['阿依古丽‧买买提', '阿依古丽'],
    ['阿依古丽.买买提', '阿依古丽'],
    ['·买买提', undefined],
    ['王', undefined],
    ['欧阳', '阳'],
    ['王 小 禾', '小禾'],
  ])('%s → %s', (realName, given) => {
    expect(deriveGivenName({ realName })).toBe(given);
  });

  it('treats an empty override as no given name', () => {
    expect(deriveGivenName({ realName: '王小禾', givenName: ' ' })).toBeUndefined();
  });
});

describe('named places: where the name begins', () => {
  it.each([
    '4月3日学校开学,想要一个新书包。',
    '四月三日学校开运动会。',
    '12号学校放假了。',
    '5月村里修了路。',
    '有事请联系村委会。',
    '有事联系村委会。',
    '请联系学校的老师。',
    '小宇很喜欢学校的图书角。',
    '小宇特别热爱学校。',
    '妈妈带小宇走进学校。',
    '姐姐明年进入学校读书。',
    '哥哥转入学校不久。',
    '他上镇中心小学。',
    '明年考上县城高中。',
  ])('%s is no place name', (text) => {
    expect(findings(text)).toEqual([]);
  });

  it.each([
    ['在上桥镇中心小学读书', 'school', '上桥镇中心小学'],
    ['上桥镇中心小学', 'school', '上桥镇中心小学'],
    ['住在上庄村', 'address', '上庄村'],
    ['他上金积镇中心小学', 'school', '金积镇中心小学'],
    ['红日小学', 'school', '红日小学'],
    ['五月花小学', 'school', '五月花小学'],
    ['4月3日红星小学开学', 'school', '红星小学'],
    ['联系红星村委会', 'address', '红星村'],
    ['他喜欢红星小学', 'school', '红星小学'],
    ['红星小学联系了我们', 'school', '红星小学'],
  ])('%s: the name is %s', (text, kind, match) => {
    expect(findings(text)).toEqual([[kind, match]]);
  });
});

describe('birth date in English, every month', () => {
  const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  const born = (month: number): ChildIdentity => ({ realName: '马思远', birthDate: `2015-${String(month).padStart(2, '0')}-03` });

  it.each(MONTHS.map((name, i) => [name, i + 1] as const))('%s, written out and abbreviated', (name, month) => {
    const child = born(month);
    expect(findings(`born on ${name} 3, 2015.`, child)).toEqual([['birth_date', `${name} 3, 2015`]]);
    expect(findings(`born on 3rd ${name.slice(0, 3)}. 2015!`, child)).toEqual([['birth_date', `3rd ${name.slice(0, 3)}. 2015`]]);
    // The month before is another date.
    const other = MONTHS[(month + 10) % 12];
    expect(findings(`born on ${other} 3, 2015.`, child)).toEqual([]);
  });

  it.each([
    ['April 03 2015', 'April 03 2015'],
    ['april 3rd, 2015', 'april 3rd, 2015'],
    ['3 April 2015', '3 April 2015'],
    ['3rd of April, 2015', '3rd of April, 2015'],
    ['Apr 3 2015', 'Apr 3 2015'],
    ['Apr.3,2015', 'Apr.3,2015'],
  ])('optional parts: %s', (text, match) => {
    expect(findings(`born ${text}.`, born(4))).toEqual([['birth_date', match]]);
  });

  it.each(['April 3, 2016', 'April 13, 2015', 'April 3, 20150', 'XApril 3, 2015', 'April 3rd, 2016'])('not the birth date: %s', (text) => {
    expect(findings(`${text}.`, born(4))).toEqual([]);
  });
});

describe('tone marks, every one', () => {
  const VOWELS: [marked: string, plain: string][] = [
    ['āáǎà', 'a'], ['ĀÁǍÀ', 'A'], ['ēéěè', 'e'], ['ĒÉĚÈ', 'E'], ['īíǐì', 'i'], ['ĪÍǏÌ', 'I'],
    ['ōóǒò', 'o'], ['ŌÓǑÒ', 'O'], ['ūúǔùǖǘǚǜü', 'u'], ['ŪÚǓÙǕǗǙǛÜ', 'U'],
  ];
  const cases = VOWELS.flatMap(([marked, plain]) => [...marked].map((c) => [c, plain] as const));

  it.each(cases)('%s reads as %s', (marked, plain) => {
    const child: ChildIdentity = { realName: '马思远', realNameVariants: [`zh${plain}ng`] };
    expect(findings(`zh${marked}ng wants a ball`, child)).toEqual([['real_name', `zh${marked}ng`]]);
    // The variant may carry the mark too.
    expect(findings(`zh${plain}ng wants a ball`, { realName: '马思远', realNameVariants: [`zh${marked}ng`] })).toEqual([['real_name', `zh${plain}ng`]]);
  });
});

describe('detector details', () => {
  it('finds nothing for a child without a name', () => {
    expect(findings('王小禾想要一本书', { realName: ' ' })).toEqual([]);
  });

  it('reads the characters of a name literally', () => {
    const child: ChildIdentity = { realName: '阿依古丽.买买提' };
    expect(findings('阿依古丽.买买提的心愿', child)).toEqual([['real_name', '阿依古丽.买买提']]);
    expect(findings('阿依古丽买买提的心愿', child)).toEqual([['given_name', '阿依古丽']]);
  });

  it('finds a Han name next to Latin letters', () => {
    expect(findings('Dear王小禾', { realName: '王小禾' })).toEqual([['real_name', '王小禾']]);
    expect(findings('王-小-禾', { realName: '王小禾' })).toEqual([]);
  });

  it('derives no given name from a name mixing scripts', () => {
    expect(deriveGivenName({ realName: '王Lei' })).toBeUndefined();
    expect(deriveGivenName({ realName: 'Lei王' })).toBeUndefined();
  });

  it('reads the birth date only when it is exactly YYYY-MM-DD', () => {
    for (const birthDate of ['12015-04-03', '2015-04-031', 'x2015-04-03', '2015-04-03x']) {
      expect(findings('生日是2015-04-03', { realName: '马思远', birthDate })).toEqual([]);
    }
  });

  it('reads a two-digit year in Chinese numerals', () => {
    expect(findings('一五年四月三日出生', { realName: '马思远', birthDate: '2015-04-03' })).toEqual([['birth_date', '一五年四月三日']]);
  });

  it('does not read a month and day out of a longer number', () => {
    const child: ChildIdentity = { realName: '马思远', birthDate: '2015-04-03' };
    expect(findings('生日不是14月3日', child)).toEqual([]);
    expect(findings('22015年4月3日', child)).toEqual([]);
  });

  it('quotes what follows a masked ID number at its own place', () => {
    const value = id('640302', '20170315');
    expect(findings(`身份证${value},电话13812345678`)).toEqual([
      ['id_card', value],
      ['phone', '13812345678'],
    ]);
  });

  it('quotes the whole mobile with a spaced country code', () => {
    expect(findings('妈妈86 1 3 8 1 2 3 4 5 6 7 8')).toEqual([['phone', '86 1 3 8 1 2 3 4 5 6 7 8']]);
    expect(findings('电话+8 6 1 3 8 1 2 3 4 5 6 7 8')).toEqual([['phone', '+8 6 1 3 8 1 2 3 4 5 6 7 8']]);
    expect(findings('电话+86  1 3 8 1 2 3 4 5 6 7 8')).toEqual([['phone', '+86  1 3 8 1 2 3 4 5 6 7 8']]);
  });

  it('quotes every digit of a labelled local number', () => {
    expect(findings('电话23456789')).toEqual([['phone', '23456789']]);
  });

  it('quotes every digit of a unit and room', () => {
    expect(findings('家在12单元301')).toEqual([['address', '12单元301']]);
    expect(findings('家在2单元15室')).toEqual([['address', '2单元15室']]);
    expect(findings('家在25号13单元')).toEqual([['address', '13单元']]);
  });

  it('joins a group, house number and room in any order of detection', () => {
    expect(findings('家在5组12号501室')).toEqual([['address', '5组12号501室']]);
    expect(findings('家在3号楼,胜利路18号')).toEqual([
      ['address', '3号楼'],
      ['address', '胜利路18号'],
    ]);
  });

  it('reads the house plate label only right before the number', () => {
    expect(findings('门牌旁边种了3棵树')).toEqual([]);
  });

  it('strips a generic word only from the end of a name', () => {
    expect(findings('我在老城小学')).toEqual([['school', '老城小学']]);
    expect(findings('我县城寄宿制小学')).toEqual([]);
  });
});
