// Maps a fetch outcome to a category and a one-line reason. Soft-404 judging is separate
// (./soft404/), because it needs the page's facts and may probe the site.
import type { FetchOutcome, Hop, Verdict } from '../types.js';
import { acceptsStatus } from './accept.js';

const PERMANENT = new Set([301, 308]);

/** The verdict for an outcome, before any soft-404 judgement. */
export function classify(outcome: FetchOutcome, accept: readonly string[]): Verdict {
  if (!outcome.ok) {
    return { category: 'error', status: outcome.status ?? null, reason: outcome.failure.reason };
  }
  const { status, headers, url } = outcome.response;
  if (acceptsStatus(status, accept) || (status >= 200 && status < 300)) {
    if (outcome.redirects.length === 0) return { category: 'ok', status };
    return { category: 'redirect', status, reason: redirectReason(outcome.redirects, url) };
  }
  const chain = outcome.redirects.length > 0 ? ` after ${redirectReason(outcome.redirects, url)}` : '';
  if (status === 404) return { category: 'not-found', status, reason: `HTTP 404${chain}` };
  if (status === 410) return { category: 'gone', status, reason: `HTTP 410 Gone: removed on purpose${chain}` };
  const refusal = refusalOf(status, headers, outcome.attempts);
  if (refusal) return { category: 'blocked', status, ...refusal };
  if (status >= 300 && status < 400) return { category: 'error', status, reason: `HTTP ${status} without a Location header` };
  return { category: 'error', status, reason: `HTTP ${status}${chain}` };
}

function redirectReason(redirects: Hop[], finalUrl: string): string {
  const first = redirects[0] as Hop;
  const kind = PERMANENT.has(first.status) ? 'permanent' : 'temporary';
  const hops = redirects.length > 1 ? ` (${redirects.length} hops)` : '';
  return `HTTP ${first.status} (${kind}) to ${finalUrl}${hops}`;
}

/** 401/403/999/429: the server refused us; the page may well work for a person. */
function refusalOf(status: number, headers: Record<string, string>, attempts: number): { reason: string; notes: string[] } | undefined {
  const notes: string[] = [];
  const mitigated = headers['cf-mitigated'];
  if (mitigated) notes.push(`cf-mitigated: ${mitigated}`);
  if (headers['server']) notes.push(`server: ${headers['server']}`);
  if (status === 401) return { reason: 'HTTP 401: requires authentication', notes };
  if (status === 403) {
    const wall = mitigated ? 'bot wall (challenge page)' : 'access denied to the crawler';
    return { reason: `HTTP 403: ${wall}`, notes };
  }
  if (status === 999) return { reason: 'HTTP 999: the site refuses crawlers', notes };
  if (status === 429) {
    if (headers['retry-after']) notes.push(`retry-after: ${headers['retry-after']}`);
    return { reason: `HTTP 429: rate limited (${attempts} attempt${attempts === 1 ? '' : 's'})`, notes };
  }
  return undefined;
}
