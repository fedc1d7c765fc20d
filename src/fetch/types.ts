// The fetch stage's contract: what callers pass in and what a fetcher offers.
import type { FetchOutcome } from '../types.js';

/** What a request is for: checking a link, reading robots.txt, or a soft-404 baseline probe. */
export type RequestKind = 'link' | 'robots' | 'probe';

export interface FetchRequest {
  /** Absolute http(s) URL, fragment already dropped (WHATWG-serialized). */
  url: string;
  /** GET by default. A HEAD answered with anything but 2xx/3xx is confirmed with GET. */
  method?: 'GET' | 'HEAD';
  /** Decides, from the final response's MIME type (lower-case, no parameters) and status, whether to read the body. */
  readBody: (mime: string, status: number) => boolean;
  /** Crawl-wide abort: pending work ends with failure kind `aborted`. */
  signal?: AbortSignal;
  /** What the request is for (callers' bookkeeping; the fetcher treats all kinds alike). */
  kind?: RequestKind;
  /** Overrides the crawl's --retries for this request (a second chance is one attempt). */
  retries?: number;
}

export interface FetcherHooks {
  /** Each HTTP request sent (every redirect hop, retry and confirmation); attempt is 1-based. */
  onRequest?(url: string, method: string, attempt: number, kind: RequestKind): void;
  /** A transient outcome will be retried as `attempt` after `delayMs`. */
  onRetry?(url: string, attempt: number, delayMs: number, reason: string): void;
}

export interface FetcherStats {
  /** HTTP requests sent, redirect hops included. */
  requests: number;
  retries: number;
  /** HEAD answers confirmed with GET. */
  confirmations: number;
  /** Decoded body bytes read. */
  bytes: number;
  /** Connections opened (to servers, or to the proxy). */
  connections: number;
}

export interface Fetcher {
  /** Never rejects: every fault becomes a failure outcome. */
  fetch(req: FetchRequest): Promise<FetchOutcome>;
  /** Politeness (robots Crawl-delay): requests to `origin` start at least `ms` apart. */
  setOriginDelay(origin: string, ms: number): void;
  stats(): FetcherStats;
  /** Closes the connections; fetches after this fail. */
  close(): Promise<void>;
}

export interface FetcherDeps {
  /** Waits `ms`; should end early (resolve or reject) when `signal` aborts. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Clock in ms (Retry-After dates, politeness). */
  now?: () => number;
  /** Base of the exponential retry backoff in ms (default 250). */
  retryBaseMs?: number;
  /** Extra trusted CA certificate (PEM); replaces the system roots, for tests against local TLS servers. */
  ca?: string;
}
