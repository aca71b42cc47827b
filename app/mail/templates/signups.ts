import { formatDateTime, formatTimeRange } from '../../i18n/index';
import type { MailParams, MailTemplate } from './types';

// Activity sign-up mail. Params carry the activity's title, the slot's time, site and place, and a
// link to the activity page: an activity slot names no child.

const when = (p: MailParams, locale: 'zh-CN' | 'en') =>
  typeof p.startsAt === 'number' && typeof p.endsAt === 'number' ? formatTimeRange(p.startsAt, p.endsAt, locale) : '';
const deadline = (p: MailParams, locale: 'zh-CN' | 'en') => (typeof p.expiresAt === 'number' ? formatDateTime(p.expiresAt, locale) : '');
const zhSlot = (p: MailParams) => `「${p.title}」\n时间:${when(p, 'zh-CN')}(北京时间)\n地点:${p.site}${p.place ? ` ${p.place}` : ''}`;
const enSlot = (p: MailParams) => `"${p.title}"\nWhen: ${when(p, 'en')} (China Standard Time)\nWhere: ${p.site}${p.place ? `, ${p.place}` : ''}`;

export const signupTemplates: Record<string, MailTemplate> = {
  'signup.confirmed': {
    'zh-CN': (p) => ({
      subject: `报名成功:「${p.title}」`,
      bodyText: `您好,${p.name}:\n\n您已报名成功,名额为您保留:\n${zhSlot(p)}\n\n如不能参加,请在截止时间前在活动页面取消,让等候的人补上。\n\n查看活动:${p.url}`,
    }),
    en: (p) => ({
      subject: `You are signed up: "${p.title}"`,
      bodyText: `Hello ${p.name},\n\nYou are signed up and your place is held:\n${enSlot(p)}\n\nIf you cannot come, please cancel on the activity page before the cut-off so that someone waiting can take your place.\n\nSee the activity: ${p.url}`,
    }),
  },
  'signup.waitlisted': {
    'zh-CN': (p) => ({
      subject: `已加入候补:「${p.title}」`,
      bodyText: `您好,${p.name}:\n\n这一场名额已满,您在候补名单第 ${p.position} 位:\n${zhSlot(p)}\n\n有名额空出时,我们会先邮件询问排在最前的人,请留意邮件并在期限内确认。\n\n查看活动:${p.url}`,
    }),
    en: (p) => ({
      subject: `You are on the waiting list: "${p.title}"`,
      bodyText: `Hello ${p.name},\n\nThis slot is full; you are number ${p.position} on the waiting list:\n${enSlot(p)}\n\nWhen a place frees, the first person waiting is offered it by mail and has a deadline to accept.\n\nSee the activity: ${p.url}`,
    }),
  },
  'signup.offered': {
    'zh-CN': (p) => ({
      subject: `有名额了:「${p.title}」,请在 ${deadline(p, 'zh-CN')} 前确认`,
      bodyText: `您好,${p.name}:\n\n候补名额空出,现为您保留:\n${zhSlot(p)}\n\n请在 ${deadline(p, 'zh-CN')}(北京时间)前到活动页面接受或放弃;逾期未确认,名额将给下一位候补。\n\n接受或放弃:${p.url}`,
    }),
    en: (p) => ({
      subject: `A place is yours if you want it: "${p.title}" (answer by ${deadline(p, 'en')})`,
      bodyText: `Hello ${p.name},\n\nA place has freed and is held for you:\n${enSlot(p)}\n\nPlease accept or decline on the activity page by ${deadline(p, 'en')} (China Standard Time); after that the place goes to the next person waiting.\n\nAccept or decline: ${p.url}`,
    }),
  },
  'signup.offer_expired': {
    'zh-CN': (p) => ({
      subject: `候补名额已过期:「${p.title}」`,
      bodyText: `您好,${p.name}:\n\n为您保留的名额在期限内没有确认,已给下一位候补:\n${zhSlot(p)}\n\n欢迎报名其他场次:${p.url}`,
    }),
    en: (p) => ({
      subject: `The place held for you has lapsed: "${p.title}"`,
      bodyText: `Hello ${p.name},\n\nThe place held for you was not accepted in time and has gone to the next person waiting:\n${enSlot(p)}\n\nOther slots may still have places: ${p.url}`,
    }),
  },
  'signup.cancelled_by_staff': {
    'zh-CN': (p) => ({
      subject: `您的报名已被工作人员取消:「${p.title}」`,
      bodyText: `您好,${p.name}:\n\n机构工作人员取消了您对以下场次的报名:\n${zhSlot(p)}\n原因:${p.reason}\n\n如有疑问,请联系活动的举办方。查看活动:${p.url}`,
    }),
    en: (p) => ({
      subject: `Staff cancelled your sign-up: "${p.title}"`,
      bodyText: `Hello ${p.name},\n\nThe institution's staff cancelled your sign-up for:\n${enSlot(p)}\nReason: ${p.reason}\n\nIf you have questions, please contact the organizer. See the activity: ${p.url}`,
    }),
  },
  'signup.reminder': {
    'zh-CN': (p) => ({
      subject: `提醒:「${p.title}」将在 24 小时内开始`,
      bodyText: `您好,${p.name}:\n\n您报名的活动即将开始:\n${zhSlot(p)}\n\n如临时不能参加,请尽快联系机构工作人员。\n\n查看活动:${p.url}`,
    }),
    en: (p) => ({
      subject: `Reminder: "${p.title}" starts within 24 hours`,
      bodyText: `Hello ${p.name},\n\nThe activity you signed up for starts soon:\n${enSlot(p)}\n\nIf you cannot come after all, please tell the institution's staff as soon as you can.\n\nSee the activity: ${p.url}`,
    }),
  },
};
