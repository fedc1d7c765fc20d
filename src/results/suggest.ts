import type { LinkEntry } from '../types.js';

const ARCHIVE = 'archived copy may exist: https://web.archive.org/web/*/';
const HTTP_URL = /^https?:/i;

/**
 * Adds fix hints to entries that have none yet: "update the link to <final>" for internal links
 * whose first hop is permanent, "did you mean <url>?" for a not-found URL whose working twin
 * differs only by case or a trailing slash, and an archive search link for external dead links.
 * Mutates the entries; never fetches anything.
 */
export function addSuggestions(entries: LinkEntry[]): void {
  const working = indexWorking(entries);
  for (const entry of entries) {
    if (entry.suggestion !== undefined) continue;
    const suggestion = suggestFor(entry, working);
    if (suggestion !== undefined) entry.suggestion = suggestion;
  }
}

function suggestFor(entry: LinkEntry, working: Map<string, string>): string | undefined {
  if (entry.category === 'redirect' && entry.internal && isPermanent(entry.redirects[0]?.status)) {
    return `update the link to ${entry.finalUrl}`;
  }
  if (entry.category === 'not-found') {
    const twin = working.get(looseKey(entry.url));
    if (twin !== undefined && twin !== entry.url) return `did you mean ${twin}?`;
  }
  if (!entry.internal && (entry.category === 'not-found' || entry.category === 'gone') && HTTP_URL.test(entry.url)) {
    return ARCHIVE + entry.url;
  }
  return undefined;
}

function isPermanent(status: number | undefined): boolean {
  return status === 301 || status === 308;
}

// Working URLs by loose key, for the loose keys of not-found URLs only: indexing every working
// URL held a lower-cased copy of each at the crawl's very end, where its memory peaks (151,295
// entries: the heap grew 27 MB while indexing, now 17 MB of short-lived garbage). The first in
// entry order wins, so the hint is deterministic.
function indexWorking(entries: LinkEntry[]): Map<string, string> {
  const wanted = new Set<string>();
  for (const entry of entries) if (entry.category === 'not-found') wanted.add(looseKey(entry.url));
  const index = new Map<string, string>();
  if (wanted.size === 0) return index;
  for (const entry of entries) {
    if (entry.category !== 'ok' && entry.category !== 'redirect') continue;
    const key = looseKey(entry.url);
    if (wanted.has(key) && !index.has(key)) index.set(key, entry.url);
  }
  return index;
}

// Lower-cased, without a trailing slash on the path (the query is kept apart so `/a/?q` ~ `/a?q`).
function looseKey(url: string): string {
  const q = url.indexOf('?');
  const path = q === -1 ? url : url.slice(0, q);
  const query = q === -1 ? '' : url.slice(q);
  const trimmed = path.endsWith('/') ? path.slice(0, -1) : path;
  return (trimmed + query).toLowerCase();
}
