// URL resolution as a value: an href the WHATWG parser rejects gives undefined, never a throw.

/** Absolute URL of `raw` against `base` (fragment kept), or undefined when it is not a URL. */
export function resolveUrl(raw: string, base: string | undefined): string | undefined {
  try {
    return new URL(raw, base).href;
  } catch {
    return undefined;
  }
}

/** The URL without its fragment. */
export function withoutFragment(url: string): string {
  const hash = url.indexOf('#');
  return hash < 0 ? url : url.slice(0, hash);
}

/**
 * resolveUrl against one base, for every link of a page. Most hrefs are plain paths that the
 * WHATWG parser would only append to the base's origin or directory: those are joined directly
 * (a fifth of the cost), everything else goes through the parser.
 */
export function baseResolver(base: string | undefined): (raw: string) => string | undefined {
  const parts = base === undefined ? undefined : splitBase(base);
  if (parts === undefined) return (raw) => resolveUrl(raw, base);
  return (raw) => {
    const kind = plainKind(raw);
    if (kind === ROOT_PATH) return parts.origin + raw;
    if (kind === RELATIVE_PATH) return parts.directory + raw;
    return resolveUrl(raw, base);
  };
}

/** Origin (`http://host:port`) and directory (`…/dir/`) of a serialized http(s) URL. */
function splitBase(base: string): { origin: string; directory: string } | undefined {
  const start = base.startsWith('http://') ? 7 : base.startsWith('https://') ? 8 : -1;
  if (start < 0) return undefined;
  const pathStart = base.indexOf('/', start);
  if (pathStart < 0) return undefined;
  let end = base.length;
  for (let i = pathStart; i < base.length; i++) {
    const c = base.charCodeAt(i);
    if (c === QUESTION || c === HASH) {
      end = i;
      break;
    }
  }
  return { origin: base.slice(0, pathStart), directory: base.slice(0, base.lastIndexOf('/', end - 1) + 1) };
}

const NOT_PLAIN = 0, ROOT_PATH = 1, RELATIVE_PATH = 2;
const SLASH = 0x2f, DOT = 0x2e, COLON = 0x3a, QUESTION = 0x3f, HASH = 0x23, PERCENT = 0x25;

// Characters the parser copies as they are into a path, query or fragment of an http(s) URL:
// letters, digits and -._~!$&()*+,;=:@%/?# ('\' becomes '/', "'" is escaped in a query, spaces,
// quotes, <>`{}^| and non-ASCII are escaped).
const PLAIN = new Uint8Array(128);
for (const c of 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&()*+,;=:@%/?#') PLAIN[c.charCodeAt(0)] = 1;

/**
 * ROOT_PATH for '/x…', RELATIVE_PATH for 'x…', when the parser would join it unchanged: only
 * plain characters, no dot segment (nor '%2e', which counts as a dot), no scheme-like first
 * segment, not '//' (another host).
 */
function plainKind(raw: string): number {
  const n = raw.length;
  if (n === 0) return NOT_PLAIN;
  const first = raw.charCodeAt(0);
  if (first === QUESTION || first === HASH || first === DOT) return NOT_PLAIN;
  if (first === SLASH && n > 1 && raw.charCodeAt(1) === SLASH) return NOT_PLAIN;
  let inPath = true;
  let firstSegment = first !== SLASH;
  for (let i = 0; i < n; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 128 || PLAIN[c] === 0) return NOT_PLAIN;
    if (!inPath) continue;
    if (c === PERCENT && raw.charCodeAt(i + 1) === 0x32 && (raw.charCodeAt(i + 2) | 0x20) === 0x65) return NOT_PLAIN;
    if (c === QUESTION || c === HASH) inPath = false;
    else if (c === SLASH) {
      firstSegment = false;
      if (raw.charCodeAt(i + 1) === DOT) return NOT_PLAIN;
    } else if (c === COLON && firstSegment) return NOT_PLAIN;
  }
  return first === SLASH ? ROOT_PATH : RELATIVE_PATH;
}
