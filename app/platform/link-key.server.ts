import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

// Mailed links carry a token stored only as its SHA-256 (app/auth/tokens.server.ts). Until the mail is
// sent, the worker still needs the raw token: the outbox keeps it sealed with AES-256-GCM under a key
// that is never in the database (README D22). The key comes from MAIL_LINK_KEY, or else from a key file
// next to the database (`<database>.mail-key`, created with mode 0600 on first use), so a copy of the
// database or a backup alone cannot be turned into working links.

const keys = new Map<string, Buffer>();

/** Where the key file of a database lives. */
export function linkKeyFile(databaseFile: string): string {
  return `${path.resolve(databaseFile)}.mail-key`;
}

/**
 * The 256-bit sealing key for this database: from `secret` (MAIL_LINK_KEY) when given, else from the key
 * file, which is created (0600) when missing. An in-memory database gets a key that lives as long as the process.
 */
export function linkKey(databaseFile: string, secret: string | null): Buffer {
  const cacheKey = `${secret ? 'env' : 'file'}:${databaseFile}`;
  const known = keys.get(cacheKey);
  if (known) return known;
  let material: string;
  if (secret) material = secret;
  else if (databaseFile === '' || databaseFile === ':memory:') material = crypto.randomBytes(32).toString('base64url');
  else material = readOrCreateKeyFile(linkKeyFile(databaseFile));
  const key = Buffer.from(crypto.hkdfSync('sha256', material, 'wishbridge', 'outbox mail links', 32));
  keys.set(cacheKey, key);
  return key;
}

function readOrCreateKeyFile(file: string): string {
  try {
    fs.writeFileSync(file, `${crypto.randomBytes(32).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const material = fs.readFileSync(file, 'utf8').trim();
  if (material.length < 32) throw new Error(`${file} does not hold a mail link key; remove it to make a new one`);
  return material;
}

/** AES-256-GCM; `context` (the outbox id) is bound in as associated data, so a sealed value only opens on its own row. */
export function seal(key: Buffer, plaintext: string, context: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(context));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return `v1.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
}

/** The plaintext, or null when the value was sealed under another key or for another row, or was altered. */
export function unseal(key: Buffer, sealed: string, context: string): string | null {
  if (!sealed.startsWith('v1.')) return null;
  const raw = Buffer.from(sealed.slice(3), 'base64url');
  if (raw.length < 28) return null;
  try {
    const decipher = crypto.createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
