import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import crypto from 'node:crypto';

// Tokens mailed to people (verification, reset, invitations): 160 random bits in the link,
// only the SHA-256 in the database, so a leaked database cannot be turned into working links.

export function generateMailToken(): string {
  return encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(20)));
}

export function hashMailToken(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

/** Cheap shape check before touching the database: what generateMailToken makes, nothing else. */
export function looksLikeMailToken(token: unknown): token is string {
  return typeof token === 'string' && /^[a-z2-7]{32}$/.test(token);
}
