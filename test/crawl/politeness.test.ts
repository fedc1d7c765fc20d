import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check, type CrawlOptions } from '../../src/index.js';
import type { Report } from '../../src/types.js';
import { startTlsServer, type TlsServer } from '../helpers/hostile.js';
import { startServer, type Handler, type TestServer } from '../helpers/server.js';

const page = (body: string): Handler => (_req, res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html><title>Hours</title><h1>Hours</h1><p>Open from nine to five.</p>${body}`);
};
const status = (code: number, headers: Record<string, string> = {}): Handler => (_req, res) => {
  res.writeHead(code, { 'content-type': 'text/html', ...headers }).end(`<p>${code}</p>`);
};
const robots = (text: string): Handler => (_req, res) => void res.writeHead(200, { 'content-type': 'text/plain' }).end(text);
const links = (paths: string[]) => paths.map((p) => `<a href="${p}">${p}</a>`).join('\n');
const run = (root: string, extra: Partial<CrawlOptions> = {}) => check({ roots: [root], timeoutMs: 1500, retries: 0, soft404Probes: false, ...extra });
const entryOf = (report: Report, url: string) => report.links.find((l) => l.url === url);

describe('robots.txt', () => {
  let site: TestServer;
  beforeAll(async () => {
    site = await startServer({
      '/': page(links(['/open', '/private/secret'])),
      '/open': page(''),
      '/private/secret': page(''),
      '/robots.txt': robots('User-agent: *\nDisallow: /private/\n'),
    });
  });
  afterAll(() => site.close());

  it('skips a disallowed page with the reason and never requests it', async () => {
    const report = await run(site.url);
    expect(entryOf(report, `${site.origin}/private/secret`)).toMatchObject({
      category: 'skipped',
      status: null,
      reason: 'disallowed by robots.txt (--ignore-robots to check)',
      internal: true,
    });
    expect(entryOf(report, `${site.origin}/open`)?.category).toBe('ok');
    expect(site.hits.has('/private/secret')).toBe(false);
    expect(site.hits.get('/robots.txt')).toBe(1);
  });

  it('crawls it when robots are ignored, without fetching robots.txt', async () => {
    site.hits.clear();
    const report = await run(site.url, { robots: false });
    expect(entryOf(report, `${site.origin}/private/secret`)).toMatchObject({ category: 'ok', status: 200 });
    expect(site.hits.get('/private/secret')).toBe(1);
    expect(site.hits.has('/robots.txt')).toBe(false);
  });
});

describe('Crawl-delay', () => {
  let site: TestServer;
  const starts: number[] = [];
  const timed = (handler: Handler): Handler => (req, res) => {
    starts.push(performance.now());
    return handler(req, res);
  };
  beforeAll(async () => {
    site = await startServer({
      '/': timed(page(links(['/a', '/b']))),
      '/a': timed(page('')),
      '/b': timed(page('')),
      '/robots.txt': robots('User-agent: *\nCrawl-delay: 1\n'),
    });
  });
  afterAll(() => site.close());

  it('spaces the requests to one origin by the delay', async () => {
    const report = await run(site.url);
    expect(report.summary).toMatchObject({ pages: 3, ok: 3 });
    expect(starts).toHaveLength(3);
    const gaps = starts.slice(1).map((t, i) => t - (starts[i] as number));
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(900);
  });
});

describe('refusals and retries', () => {
  let site: TestServer;
  let report: Report;
  let flaky = 0;
  let shaky = 0;
  const entry = (path: string) => entryOf(report, site.origin + path);
  beforeAll(async () => {
    site = await startServer({
      '/': page(links(['/rate-limited', '/unavailable', '/flaky', '/shaky', '/challenge', '/linkedin', '/login', '/forbidden'])),
      '/rate-limited': status(429, { 'retry-after': '0' }),
      '/unavailable': status(503),
      '/flaky': (req: IncomingMessage, res: ServerResponse) => (++flaky === 1 ? status(503)(req, res) : page('')(req, res)),
      // Down for the whole first try (3 attempts), up at the end of the crawl; its link proves it was parsed.
      '/shaky': (req: IncomingMessage, res: ServerResponse) => (++shaky <= 3 ? status(503)(req, res) : page('<a href="/behind-shaky">b</a>')(req, res)),
      '/behind-shaky': page(''),
      '/challenge': status(403, { 'cf-mitigated': 'challenge' }),
      '/linkedin': status(999),
      '/login': status(401),
      '/forbidden': status(403),
    });
    report = await run(site.url, { retries: 2 });
  });
  afterAll(() => site.close());

  it('a 429 that outlasts the retries and a second chance is blocked, with the evidence', () => {
    expect(entry('/rate-limited')).toMatchObject({ category: 'blocked', status: 429, reason: 'HTTP 429: rate limited (4 attempts)' });
    expect(entry('/rate-limited')?.notes).toEqual(expect.arrayContaining(['retry-after: 0', 'failed again on a second try at the end of the crawl (first: HTTP 429)']));
    expect(site.hits.get('/rate-limited')).toBe(4);
  });

  it('a 503 that outlasts the retries is an error; one that recovers is ok', () => {
    expect(entry('/unavailable')).toMatchObject({ category: 'error', status: 503, reason: 'HTTP 503' });
    expect(site.hits.get('/unavailable')).toBe(4);
    expect(entry('/flaky')).toMatchObject({ category: 'ok', status: 200 });
    expect(entry('/flaky')?.notes).toBeUndefined();
    expect(site.hits.get('/flaky')).toBe(2);
  });

  it('a page down for the whole first try gets a second chance at the end, and is then parsed', () => {
    expect(entry('/shaky')).toMatchObject({ category: 'ok', status: 200, notes: ['first try failed (HTTP 503); a second try at the end of the crawl succeeded'] });
    expect(site.hits.get('/shaky')).toBe(4);
    expect(entry('/behind-shaky')?.category).toBe('ok');
    expect(report.stats?.secondChances).toBe(3);
  });

  it('refusals are blocked, not broken, and are not retried', () => {
    expect(entry('/challenge')).toMatchObject({ category: 'blocked', status: 403, reason: 'HTTP 403: bot wall (challenge page)' });
    expect(entry('/challenge')?.notes).toContain('cf-mitigated: challenge');
    expect(entry('/linkedin')).toMatchObject({ category: 'blocked', status: 999, reason: 'HTTP 999: the site refuses crawlers' });
    expect(entry('/login')).toMatchObject({ category: 'blocked', status: 401, reason: 'HTTP 401: requires authentication' });
    expect(entry('/forbidden')).toMatchObject({ category: 'blocked', status: 403, reason: 'HTTP 403: access denied to the crawler' });
    for (const path of ['/challenge', '/linkedin', '/login', '/forbidden']) expect(site.hits.get(path)).toBe(1);
    expect(report.summary).toMatchObject({ blocked: 5, error: 1, broken: 1 });
    expect(report.complete).toBe(true);
  });

  it('--accept 403 counts exactly the 403s as ok', async () => {
    const accepted = await run(site.url, { accept: ['403'] });
    expect(entryOf(accepted, `${site.origin}/forbidden`)).toMatchObject({ category: 'ok', status: 403 });
    expect(entryOf(accepted, `${site.origin}/challenge`)).toMatchObject({ category: 'ok', status: 403 });
    expect(entryOf(accepted, `${site.origin}/login`)?.category).toBe('blocked');
  });
});

describe('TLS', () => {
  let tls: TlsServer;
  let site: TestServer;
  beforeAll(async () => {
    tls = await startTlsServer({ kind: 'self-signed' });
    site = await startServer({ '/': page(`<a href="${tls.url}">secure</a>`) });
  });
  afterAll(async () => {
    await site.close();
    await tls.close();
  });

  it('a self-signed certificate is an error naming it, and --insecure accepts it', async () => {
    const strict = await run(site.url);
    expect(entryOf(strict, tls.url)).toMatchObject({ category: 'error', status: null, reason: 'TLS: self-signed certificate', internal: false });
    expect(strict.complete).toBe(true);
    const insecure = await run(site.url, { insecure: true });
    expect(entryOf(insecure, tls.url)).toMatchObject({ category: 'ok', status: 200 });
  });
});

describe('--retries 0', () => {
  it('turns the second chance off too: a 503 is asked once', async () => {
    const site = await startServer({ '/': page(links(['/down'])), '/down': status(503) });
    try {
      const report = await run(site.url, { retries: 0 });
      expect(entryOf(report, `${site.origin}/down`)).toMatchObject({ category: 'error', reason: 'HTTP 503' });
      expect(site.hits.get('/down')).toBe(1);
      expect(report.stats?.secondChances).toBe(0);
    } finally {
      await site.close();
    }
  });
});
