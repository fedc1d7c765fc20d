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
