import type { LinkEntry, LinkSource, PageLinks } from '../types.js';
import { OK_SOURCE_CAP } from '../config/options.js';
import { newChain, SourceLog, type Chain } from './source-log.js';

/** What `decide` is given: everything of an entry but what the store itself collects. */
export type EntryVerdict = Omit<LinkEntry, 'url' | 'sources' | 'sourceCount'>;

/** A URL whose verdict is not known yet: every occurrence is kept. */
interface Pending {
  chain: Chain;
  count: number;
}

const CHAIN = Symbol('chain');
type StoredEntry = LinkEntry & { [CHAIN]: Chain; [LOG]: SourceLog };
const LOG = Symbol('log');

// One getter for every entry: its sources are read from the log each time they are asked for,
// so 150,000 ok entries hold their five sources as records, not 750,000 objects. Entries built
// alike share one hidden class, so the accessor costs them nothing each.
function readSources(this: StoredEntry): LinkSource[] {
  return this[LOG].sources(this[CHAIN]);
}

// Most links have no redirects: one frozen empty list serves them all.
const NO_REDIRECTS: LinkEntry['redirects'] = Object.freeze([]) as unknown as LinkEntry['redirects'];

/**
 * One entry per unique URL, with every place that links to it. The occurrences live as records of
 * a SourceLog; undecided URLs hold their chain, decided ones hold the entry, whose `sources` are
 * read from the chain. Entries of category `ok` keep their first few sources only (and count the
 * rest), which keeps memory flat on big sites.
 */
export class ResultStore {
  readonly #slots = new Map<string, StoredEntry | Pending>();
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
      const chain = newChain();
      this.#log.add(chain, links, index, false);
      this.#slots.set(url, { chain, count: 1 });
      return 'new';
    }
    if (!isEntry(slot)) {
      // Past what an ok entry keeps, occurrences are needed only if the URL turns out not ok.
      this.#log.add(slot.chain, links, index, slot.chain.kept >= this.#okSourceCap);
      slot.count++;
      return 'pending';
    }
    slot.sourceCount++;
    if (slot.category !== 'ok' || slot[CHAIN].kept < this.#okSourceCap) this.#log.add(slot[CHAIN], links, index, false);
    return slot;
  }

  /** Occurrence `index` of `links` as a source object, its text copied as the store keeps it. */
  sourceOf(links: PageLinks, index: number): LinkSource {
    return this.#log.sourceOf(links, index);
  }

  /** Sets the verdict of `url` (seen or not), attaches the sources found so far and returns the entry. */
  decide(url: string, verdict: EntryVerdict): LinkEntry {
    const slot = this.#slots.get(url);
    let chain = newChain();
    let sourceCount = 0;
    if (slot !== undefined && isEntry(slot)) {
      chain = slot[CHAIN];
      sourceCount = slot.sourceCount;
    } else if (slot !== undefined) {
      chain = slot.chain;
      sourceCount = slot.count;
    }
    if (verdict.category === 'ok') this.#log.keepFirst(chain, this.#okSourceCap);
    else this.#log.load(chain);
    const entry = buildEntry(url, verdict, chain, this.#log, sourceCount);
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

function isEntry(slot: StoredEntry | Pending): slot is StoredEntry {
  return 'category' in slot;
}

// Built field by field so the key order is the JSON report's and absent options stay absent.
function buildEntry(url: string, v: EntryVerdict, chain: Chain, log: SourceLog, sourceCount: number): StoredEntry {
  const entry = { url, category: v.category, status: v.status, finalUrl: v.finalUrl === url ? url : v.finalUrl } as StoredEntry;
  entry.redirects = v.redirects.length === 0 ? NO_REDIRECTS : v.redirects;
  if (v.reason !== undefined) entry.reason = v.reason;
  if (v.notes !== undefined) entry.notes = v.notes;
  if (v.soft404 !== undefined) entry.soft404 = v.soft404;
  if (v.suggestion !== undefined) entry.suggestion = v.suggestion;
  entry.internal = v.internal;
  Object.defineProperty(entry, 'sources', { get: readSources, enumerable: true, configurable: true });
  entry.sourceCount = sourceCount;
  Object.defineProperty(entry, CHAIN, { value: chain });
  Object.defineProperty(entry, LOG, { value: log });
  return entry;
}
