// Crawler traps end to end: sites that make pages on the fly, without end, must still give a
// complete crawl within the guards, with the guard named on each URL it stopped (design.md "Limits").
import { afterEach, describe, expect, it } from 'vitest';
import { check } from '../../src/index.js';
import type { Report } from '../../src/types.js';
import { startServer, type Handler, type TestServer } from '../helpers/server.js';

const FAST = { timeoutMs: 2000, retries: 0, soft404Probes: false };
const ARTICLE = '<h1>Archive</h1><p>Notes from the team about the week, the weather and the garden.</p>';

let site: TestServer | undefined;
afterEach(async () => { await site?.close(); site = undefined; });

/** Serves whatever `pageFor` generates for a URL (HTML body), 404 when it returns undefined. */
async function serve(pageFor: (url: URL) => string | undefined): Promise<TestServer> {
  const handler: Handler = (req, res) => {
    const body = pageFor(new URL(req.url ?? '/', 'http://site'));
    if (body === undefined) res.writeHead(404, { 'content-type': 'text/html' }).end('<title>Not found</title>');
    else res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html><title>Archive</title>${ARTICLE}${body}`);
  };
  // startServer looks routes up by exact path: a proxy gives every path to the generator.
  site = await startServer(new Proxy<Record<string, Handler>>({}, { get: (_routes, key) => (key === '/robots.txt' ? undefined : handler) }));
  return site;
}

const stoppedBy = (report: Report, limit: string) =>
  report.links.filter((l) => l.category === 'skipped' && l.reason === `not crawled: ${limit} guard (likely crawler trap)`);

/** The skipped URLs were never requested: the guard stops a URL before its fetch. */
function neverRequested(server: TestServer, report: Report, limit: string): void {
  for (const entry of stoppedBy(report, limit)) {
    const url = new URL(entry.url);
    expect(entry.internal).toBe(true);
    expect(server.hits.has(url.pathname + url.search)).toBe(false);
  }
}

describe('crawler traps end within the guards', () => {
  it('an infinite calendar stops at maxPagesPerPattern', async () => {
    const month = (n: number) => `/cal/${Math.floor(n / 12)}/${(n % 12) + 1}/`;
    const server = await serve((url) => {
      if (url.pathname === '/') return `<a href="${month(2024 * 12)}">calendar</a>`;
      const m = /^\/cal\/(\d+)\/(\d+)\/$/.exec(url.pathname);
      if (!m) return undefined;
      const n = Number(m[1]) * 12 + Number(m[2]) - 1;
      return `<a href="${month(n - 1)}">previous month</a> <a href="${month(n + 1)}">next month</a>`;
    });
    const report = await check({ roots: [server.url], maxPagesPerPattern: 50, ...FAST });

    expect(report.complete).toBe(true);
    expect(report.summary.pages).toBe(51);
    // The crawled months form one run of 50: only the month before it and the one after it were refused.
    expect(stoppedBy(report, 'max-pages-per-pattern')).toHaveLength(2);
    expect(report.limitsHit).toEqual([{ limit: 'max-pages-per-pattern', skipped: 2 }]);
    neverRequested(server, report, 'max-pages-per-pattern');
    expect(server.log).toHaveLength(52); // robots.txt, the root and 50 months, each once
    expect(report.durationMs).toBeLessThan(3000);
  });

  it('an ever-deeper /a/a/a/… path stops at maxPagesPerPattern', async () => {
    const server = await serve((url) => {
      if (url.pathname === '/') return '<a href="a/">in</a>';
      return /^(\/a)+\/$/.test(url.pathname) ? '<a href="a/">deeper</a>' : undefined;
    });
    const report = await check({ roots: [server.url], maxPagesPerPattern: 20, ...FAST });

    expect(report.complete).toBe(true);
    // `/a/` has a shape of its own; `/a/a/`, `/a/a/a/`, … share one, which gets 20 pages.
    expect(report.summary.pages).toBe(22);
    const [refused, ...more] = stoppedBy(report, 'max-pages-per-pattern');
    expect(more).toEqual([]);
    expect(refused?.url).toBe(`${server.origin}${'/a'.repeat(22)}/`);
    expect(report.limitsHit).toEqual([{ limit: 'max-pages-per-pattern', skipped: 1 }]);
    neverRequested(server, report, 'max-pages-per-pattern');
    expect(report.durationMs).toBeLessThan(3000);
  });

  it('a fresh session id in every link stops at maxPagesPerPattern (query values do not make a new shape)', async () => {
    let sid = 0;
    const sessions = () => [1, 2, 3].map(() => `<a href="/page?sid=${(++sid).toString(16).padStart(12, '0')}">next</a>`).join(' ');
    const server = await serve((url) => (url.pathname === '/' || url.pathname === '/page' ? sessions() : undefined));
    const report = await check({ roots: [server.url], maxPagesPerPattern: 30, ...FAST });

    expect(report.complete).toBe(true);
    expect(report.summary.pages).toBe(31);
    // Every page links to 3 new URLs: 3 + 30 × 3 found, 30 crawled.
    expect(stoppedBy(report, 'max-pages-per-pattern')).toHaveLength(63);
    expect(report.limitsHit).toEqual([{ limit: 'max-pages-per-pattern', skipped: 63 }]);
    neverRequested(server, report, 'max-pages-per-pattern');
    expect(server.log).toHaveLength(32);
    expect(report.durationMs).toBeLessThan(3000);
  });

  it('endless query permutations (key order, sort, page=N) stop at maxPagesPerPattern', async () => {
    const server = await serve((url) => {
      if (url.pathname === '/') return '<a href="/list?a=1&amp;b=2">x</a> <a href="/list?b=2&amp;a=1">y</a>';
      if (url.pathname !== '/list') return undefined;
      const page = Number(url.searchParams.get('page') ?? 1);
      const sort = url.searchParams.get('sort') ?? 'asc';
      const other = sort === 'asc' ? 'desc' : 'asc';
      return [`?page=${page + 1}&amp;sort=${sort}`, `?sort=${sort}&amp;page=${page + 1}`, `?page=${page}&amp;sort=${other}`]
        .map((q) => `<a href="/list${q}">more</a>`).join(' ');
    });
    const report = await check({ roots: [server.url], maxPagesPerPattern: 25, ...FAST });

    expect(report.complete).toBe(true);
    // The root, the two a&b orders, and 25 pages of the page&sort shape.
    expect(report.summary.pages).toBe(28);
    const refused = stoppedBy(report, 'max-pages-per-pattern');
    expect(refused.length).toBeGreaterThan(0);
    expect(report.limitsHit).toEqual([{ limit: 'max-pages-per-pattern', skipped: refused.length }]);
    neverRequested(server, report, 'max-pages-per-pattern');
    expect(server.log).toHaveLength(29);
    expect(report.durationMs).toBeLessThan(3000);
  });

  it('a site of many distinct pages stops at maxPagesPerHost', async () => {
    const topics = Array.from({ length: 100 }, (_, i) => `/topic-${i + 1}`);
    const server = await serve((url) => {
      if (url.pathname === '/') return topics.map((t) => `<a href="${t}">${t}</a>`).join('\n');
      return topics.includes(url.pathname) ? '<a href="/">home</a>' : undefined;
    });
    const report = await check({ roots: [server.url], maxPagesPerHost: 30, ...FAST });

    expect(report.complete).toBe(true);
    expect(report.summary.pages).toBe(30);
    expect(stoppedBy(report, 'max-pages-per-host')).toHaveLength(71);
    expect(report.limitsHit).toEqual([{ limit: 'max-pages-per-host', skipped: 71 }]);
    neverRequested(server, report, 'max-pages-per-host');
    expect(server.log).toHaveLength(31);
    expect(report.durationMs).toBeLessThan(3000);
  });

  it('maxDepth checks pages beyond it without parsing them, and is not a limit hit', async () => {
    const server = await serve((url) => {
      if (url.pathname === '/') return '<a href="/d/1">down</a>';
      const m = /^\/d\/(\d+)$/.exec(url.pathname);
      return m ? `<a href="/d/${Number(m[1]) + 1}">down</a>` : undefined;
    });
    const report = await check({ roots: [server.url], maxDepth: 2, ...FAST });

    expect(report.complete).toBe(true);
    expect(report.summary.pages).toBe(3);
    expect(report.links.find((l) => l.url === `${server.origin}/d/3`)).toMatchObject({ category: 'ok', status: 200, internal: true });
    expect(server.hits.get('/d/3')).toBe(1);
    expect(server.hits.has('/d/4')).toBe(false);
    expect(report.links.some((l) => l.url.endsWith('/d/4'))).toBe(false);
    expect(report.limitsHit).toEqual([]);
    expect(report.durationMs).toBeLessThan(3000);
  });
});
