import { formatTimeRange } from '../../i18n/index';
import type { MailParams, MailTemplate } from './types';

// Activity mail from the staff side: the review outcome for the proposer, cancellations for the people
// holding or waiting for a place, and the no-show flag for staff. Params carry the activity's public
// title, its times and a reason already privacy-checked; never a child's data.

const when = (p: MailParams, locale: 'zh-CN' | 'en') =>
  typeof p.startsAt === 'number' && typeof p.endsAt === 'number' ? formatTimeRange(p.startsAt, p.endsAt, locale) : '';

export const actstaffTemplates: Record<string, MailTemplate> = {
  'activity.approved': {
    'zh-CN': (p) => ({
      subject: `活动已通过审核:「${p.title}」`,
      bodyText: `您好,${p.name}:\n\n您提交的关爱活动「${p.title}」已通过审核,现已公开,志愿者可以报名了。\n\n查看活动:${p.url}`,
    }),
    en: (p) => ({
      subject: `Your activity is approved: "${p.title}"`,
      bodyText: `Hello ${p.name},\n\nYour activity "${p.title}" has been approved. It is public now and helpers can sign up.\n\nSee the activity: ${p.url}`,
    }),
  },
  'activity.rejected': {
    'zh-CN': (p) => ({
      subject: `活动未通过审核:「${p.title}」`,
      bodyText: `您好,${p.name}:\n\n很抱歉,您提交的关爱活动「${p.title}」未通过审核。\n原因:${p.reason}\n\n您可以据此调整后重新提出活动:${p.url}`,
    }),
    en: (p) => ({
      subject: `Your activity was not approved: "${p.title}"`,
      bodyText: `Hello ${p.name},\n\nSorry, your activity "${p.title}" was not approved.\nReason: ${p.reason}\n\nYou can propose it again with these points in mind: ${p.url}`,
    }),
  },
  'activity.cancelled': {
    'zh-CN': (p) => ({
      subject: `活动已取消:「${p.title}」`,
      bodyText: `您好,${p.name}:\n\n关爱活动「${p.title}」已取消,您的报名(含候补)随之结束,无需再前往。\n原因:${p.reason}\n\n感谢您的爱心,欢迎报名其他活动:${p.url}`,
    }),
    en: (p) => ({
      subject: `Activity cancelled: "${p.title}"`,
      bodyText: `Hello ${p.name},\n\nThe activity "${p.title}" has been cancelled, so your place (or your place on the waiting list) has ended; there is no need to come.\nReason: ${p.reason}\n\nThank you for caring; other activities are waiting: ${p.url}`,
    }),
  },
  'activity.cancelled_proposer': {
    'zh-CN': (p) => ({
      subject: `您提出的活动已被取消:「${p.title}」`,
      bodyText: `您好,${p.name}:\n\n机构工作人员取消了您提出的关爱活动「${p.title}」。\n原因:${p.reason}\n\n查看活动:${p.url}`,
    }),
    en: (p) => ({
      subject: `Your activity was cancelled: "${p.title}"`,
      bodyText: `Hello ${p.name},\n\nThe institution's staff cancelled your activity "${p.title}".\nReason: ${p.reason}\n\nSee the activity: ${p.url}`,
    }),
  },
  'slot.cancelled': {
    'zh-CN': (p) => ({
      subject: `活动场次已取消:「${p.title}」${when(p, 'zh-CN')}`,
      bodyText: `您好,${p.name}:\n\n关爱活动「${p.title}」${when(p, 'zh-CN')} 这一场已取消,您在这一场的报名(含候补)随之结束,无需再前往。\n原因:${p.reason}\n\n查看活动的其他场次:${p.url}`,
    }),
    en: (p) => ({
      subject: `Slot cancelled: "${p.title}", ${when(p, 'en')}`,
      bodyText: `Hello ${p.name},\n\nThe slot of "${p.title}" on ${when(p, 'en')} has been cancelled, so your place on it (or on its waiting list) has ended; there is no need to come.\nReason: ${p.reason}\n\nSee the activity's other slots: ${p.url}`,
    }),
  },
  'attendance.no_show_flag': {
    'zh-CN': (p) => ({
      subject: `请复核:${p.helperName} 12 个月内 3 次报名未到`,
      bodyText: `您好,${p.name}:\n\n志愿者 ${p.helperName} 在 12 个月内已有 ${p.count} 次报名后未到场(最近一次:「${p.title}」${when(p, 'zh-CN')})。请与其联系并在工作台标记为已复核。\n\n工作台:${p.url}`,
    }),
    en: (p) => ({
      subject: `Please review: ${p.helperName} missed 3 sign-ups in 12 months`,
      bodyText: `Hello ${p.name},\n\nThe helper ${p.helperName} has not turned up ${p.count} times in 12 months after signing up (the latest: "${p.title}", ${when(p, 'en')}). Please get in touch with them and mark the flag reviewed on your work page.\n\nWork page: ${p.url}`,
    }),
  },
};
