// Vocabulary of the demo data set (db/seed/demo.ts). Everything here is fictional.
//
// Children's given names and their public aliases come from two disjoint
// vocabularies, so an alias never carries any part of a real name.

/** Common surnames in Wuzhong (Hui and Han), all one character. */
export const SURNAMES = [
  '马', '王', '李', '张', '杨', '刘', '丁', '田', '海', '金', '白', '周', '赵', '陈',
  '吴', '何', '罗', '苏', '哈', '纳', '虎', '锁', '冯', '郭', '穆', '沙', '韩', '余',
] as const;

export const GIVEN_NAMES_FEMALE = [
  '欣怡', '梓涵', '雨桐', '思琪', '佳怡', '诗涵', '若曦', '一诺', '梦瑶', '晓彤', '婉婷', '语嫣',
  '可馨', '静怡', '紫萱', '艺涵', '雅琪', '悦彤', '佳琪', '欣悦', '思雨', '小燕', '小梅', '燕',
  '婷', '娟', '霞', '芳',
] as const;

export const GIVEN_NAMES_MALE = [
  '浩然', '子轩', '宇航', '俊杰', '明轩', '博文', '天佑', '志刚', '家豪', '嘉乐', '文博', '睿哲',
  '铭泽', '一鸣', '晨阳', '俊熙', '宇轩', '浩宇', '子墨', '梓睿', '皓轩', '奕辰', '泽宇', '小军',
  '小龙', '军', '伟', '鹏', '斌',
] as const;

/** Public aliases. None shares a character with the given names above. */
export const ALIASES = [
  '小禾', '小树', '小星', '小鹿', '小麦', '小溪', '小舟', '小葵', '小橙', '小桃', '小柚', '小松',
  '小竹', '小云', '小帆', '小贝', '小豆', '小米', '小苗', '小杏', '小荷', '小桔', '小栗', '小枫',
  '小川', '小羽', '小果', '小蕾', '小棠', '小满', '小暖', '小石', '小岩', '小船', '小象', '小鲸',
] as const;

export const GUARDIANS: Record<string, readonly string[]> = {
  orphan: ['儿童福利院(集中供养)', '叔叔(事实监护)', '姑姑(事实监护)'],
  de_facto_unsupported: ['祖母', '祖父', '外祖母', '伯父'],
  left_behind: ['祖母', '祖父', '外祖母', '外祖父'],
  in_difficulty: ['母亲', '父亲', '祖母'],
  migrant: ['母亲', '父亲'],
};

export const CHILD_NOTES: Record<string, readonly string[]> = {
  orphan: ['父母双亡,享受孤儿基本生活费。', '院内集中养育,性格内向,喜欢安静的活动。'],
  de_facto_unsupported: ['父亲服刑,母亲失联,由祖辈照料。', '父母重残,无力抚养,纳入事实无人抚养儿童保障。'],
  left_behind: ['父母在外务工,一年回家一次。', '父亲在外打工,母亲外出务工,祖辈年迈。'],
  in_difficulty: ['家庭低保,母亲患慢性病。', '单亲家庭,父亲务农收入不稳定。'],
  migrant: ['随父母从外县迁入,居住证已办理。', '随父母务工迁入,需关注适应情况。'],
};

/** Adult given names for fictional volunteers, contacts and staff. */
export const ADULT_GIVEN = [
  '建国', '秀兰', '玉梅', '晓东', '红霞', '海燕', '永红', '学军', '文华', '桂芳', '丽娟', '国庆',
  '春梅', '建华', '淑珍', '志远', '海涛', '慧敏', '立新', '晓丽', '振华', '雪梅', '德明', '秀英',
  '云飞', '燕玲', '少华', '金花', '卫东', '翠兰', '明德', '亚楠',
] as const;

export const SOCIAL_ORGS = [
  '吴忠市爱心志愿者协会',
  '利通区阳光社会工作服务中心',
  '红寺堡区同心圆社会工作服务中心',
  '青铜峡市黄河情公益协会',
  '盐池县花马池公益协会',
  '同心县向日葵社会工作服务中心',
  '吴忠市春晖社会工作服务中心',
  '吴忠市护童成长公益协会',
  '利通区心桥心理咨询服务中心',
  '吴忠市法润童心法律服务志愿者协会',
  '红寺堡区晨曦社会工作服务中心',
  '青铜峡市暖阳公益协会',
  '盐池县启明社会工作服务中心',
  '同心县石榴籽公益协会',
  '吴忠市蒲公英公益协会',
  '利通区金积家庭教育服务中心',
  '吴忠市绿荫社会工作服务中心',
  '青铜峡市亲青社会工作服务中心',
  '吴忠市书香公益阅读协会',
  '盐池县星火志愿服务协会',
  '同心县清泉社会工作服务中心',
  '吴忠市红烛公益协会',
  '红寺堡区彩虹桥公益协会',
  '吴忠市安康应急救护志愿者协会',
  '利通区邻里守望社区服务中心',
  '吴忠市微光公益发展中心',
] as const;

export const COMPANIES = [
  '宁夏塞北乳业有限公司',
  '吴忠市星光影城有限公司',
  '吴忠市利民商贸有限公司',
  '青铜峡市黄河农业发展有限公司',
  '盐池县滩羊食品有限公司',
  '同心县清真食品有限公司',
  '吴忠市恒通建材有限公司',
  '宁夏吴忠安达物流有限公司',
  '吴忠市康宁药业连锁有限公司',
  '吴忠市博雅书城有限公司',
  '红寺堡区枸杞种植有限公司',
  '吴忠市暖心服饰有限公司',
] as const;

export const PENDING_ORGS = [
  { name: '吴忠市童心港湾社会工作服务中心', kind: 'social_org' as const },
  { name: '宁夏吴忠鑫源商贸有限公司', kind: 'company' as const },
];

export type WishCategory = 'stationery' | 'clothing' | 'books' | 'toys' | 'sports' | 'daily' | 'other';

export interface WishItem {
  category: WishCategory;
  /** What the child wishes for, as it reads after 希望有. */
  item: string;
  /** Estimated value range in yuan (the site cap is ¥300). */
  yuan: [number, number];
  /** Why; the story reads "<alias><reason>,希望有<item>。" (no exact age). */
  reasons: readonly string[];
}

const DRAWING = ['喜欢画画', '最喜欢给家里人画像', '画的向日葵贴在了活动室墙上'];
const WRITING = ['写字一笔一画很认真', '作业本总是收拾得整整齐齐', '原来的用了好几年已经破了'];
const COLD = ['冬天早上出门天很冷', '每天要走很远的路', '长高了不少,去年的已经小了'];
const READING = ['最爱听故事', '一有空就捧着书看', '想认识更多的字', '对星星和恐龙很好奇'];
const BUILDING = ['动手能力很好', '喜欢自己琢磨怎么拼东西', '周末常常一个人玩', '喜欢和弟弟妹妹一起玩'];
const BALL = ['课间最爱打球', '想和伙伴们一起锻炼身体', '是运动会上的小健将'];

export const WISH_ITEMS: readonly WishItem[] = [
  { category: 'stationery', item: '一盒24色水彩笔', yuan: [30, 60], reasons: DRAWING },
  { category: 'stationery', item: '一个结实的新书包', yuan: [80, 160], reasons: WRITING },
  { category: 'stationery', item: '一套彩色铅笔和素描本', yuan: [40, 80], reasons: DRAWING },
  { category: 'stationery', item: '一个带锁的日记本', yuan: [25, 50], reasons: ['最近迷上了写日记', '有很多心里话想写下来'] },
  { category: 'stationery', item: '一个文具盒和一支钢笔', yuan: [40, 90], reasons: WRITING },
  { category: 'clothing', item: '一件厚实的羽绒服', yuan: [180, 300], reasons: COLD },
  { category: 'clothing', item: '一双保暖的棉靴', yuan: [120, 220], reasons: COLD },
  { category: 'clothing', item: '一套新运动服', yuan: [120, 200], reasons: ['喜欢跑跑跳跳', '长高了不少,去年的已经小了'] },
  { category: 'clothing', item: '一条围巾和一副手套', yuan: [50, 90], reasons: ['冬天早上出门天很冷', '手上常常冻得通红'] },
  { category: 'clothing', item: '一双合脚的运动鞋', yuan: [120, 260], reasons: ['喜欢跑跑跳跳', '脚长得快,旧鞋已经顶脚了'] },
  { category: 'books', item: '一套《十万个为什么》', yuan: [80, 160], reasons: READING },
  { category: 'books', item: '一套彩绘版《西游记》', yuan: [60, 120], reasons: READING },
  { category: 'books', item: '一本英汉词典', yuan: [40, 80], reasons: ['开始学英语了', '想认识更多的单词'] },
  { category: 'books', item: '一套恐龙百科绘本', yuan: [60, 120], reasons: ['对恐龙特别着迷', '最爱听故事'] },
  { category: 'books', item: '一套科普漫画书', yuan: [60, 130], reasons: READING },
  { category: 'toys', item: '一盒拼插积木', yuan: [80, 200], reasons: BUILDING },
  { category: 'toys', item: '一只毛绒兔子', yuan: [50, 100], reasons: ['晚上想有个伙伴陪着睡觉', '最喜欢小兔子'] },
  { category: 'toys', item: '一套500片的拼图', yuan: [40, 80], reasons: BUILDING },
  { category: 'toys', item: '一辆遥控赛车', yuan: [100, 220], reasons: ['对汽车特别着迷', '喜欢和伙伴们比赛'] },
  { category: 'toys', item: '一套磁力片', yuan: [80, 160], reasons: BUILDING },
  { category: 'sports', item: '一个篮球', yuan: [80, 150], reasons: BALL },
  { category: 'sports', item: '一副羽毛球拍', yuan: [80, 160], reasons: ['想和伙伴们一起锻炼身体', '周末喜欢在院子里打羽毛球'] },
  { category: 'sports', item: '一根跳绳和一个毽子', yuan: [20, 40], reasons: ['喜欢在院子里蹦蹦跳跳', '想练好跳绳'] },
  { category: 'sports', item: '一个足球', yuan: [80, 150], reasons: BALL },
  { category: 'sports', item: '一辆儿童自行车', yuan: [220, 300], reasons: ['一直想学骑车', '看到伙伴们骑车很羡慕'] },
  { category: 'sports', item: '一副乒乓球拍', yuan: [60, 120], reasons: ['课间最爱打乒乓球', '想和伙伴们一起锻炼身体'] },
  { category: 'daily', item: '一个保温水杯', yuan: [40, 90], reasons: ['冬天想随时喝上热水', '原来的水杯摔坏了'] },
  { category: 'daily', item: '一盏护眼台灯', yuan: [80, 160], reasons: ['晚上写作业时灯光有些暗', '喜欢睡前看一会儿书'] },
  { category: 'daily', item: '一床厚棉被', yuan: [150, 280], reasons: ['冬天夜里有点冷', '家里的被子已经很旧了'] },
  { category: 'daily', item: '一个会响铃的闹钟', yuan: [30, 60], reasons: ['早上总担心起晚', '想学会自己按时起床'] },
  { category: 'daily', item: '一套洗漱用品和毛巾', yuan: [40, 80], reasons: ['懂事又爱干净', '想自己照顾好自己'] },
  { category: 'other', item: '一支口琴', yuan: [60, 120], reasons: ['喜欢音乐', '想学一样乐器'] },
  { category: 'other', item: '一把尤克里里', yuan: [150, 300], reasons: ['喜欢唱歌', '想学一样乐器'] },
  { category: 'other', item: '一副围棋', yuan: [60, 120], reasons: ['在活动里学会了下棋', '喜欢安静地思考'] },
  { category: 'other', item: '一副象棋', yuan: [40, 80], reasons: ['喜欢和伙伴们下象棋', '喜欢安静地思考'] },
];

export const WISH_CLOSINGS = ['', '谢谢您的关心!', '收到后会画一幅画表示感谢。', '希望能在新学期用上。', ''] as const;

export const THANKS = [
  '孩子收到礼物非常开心,让我们转达谢意!',
  '礼物已交到孩子手中,谢谢您的爱心!',
  '孩子说会好好珍惜,也想长大后去帮助别人。谢谢您!',
  '感谢您的用心挑选,孩子很喜欢。',
];

export const INSTITUTION_STREETS = [
  '朝阳西街', '明珠路', '裕民东街', '开元大道', '团结路', '文卫路', '新华街', '滨河大道', '同德路', '丰安街',
] as const;
