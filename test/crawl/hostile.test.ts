import type { ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check } from '../../src/index.js';
import type { Report } from '../../src/types.js';
import { refusedUrl, startHostileServer, type HostileServer } from '../helpers/hostile.js';
import { startServer, type TestServer } from '../helpers/server.js';

const html = (body: string | Buffer, headers: Record<string, string> = {}) => (_req: unknown, res: ServerResponse) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...headers }).end(body);
};
const ARTICLE = '<title>Opening hours</title><h1>Opening hours</h1><p>We are open from nine to five on weekdays.</p>';

describe('a crawl survives every hostile server fault', () => {
  let hostile: HostileServer;
  let site: TestServer;
  let refused: string;
  let report: Report;
  let elapsed: number;
  const entry = (url: string) => report.links.find((l) => l.url === url);

  // [path on the hostile server, category, reason]: timeoutMs 1500 gives a 0.75 s idle-body limit.
  const faults: [string, string][] = [
    ['/reset-headers', 'connection reset'],
    ['/reset-body', 'connection reset while reading the body'],
    ['/short-body', 'body shorter than Content-Length'],
    ['/chunked-no-last', 'chunked body ended before its last chunk'],
    ['/empty', 'connection closed before a response (empty reply)'],
    ['/garbage', 'invalid HTTP response'],
    ['/silent', 'no response within 1.5 s'],
    ['/headers-then-silence', 'body stalled for 0.75 s'],
    ['/trickle?ms=1000', 'body stalled for 0.75 s'],
    ['/trickle?ms=100', 'timed out after 1.5 s (total)'],
  ];

  beforeAll(async () => {
    hostile = await startHostileServer();
    refused = await refusedUrl();
    const links = [refused, ...faults.map(([path]) => hostile.url(path)), '/ok'];
    site = await startServer({
      '/': html(links.map((href, i) => `<a href="${href}">link ${i}</a>`).join('\n')),
      '/ok': html(ARTICLE),
    });
    const started = Date.now();
    report = await check({ roots: [site.url], timeoutMs: 1500, retries: 0, soft404Probes: false });
    elapsed = Date.now() - started;
  });
  afterAll(async () => {
    await site.close();
    await hostile.close();
  });

  it('turns a refused connection into an error', () => {
    expect(entry(refused)).toMatchObject({ category: 'error', status: null, reason: 'connection refused', internal: false });
  });

  it.each(faults)('%s → error: %s', (path, reason) => {
    expect(entry(hostile.url(path))).toMatchObject({ category: 'error', reason, finalUrl: hostile.url(path) });
    expect(entry(hostile.url(path))?.sources).toEqual([expect.objectContaining({ page: site.url, element: 'a' })]);
  });

  it('keeps the status of a response that broke after its headers', () => {
    expect(entry(hostile.url('/short-body'))?.status).toBe(200);
    expect(entry(hostile.url('/empty'))?.status).toBeNull();
  });

  it('still checks the healthy link on the same page and finishes in bounded time', () => {
    expect(entry(`${site.origin}/ok`)).toMatchObject({ category: 'ok', status: 200 });
    expect(report.complete).toBe(true);
    expect(report.summary).toMatchObject({ pages: 2, error: faults.length + 1, ok: 2 });
    expect(report.durationMs).toBeLessThan(8000);
    expect(elapsed).toBeLessThan(8000);
  });
});

describe('page bodies: size cap, content type, charset', () => {
  let site: TestServer;
  let report: Report;
  const entry = (path: string) => report.links.find((l) => l.url === site.origin + path);
  // Far past the 4 KiB cap once inflated, about 1 KiB on the wire.
  const bomb = gzipSync(`<a href="/before">before</a>${' '.repeat(4 * 1024 * 1024)}<a href="/after">after</a>`);

  beforeAll(async () => {
    site = await startServer({
      '/': html('<a href="/bomb">bomb</a> <a href="/plain">plain</a> <a href="/latin">latin</a>'),
      '/bomb': html(bomb, { 'content-encoding': 'gzip' }),
      '/before': html(ARTICLE),
      '/after': html(ARTICLE),
      '/plain': (_req, res) => void res.writeHead(200, { 'content-type': 'text/plain' }).end('<a href="/from-plain">not a link</a>'),
      '/from-plain': html(ARTICLE),
      '/latin': html(Buffer.from('<p>Men\xfa</p><a href="/caf\xe9">caf\xe9</a>', 'latin1'), { 'content-type': 'text/html; charset=iso-8859-1' }),
      '/caf%C3%A9': html(ARTICLE),
    });
    report = await check({ roots: [site.url], timeoutMs: 2000, retries: 0, soft404Probes: false, maxBodyBytes: 4096 });
  });
  afterAll(() => site.close());

  it('reads a gzip bomb only up to the cap, checks the links before it and says why the rest was dropped', () => {
    expect(bomb.length).toBeLessThan(8 * 1024);
    expect(entry('/bomb')).toMatchObject({ category: 'ok', status: 200, notes: ['body larger than 4 KiB, read the first 4 KiB'] });
    expect(entry('/before')?.category).toBe('ok');
    expect(site.hits.get('/before')).toBe(1);
    expect(entry('/after')).toBeUndefined();
    expect(site.hits.has('/after')).toBe(false);
    expect(report.complete).toBe(true);
  });

  it('does not parse markup in a text/plain page', () => {
    expect(entry('/plain')).toMatchObject({ category: 'ok', status: 200 });
    expect(site.hits.has('/from-plain')).toBe(false);
    expect(report.links.some((l) => l.url.endsWith('/from-plain'))).toBe(false);
  });

  it('requests a non-ASCII path from a Latin-1 page UTF-8 percent-encoded, as browsers do', () => {
    expect(site.hits.get('/caf%C3%A9')).toBe(1);
    expect(entry('/caf%C3%A9')).toMatchObject({ category: 'ok', sources: [expect.objectContaining({ page: `${site.origin}/latin`, text: 'café' })] });
  });
});
