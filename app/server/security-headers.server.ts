import crypto from 'node:crypto';

export function newNonce(): string {
  return crypto.randomBytes(16).toString('base64');
}

/** A year; browsers then refuse plain http for the site's host until it runs out. */
export const HSTS_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

/**
 * Headers every response carries. The CSP is enforced; development relaxes it for Vite's HMR client.
 * `https` (APP_URL is https://…) adds Strict-Transport-Security.
 */
export function securityHeaders(nonce: string, dev: boolean, https = false): Record<string, string> {
  const csp = [
    "default-src 'self'",
    dev ? `script-src 'self' 'unsafe-inline'` : `script-src 'self' 'nonce-${nonce}'`,
    // The stylesheet is written into each page (components/inline-styles.tsx), under the page's nonce.
    dev ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data:",
    "font-src 'self'",
    dev ? "connect-src 'self' ws: wss:" : "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
  const headers: Record<string, string> = {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
  };
  if (https) headers['Strict-Transport-Security'] = `max-age=${HSTS_MAX_AGE_SECONDS}`;
  return headers;
}
