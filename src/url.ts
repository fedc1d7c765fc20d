// URL parsing as a value, shared by every stage that parses absolute URLs: an href the WHATWG
// parser rejects gives undefined, never a throw.

/** The parsed absolute URL, or undefined when `url` is not one. */
export function parseUrl(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}
