import { formatDate, translator } from '../../i18n/index';
import type { MailParams, MailTemplate } from './types';

// Mail about a pairing after a staff step or a pairing job. To the volunteer, params carry only the child's
// public face (alias, age band, county), the site's contact person and a link to their pairing page; never
// the child's real name, and never a concern's text or what staff did about it. To staff (a lapse), the alias
// and the volunteer's name, with a link to the staff pairing page.

const zhChild = (p: MailParams) => `${p.alias}(${[p.ageBand ? `${p.ageBand} 岁` : '', p.county].filter(Boolean).join(',')})`;
const enChild = (p: MailParams) => `${p.alias} (${[p.ageBand ? `age ${p.ageBand}` : '', p.county].filter(Boolean).join(', ')})`;
const zhContact = (p: MailParams) => (p.contactName ? `\n机构联系人:${p.contactName}${p.contactPhone ? ` ${p.contactPhone}` : ''}` : '');
const enContact = (p: MailParams) => (p.contactName ? `\nContact at the institution: ${p.contactName}${p.contactPhone ? `, ${p.contactPhone}` : ''}` : '');
const zhKind = (k: unknown, area: 'visit' | 'concern') => translator('zh-CN')(`${area}.kind.${k}`);
const enKind = (k: unknown, area: 'visit' | 'concern') => translator('en')(`${area}.kind.${k}`).toLowerCase();
const day = (ms: unknown, locale: 'zh-CN' | 'en') => (typeof ms === 'number' ? formatDate(ms, locale) : '');

export const pairingStaffTemplates: Record<string, MailTemplate> = {
  'pairing.proposed': {
    'zh-CN': (p) => ({
      subject: `结对邀请:与${p.alias}结对`,
      bodyText: `您好,${p.name}:\n\n机构工作人员邀请您作为爱心爸爸/妈妈,与 ${zhChild(p)} 结对。${zhContact(p)}\n\n请在您的结对页面接受或婉拒:${p.url}`,
    }),
    en: (p) => ({
      subject: `A pairing for you: ${p.alias}`,
      bodyText: `Hello ${p.name},\n\nThe institution's staff invite you to be paired, as a caring parent, with ${enChild(p)}.${enContact(p)}\n\nPlease accept or decline on your pairing page: ${p.url}`,
    }),
  },
  'pairing.withdrawn': {
    'zh-CN': (p) => ({
      subject: `结对邀请已撤回:${p.alias}`,
      bodyText: `您好,${p.name}:\n\n机构工作人员撤回了与 ${zhChild(p)} 的结对邀请。\n原因:${p.reason}\n\n查看:${p.url}`,
    }),
    en: (p) => ({
      subject: `Pairing proposal withdrawn: ${p.alias}`,
      bodyText: `Hello ${p.name},\n\nThe institution's staff withdrew the proposal to pair you with ${enChild(p)}.\nReason: ${p.reason}\n\nSee it: ${p.url}`,
    }),
  },
  'pairing.ended': {
    'zh-CN': (p) => ({
      subject: `结对已结束:${p.alias}`,
      bodyText: `您好,${p.name}:\n\n您与 ${zhChild(p)} 的结对已由机构工作人员结束。\n原因:${p.reason}\n\n感谢您的陪伴。您的服务记录仍可在结对页面查看:${p.url}`,
    }),
    en: (p) => ({
      subject: `Pairing ended: ${p.alias}`,
      bodyText: `Hello ${p.name},\n\nThe institution's staff ended your pairing with ${enChild(p)}.\nReason: ${p.reason}\n\nThank you for your care. Your logged contacts stay on your pairing page: ${p.url}`,
    }),
  },
  'pairing.lapsed': {
    'zh-CN': (p) => ({
      subject: `结对已结束:${p.alias}(年度复核逾期)`,
      bodyText: `您好,${p.name}:\n\n您的年度复核已逾期超过 30 天,按规定,您与 ${zhChild(p)} 的结对已自动结束。完成复核后,机构可以重新为您安排结对。\n\n查看:${p.url}`,
    }),
    en: (p) => ({
      subject: `Pairing ended: ${p.alias} (yearly re-check overdue)`,
      bodyText: `Hello ${p.name},\n\nYour yearly re-check has been overdue for more than 30 days, so your pairing with ${enChild(p)} has ended. Once the re-check is recorded, the institution can pair you again.\n\nSee it: ${p.url}`,
    }),
  },
  'pairing.lapsed_staff': {
    'zh-CN': (p) => ({
      subject: `结对因复核逾期结束:${p.alias}`,
      bodyText: `您好,${p.name}:\n\n志愿者 ${p.volunteer} 的年度复核逾期超过 30 天,其与 ${p.alias} 的结对已自动结束。请跟进孩子的后续安排。\n\n查看结对:${p.url}`,
    }),
    en: (p) => ({
      subject: `Pairing ended, re-check overdue: ${p.alias}`,
      bodyText: `Hello ${p.name},\n\nThe yearly re-check of the volunteer ${p.volunteer} has been overdue for more than 30 days, so their pairing with ${p.alias} has ended. Please follow up for the child.\n\nSee the pairing: ${p.url}`,
    }),
  },
  'visit.confirmed': {
    'zh-CN': (p) => ({
      subject: `联系记录已确认:${p.alias}`,
      bodyText: `您好,${p.name}:\n\n您 ${day(p.happenedAt, 'zh-CN')} 与 ${p.alias} 的${zhKind(p.kind, 'visit')}(${p.minutes} 分钟)已由机构确认,计入您的服务时长。\n\n查看:${p.url}`,
    }),
    en: (p) => ({
      subject: `Contact confirmed: ${p.alias}`,
      bodyText: `Hello ${p.name},\n\nYour ${enKind(p.kind, 'visit')} with ${p.alias} on ${day(p.happenedAt, 'en')} (${p.minutes} minutes) was confirmed by the institution and counts towards your service hours.\n\nSee it: ${p.url}`,
    }),
  },
  'visit.rejected': {
    'zh-CN': (p) => ({
      subject: `联系记录未通过:${p.alias}`,
      bodyText: `您好,${p.name}:\n\n您 ${day(p.happenedAt, 'zh-CN')} 与 ${p.alias} 的${zhKind(p.kind, 'visit')}记录未通过机构确认。\n原因:${p.reason}\n\n查看:${p.url}`,
    }),
    en: (p) => ({
      subject: `Contact log not confirmed: ${p.alias}`,
      bodyText: `Hello ${p.name},\n\nYour log of a ${enKind(p.kind, 'visit')} with ${p.alias} on ${day(p.happenedAt, 'en')} was not confirmed by the institution.\nReason: ${p.reason}\n\nSee it: ${p.url}`,
    }),
  },
  'pairing.contact_overdue': {
    'zh-CN': (p) => ({
      subject: `好久没联系 ${p.alias} 了`,
      bodyText: `您好,${p.name}:\n\n您与 ${zhChild(p)} 已超过 ${p.days} 天没有经确认的联系。孩子在等您,请安排一次探望或电话,并在结对页面登记。${zhContact(p)}\n\n结对页面:${p.url}`,
    }),
    en: (p) => ({
      subject: `It has been a while since you were in touch with ${p.alias}`,
      bodyText: `Hello ${p.name},\n\nThere has been no confirmed contact with ${enChild(p)} for more than ${p.days} days. Please arrange a visit or a call and log it on your pairing page.${enContact(p)}\n\nYour pairing page: ${p.url}`,
    }),
  },
  'concern.acknowledged': {
    'zh-CN': (p) => ({
      subject: `您反映的情况已接报:${p.alias}`,
      bodyText: `您好,${p.name}:\n\n您 ${day(p.raisedAt, 'zh-CN')} 反映的关于 ${p.alias} 的情况(${zhKind(p.kind, 'concern')})已由机构工作人员接报,正在处理。感谢您的关心。\n\n查看:${p.url}`,
    }),
    en: (p) => ({
      subject: `Your concern was received: ${p.alias}`,
      bodyText: `Hello ${p.name},\n\nThe concern you raised about ${p.alias} on ${day(p.raisedAt, 'en')} (${enKind(p.kind, 'concern')}) has been received by the institution's staff, who are acting on it. Thank you for your care.\n\nSee it: ${p.url}`,
    }),
  },
};
