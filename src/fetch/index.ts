// The fetch stage: the only importer of undici. Parts: client (retries, HEAD confirmation),
// redirects (hand-followed chain), hop (one exchange + deadline), body (decode + cap),
// failure (error codes -> reasons), retry, headers, politeness, transport, timeouts.
export { createFetcher } from './client.js';
export { isTransient, retryDelay } from './retry.js';
export { MAX_REDIRECTS } from './redirects.js';
export type { Fetcher, FetcherDeps, FetcherHooks, FetcherStats, FetchRequest, RequestKind } from './types.js';
