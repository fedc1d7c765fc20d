// Request headers (with the root-origin rule for user headers) and response header shaping.
import type { CrawlOptions } from '../config/options.js';

export const ACCEPT = 'text/html,application/xhtml+xml,*/*;q=0.8';
export const ACCEPT_ENCODING = 'gzip, deflate, br';

/**
 * Returns the headers for a request to `url`. User headers (often credentials) go only to the
 * roots' origins; the check runs per hop so a redirect elsewhere does not carry them.
 */
export function createHeaderPolicy(options: CrawlOptions): (url: URL) => Record<string, string> {
  const base: Record<string, string> = {
    'user-agent': options.userAgent,
    accept: ACCEPT,
    'accept-encoding': ACCEPT_ENCODING,
  };
  const extra = Object.fromEntries(Object.entries(options.headers).map(([k, v]) => [k.toLowerCase(), v]));
  const withExtra = { ...base, ...extra };
  const rootOrigins = new Set<string>();
  for (const root of options.roots) {
    const origin = URL.canParse(root) ? new URL(root).origin : 'null';
    if (origin !== 'null') rootOrigins.add(origin);
  }
  return (url) => (rootOrigins.has(url.origin) ? withExtra : base);
}

/** Lower-case names; repeated headers joined with ', '. */
export function flattenHeaders(raw: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

/** MIME type (lower-case, no parameters) and charset parameter of a Content-Type value. */
export function parseContentType(value: string | undefined): { mime: string; charset?: string } {
  if (!value) return { mime: '' };
  const parts = value.split(';');
  const mime = (parts[0] ?? '').trim().toLowerCase();
  for (const part of parts.slice(1)) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim().toLowerCase() !== 'charset') continue;
    const charset = part.slice(eq + 1).trim().replace(/^"|"$/g, '').toLowerCase();
    if (charset) return { mime, charset };
  }
  return { mime };
}
