import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check } from '../../src/index.js';
import { startServer, type TestServer } from '../helpers/server.js';
import type { Report } from '../../src/types.js';

const page = (body: string) => (_req: unknown, res: import('node:http').ServerResponse) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html><html><body>${body}</body></html>`);
};
const status = (code: number, headers: Record<string, string> = {}) => (_req: unknown, res: import('node:http').ServerResponse) => {
  res.writeHead(code, { 'content-type': 'text/html', ...headers }).end('<title>x</title>');
};

describe('a crawl classifies every link', () => {
  let site: TestServer;
  let outside: TestServer;
  let report: Report;
  const entry = (path: string) => report.links.find((l) => l.url === site.origin + path);

  beforeAll(async () => {
    outside = await startServer({ '/fine': page('outside') });
    site = await startServer({
      '/': page(`<a href="/a">a</a>\n<a href="/missing">m</a>\n<a href="/gone">g</a>\n<a href="/wall">w</a>
<a href="/old">o</a>\n<a href="/boom">b</a>\n<a href="mailto:x@example.com">mail</a>\n<a href="${outside.origin}/fine">ext</a>
<a href="/deep/">deep</a>\n<a href="/private/x">p</a>\n<a href="/lost">lost</a>`),
      '/a': page('<a href="/a#frag">self</a> <img src="/missing" alt="pic">'),
      '/missing': status(404),
      '/gone': status(410),
      '/wall': status(403, { 'cf-mitigated': 'challenge' }),
      '/old': status(301, { location: '/a' }),
      '/boom': status(500),
      '/robots.txt': (_req, res) => { res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nDisallow: /private/\n'); },
      '/deep/': page('<a href="/deep/next">n</a>'),
      '/deep/next': page('<a href="/deep/never">never</a>'),
      '/lost': page('<title>Page not found</title><h1>Page not found</h1><p>Sorry.</p>'),
    });
    report = await check({ roots: [site.url], timeoutMs: 2000, retries: 0, soft404Probes: false, maxDepth: 1 });
  });
  afterAll(async () => { await site.close(); await outside.close(); });

  it('gives each category with a reason', () => {
    expect(entry('/a')?.category).toBe('ok');
    expect(entry('/missing')).toMatchObject({ category: 'not-found', status: 404, reason: 'HTTP 404' });
    expect(entry('/gone')).toMatchObject({ category: 'gone', status: 410 });
    expect(entry('/wall')?.category).toBe('blocked');
    expect(entry('/wall')?.notes).toContain('cf-mitigated: challenge');
    expect(entry('/old')).toMatchObject({ category: 'redirect', finalUrl: `${site.origin}/a`, redirects: [{ url: `${site.origin}/old`, status: 301 }] });
    expect(entry('/old')?.suggestion).toBe(`update the link to ${site.origin}/a`);
    expect(entry('/boom')).toMatchObject({ category: 'error', reason: 'HTTP 500' });
    expect(entry('/lost')?.category).toBe('soft-404');
    expect(entry('/private/x')).toMatchObject({ category: 'skipped', reason: expect.stringContaining('robots.txt') });
    expect(report.links.find((l) => l.url.startsWith('mailto:'))?.category).toBe('skipped');
  });

  it('checks external links once without parsing them and fetches each URL once', () => {
    expect(report.links.find((l) => l.url === `${outside.origin}/fine`)).toMatchObject({ category: 'ok', internal: false });
    expect(site.hits.get('/missing')).toBe(1);
    expect(site.hits.get('/a')).toBe(2);
    expect(entry('/missing')?.sources.map((s) => [s.page, s.line, s.element])).toEqual([
      [site.url, 2, 'a'],
      [`${site.origin}/a`, 1, 'img'],
    ]);
  });

  it('checks but does not parse pages beyond --max-depth', () => {
    expect(entry('/deep/next')?.category).toBe('ok');
    expect(report.links.some((l) => l.url.endsWith('/deep/never'))).toBe(false);
    expect(report.complete).toBe(true);
    expect(report.summary.broken).toBe(4);
  });
});
