import { availableParallelism } from 'node:os';
import type { Category } from '../types.js';

/** Everything a crawl can be told. `resolveOptions` fills the defaults. */
export interface CrawlOptions {
  /** Root URLs (absolute http/https). */
  roots: string[];
  /** Requests in flight in total. */
  concurrency: number;
  /** Connections to one host at most. */
  perHostConnections: number;
  maxPages: number;
  maxDepth: number;
  /** Whole-crawl deadline in ms; 0 = none. */
  maxDurationMs: number;
  /** Trap guard: pages parsed per host at most. */
  maxPagesPerHost: number;
  /** Trap guard: pages parsed per URL pattern (path with digits and ids generalised) at most. */
  maxPagesPerPattern: number;
  /** Threads that parse HTML beside the crawl's own (0: parse on the crawl's thread). */
  parseThreads: number;
  include: RegExp[];
  exclude: RegExp[];
  external: boolean;
  /** Status matchers counted as ok: exact codes or a class like 2xx. */
  accept: string[];
  /** Total deadline per request in ms, body included. */
  timeoutMs: number;
  retries: number;
  /** Retry-After is honoured up to this many ms. */
  retryAfterCapMs: number;
  insecure: boolean;
  /** Extra request headers, sent only to the roots' origins. */
  headers: Record<string, string>;
  userAgent: string;
  /** 'get' everywhere, or 'head' for check-only links (non-2xx/3xx confirmed with GET). */
  method: 'get' | 'head';
  /** Bytes of a body read at most (after decoding). */
  maxBodyBytes: number;
  robots: boolean;
  soft404: boolean;
  soft404Probes: boolean;
  soft404Threshold: number;
  /** Extra "page not found" phrases, one per line. */
  soft404PhrasesFile?: string;
  failOn: Category[];
}

export const VERSION = '1.0.0';

/** Sources an `ok` entry keeps in the report (the rest are only counted), so memory stays flat. */
export const OK_SOURCE_CAP = 5;
export const HOMEPAGE = 'https://github.com/linkhound/linkhound';

// Concurrency and per-host connections are chosen from the benchmark (bench/README.md, "Defaults").
export const DEFAULTS: Omit<CrawlOptions, 'roots'> = {
  concurrency: 64,
  perHostConnections: 32,
  maxPages: 100_000,
  maxDepth: Number.POSITIVE_INFINITY,
  maxDurationMs: 0,
  // Follows --max-pages unless set: a lower cap only makes sense when asked for.
  maxPagesPerHost: Number.POSITIVE_INFINITY,
  maxPagesPerPattern: 2_000,
  // One core is the crawl's own (fetching, results); the others parse. Past 4 the crawl's
  // thread is the bottleneck.
  parseThreads: Math.max(0, Math.min(4, availableParallelism() - 1)),
  include: [],
  exclude: [],
  external: true,
  accept: [],
  timeoutMs: 15_000,
  retries: 2,
  retryAfterCapMs: 60_000,
  insecure: false,
  headers: {},
  userAgent: `linkhound/${VERSION} (+${HOMEPAGE})`,
  method: 'get',
  maxBodyBytes: 5 * 1024 * 1024,
  robots: true,
  soft404: true,
  soft404Probes: true,
  soft404Threshold: 0.8,
  failOn: ['not-found', 'gone', 'soft-404', 'error'],
};

export function resolveOptions(partial: Partial<CrawlOptions> & { roots: string[] }): CrawlOptions {
  const defined = Object.fromEntries(Object.entries(partial).filter(([, v]) => v !== undefined));
  const options = { ...DEFAULTS, ...defined } as CrawlOptions;
  return { ...options, maxPagesPerHost: Math.min(options.maxPagesPerHost, options.maxPages) };
}
