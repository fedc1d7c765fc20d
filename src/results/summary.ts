import { BROKEN_CATEGORIES, CATEGORIES, type Category, type LinkEntry, type Report, type Summary } from '../types.js';

/** Counts per category, in the JSON report's key order; `broken` is the fixed broken set. */
export function summarize(entries: LinkEntry[], pages: number): Summary {
  const summary = { pages, urls: entries.length } as Summary;
  for (const category of CATEGORIES) summary[category] = 0;
  for (const entry of entries) summary[entry.category]++;
  let broken = 0;
  for (const category of BROKEN_CATEGORIES) broken += summary[category];
  summary.broken = broken;
  return summary;
}

/**
 * The exit policy: 1 when an entry falls in a `failOn` category, or when `--max-duration` cut
 * the crawl short (a time budget that ran out is a failed check). A crawl stopped by a signal
 * still gets its verdict from the entries; the CLI maps the signal to 130/143 itself.
 */
export function exitCode(report: Report, failOn: readonly Category[]): 0 | 1 {
  if (!report.complete && report.stoppedBy === 'max-duration') return 1;
  if (failOn.length === 0) return 0;
  const failing = new Set(failOn);
  return report.links.some((entry) => failing.has(entry.category)) ? 1 : 0;
}
