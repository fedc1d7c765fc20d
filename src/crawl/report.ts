// The end of a crawl: undecided URLs get a verdict, then suggestions, summary and the report.
import type { CrawlOptions } from '../config/options.js';
import { VERSION } from '../config/options.js';
import type { CrawlStats, LimitHit, Report } from '../types.js';
import { addSuggestions, summarize, type ResultStore } from '../results/index.js';
import { normalizeUrl } from './normalize.js';

export interface ReportInput {
  options: CrawlOptions;
  startedAt: Date;
  store: ResultStore;
  pages: number;
  limitsHit: LimitHit[];
  stoppedBy: string | undefined;
  stats: CrawlStats;
}

export function buildReport(input: ReportInput): Report {
  const { store, stoppedBy } = input;
  for (const url of store.undecided()) {
    store.decide(url, { category: 'skipped', status: null, finalUrl: url, redirects: [], reason: 'crawl stopped before this URL was checked', internal: false });
  }
  const links = store.entries();
  addSuggestions(links);
  return {
    schemaVersion: 1,
    tool: { name: 'linkhound', version: VERSION },
    startedAt: input.startedAt.toISOString(),
    durationMs: Date.now() - input.startedAt.getTime(),
    complete: stoppedBy === undefined,
    ...(stoppedBy ? { stoppedBy } : {}),
    roots: input.options.roots.map((r) => normalizeUrl(r) ?? r),
    summary: summarize(links, input.pages),
    limitsHit: input.limitsHit,
    stats: input.stats,
    links,
  };
}
