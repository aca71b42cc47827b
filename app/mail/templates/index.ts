import type { Locale } from '../../i18n/locale';
import { systemTemplates } from './system';
import { accountTemplates } from './accounts';
import { wishTemplates } from './wishes';
import type { MailParams, MailTemplate, RenderedMail } from './types';

export type { MailParams, RenderedMail } from './types';

// Each area adds its own file and spreads it in here.
const templates: Record<string, MailTemplate> = {
  ...systemTemplates,
  ...accountTemplates,
  ...wishTemplates,
};

export function renderMail(template: string, locale: Locale, params: MailParams): RenderedMail {
  const t = templates[template];
  if (!t) throw new Error(`Unknown mail template: ${template}`);
  const rendered = t[locale](params);
  const footer =
    locale === 'en'
      ? '\n\n— WishBridge (心愿桥). You receive this because of your account on the platform.'
      : '\n\n— 心愿桥。您收到此邮件是因为您在平台上的账户。';
  return { subject: rendered.subject, bodyText: rendered.bodyText + footer };
}

export function templateNames(): string[] {
  return Object.keys(templates);
}
