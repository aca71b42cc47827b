import { formatDate, formatMoney } from '../../i18n/index';
import type { MailParams, MailTemplate } from './types';

// Claim mail. Params carry only the wish's public face (title, alias, age band, county) and the
// institution's hand-over details: never a child's real name, birth date, category or guardian.

const zhWish = (p: MailParams) => `「${p.title}」(${p.alias},${p.ageBand} 岁,${p.county})`;
const enWish = (p: MailParams) => `"${p.title}" (${p.alias}, age ${p.ageBand}, ${p.county})`;
const zhDate = (p: MailParams) => (typeof p.dueAt === 'number' ? formatDate(p.dueAt, 'zh-CN') : '');
const enDate = (p: MailParams) => (typeof p.dueAt === 'number' ? formatDate(p.dueAt, 'en') : '');

export const wishTemplates: Record<string, MailTemplate> = {
  'claim.received': {
    'zh-CN': (p) => ({
      subject: `我们收到了您对微心愿「${p.title}」的认领`,
      bodyText: `您好,${p.name}:\n\n我们收到了您对微心愿${zhWish(p)}的认领。机构工作人员审核通过后会再通知您,并告诉您送达地址。\n\n查看心愿:${p.url}`,
    }),
    en: (p) => ({
      subject: `We got your claim for the wish "${p.title}"`,
      bodyText: `Hello ${p.name},\n\nWe received your claim for the wish ${enWish(p)}. Once the institution's staff approve it we will write again with where to bring the gift.\n\nSee the wish: ${p.url}`,
    }),
  },
  'claim.approved': {
    'zh-CN': (p) => ({
      subject: `认领已通过:微心愿「${p.title}」`,
      bodyText:
        `您好,${p.name}:\n\n您对微心愿${zhWish(p)}的认领已通过审核。请在 ${zhDate(p)} 前把礼物送到机构(不直接交给孩子):\n\n` +
        `送达地点:${p.address}\n${p.addressMissing ? '机构还没有填写具体地址,工作人员会通过邮件或电话与您约定送达地点。\n' : ''}${p.handoverNote ? `交接说明:${p.handoverNote}\n` : ''}\n送达后请在心愿页面点击"已送达",工作人员确认后心愿即告实现。\n\n查看心愿:${p.url}`,
    }),
    en: (p) => ({
      subject: `Your claim is approved: "${p.title}"`,
      bodyText:
        `Hello ${p.name},\n\nYour claim for the wish ${enWish(p)} is approved. Please bring the gift to the institution (never to the child directly) by ${enDate(p)}:\n\n` +
        `Address: ${p.address}\n${p.addressMissing ? 'The institution has not given a street address yet: its staff will contact you to arrange where to bring the gift.\n' : ''}${p.handoverNote ? `Hand-over: ${p.handoverNote}\n` : ''}\nAfter handing it over, press "Delivered" on the wish page; staff then confirm and the wish comes true.\n\nSee the wish: ${p.url}`,
    }),
  },
  'claim.rejected': {
    'zh-CN': (p) => ({
      subject: `认领未通过:微心愿「${p.title}」`,
      bodyText: `您好,${p.name}:\n\n很抱歉,您对微心愿${zhWish(p)}的认领未能通过。\n原因:${p.reason}\n\n感谢您的爱心,欢迎认领其他微心愿:${p.listUrl}`,
    }),
    en: (p) => ({
      subject: `Your claim was not approved: "${p.title}"`,
      bodyText: `Hello ${p.name},\n\nSorry, your claim for the wish ${enWish(p)} was not approved.\nReason: ${p.reason}\n\nThank you for caring; other wishes are waiting: ${p.listUrl}`,
    }),
  },
  'claim.reminder': {
    'zh-CN': (p) => ({
      subject: `提醒:微心愿「${p.title}」请在 ${zhDate(p)} 前送达`,
      bodyText: `您好,${p.name}:\n\n您认领的微心愿${zhWish(p)}需要在 ${zhDate(p)} 前送到机构,否则认领将过期,心愿会重新开放认领。\n\n送达地点:${p.address}\n\n查看心愿:${p.url}`,
    }),
    en: (p) => ({
      subject: `Reminder: please deliver "${p.title}" by ${enDate(p)}`,
      bodyText: `Hello ${p.name},\n\nThe wish you claimed, ${enWish(p)}, has to reach the institution by ${enDate(p)}; after that the claim expires and the wish is open to others again.\n\nAddress: ${p.address}\n\nSee the wish: ${p.url}`,
    }),
  },
  'claim.expired': {
    'zh-CN': (p) => ({
      subject: `认领已过期:微心愿「${p.title}」`,
      bodyText: `您好,${p.name}:\n\n您对微心愿${zhWish(p)}的认领已过期(超过认领截止日期或送达期限),心愿已重新开放认领。\n如果您仍想帮助这个孩子,可以再次认领:${p.url}`,
    }),
    en: (p) => ({
      subject: `Your claim has expired: "${p.title}"`,
      bodyText: `Hello ${p.name},\n\nYour claim for the wish ${enWish(p)} has expired (the claim deadline or the delivery window passed), and the wish is open again.\nIf you would still like to help, you can claim it again: ${p.url}`,
    }),
  },
  'claim.withdrawn': {
    'zh-CN': (p) => ({
      subject: `微心愿「${p.title}」已被机构撤回`,
      bodyText: `您好,${p.name}:\n\n机构撤回了微心愿${zhWish(p)},您的认领因此结束,无需再送礼物。感谢您的爱心,欢迎认领其他微心愿:${p.listUrl}`,
    }),
    en: (p) => ({
      subject: `The wish "${p.title}" was withdrawn`,
      bodyText: `Hello ${p.name},\n\nThe institution withdrew the wish ${enWish(p)}, so your claim has ended and there is nothing to deliver. Thank you for caring; other wishes are waiting: ${p.listUrl}`,
    }),
  },
  'claim.confirmed': {
    'zh-CN': (p) => ({
      subject: `心愿已实现:「${p.title}」,谢谢您!`,
      bodyText:
        `您好,${p.name}:\n\n机构已确认收到您为微心愿${zhWish(p)}送来的礼物(价值 ${formatMoney(Number(p.valueFen))}),这个心愿已经实现。` +
        `${p.thanks ? `\n\n工作人员的感谢:\n${p.thanks}` : ''}\n\n查看心愿:${p.url}`,
    }),
    en: (p) => ({
      subject: `Wish come true: "${p.title}" — thank you!`,
      bodyText:
        `Hello ${p.name},\n\nThe institution confirmed receiving your gift for the wish ${enWish(p)} (value ${formatMoney(Number(p.valueFen))}); the wish has come true.` +
        `${p.thanks ? `\n\nA thank-you from the staff:\n${p.thanks}` : ''}\n\nSee the wish: ${p.url}`,
    }),
  },
};
