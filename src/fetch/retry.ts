// The one place that decides what is worth another try and how long to wait first.
import type { FetchOutcome } from '../types.js';
import { DNS_TEMPORARY } from './failure.js';

const TRANSIENT_STATUSES = new Set([429, 502, 503, 504]);

/**
 * True when trying again may give another answer: 429/502/503/504, a reset, a timeout or a
 * temporary DNS failure. A refused connection is not: on a live host nothing listens there.
 */
export function isTransient(outcome: FetchOutcome): boolean {
  if (outcome.ok) return TRANSIENT_STATUSES.has(outcome.response.status);
  const { kind, reason } = outcome.failure;
  return kind === 'reset' || kind === 'timeout' || (kind === 'dns' && reason.startsWith(DNS_TEMPORARY));
}

/**
 * Milliseconds to wait before the retry that follows failed attempt `attempt` (1-based):
 * Retry-After (delta-seconds or HTTP date) when given, else exponential backoff with jitter.
 * Undefined when Retry-After asks for more than `capMs`: give up now rather than wait.
 */
export function retryDelay(attempt: number, retryAfterHeader: string | undefined, capMs: number, now: number, baseMs = 250): number | undefined {
  const asked = parseRetryAfter(retryAfterHeader, now);
  if (asked !== undefined) return asked > capMs ? undefined : asked;
  const backoff = baseMs * 2 ** Math.max(0, attempt - 1);
  return Math.min(capMs, Math.round(backoff * (0.5 + Math.random() / 2)));
}

function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
