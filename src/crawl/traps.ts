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
export interface TrapAdmission {
  pattern: string;
  host: string;
}
/** A refusal; `mayFree` when slots of that limit are held by URLs not known to be pages yet. */
export interface TrapRefusal {
  limit: TrapLimit;
  mayFree: boolean;
}

interface Count {
  taken: number;
  unsettled: number;
}

export class TrapGuard {
  private readonly patterns = new Map<string, Count>();
  private readonly hosts = new Map<string, Count>();

  constructor(private readonly perPattern: number, private readonly perHost: number) {}

  /** Takes a page slot for `url` (held until confirmed or released), or says which limit refuses it. */
  admit(url: string): TrapAdmission | TrapRefusal {
    const pattern = urlPattern(url);
    const host = new URL(url).host;
    const p = count(this.patterns, pattern);
    if (p.taken >= this.perPattern) return { limit: 'max-pages-per-pattern', mayFree: p.unsettled > 0 };
    const h = count(this.hosts, host);
    if (h.taken >= this.perHost) return { limit: 'max-pages-per-host', mayFree: h.unsettled > 0 };
    p.taken++;
    p.unsettled++;
    h.taken++;
    h.unsettled++;
    return { pattern, host };
  }

  /** The URL is a page: its slots are kept for good. */
  confirm(admission: TrapAdmission): void {
    count(this.patterns, admission.pattern).unsettled--;
    count(this.hosts, admission.host).unsettled--;
  }

  /** Gives back the slots of a URL that turned out not to be a page (a 404, an image, a redirect to a parsed page). */
  release(admission: TrapAdmission): void {
    for (const c of [count(this.patterns, admission.pattern), count(this.hosts, admission.host)]) {
      c.taken--;
      c.unsettled--;
    }
  }
}

function count(map: Map<string, Count>, key: string): Count {
  let c = map.get(key);
  if (!c) map.set(key, (c = { taken: 0, unsettled: 0 }));
  return c;
}
