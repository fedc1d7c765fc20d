import type { LinkEntry, LinkSource } from '../types.js';
import { OK_SOURCE_CAP } from '../config/options.js';

/** What `decide` is given: everything of an entry but what the store itself collects. */
export type EntryVerdict = Omit<LinkEntry, 'url' | 'sources' | 'sourceCount'>;

/** Occurrences of a URL whose verdict is not known yet. */
interface Pending {
  sources: LinkSource[];
}


/**
 * One entry per unique URL, with every place that links to it. Undecided URLs hold only their
 * sources; decided ones hold the entry itself, so nothing is stored twice. Entries of category
 * `ok` keep their first few sources only (and count the rest), which keeps memory flat on big sites.
 */
export class ResultStore {
  readonly #slots = new Map<string, LinkEntry | Pending>();
  readonly #okSourceCap: number;

  constructor(opts: { okSourceCap?: number } = {}) {
    this.#okSourceCap = Math.max(0, opts.okSourceCap ?? OK_SOURCE_CAP);
  }

  /**
   * Records that `source` links to `url`. Returns 'new' the first time the URL is seen (the
   * caller schedules it), 'pending' while it is undecided, or the decided entry (the caller may
   * stream the occurrence).
   */
  addSource(url: string, source: LinkSource): 'new' | 'pending' | LinkEntry {
    const slot = this.#slots.get(url);
    if (slot === undefined) {
      this.#slots.set(url, { sources: [source] });
      return 'new';
    }
    if (!isEntry(slot)) {
      slot.sources.push(source);
      return 'pending';
    }
    slot.sourceCount++;
    if (slot.category !== 'ok' || slot.sources.length < this.#okSourceCap) slot.sources.push(source);
    return slot;
  }

  /** Sets the verdict of `url` (seen or not), attaches the sources found so far and returns the entry. */
  decide(url: string, verdict: EntryVerdict): LinkEntry {
    const slot = this.#slots.get(url);
    const sources = slot === undefined ? [] : slot.sources;
    const sourceCount = slot !== undefined && isEntry(slot) ? slot.sourceCount : sources.length;
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
