import type { MailTemplate } from './types';

export const systemTemplates: Record<string, MailTemplate> = {
  test: {
    'zh-CN': (p) => ({ subject: '心愿桥测试邮件', bodyText: `这是一封测试邮件。\n${p.note ?? ''}` }),
    en: (p) => ({ subject: 'WishBridge test mail', bodyText: `This is a test mail.\n${p.note ?? ''}` }),
  },
};
