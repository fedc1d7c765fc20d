import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawl, type CrawlEvent } from '../../src/index.js';
import { ndjsonLink, ndjsonSource, ndjsonSummary, replayNdjson } from '../../src/report/index.js';
import { startServer, type Handler, type TestServer } from '../helpers/server.js';

const page = (body: string): Handler => (_req, res) => {
  res.writeHead(200, { 'content-type': 'text/html' }).end(`<title>t</title>${body}`);
};

async function types(site: TestServer, events?: { requests?: boolean; sources?: boolean }): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  const options = { roots: [site.url], retries: 0, timeoutMs: 2000, soft404Probes: false };
  for await (const event of crawl(options, events ? { events } : {}) as AsyncIterable<CrawlEvent>) counts.set(event.type, (counts.get(event.type) ?? 0) + 1);
  return counts;
}

describe('crawl events', () => {
  let site: TestServer;
  beforeAll(async () => {
    // /a is decided before /b links to it again: that occurrence is a `source` event.
    site = await startServer({ '/': page('<a href="/a">a</a><a href="/b">b</a>'), '/a': page('a'), '/b': (req, res) => void setTimeout(() => page('<a href="/a">a again</a>')(req, res), 100) });
  });
  afterAll(() => site.close());

  it('stream request and source events by default', async () => {
    const counts = await types(site);
    expect(counts.get('request')).toBe(4);
    expect(counts.get('source')).toBeGreaterThanOrEqual(1);
    expect(counts.get('link')).toBe(3);
    expect(counts.get('done')).toBe(1);
  });

  it('replay into the report even when read after later occurrences: a link event keeps the sources of its moment', async () => {
    const events: CrawlEvent[] = [];
    for await (const event of crawl({ roots: [site.url], retries: 0, timeoutMs: 2000, soft404Probes: false })) events.push(event);
    const done = events.at(-1);
    if (done?.type !== 'done') throw new Error('no report');
    const lines = events.map((e) => (e.type === 'link' ? ndjsonLink(e.entry) : e.type === 'source' ? ndjsonSource(e.url, e.source) : e.type === 'done' ? ndjsonSummary(e.report) : ''));
    const replayed = replayNdjson(lines).links.find((l) => l.url.endsWith('/a'));
    expect(replayed?.sources.map((s) => s.text)).toEqual(['a', 'a again']);
    expect(replayed?.sourceCount).toBe(2);
    expect(replayed).toEqual(done.report.links.find((l) => l.url.endsWith('/a')));
  });

  it('leave them out when the consumer turns them off, with the same verdicts', async () => {
    const counts = await types(site, { requests: false, sources: false });
    expect(counts.get('request')).toBeUndefined();
    expect(counts.get('source')).toBeUndefined();
    expect(counts.get('link')).toBe(3);
    expect(counts.get('page')).toBe(3);
  });

  it('give the live entry when source events are off: by done it holds every occurrence', async () => {
    const entries = new Map<string, { sourceCount: number; sources: unknown[] }>();
    let report: { links: { url: string; sourceCount: number; sources: unknown[] }[] } | undefined;
    for await (const event of crawl({ roots: [site.url], retries: 0, timeoutMs: 2000, soft404Probes: false }, { events: { sources: false } })) {
      if (event.type === 'link') entries.set(event.entry.url, event.entry);
      if (event.type === 'done') report = event.report;
    }
    const a = [...entries].find(([url]) => url.endsWith('/a'))?.[1];
    expect(a?.sourceCount).toBe(2);
    expect(a?.sources).toHaveLength(2);
    expect(a).toEqual(report?.links.find((l) => l.url.endsWith('/a')));
  });
});
