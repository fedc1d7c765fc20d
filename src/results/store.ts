import type { LinkEntry, LinkSource, PageLinks } from '../types.js';
import { OK_SOURCE_CAP } from '../config/options.js';
import { SourceLog } from './source-log.js';

/** What `decide` is given: everything of an entry but what the store itself collects. */
export type EntryVerdict = Omit<LinkEntry, 'url' | 'sources' | 'sourceCount'>;

/** Occurrences of a URL whose verdict is not known yet: a chain of records in the log. */
interface Pending {
  head: number;
  tail: number;
  count: number;
}

/**
 * One entry per unique URL, with every place that links to it. Undecided URLs hold only their
 * occurrences, as records of a SourceLog; decided ones hold the entry itself, so nothing is
 * stored twice. Entries of category `ok` keep their first few sources only (and count the
 * rest), which keeps memory flat on big sites.
 */
export class ResultStore {
  readonly #slots = new Map<string, LinkEntry | Pending>();
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
      const at = this.#log.append(links, index, -1);
      this.#slots.set(url, { head: at, tail: at, count: 1 });
      return 'new';
    }
    if (!isEntry(slot)) {
      slot.tail = this.#log.append(links, index, slot.tail);
      slot.count++;
      return 'pending';
    }
    slot.sourceCount++;
    if (slot.category !== 'ok' || slot.sources.length < this.#okSourceCap) slot.sources.push(this.#log.sourceOf(links, index));
    return slot;
  }

  /** Occurrence `index` of `links` as a source object, its text copied as the store keeps it. */
  sourceOf(links: PageLinks, index: number): LinkSource {
    return this.#log.sourceOf(links, index);
  }

  /** Sets the verdict of `url` (seen or not), attaches the sources found so far and returns the entry. */
  decide(url: string, verdict: EntryVerdict): LinkEntry {
    const slot = this.#slots.get(url);
    let sources: LinkSource[] = [];
    let sourceCount = 0;
    if (slot !== undefined && isEntry(slot)) {
      sources = slot.sources;
      sourceCount = slot.sourceCount;
    } else if (slot !== undefined) {
      sources = this.#log.release(slot.head, verdict.category === 'ok' ? this.#okSourceCap : Number.POSITIVE_INFINITY);
      sourceCount = slot.count;
    }
    const entry = buildEntry(url, verdict, sources, sourceCount);
    if (entry.category === 'ok' && sources.length > this.#okSourceCap) entry.sources = sources.slice(0, this.#okSourceCap);
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
}

function isEntry(slot: LinkEntry | Pending): slot is LinkEntry {
  return 'category' in slot;
}

// Built field by field so the key order is the JSON report's and absent options stay absent.
function buildEntry(url: string, v: EntryVerdict, sources: LinkSource[], sourceCount: number): LinkEntry {
  const entry: LinkEntry = { url, category: v.category, status: v.status, finalUrl: v.finalUrl, redirects: v.redirects } as LinkEntry;
  if (v.reason !== undefined) entry.reason = v.reason;
  if (v.notes !== undefined) entry.notes = v.notes;
  if (v.soft404 !== undefined) entry.soft404 = v.soft404;
  if (v.suggestion !== undefined) entry.suggestion = v.suggestion;
  entry.internal = v.internal;
  entry.sources = sources;
  entry.sourceCount = sourceCount;
  return entry;
}
