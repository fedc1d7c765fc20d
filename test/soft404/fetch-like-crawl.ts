// A tiny stand-in for the crawl in tests: follows redirects by hand, parses HTML into PageFacts
// and keeps JSON text, so the detector sees what the crawl would give it.
import { parseHtml } from '../../src/extract/html.js';
import type { Hop } from '../../src/types.js';
import type { ProbeResult } from '../../src/classify/soft404/index.js';

// The generous timeout is for a loaded CI machine running every test file at once.
export async function fetchLikeCrawl(url: string): Promise<ProbeResult> {
  const redirects: Hop[] = [];
  let current = url;
  try {
    for (let i = 0; i < 10; i++) {
      const res = await fetch(current, { redirect: 'manual', signal: AbortSignal.timeout(10_000) });
      const location = res.headers.get('location');
      if (res.status >= 300 && res.status < 400 && location) {
        await res.arrayBuffer();
        redirects.push({ url: current, status: res.status });
        current = new URL(location, current).href;
        continue;
      }
      const mime = (res.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
      const body = await res.text();
      const out: ProbeResult = { status: res.status, finalUrl: current, redirects, mime };
      if (mime === 'text/html') out.facts = parseHtml(body, current, { links: false }).facts;
      if (mime === 'application/json' || mime.endsWith('+json')) out.jsonText = body.slice(0, 65536);
      return out;
    }
  } catch {
    // a failed fetch is an answer without a status, as the crawl reports it
  }
  return { status: null, finalUrl: current, redirects, mime: '' };
}
