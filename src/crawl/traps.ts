// Page bounds and trap guards: infinite calendars, /a/a/a/ paths and session ids make endless
// distinct URLs that share a shape. Pages in all (--max-pages), per shape (numeric and id-like
// path segments generalised, query values dropped) and per host are capped. Digits inside a name (`post-123.html`) are kept:
// a site of many numbered articles is not a trap.

import { detached } from '../extract/index.js';
import { grown } from '../grown.js';

const ID_LIKE = /^(?:\d+|[0-9a-f]{8,}|[0-9a-f-]{32,36}|[A-Za-z0-9_-]{24,})$/i;

/** The shape of a URL: path segments with numbers and ids generalised, query keys sorted. */
export function urlPattern(href: string | URL): string {
  const url = typeof href === 'string' ? new URL(href) : href;
  const segments = url.pathname.split('/').map((s) => (ID_LIKE.test(s) ? '*' : s));
  const collapsed: string[] = [];
  for (const s of segments) if (collapsed.length < 2 || s !== collapsed.at(-1) || s !== collapsed.at(-2)) collapsed.push(s);
  const keys = [...new Set([...url.searchParams.keys()])].sort().join('&');
  return `${url.host}${collapsed.join('/')}?${keys}`;
}

export type TrapLimit = 'max-pages' | 'max-pages-per-pattern' | 'max-pages-per-host';
/** The slots a URL holds: ids of its pattern and host in the guard's counts. */
export interface TrapAdmission {
  pattern: number;
  host: number;
}
/** A refusal; `mayFree` when slots of that limit are held by URLs not known to be pages yet. */
export interface TrapRefusal {
  limit: TrapLimit;
  mayFree: boolean;
}

/**
 * Page slots under every page bound at once: the whole crawl (--max-pages), each URL shape and
 * each host. A slot is taken when a URL is planned as a page, kept when it proves to be one and
 * given back when it does not (a 404, an image, a redirect to a page already parsed).
 */
export class TrapGuard {
  private readonly total = new SlotCounts();
  private readonly patterns = new SlotCounts();
  private readonly hosts = new SlotCounts();

  constructor(private readonly perPattern: number, private readonly perHost: number, private readonly maxPages = Number.POSITIVE_INFINITY) {}

  /** Takes a page slot for `url` (held until confirmed or released), or says which limit refuses it. */
  admit(url: string): TrapAdmission | TrapRefusal {
    const parsed = new URL(url);
    const admission = { pattern: this.patterns.idOf(urlPattern(parsed)), host: this.hosts.idOf(parsed.host) };
    const bounds = this.bounds(admission);
    for (const { limit, cap, counts, id } of bounds) if (counts.taken[id]! >= cap) return { limit, mayFree: counts.unsettled[id]! > 0 };
    for (const { counts, id } of bounds) counts.take(id);
    return admission;
  }

  /** The URL is a page: its slots are kept for good. */
  confirm(admission: TrapAdmission): void {
    for (const { counts, id } of this.bounds(admission)) counts.settle(id, true);
  }

  /** Gives back the slots of a URL that turned out not to be a page. */
  release(admission: TrapAdmission): void {
    for (const { counts, id } of this.bounds(admission)) counts.settle(id, false);
  }

  // Every bound a page is under, with the cell counting its slots (the whole crawl has one).
  private bounds(admission: TrapAdmission): { limit: TrapLimit; cap: number; counts: SlotCounts; id: number }[] {
    return [
      { limit: 'max-pages', cap: this.maxPages, counts: this.total, id: 0 },
      { limit: 'max-pages-per-pattern', cap: this.perPattern, counts: this.patterns, id: admission.pattern },
      { limit: 'max-pages-per-host', cap: this.perHost, counts: this.hosts, id: admission.host },
    ];
  }
}

// Slots taken and not yet settled, per key, in typed arrays: on a site of numbered pages nearly
// every page has a pattern of its own, so a 100,000-page crawl holds 100,000 of these.
class SlotCounts {
  private readonly ids = new Map<string, number>();
  taken = new Uint32Array(1);
  unsettled = new Uint32Array(1);

  idOf(key: string): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.ids.size;
      // A copy: the key is built from slices of the URL, which it would keep alive.
      this.ids.set(detached(key), id);
      if (id === this.taken.length) this.grow();
    }
    return id;
  }

  take(id: number): void {
    this.taken[id]!++;
    this.unsettled[id]!++;
  }

  settle(id: number, keep: boolean): void {
    this.unsettled[id]!--;
    if (!keep) this.taken[id]!--;
  }

  private grow(): void {
    this.taken = grown(this.taken, this.taken.length * 2);
    this.unsettled = grown(this.unsettled, this.unsettled.length * 2);
  }
}
