const SAFE_METHODS = new Set(['GET', 'HEAD']);

/**
 * A state-changing request from another site is refused. Browsers send Sec-Fetch-Site and Origin;
 * both are checked when present. Origin must be one of `allowedOrigins` exactly (scheme, host and
 * port: `https://host` is not the `http://host` site). Requests with neither header (curl, the CLI's
 * own tests) are not browser cross-site requests and pass.
 */
export function isCrossSiteWrite(method: string, headers: Headers, allowedOrigins: readonly string[]): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return false;
  const fetchSite = headers.get('sec-fetch-site');
  if (fetchSite && fetchSite !== 'same-origin' && fetchSite !== 'none') return true;
  const origin = headers.get('origin');
  if (origin === null) return false;
  const normalized = originOf(origin);
  // A browser writes exactly scheme://host[:port] (no path, no default port); anything else is refused.
  if (normalized === null || normalized !== origin.toLowerCase()) return true;
  return !allowedOrigins.some((allowed) => originOf(allowed) === normalized);
}

/** `scheme://host[:port]` of an http(s) URL, default port dropped and host lower-cased; null otherwise (also for "null"). */
export function originOf(value: string): string | null {
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return url.origin;
  } catch {
    return null;
  }
}
