// Trap guards: infinite calendars, /a/a/a/ paths and session ids make endless distinct URLs
// that share a shape. Pages per shape (numeric and id-like path segments generalised, query
// values dropped) and per host are capped. Digits inside a name (`post-123.html`) are kept:
// a site of many numbered articles is not a trap.

const ID_LIKE = /^(?:\d+|[0-9a-f]{8,}|[0-9a-f-]{32,36}|[A-Za-z0-9_-]{24,})$/i;

/** The shape of a URL: path segments with numbers and ids generalised, query keys sorted. */
export function urlPattern(href: string): string {
  const url = new URL(href);
  const segments = url.pathname.split('/').map((s) => (ID_LIKE.test(s) ? '*' : s));
  const collapsed: string[] = [];
  for (const s of segments) if (collapsed.length < 2 || s !== collapsed.at(-1) || s !== collapsed.at(-2)) collapsed.push(s);
  const keys = [...new Set([...url.searchParams.keys()])].sort().join('&');
  return `${url.host}${collapsed.join('/')}?${keys}`;
}

export type TrapLimit = 'max-pages-per-pattern' | 'max-pages-per-host';

export class TrapGuard {
  private readonly patterns = new Map<string, number>();
  private readonly hosts = new Map<string, number>();

  constructor(private readonly perPattern: number, private readonly perHost: number) {}

  /** Reserves a page slot for `url`, or names the limit that refuses it. */
  admit(url: string): TrapLimit | undefined {
    const pattern = urlPattern(url);
    const host = new URL(url).host;
    const p = this.patterns.get(pattern) ?? 0;
    if (p >= this.perPattern) return 'max-pages-per-pattern';
    const h = this.hosts.get(host) ?? 0;
    if (h >= this.perHost) return 'max-pages-per-host';
    this.patterns.set(pattern, p + 1);
    this.hosts.set(host, h + 1);
    return undefined;
  }
}
