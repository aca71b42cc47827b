import { db } from '../data/db.server';
import { outboxRowsWithoutSecret, replaceOutboxBody } from '../data/outbox.server';
import { config } from '../platform/config.server';
import { linkKey, seal, unseal } from '../platform/link-key.server';

// A mail's body is stored with each mailed token replaced by a placeholder; the tokens themselves are
// kept sealed beside it (outbox.link_secret) until the mail is sent, then dropped (README D22).

/** The shape generateMailToken makes (160 bits, lowercase base32), inside a link. */
const LINK = /https?:\/\/\S+/g;
const TOKEN = /(?<![A-Za-z0-9])[a-z2-7]{32}(?![A-Za-z0-9])/g;
const PLACEHOLDER = /\{\{link-token-(\d+)\}\}/g;
export const MASK = '••••••••';

/** Takes the tokens out of the links of a rendered body. */
export function takeTokensOut(body: string): { body: string; tokens: string[] } {
  const tokens: string[] = [];
  const stripped = body.replace(LINK, (link) =>
    link.replace(TOKEN, (token) => {
      let index = tokens.indexOf(token);
      if (index < 0) index = tokens.push(token) - 1;
      return `{{link-token-${index + 1}}}`;
    }),
  );
  return { body: stripped, tokens };
}

/** Puts the tokens back; null when a placeholder has no token. */
export function putTokensBack(body: string, tokens: string[]): string | null {
  let missing = false;
  const filled = body.replace(PLACEHOLDER, (_, n: string) => {
    const token = tokens[Number(n) - 1];
    if (token === undefined) missing = true;
    return token ?? '';
  });
  return missing ? null : filled;
}

/** What admins see: the links with their tokens masked. */
export function maskLinks(body: string): string {
  return body.replace(PLACEHOLDER, MASK);
}

export function hasLinkPlaceholders(body: string): boolean {
  return new RegExp(PLACEHOLDER.source).test(body);
}

function currentKey(): Buffer {
  return linkKey(db().$client.name, config().mailLinkKey);
}

export function sealTokens(tokens: string[], outboxId: string, key = currentKey()): string {
  return seal(key, JSON.stringify(tokens), outboxId);
}

/** The tokens sealed for this outbox row, or null when they cannot be opened (another key, altered, absent). */
export function openTokens(sealed: string | null, outboxId: string, key = currentKey()): string[] | null {
  if (!sealed) return null;
  const plain = unseal(key, sealed, outboxId);
  if (plain === null) return null;
  const tokens = JSON.parse(plain) as unknown;
  return Array.isArray(tokens) && tokens.every((t) => typeof t === 'string') ? tokens : null;
}

/**
 * The body as it is (or was to be) sent, for the worker and for whoever holds the key (the CLI's
 * `outbox:show`, tests); the masked body when the tokens are gone (sent mail) or cannot be opened.
 */
export function bodyWithLinks(mail: { id: string; bodyText: string; linkSecret: string | null }, key?: Buffer): string {
  if (!hasLinkPlaceholders(mail.bodyText)) return mail.bodyText;
  const tokens = openTokens(mail.linkSecret, mail.id, key);
  return (tokens && putTokensBack(mail.bodyText, tokens)) ?? maskLinks(mail.bodyText);
}

/**
 * Mail written before tokens were taken out of stored bodies: pending and kept mail get their tokens
 * sealed, sent and given-up mail loses them. Runs once per database, at the first start after the upgrade.
 */
export function sealLegacyOutbox(): number {
  let changed = 0;
  let after = '';
  for (;;) {
    const rows = outboxRowsWithoutSecret(after);
    if (rows.length === 0) return changed;
    for (const row of rows) {
      const { body, tokens } = takeTokensOut(row.bodyText);
      if (tokens.length === 0) continue;
      const keep = row.status === 'pending' || row.status === 'kept';
      replaceOutboxBody(row.id, body, keep ? sealTokens(tokens, row.id) : null);
      changed += 1;
    }
    after = rows[rows.length - 1].id;
  }
}
