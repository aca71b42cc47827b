import type { Locale } from '../../i18n/locale';

export type MailParams = Record<string, string | number>;
export interface RenderedMail {
  subject: string;
  bodyText: string;
}
/** One template: both languages, plain text. Never put a child's private data in params. */
export type MailTemplate = Record<Locale, (p: MailParams) => RenderedMail>;
