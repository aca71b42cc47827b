import type { Locale } from '../../i18n/locale';
import { systemTemplates } from './system';
import { accountTemplates } from './accounts';
import { wishTemplates } from './wishes';
import { actstaffTemplates } from './actstaff';
import { signupTemplates } from './signups';
import { pairingStaffTemplates } from './pairing-staff';
import { pairingMeTemplates } from './pairing-me';
import type { MailParams, MailTemplate, RenderedMail } from './types';

export type { MailParams, RenderedMail } from './types';

// Each area adds its own file and spreads it in here.
const templates: Record<string, MailTemplate> = {
  ...systemTemplates,
  ...accountTemplates,
  ...wishTemplates,
  ...actstaffTemplates,
  ...signupTemplates,
  ...pairingStaffTemplates,
  ...pairingMeTemplates,
};

export function renderMail(template: string, locale: Locale, params: MailParams): RenderedMail {
  const t = templates[template];
  if (!t) throw new Error(`Unknown mail template: ${template}`);
  const rendered = t[locale](params);
  const footer =
    locale === 'en'
      ? '\n\n— WishBridge (心愿桥). You receive this because this address was used on WishBridge: to sign up, to be invited, or by your account. If that was not you, you can ignore this mail.'
      : '\n\n— 心愿桥。您收到此邮件,是因为有人在心愿桥使用了这个邮箱:注册、邀请,或您的账户动态。如非本人相关,可忽略此邮件。';
  return { subject: rendered.subject, bodyText: rendered.bodyText + footer };
}

export function templateNames(): string[] {
  return Object.keys(templates);
}
