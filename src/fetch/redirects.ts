// Follows a redirect chain by hand so every hop is known (url + status), with loop and length guards.
import type { FetchOutcome, Hop } from '../types.js';
import { performHop, type HopContext } from './hop.js';

export const MAX_REDIRECTS = 10;

export type AttemptOutcome = FetchOutcome extends infer O ? (O extends unknown ? Omit<O, 'attempts'> : never) : never;

/** One attempt at `url`: request it and every hop its redirects lead to. */
export async function followRedirects(
  ctx: HopContext,
  start: URL,
  method: 'GET' | 'HEAD',
  wantBody: (mime: string, status: number) => boolean,
  signal: AbortSignal | undefined,
): Promise<AttemptOutcome> {
  const redirects: Hop[] = [];
  const seen = new Set([start.href]);
  let current = start;
  for (;;) {
    const hop = await performHop(ctx, current, method, wantBody, signal);
    if (!hop.ok) return { ok: false, redirects, failure: hop.failure, ...(hop.status !== undefined ? { status: hop.status } : {}) };
    if (hop.location === undefined) return { ok: true, redirects, response: hop.response };
    redirects.push({ url: current.href, status: hop.response.status });
    const next = resolveLocation(hop.location, current);
    if (typeof next === 'string') return { ok: false, redirects, failure: { kind: 'invalid-url', reason: next } };
    if (seen.has(next.href)) return { ok: false, redirects, failure: { kind: 'redirect-loop', reason: 'redirect loop' } };
    if (redirects.length > MAX_REDIRECTS) {
      return { ok: false, redirects, failure: { kind: 'too-many-redirects', reason: `more than ${MAX_REDIRECTS} redirects` } };
    }
    seen.add(next.href);
    current = next;
  }
}

/** Resolves a Location against the current URL (fragment dropped), or says why it cannot be followed. */
export function resolveLocation(location: string, base: URL): URL | string {
  // Header values arrive as latin1; a server sending raw UTF-8 in Location meant UTF-8.
  const text = /[^\x00-\x7f]/.test(location) ? Buffer.from(location, 'latin1').toString('utf8') : location;
  if (!URL.canParse(text.trim(), base.href)) return `redirect to an invalid URL (${text.slice(0, 100)})`;
  const next = new URL(text.trim(), base);
  if (next.protocol !== 'http:' && next.protocol !== 'https:') return `redirect to an unsupported scheme (${next.protocol})`;
  next.hash = '';
  return next;
}
