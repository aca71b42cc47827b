import { config } from '../platform/config.server';
import { queueMail } from '../data/outbox.server';
import type { Tx } from '../data/db.server';
import type { Locale } from '../i18n/locale';
import { newId } from '../data/ids.server';
import { renderMail, type MailParams } from './templates/index';
import { sealTokens, takeTokensOut } from './links.server';

/**
 * Renders a mail and writes it to the outbox inside the caller's transaction. The tokens of mailed links
 * are taken out of the stored body and sealed beside it (README D22): the outbox never holds a usable link.
 */
export function enqueueMail(
  tx: Tx,
  mail: { to: string; template: string; locale: Locale; params: MailParams },
  now: number,
): string {
  const rendered = renderMail(mail.template, mail.locale, linksInLanguage(mail.params, mail.locale));
  const id = newId();
  const { body, tokens } = takeTokensOut(rendered.bodyText);
  const linkSecret = tokens.length > 0 ? sealTokens(tokens, id) : null;
  return queueMail(
    tx,
    { toEmail: mail.to.toLowerCase(), template: mail.template, locale: mail.locale, subject: rendered.subject, bodyText: body, linkSecret },
    now,
    id,
  );
}

/**
 * Links to the platform in an English mail open the page in English: the mail is often opened in a
 * browser that has never seen the site, which would otherwise show Chinese (the default).
 */
export function linksInLanguage(params: MailParams, locale: Locale): MailParams {
  if (locale !== 'en') return params;
  const base = `${config().appUrl}/`;
  const withLang = (url: string) => {
    const parsed = new URL(url);
    parsed.searchParams.set('lang', 'en');
    return parsed.toString();
  };
  return Object.fromEntries(Object.entries(params).map(([key, value]) => [key, typeof value === 'string' && value.startsWith(base) ? withLang(value) : value]));
}
