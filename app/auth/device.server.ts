import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import crypto from 'node:crypto';
import { metaValueOrCreate } from '../data/meta.server';
import { secureCookies } from './session.server';

// A "known device" for sign-in limits (README D15): a long-lived cookie holding a random device id and, for
// each account that signed in successfully from this browser, a tag HMAC(server key, account id + device
// id). The tag cannot be forged or moved to another account or device; the server keeps no list. The key
// is random, made once per database and kept in the meta table.

const YEAR_S = 365 * 24 * 60 * 60;
/** Accounts remembered per browser (the most recent first). */
const MAX_TAGS = 5;
const DEVICE_ID = /^[a-z2-7]{32}$/;
const TAG = /^[A-Za-z0-9_-]{22}$/;

export function deviceCookieName(): string {
  return secureCookies() ? '__Host-wb_device' : 'wb_device';
}

export interface DeviceCookie {
  id: string;
  tags: string[];
}

let cachedKey: Buffer | null = null;
function deviceKey(): Buffer {
  cachedKey ??= Buffer.from(metaValueOrCreate('device_key', () => crypto.randomBytes(32).toString('base64url')), 'base64url');
  return cachedKey;
}

function tagFor(userId: string, deviceId: string): string {
  return crypto.createHmac('sha256', deviceKey()).update(`${userId}:${deviceId}`).digest('base64url').slice(0, 22);
}

/** The device cookie of a request, when well formed. */
export function readDeviceCookie(request: Request): DeviceCookie | null {
  const header = request.headers.get('cookie') ?? '';
  const name = deviceCookieName();
  for (const part of header.split(';')) {
    const [k, ...rest] = part.trim().split('=');
    if (k !== name) continue;
    const [id, ...tags] = rest.join('=').split('.');
    if (!DEVICE_ID.test(id ?? '')) return null;
    return { id: id!, tags: tags.filter((t) => TAG.test(t)).slice(0, MAX_TAGS) };
  }
  return null;
}

/** Whether this browser has signed in to the account before. */
export function isKnownDevice(device: DeviceCookie | null, userId: string): boolean {
  if (!device || device.tags.length === 0) return false;
  const expected = Buffer.from(tagFor(userId, device.id));
  return device.tags.some((tag) => {
    const given = Buffer.from(tag);
    return given.length === expected.length && crypto.timingSafeEqual(given, expected);
  });
}

/** The Set-Cookie header after a successful sign-in: the account's tag first, the device id kept. */
export function deviceCookieAfterSignIn(device: DeviceCookie | null, userId: string): string {
  const id = device?.id ?? encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(20)));
  const tag = tagFor(userId, id);
  const tags = [tag, ...(device?.id === id ? device.tags.filter((t) => t !== tag) : [])].slice(0, MAX_TAGS);
  const attributes = ['Path=/', `Max-Age=${YEAR_S}`, 'HttpOnly', 'SameSite=Lax'];
  if (secureCookies()) attributes.push('Secure');
  return `${deviceCookieName()}=${[id, ...tags].join('.')}; ${attributes.join('; ')}`;
}
