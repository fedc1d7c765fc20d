// URL normalization for dedupe: WHATWG serialization (lower-case host, default port dropped,
// percent-encoding, IDN to punycode) without the fragment, which never reaches the server.

/** The URL to fetch and key results by, or undefined when `raw` is not an absolute URL. */
export function normalizeUrl(raw: string): string | undefined {
  try {
    const url = new URL(raw);
    url.hash = '';
    return url.href;
  } catch {
    return undefined;
  }
}

const SCHEME_REASONS: Record<string, string> = {
  'mailto:': 'mailto: link (e-mail address, not checked)',
  'tel:': 'tel: link (phone number, not checked)',
  'javascript:': 'javascript: link (script, not checked)',
  'data:': 'data: URL (inline content, not checked)',
};

/** Why a URL is not checked because of its scheme, or undefined for http(s). */
export function schemeSkipReason(url: string): string | undefined {
  const scheme = url.slice(0, url.indexOf(':') + 1).toLowerCase();
  if (scheme === 'http:' || scheme === 'https:') return undefined;
  return SCHEME_REASONS[scheme] ?? `${scheme} link (scheme not checked)`;
}
