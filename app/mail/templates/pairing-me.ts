import { formatDateTime, translator } from '../../i18n/index';
import type { MailParams, MailTemplate } from './types';

// Mail about a volunteer's steps on their pairing. Params carry the child's alias and the site only
// (never the real name, birth date, category or guardian). A concern's text is mailed only to staff.

const kindZh = (p: MailParams) => translator('zh-CN')(`concern.kind.${p.kind}`);
const kindEn = (p: MailParams) => translator('en')(`concern.kind.${p.kind}`);
const at = (p: MailParams, locale: 'zh-CN' | 'en') => (typeof p.raisedAt === 'number' ? formatDateTime(p.raisedAt, locale) : '');

export const pairingMeTemplates: Record<string, MailTemplate> = {
  'pairing.accepted': {
    'zh-CN': (p) => ({
      subject: `结对已开始:您与${p.alias}`,
      bodyText: `您好,${p.name}:\n\n您已接受与${p.alias}(${p.site})的结对,结对从今天开始。每次走访、电话、书信或陪伴后,请在结对页面登记;工作人员确认后计入服务时长。\n\n孩子如面临紧急危险,请立即拨打 110。本平台不是紧急求助渠道。\n\n结对页面:${p.url}`,
    }),
    en: (p) => ({
      subject: `Your pairing with ${p.alias} has started`,
      bodyText: `Hello ${p.name},\n\nYou accepted the pairing with ${p.alias} (${p.site}); it starts today. After each visit, call, letter or outing, please log it on the pairing page; once staff confirm it, it counts as service time.\n\nIf the child is ever in immediate danger, call 110 at once. This platform is not an emergency service.\n\nThe pairing page: ${p.url}`,
    }),
  },
  'pairing.accepted_staff': {
    'zh-CN': (p) => ({
      subject: `${p.volunteer} 已接受与${p.alias}的结对`,
      bodyText: `您好,${p.name}:\n\n志愿者 ${p.volunteer} 已接受您提出的与${p.alias}(${p.site})的结对,结对现已开始。\n\n查看结对:${p.url}`,
    }),
    en: (p) => ({
      subject: `${p.volunteer} accepted the pairing with ${p.alias}`,
      bodyText: `Hello ${p.name},\n\nThe volunteer ${p.volunteer} accepted the pairing with ${p.alias} (${p.site}) that you proposed; it is now active.\n\nSee the pairing: ${p.url}`,
    }),
  },
  'pairing.declined': {
    'zh-CN': (p) => ({
      subject: `${p.volunteer} 婉拒了与${p.alias}的结对`,
      bodyText: `您好,${p.name}:\n\n志愿者 ${p.volunteer} 婉拒了您提出的与${p.alias}(${p.site})的结对。${p.reason ? `\n原因:${p.reason}` : ''}\n\n这名孩子现在可以与其他志愿者结对。查看结对:${p.url}`,
    }),
    en: (p) => ({
      subject: `${p.volunteer} declined the pairing with ${p.alias}`,
      bodyText: `Hello ${p.name},\n\nThe volunteer ${p.volunteer} declined the pairing with ${p.alias} (${p.site}) that you proposed.${p.reason ? `\nReason: ${p.reason}` : ''}\n\nThe child can now be paired with someone else. See the pairing: ${p.url}`,
    }),
  },
  'pairing.end_requested': {
    'zh-CN': (p) => ({
      subject: `${p.volunteer} 申请结束与${p.alias}的结对`,
      bodyText: `您好,${p.name}:\n\n志愿者 ${p.volunteer} 申请结束与${p.alias}(${p.site})的结对。\n原因:${p.reason}\n\n请与志愿者联系,并在结对页面决定是否结束:${p.url}`,
    }),
    en: (p) => ({
      subject: `${p.volunteer} asks to end the pairing with ${p.alias}`,
      bodyText: `Hello ${p.name},\n\nThe volunteer ${p.volunteer} asks to end the pairing with ${p.alias} (${p.site}).\nReason: ${p.reason}\n\nPlease contact the volunteer and decide on the pairing page: ${p.url}`,
    }),
  },
  'concern.raised': {
    'zh-CN': (p) => ({
      subject: `【紧急】儿童安全关切:${p.alias}(${kindZh(p)})`,
      bodyText: `您好,${p.name}:\n\n结对志愿者 ${p.volunteer} 于 ${at(p, 'zh-CN')}(北京时间)报告了对${p.alias}(${p.site})的关切,请立即处理。\n\n类别:${kindZh(p)}\n志愿者的描述:\n${p.text}\n\n请尽快接报、核实并记录处理情况;如孩子面临紧急危险,请立即报警(110)。\n\n处理关切:${p.url}`,
    }),
    en: (p) => ({
      subject: `URGENT: child-safety concern about ${p.alias} (${kindEn(p)})`,
      bodyText: `Hello ${p.name},\n\nThe paired volunteer ${p.volunteer} reported a concern about ${p.alias} (${p.site}) on ${at(p, 'en')} (China Standard Time). Please act on it now.\n\nKind: ${kindEn(p)}\nWhat the volunteer wrote:\n${p.text}\n\nPlease acknowledge it, check on the child and record what you did; if the child is in immediate danger, call the police (110).\n\nAnswer the concern: ${p.url}`,
    }),
  },
};
