// Soft-404 baseline probes go through the crawl's fetcher: same limits, politeness and logs.
import type { Fetcher } from '../fetch/index.js';
import type { Probe } from '../classify/index.js';
import type { HtmlParser } from '../extract/index.js';
import { inspect, wantsBody } from './inspect.js';

export function makeProbe(fetcher: Fetcher, signal: AbortSignal, parser: HtmlParser): { run: Probe; count: () => number } {
  let count = 0;
  const run: Probe = async (url) => {
    count++;
    const outcome = await fetcher.fetch({ url, readBody: (mime, status) => wantsBody(mime, status, false), signal, kind: 'probe' });
    if (!outcome.ok) return { status: outcome.status ?? null, finalUrl: url, redirects: outcome.redirects, mime: '' };
    const { response } = outcome;
    const seen = await inspect(parser, response, false);
    return {
      status: response.status, finalUrl: response.url, redirects: outcome.redirects, mime: response.mime,
      ...(seen.facts ? { facts: seen.facts } : {}), ...(seen.jsonText !== undefined ? { jsonText: seen.jsonText } : {}),
    };
  };
  return { run, count: () => count };
}
