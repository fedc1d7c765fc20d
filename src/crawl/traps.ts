// Page bounds and trap guards: infinite calendars, /a/a/a/ paths and session ids make endless
// distinct URLs that share a shape. Pages in all (--max-pages), per shape (numeric and id-like
// path segments generalised, query values dropped) and per host are capped. Digits inside a name (`post-123.html`) are kept:
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

export type TrapLimit = 'max-pages' | 'max-pages-per-pattern' | 'max-pages-per-host';
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

/**
 * Page slots under every page bound at once: the whole crawl (--max-pages), each URL shape and
 * each host. A slot is taken when a URL is planned as a page, kept when it proves to be one and
 * given back when it does not (a 404, an image, a redirect to a page already parsed).
 */
export class TrapGuard {
  private readonly total: Count = { taken: 0, unsettled: 0 };
  private readonly patterns = new Map<string, Count>();
  private readonly hosts = new Map<string, Count>();

  constructor(private readonly perPattern: number, private readonly perHost: number, private readonly maxPages = Number.POSITIVE_INFINITY) {}

  /** Takes a page slot for `url` (held until confirmed or released), or says which limit refuses it. */
  admit(url: string): TrapAdmission | TrapRefusal {
    const pattern = urlPattern(url);
    const host = new URL(url).host;
    const bounds: [TrapLimit, Count, number][] = [
      ['max-pages', this.total, this.maxPages],
      ['max-pages-per-pattern', count(this.patterns, pattern), this.perPattern],
      ['max-pages-per-host', count(this.hosts, host), this.perHost],
    ];
    for (const [limit, c, cap] of bounds) if (c.taken >= cap) return { limit, mayFree: c.unsettled > 0 };
    for (const [, c] of bounds) {
      c.taken++;
      c.unsettled++;
    }
    return { pattern, host };
  }

  /** The URL is a page: its slots are kept for good. */
  confirm(admission: TrapAdmission): void {
    for (const c of this.counts(admission)) c.unsettled--;
  }

  /** Gives back the slots of a URL that turned out not to be a page. */
  release(admission: TrapAdmission): void {
    for (const c of this.counts(admission)) {
      c.taken--;
      c.unsettled--;
    }
  }

  private counts(admission: TrapAdmission): Count[] {
    return [this.total, count(this.patterns, admission.pattern), count(this.hosts, admission.host)];
  }
}

function count(map: Map<string, Count>, key: string): Count {
  let c = map.get(key);
  if (!c) map.set(key, (c = { taken: 0, unsettled: 0 }));
  return c;
}
