// Scope, include/exclude, --no-external, --max-pages and --header, end to end (design.md "Words").
// "Parsed" is proven by the server: a link that only appears on a page is requested only when
// that page was parsed.
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { check } from '../../src/index.js';
import { Scope } from '../../src/crawl/scope.js';
import { startServer, type Handler, type TestServer } from '../helpers/server.js';
import { resolveOptions, type CrawlOptions } from '../../src/config/options.js';
import type { Report } from '../../src/types.js';

const page = (body: string): Handler => (_req, res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html><html><head><title>Guide</title></head><body>${body}</body></html>`);
};
const redirect = (code: number, location: string): Handler => (_req, res) => {
  res.writeHead(code, { location }).end();
};

let servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});
async function serve(routes: Record<string, Handler>): Promise<TestServer> {
  const server = await startServer(routes);
  servers.push(server);
  return server;
}
const run = (roots: string[], extra: Partial<CrawlOptions> = {}): Promise<Report> =>
  check({ roots, timeoutMs: 2000, retries: 0, soft404Probes: false, ...extra });
const entry = (report: Report, url: string) => report.links.find((l) => l.url === url);

describe('crawl scope', () => {
  it('--include narrows the crawl: non-matching same-origin pages are checked, not parsed', async () => {
    const site = await serve({
      '/': page('<a href="/docs/a">docs</a> <a href="/blog/b">blog</a>'),
      '/docs/a': page('<a href="/docs/a-child">child</a>'),
      '/docs/a-child': page('leaf'),
      '/blog/b': page('<a href="/blog/b-child">child</a>'),
      '/blog/b-child': page('leaf'),
    });
    // The root must match too, or it would not be parsed either.
    const report = await run([site.url], { include: [/\/docs\//, /^http:\/\/127\.0\.0\.1:\d+\/$/] });
    expect(entry(report, `${site.origin}/blog/b`)).toMatchObject({ category: 'ok', internal: false });
    expect(site.hits.get('/blog/b')).toBe(1);
    expect(site.hits.get('/blog/b-child')).toBeUndefined();
    expect(entry(report, `${site.origin}/docs/a`)).toMatchObject({ category: 'ok', internal: true });
    expect(site.hits.get('/docs/a-child')).toBe(1);
    expect(report.summary.pages).toBe(3);
  });

  it('--exclude skips matching URLs with a reason and never requests them', async () => {
    const site = await serve({
      '/': page('<a href="/keep">keep</a> <a href="/private/secret">secret</a>'),
      '/keep': page('<a href="/private/other">other</a>'),
    });
    const report = await run([site.url], { exclude: [/\/private\//] });
    for (const path of ['/private/secret', '/private/other']) {
      expect(entry(report, site.origin + path)).toMatchObject({ category: 'skipped', status: null, reason: expect.stringContaining('--exclude') });
      expect(site.hits.get(path)).toBeUndefined();
    }
    expect(entry(report, `${site.origin}/keep`)?.category).toBe('ok');
  });

  it('external: false skips other origins but still checks same-origin links outside the scope', async () => {
    const other = await serve({ '/x': page('elsewhere') });
    const site = await serve({
      '/docs/': page(`<a href="${other.origin}/x">ext</a> <a href="/blog/y">blog</a>`),
      '/blog/y': page('<a href="/blog/y-child">child</a>'),
    });
    const report = await run([`${site.origin}/docs/`], { external: false });
    expect(entry(report, `${other.origin}/x`)).toMatchObject({ category: 'skipped', reason: expect.stringContaining('--no-external') });
    expect(other.log).toEqual([]);
    expect(entry(report, `${site.origin}/blog/y`)).toMatchObject({ category: 'ok', internal: false });
    expect(site.hits.get('/blog/y')).toBe(1);
    expect(site.hits.get('/blog/y-child')).toBeUndefined();
  });

  it('takes the scope from where the root redirects to', async () => {
    const site = await serve({
      '/start': redirect(301, '/docs/'),
      '/docs/': page('<a href="/docs/a">a</a> <a href="/other/page">other</a>'),
      '/docs/a': page('<a href="/docs/a2">a2</a>'),
      '/docs/a2': page('leaf'),
      '/other/page': page('<a href="/other/deeper">deeper</a>'),
      '/other/deeper': page('leaf'),
    });
    const report = await run([`${site.origin}/start`]);
    expect(entry(report, `${site.origin}/start`)).toMatchObject({ finalUrl: `${site.origin}/docs/`, redirects: [{ url: `${site.origin}/start`, status: 301 }] });
    expect(site.hits.get('/docs/a2')).toBe(1);
    expect(entry(report, `${site.origin}/other/page`)).toMatchObject({ category: 'ok', internal: false });
    expect(site.hits.get('/other/deeper')).toBeUndefined();
    expect(report.summary.pages).toBe(3);
  });

  it('a root typed without its trailing slash still takes the scope of its redirect', async () => {
    const site = await serve({
      '/': redirect(301, '/en/'),
      '/en/': page('<a href="/other/page">other</a>'),
      '/other/page': page('<a href="/other/deeper">deeper</a>'),
      '/other/deeper': page('leaf'),
    });
    const report = await run([site.origin]);
    expect(entry(report, `${site.origin}/other/page`)).toMatchObject({ category: 'ok', internal: false });
    expect(site.hits.get('/other/deeper')).toBeUndefined();
    expect(report.summary.pages).toBe(1);
  });

  it('a root redirected to another origin moves the scope there, leaving its first origin outside', async () => {
    const firstRoutes: Record<string, Handler> = { '/back': page('<a href="/back-child">child</a>') };
    const first = await serve(firstRoutes);
    const target = await serve({
      '/docs/': page(`<a href="/docs/a">a</a> <a href="${first.origin}/back">back</a>`),
      '/docs/a': page('<a href="/docs/a2">a2</a>'),
      '/docs/a2': page('leaf'),
    });
    // Routes are looked up per request, so the redirect can name the target started after `first`.
    firstRoutes['/start'] = redirect(301, `${target.origin}/docs/`);
    const report = await run([`${first.origin}/start`]);
    expect(target.hits.get('/docs/a2')).toBe(1);
    expect(entry(report, `${first.origin}/back`)).toMatchObject({ category: 'ok', internal: false });
    expect(first.hits.get('/back-child')).toBeUndefined();
  });

  it('the root path sets the directory: /docs/intro scopes /docs/', async () => {
    const site = await serve({
      '/docs/intro': page('<a href="/docs/next">next</a> <a href="/blog/x">blog</a>'),
      '/docs/next': page('<a href="/docs/next-child">child</a>'),
      '/docs/next-child': page('leaf'),
      '/blog/x': page('<a href="/blog/x-child">child</a>'),
    });
    const report = await run([`${site.origin}/docs/intro`]);
    expect(entry(report, `${site.origin}/docs/next`)).toMatchObject({ category: 'ok', internal: true });
    expect(site.hits.get('/docs/next-child')).toBe(1);
    expect(entry(report, `${site.origin}/blog/x`)).toMatchObject({ category: 'ok', internal: false });
    expect(site.hits.get('/blog/x-child')).toBeUndefined();
  });

  it('an internal link that redirects out of the scope is checked, its target not crawled', async () => {
    const other = await serve({
      '/landing': page('<a href="/landing-child">child</a>'),
    });
    const site = await serve({
      '/docs/': page(`<a href="/docs/moved">moved</a> <a href="/docs/away">away</a>`),
      '/docs/moved': redirect(301, '/elsewhere/page'),
      '/docs/away': redirect(302, `${other.origin}/landing`),
      '/elsewhere/page': page('<a href="/elsewhere/child">child</a>'),
    });
    const report = await run([`${site.origin}/docs/`]);
    expect(entry(report, `${site.origin}/docs/moved`)).toMatchObject({ category: 'redirect', status: 200, finalUrl: `${site.origin}/elsewhere/page` });
    expect(site.hits.get('/elsewhere/page')).toBe(1);
    expect(site.hits.get('/elsewhere/child')).toBeUndefined();
    expect(entry(report, `${site.origin}/docs/away`)).toMatchObject({ status: 200, finalUrl: `${other.origin}/landing` });
    expect(other.hits.get('/landing')).toBe(1);
    expect(other.hits.get('/landing-child')).toBeUndefined();
    expect(report.summary.pages).toBe(1);
  });
});

describe('--max-pages', () => {
  it('parses N pages, skips the rest with the limit as reason and counts them in limitsHit', async () => {
    const links = [1, 2, 3, 4, 5, 6].map((n) => `<a href="/p${n}">p${n}</a>`).join(' ');
    const routes: Record<string, Handler> = { '/': page(links) };
    for (let n = 1; n <= 6; n++) routes[`/p${n}`] = page(`page ${n}`);
    const site = await serve(routes);
    const report = await run([site.url], { maxPages: 3 });
    expect(report.summary.pages).toBe(3);
    const limited = report.links.filter((l) => l.category === 'skipped' && l.reason?.includes('--max-pages 3'));
    expect(limited).toHaveLength(4);
    expect(report.limitsHit).toEqual([{ limit: 'max-pages', skipped: limited.length }]);
    expect(report.complete).toBe(true);
    for (const l of limited) expect(site.hits.get(new URL(l.url).pathname)).toBeUndefined();
  });

  it('still checks images, scripts and media past the limit and past the trap guards: they are never pages', async () => {
    const image: Handler = (_req, res) => { res.writeHead(200, { 'content-type': 'image/png' }).end('png'); };
    const routes: Record<string, Handler> = {
      '/': page('<img src="/img/1.png"><img src="/img/2.png"><img src="/img/3.png"><img src="/img/4.png"><img src="/img/broken.png"><script src="/app.js"></script> <a href="/p1">1</a> <a href="/p2">2</a>'),
      '/p1': page('one'),
      '/p2': page('two'),
      '/app.js': (_req, res) => { res.writeHead(200, { 'content-type': 'text/javascript' }).end(''); },
    };
    for (const n of [1, 2, 3, 4]) routes[`/img/${n}.png`] = image;
    const site = await serve(routes);
    const report = await run([site.url], { maxPages: 1, maxPagesPerPattern: 2 });
    expect(report.summary.pages).toBe(1);
    for (const n of [1, 2, 3, 4]) expect(entry(report, `${site.origin}/img/${n}.png`)?.category).toBe('ok');
    expect(entry(report, `${site.origin}/img/broken.png`)?.category).toBe('not-found');
    expect(entry(report, `${site.origin}/app.js`)?.category).toBe('ok');
    expect(report.links.filter((l) => l.category === 'skipped').map((l) => new URL(l.url).pathname).sort()).toEqual(['/p1', '/p2']);
    expect(report.limitsHit).toEqual([{ limit: 'max-pages', skipped: 2 }]);
  });

  it('the per-host guard counts only pages, not 404s, and follows --max-pages unless set', async () => {
    const site = await serve({
      '/': page('<a href="/m1">1</a> <a href="/m2">2</a> <a href="/m3">3</a> <a href="/m4">4</a> <a href="/p1">p</a> <a href="/p2">p</a> <a href="/p3">p</a>'),
      '/p1': page('one'),
      '/p2': page('two'),
      '/p3': page('three'),
    });
    const report = await run([site.url], { maxPagesPerHost: 3 });
    expect(report.summary.pages).toBe(3);
    for (const n of [1, 2, 3, 4]) expect(entry(report, `${site.origin}/m${n}`)?.category).toBe('not-found');
    expect(report.links.filter((l) => l.category === 'skipped').map((l) => l.reason)).toEqual(['not crawled: max-pages-per-host guard (likely crawler trap)']);
    expect(resolveOptions({ roots: [], maxPages: 250_000 }).maxPagesPerHost).toBe(250_000);
  });

  it('counts only pages: images and broken links do not use up the slots', async () => {
    const image: Handler = (_req, res) => { res.writeHead(200, { 'content-type': 'image/png' }).end('png'); };
    const site = await serve({
      '/': page('<img src="/a.png"><img src="/b.png"><a href="/missing">m</a> <a href="/p1">1</a> <a href="/p2">2</a> <a href="/p3">3</a>'),
      '/a.png': image,
      '/b.png': image,
      '/p1': page('one'),
      '/p2': page('two'),
      '/p3': page('three'),
    });
    const report = await run([site.url], { maxPages: 3 });
    expect(report.summary.pages).toBe(3);
    expect(entry(report, `${site.origin}/missing`)?.category).toBe('not-found');
    expect(entry(report, `${site.origin}/a.png`)?.category).toBe('ok');
    expect(report.links.filter((l) => l.category === 'skipped').map((l) => l.reason)).toEqual(['not crawled: --max-pages 3 reached']);
    expect(report.limitsHit).toEqual([{ limit: 'max-pages', skipped: 1 }]);
  });
});

describe('--header', () => {
  it('sends extra headers to the root origin only, also across a redirect', async () => {
    const seen: Record<string, IncomingHttpHeaders> = {};
    const record = (name: string, then: Handler): Handler => (req: IncomingMessage, res: ServerResponse) => {
      seen[name] = req.headers;
      return then(req, res);
    };
    const other = await serve({ '/ext': record('ext', page('outside')), '/landing': record('landing', page('landed')) });
    const site = await serve({
      '/': record('root', page(`<a href="/inner">in</a> <a href="${other.origin}/ext">ext</a> <a href="/hop">hop</a>`)),
      '/inner': record('inner', page('inner')),
      '/hop': record('hop', redirect(302, `${other.origin}/landing`)),
    });
    await run([site.url], { headers: { 'X-Token': 'secret' } });
    expect(seen['root']?.['x-token']).toBe('secret');
    expect(seen['inner']?.['x-token']).toBe('secret');
    expect(seen['hop']?.['x-token']).toBe('secret');
    expect(seen['ext']).toBeDefined();
    expect(seen['ext']?.['x-token']).toBeUndefined();
    expect(seen['landing']).toBeDefined();
    expect(seen['landing']?.['x-token']).toBeUndefined();
  });
});

describe('Scope', () => {
  it('holds what is under the root directory, and knows the roots\' origins', () => {
    const scope = new Scope(['http://a.test/docs/index.html']);
    expect(scope.contains('http://a.test/docs/guide/x.html')).toBe(true);
    expect(scope.contains('http://a.test/blog/')).toBe(false);
    expect(scope.sameOrigin('http://a.test/blog/')).toBe(true);
    expect(scope.sameOrigin('http://b.test/docs/')).toBe(false);
  });

  it('moves with a root that redirects, origin included', () => {
    const scope = new Scope(['http://a.test/']);
    scope.set('http://a.test/', 'https://www.a.test/en/');
    expect(scope.contains('https://www.a.test/en/page')).toBe(true);
    expect(scope.contains('http://a.test/page')).toBe(false);
    expect(scope.sameOrigin('https://www.a.test/other')).toBe(true);
    expect(scope.sameOrigin('http://a.test/other')).toBe(false);
  });
});
