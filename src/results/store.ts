import type { LinkEntry, LinkSource, PageLinks } from '../types.js';
import { OK_SOURCE_CAP } from '../config/options.js';
import { grown } from '../grown.js';
import { SourceLog } from './source-log.js';

/** What `decide` is given: everything of an entry but what the store itself collects. */
export type EntryVerdict = Omit<LinkEntry, 'url' | 'sources' | 'sourceCount'>;

// Most links have no redirects: one frozen empty list serves them all.
const NO_REDIRECTS: LinkEntry['redirects'] = Object.freeze([]) as unknown as LinkEntry['redirects'];

/**
 * One entry per unique URL, with every place that links to it. The occurrences live as records of
 * a SourceLog, one chain per URL (where every occurrence is kept until the URL is decided); a
 * decided URL has an entry too, whose `sources` and `sourceCount` are read from its chain.
 * Entries of category `ok` keep their first few sources only (and count the rest), which keeps
 * memory flat on big sites. Adding an occurrence reads only numbers: an entry's shape varies
 * with what it holds, and each shape first met late in a crawl threw away the optimized code.
 */
export class ResultStore {
  readonly #chains = new Map<string, number>();
  // By chain: the entry once decided, and whether it keeps every occurrence (not ok).
  readonly #entries: (StoredEntry | undefined)[] = [];
  #keepsAll = new Uint8Array(1024);
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
    const chain = this.#chains.get(url);
    if (chain === undefined) {
      const fresh = this.#newChain();
      this.#log.add(fresh, links, index, false);
      this.#chains.set(url, fresh);
      return 'new';
    }
    const entry = this.#entries[chain];
    if (entry === undefined) {
      // Past what an ok entry keeps, occurrences are needed only if the URL turns out not ok.
      this.#log.add(chain, links, index, this.#log.kept(chain) >= this.#okSourceCap);
      return 'pending';
    }
    if (this.#keepsAll[chain] === 1 || this.#log.kept(chain) < this.#okSourceCap) this.#log.add(chain, links, index, false);
    else this.#log.count(chain);
    return entry;
  }

  /** Occurrence `index` of `links` as a source object, its texts copied off the page. */
  sourceOf(links: PageLinks, index: number): LinkSource {
    return this.#log.sourceOf(links, index);
  }

  /** Sets the verdict of `url` (seen or not), attaches the sources found so far and returns the entry. */
  decide(url: string, verdict: EntryVerdict): LinkEntry {
    let chain = this.#chains.get(url);
    if (chain === undefined) {
      chain = this.#newChain();
      this.#chains.set(url, chain);
    }
    const ok = verdict.category === 'ok';
    if (ok) this.#log.keepFirst(chain, this.#okSourceCap);
    else this.#log.load(chain);
    const entry = new StoredEntry(url, verdict, chain, this.#log);
    this.#entries[chain] = entry;
    this.#keepsAll[chain] = ok ? 0 : 1;
    return entry;
  }

  /** The decided entry of `url`, if any. */
  get(url: string): LinkEntry | undefined {
    const chain = this.#chains.get(url);
    return chain === undefined ? undefined : this.#entries[chain];
  }

  /** Whether `url` has been seen (decided or not). */
  has(url: string): boolean {
    return this.#chains.has(url);
  }

  /** Unique URLs seen, decided or not. */
  get size(): number {
    return this.#chains.size;
  }

  /** Decided entries sorted by URL in plain string (UTF-16 code unit) order. */
  entries(): LinkEntry[] {
    const out: LinkEntry[] = [];
    for (const entry of this.#entries) if (entry !== undefined) out.push(entry);
    return out.sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  }

  /** URLs seen but not decided, in the order they were first seen. */
  undecided(): string[] {
    const out: string[] = [];
    for (const [url, chain] of this.#chains) if (this.#entries[chain] === undefined) out.push(url);
    return out;
  }

  /** Frees what the store holds outside memory; entries stay readable. */
  close(): void {
    this.#log.close();
  }

  // The log numbers chains 0, 1, 2, …: each is also its place in the by-chain columns.
  #newChain(): number {
    const chain = this.#log.newChain();
    this.#entries.push(undefined);
    if (chain === this.#keepsAll.length) this.#keepsAll = grown(this.#keepsAll, chain * 2);
    return chain;
  }
}

/**
 * A decided entry: its own enumerable keys are a LinkEntry's, in the JSON report's order, with
 * absent options absent. Its sources and their count are read from the log each time they are
 * asked for, so 150,000 ok entries hold their five sources as records, not 750,000 objects; one
 * shared getter each serves them all, and the chain and log are private fields, kept inside.
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

  constructor(url: string, v: EntryVerdict, chain: number, log: SourceLog) {
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
    Object.defineProperty(this, 'sourceCount', { get: StoredEntry.#sourceCount, enumerable: true, configurable: true });
  }

  static #sources(this: StoredEntry): LinkSource[] {
    return this.#log.sources(this.#chain);
  }

  static #sourceCount(this: StoredEntry): number {
    return this.#log.added(this.#chain);
  }
}
