import { CATEGORIES, type LinkEntry, type Report } from '../types.js';

// The JSON report's key order is part of its contract; reports may be assembled anywhere, so
// the reporters restore the order instead of trusting it. Unknown keys follow the known ones.
const REPORT_KEYS = ['schemaVersion', 'tool', 'startedAt', 'durationMs', 'complete', 'stoppedBy', 'roots', 'summary', 'limitsHit', 'stats', 'links'];
const SUMMARY_KEYS = ['pages', 'urls', ...CATEGORIES, 'broken'];
const ENTRY_KEYS = ['url', 'category', 'status', 'finalUrl', 'redirects', 'reason', 'notes', 'soft404', 'suggestion', 'internal', 'sources', 'sourceCount'];

/** `entry` with its keys in the JSON report's order, undefined ones left out. */
export function orderEntry(entry: LinkEntry): LinkEntry {
  return ordered(entry, ENTRY_KEYS);
}

/** Every top-level field of `report` but `links`, in the JSON report's order. */
export function orderHead(report: Report): Omit<Report, 'links'> {
  const { links: _links, ...head } = report;
  const out = ordered(head, REPORT_KEYS);
  if (head.summary !== undefined) out.summary = ordered(head.summary, SUMMARY_KEYS);
  return out;
}

/** `report` with its own, its summary's and its entries' keys in the JSON report's order. */
export function orderReport(report: Report): Report {
  return { ...orderHead(report), links: report.links.map(orderEntry) };
}

function ordered<T extends object>(source: T, keys: readonly string[]): T {
  const from = source as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of keys) if (from[key] !== undefined) out[key] = from[key];
  for (const key of Object.keys(from)) if (!(key in out) && from[key] !== undefined) out[key] = from[key];
  return out as T;
}
