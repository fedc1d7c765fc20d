import type { LinkEntry, LinkSource, PageLinks } from '../types.js';
import { OK_SOURCE_CAP } from '../config/options.js';
import { SourceLog } from './source-log.js';

/** What `decide` is given: everything of an entry but what the store itself collects. */
export type EntryVerdict = Omit<LinkEntry, 'url' | 'sources' | 'sourceCount'>;

// Most links have no redirects: one frozen empty list serves them all.
const NO_REDIRECTS: LinkEntry['redirects'] = Object.freeze([]) as unknown as LinkEntry['redirects'];

/**
 * One entry per unique URL, with every place that links to it. The occurrences live as records of
 * a SourceLog; an undecided URL holds the number of its chain (where every occurrence is kept), a
 * decided one holds the entry, whose `sources` are read from the chain. Entries of category `ok`
 * keep their first few sources only (and count the rest), which keeps memory flat on big sites.
 */
export class ResultStore {
  readonly #slots = new Map<string, StoredEntry | number>();
  readonly #okSourceCap: number;
  readonly #log: SourceLog;

  /** `copyText` makes the link texts it keeps independent of their page (extract's `detached`). */
  constructor(opts: { okSourceCap?: number; copyText?: (text: string) => string } = {}) {
    this.#okSourceCap = Math.max(0, opts.okSourceCap ?? OK_SOURCE_CAP);
    this.#log = new SourceLog(opts.copyText ?? ((text) => text));
  }

  /**
   * Records that occurrence `index` of `links` links to `url`. Returns 'new' the first time the
   * URL is seen (the caller schedules it), 'pending' while it is undecided, or the decided entry
   * (the caller may stream the occurrence).
   */
  addSource(url: string, links: PageLinks, index: number): 'new' | 'pending' | LinkEntry {
    const slot = this.#slots.get(url);
    if (slot === undefined) {
      const chain = this.#log.newChain();
      this.#log.add(chain, links, index, false);
      this.#slots.set(url, chain);
      return 'new';
    }
    if (!isEntry(slot)) {
      // Past what an ok entry keeps, occurrences are needed only if the URL turns out not ok.
      this.#log.add(slot, links, index, this.#log.kept(slot) >= this.#okSourceCap);
      return 'pending';
    }
    slot.sourceCount++;
    const chain = StoredEntry.chainOf(slot);
    if (slot.category !== 'ok' || this.#log.kept(chain) < this.#okSourceCap) this.#log.add(chain, links, index, false);
    return slot;
  }

  /** Occurrence `index` of `links` as a source object, its texts copied off the page. */
  sourceOf(links: PageLinks, index: number): LinkSource {
    return this.#log.sourceOf(links, index);
  }

  /** Sets the verdict of `url` (seen or not), attaches the sources found so far and returns the entry. */
  decide(url: string, verdict: EntryVerdict): LinkEntry {
    const slot = this.#slots.get(url);
    let chain: number;
    let sourceCount: number;
    if (slot === undefined) {
      chain = this.#log.newChain();
      sourceCount = 0;
    } else if (isEntry(slot)) {
      chain = StoredEntry.chainOf(slot);
      sourceCount = slot.sourceCount;
    } else {
      chain = slot;
      sourceCount = this.#log.added(slot);
    }
    if (verdict.category === 'ok') this.#log.keepFirst(chain, this.#okSourceCap);
    else this.#log.load(chain);
    const entry = new StoredEntry(url, verdict, chain, this.#log, sourceCount);
    this.#slots.set(url, entry);
    return entry;
  }

  /** The decided entry of `url`, if any. */
  get(url: string): LinkEntry | undefined {
    const slot = this.#slots.get(url);
    return slot !== undefined && isEntry(slot) ? slot : undefined;
  }

  /** Whether `url` has been seen (decided or not). */
  has(url: string): boolean {
    return this.#slots.has(url);
  }

  /** Unique URLs seen, decided or not. */
  get size(): number {
    return this.#slots.size;
  }

  /** Decided entries sorted by URL in plain string (UTF-16 code unit) order. */
  entries(): LinkEntry[] {
    const out: LinkEntry[] = [];
    for (const slot of this.#slots.values()) if (isEntry(slot)) out.push(slot);
    return out.sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  }

  /** URLs seen but not decided, in the order they were first seen. */
  undecided(): string[] {
    const out: string[] = [];
    for (const [url, slot] of this.#slots) if (!isEntry(slot)) out.push(url);
    return out;
  }

  /** Frees what the store holds outside memory; entries stay readable. */
  close(): void {
    this.#log.close();
  }
}

function isEntry(slot: StoredEntry | number): slot is StoredEntry {
  return typeof slot !== 'number';
}

/**
 * A decided entry: its own enumerable keys are a LinkEntry's, in the JSON report's order, with
 * absent options absent. Its sources are read from the log each time they are asked for, so
 * 150,000 ok entries hold their five sources as records, not 750,000 objects; one shared getter
 * serves them all, and the chain and log are private fields, kept inside the object.
 */
class StoredEntry implements LinkEntry {
  declare url: string;
  declare category: LinkEntry['category'];
  declare status: LinkEntry['status'];
  declare finalUrl: string;
  declare redirects: LinkEntry['redirects'];
  declare reason?: string;
  declare notes?: string[];
  declare soft404?: LinkEntry['soft404'];
  declare suggestion?: string;
  declare internal: boolean;
  declare sources: LinkSource[];
  declare sourceCount: number;
  readonly #chain: number;
  readonly #log: SourceLog;

  constructor(url: string, v: EntryVerdict, chain: number, log: SourceLog, sourceCount: number) {
    this.#chain = chain;
    this.#log = log;
    this.url = url;
    this.category = v.category;
    this.status = v.status;
    this.finalUrl = v.finalUrl === url ? url : v.finalUrl;
    this.redirects = v.redirects.length === 0 ? NO_REDIRECTS : v.redirects;
    if (v.reason !== undefined) this.reason = v.reason;
    if (v.notes !== undefined) this.notes = v.notes;
    if (v.soft404 !== undefined) this.soft404 = v.soft404;
    if (v.suggestion !== undefined) this.suggestion = v.suggestion;
    this.internal = v.internal;
    Object.defineProperty(this, 'sources', { get: StoredEntry.#sources, enumerable: true, configurable: true });
    this.sourceCount = sourceCount;
  }

  static chainOf(entry: StoredEntry): number {
    return entry.#chain;
  }

  static #sources(this: StoredEntry): LinkSource[] {
    return this.#log.sources(this.#chain);
  }
}
