// createFetcher: retries, HEAD confirmation and stats around the redirect-following attempt.
import type { CrawlOptions } from '../config/options.js';
import type { FetchOutcome } from '../types.js';
import { createAbortLinks } from './abort.js';
import { aborted } from './failure.js';
import { createHeaderPolicy } from './headers.js';
import type { HopContext } from './hop.js';
import { createPoliteness, defaultSleep } from './politeness.js';
import { createHostSlots } from './slots.js';
import { followRedirects } from './redirects.js';
import { isTransient, retryDelay } from './retry.js';
import { deriveTimeouts } from './timeouts.js';
import { createTransport } from './transport.js';
import { parseUrl } from '../url.js';
import type { Fetcher, FetcherDeps, FetcherHooks, FetcherStats, FetchRequest } from './types.js';

/** One fetcher per crawl: one connection pool set, closed by close(). */
export function createFetcher(options: CrawlOptions, hooks: FetcherHooks = {}, deps: FetcherDeps = {}): Fetcher {
  const sleep = deps.sleep ?? defaultSleep;
  const now = deps.now ?? Date.now;
  const timeouts = deriveTimeouts(options.timeoutMs);
  const transport = createTransport(options, timeouts, deps.ca);
  const gate = createPoliteness(sleep, now);
  const counts = { requests: 0, retries: 0, confirmations: 0, bytes: 0 };
  const linkAbort = createAbortLinks();
  const ctx: Omit<HopContext, 'sent'> = {
    dispatcher: transport.dispatcher,
    timeouts,
    maxBodyBytes: options.maxBodyBytes,
    gate,
    slots: createHostSlots(options.perHostConnections),
    headersFor: createHeaderPolicy(options),
    read(bytes) {
      counts.bytes += bytes;
    },
  };

  async function withRetries(url: URL, method: 'GET' | 'HEAD', req: FetchRequest): Promise<FetchOutcome> {
    for (let attempt = 1; ; attempt++) {
      const sent = (href: string, m: string) => {
        counts.requests++;
        hooks.onRequest?.(href, m, attempt, req.kind ?? 'link');
      };
      const outcome = await followRedirects({ ...ctx, sent }, url, method, req.readBody, req.signal);
      const done = { ...outcome, attempts: attempt } as FetchOutcome;
      if (!isTransient(done) || attempt > (req.retries ?? options.retries)) return done;
      const retryAfter = outcome.ok ? outcome.response.headers['retry-after'] : undefined;
      const delay = retryDelay(attempt, retryAfter, options.retryAfterCapMs, now(), deps.retryBaseMs);
      if (delay === undefined) return done;
      counts.retries++;
      hooks.onRetry?.(url.href, attempt + 1, delay, outcome.ok ? `HTTP ${outcome.response.status}` : outcome.failure.reason);
      try {
        await sleep(delay, req.signal);
      } catch {
        // an aborted sleep is reported below
      }
      if (req.signal?.aborted) return { ok: false, redirects: outcome.redirects, failure: aborted(), attempts: attempt };
    }
  }

  async function fetchOnce(req: FetchRequest): Promise<FetchOutcome> {
    // One parse per request (canParse and then new URL parsed every URL twice).
    const url = parseUrl(req.url);
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
      return { ok: false, redirects: [], failure: { kind: 'invalid-url', reason: url ? `unsupported scheme ${url.protocol}` : 'invalid URL' }, attempts: 0 };
    }
    // Setting hash re-serializes the URL, and most have no fragment to drop (an empty one, `x#`,
    // shows only in href).
    if (url.href.includes('#')) url.hash = '';
    if (req.signal?.aborted) return { ok: false, redirects: [], failure: aborted(), attempts: 0 };
    const head = await withRetries(url, req.method ?? 'GET', req);
    if ((req.method ?? 'GET') === 'GET' || !needsConfirmation(head)) return head;
    counts.confirmations++;
    const get = await withRetries(url, 'GET', req);
    return { ...get, attempts: head.attempts + get.attempts };
  }

  return {
    async fetch(req) {
      const signal = linkAbort(req.signal);
      try {
        const outcome = await fetchOnce(signal ? { ...req, signal } : req);
        // Most answers come from the URL asked for: the caller's string then serves as the final
        // URL too, so a big crawl keeps one copy of each page's URL, not two.
        if (outcome.ok && outcome.response.url === req.url) outcome.response.url = req.url;
        return outcome;
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        return { ok: false, redirects: [], failure: { kind: 'network', reason: reason.split('\n')[0] ?? 'network error' }, attempts: 1 };
      }
    },
    setOriginDelay: (origin, ms) => gate.setDelay(origin, ms),
    stats: (): FetcherStats => ({ ...counts, connections: transport.connections() }),
    close: () => transport.dispatcher.close(),
  };
}

/** HEAD answers other than 2xx/3xx, and HEADs the server mishandled, are checked again with GET. */
function needsConfirmation(outcome: FetchOutcome): boolean {
  if (outcome.ok) return outcome.response.status < 200 || outcome.response.status >= 400;
  return outcome.failure.kind === 'reset' || outcome.failure.kind === 'protocol';
}
