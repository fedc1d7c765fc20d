// Resource bounds end to end: memory whatever the bodies, sockets whatever the concurrency, and
// non-ASCII URLs requested encoded and keyed once (design.md "Fetcher", "Frontier").
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable, pipeline } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { check } from '../../src/index.js';
import { startServer } from '../helpers/server.js';

const FAST = { timeoutMs: 2000, retries: 0, soft404Probes: false };
const MiB = 1024 * 1024;
const ARTICLE = '<h1>Reading list</h1><p>Books the team enjoyed this year, with a few words on each.</p>';

interface TrackedServer {
  url: string;
  origin: string;
  /** Most connections open at once. */
  peakConnections(): number;
  /** Connections accepted in all. */
  connections(): number;
  close(): Promise<void>;
}

/** A catch-all server that counts its open connections. */
async function startTracked(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<TrackedServer> {
  let open = 0;
  let peak = 0;
  let total = 0;
  const server = createServer(handler);
  server.on('connection', (socket) => {
    total++;
    peak = Math.max(peak, ++open);
    socket.on('close', () => open--);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${origin}/`,
    origin,
    peakConnections: () => peak,
    connections: () => total,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

function html(res: ServerResponse, body: string): void {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html><title>Reading list</title>${ARTICLE}${body}`);
}

let closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.map((close) => close()));
  closers = [];
});

describe('memory stays bounded whatever the bodies', () => {
  it('reads 40 pages of 20 MB each only up to maxBodyBytes, with a note, and little memory', async () => {
    const PAGES = 40;
    const SIZE = 20 * MiB;
    const chunk = Buffer.from(`<p>${'All work and no play makes a very long page. '.repeat(1400)}</p>\n`);
    let cut = 0;
    function* huge(): Generator<Buffer> {
      yield Buffer.from(`<!doctype html><title>Huge</title>${ARTICLE}<a href="/">home</a>`);
      for (let sent = 0; sent < SIZE; sent += chunk.length) yield chunk;
    }
    const site = await startTracked((req, res) => {
      if (req.url === '/') return html(res, Array.from({ length: PAGES }, (_, i) => `<a href="/huge/${i}">${i}</a>`).join('\n'));
      if (!req.url?.startsWith('/huge/')) return void res.writeHead(404).end();
      res.on('close', () => { if (!res.writableFinished) cut++; });
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      pipeline(Readable.from(huge()), res, () => undefined);
    });
    closers.push(site.close);

    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
    const report = await check({ roots: [site.url], maxBodyBytes: MiB, ...FAST }).finally(() => clearInterval(sampler));

    expect(report.complete).toBe(true);
    const hugePages = report.links.filter((l) => l.url.startsWith(`${site.origin}/huge/`));
    expect(hugePages).toHaveLength(PAGES);
    for (const entry of hugePages) {
      expect(entry).toMatchObject({ category: 'ok', status: 200, notes: ['body larger than 1 MiB, read the first 1 MiB'] });
    }
    expect(report.summary.pages).toBe(PAGES + 1);
    expect(report.stats?.bytes).toBeLessThan((PAGES + 1) * MiB);
    expect(peak - before).toBeLessThan(200 * MiB);
    // The fetcher dropped every connection at the cap rather than drain 20 MB (the server hears
    // of the last ones a moment after the crawl ends).
    await vi.waitFor(() => expect(cut).toBe(PAGES));
    expect(report.durationMs).toBeLessThan(8000);
  });
});

describe('sockets stay bounded at high concurrency', () => {
  it('opens at most perHostConnections to a host even with concurrency 500, and checks every page', async () => {
    const PAGES = 300;
    const site = await startTracked((req, res) => {
      if (req.url === '/') return html(res, Array.from({ length: PAGES }, (_, i) => `<a href="/p/${i}">${i}</a>`).join('\n'));
      const m = /^\/p\/(\d+)$/.exec(req.url ?? '');
      if (!m) return void res.writeHead(404).end();
      const next = (Number(m[1]) + 1) % PAGES;
      // A short wait keeps many requests in flight at once, so the cap is what holds them back.
      setTimeout(() => html(res, `<a href="/">home</a> <a href="/p/${next}">next</a>`), 5);
    });
    closers.push(site.close);

    const report = await check({ roots: [site.url], concurrency: 500, perHostConnections: 8, ...FAST });

    expect(report.complete).toBe(true);
    expect(report.summary).toMatchObject({ pages: PAGES + 1, ok: PAGES + 1, error: 0, broken: 0 });
    // Reached, never passed: all 300 pages were wanted at once.
    expect(site.peakConnections()).toBe(8);
    // Keep-alive: the same few connections carried all 302 requests (robots.txt included).
    expect(site.connections()).toBeLessThanOrEqual(8);
    expect(report.stats?.connections).toBe(site.connections());
    expect(report.durationMs).toBeLessThan(5000);
  });
});

describe('--concurrency', () => {
  it('caps the requests in flight over the whole crawl, however many URLs wait', async () => {
    let open = 0;
    let peak = 0;
    const html = (res: ServerResponse, body: string) => void res.writeHead(200, { 'content-type': 'text/html' }).end(body);
    const routes: Record<string, (req: IncomingMessage, res: ServerResponse) => void> = {
      '/': (_req, res) => html(res, Array.from({ length: 30 }, (_, i) => `<a href="/p${i}">p</a>`).join('')),
    };
    for (let i = 0; i < 30; i++) {
      routes[`/p${i}`] = (_req, res) => {
        peak = Math.max(peak, ++open);
        setTimeout(() => {
          open--;
          html(res, '<title>p</title><p>a page</p>');
        }, 20);
      };
    }
    const site = await startServer(routes);
    closers.push(site.close);
    const report = await check({ roots: [site.url], concurrency: 3, ...FAST });
    expect(report.summary).toMatchObject({ pages: 31, ok: 31 });
    expect(peak).toBe(3);
  });
});

describe('waiting for a connection', () => {
  it('does not spend the deadline: eight 300 ms pages over one connection with a 1 s timeout are all ok', async () => {
    const html = (res: ServerResponse, body: string) => void res.writeHead(200, { 'content-type': 'text/html' }).end(body);
    const routes: Record<string, (req: IncomingMessage, res: ServerResponse) => void> = {
      '/': (_req, res) => html(res, Array.from({ length: 8 }, (_, i) => `<a href="/p${i}">p</a>`).join('')),
    };
    for (let i = 0; i < 8; i++) routes[`/p${i}`] = (_req, res) => void setTimeout(() => html(res, '<title>x</title><p>hello there</p>'), 300);
    const site = await startServer(routes);
    closers.push(site.close);
    const report = await check({ roots: [site.url], perHostConnections: 1, concurrency: 10, ...FAST, timeoutMs: 1000 });
    expect(report.summary).toMatchObject({ ok: 9, error: 0 });
  });
});

describe('non-ASCII URLs', () => {
  it('requests a non-ASCII path UTF-8 percent-encoded, keys it once, and punycodes an IDN host', async () => {
    const site = await startServer({
      '/': (_req, res) => html(res, [
        '<a href="/über/straße">raw</a>',
        '<a href="/%C3%BCber/stra%C3%9Fe">encoded</a>',
        '<a href="http://bücher.example/">books</a>',
      ].join('\n')),
      '/%C3%BCber/stra%C3%9Fe': (_req, res) => html(res, '<a href="/">home</a>'),
    });
    closers.push(site.close);
    // The IDN link is excluded, so it is keyed and reported but never looked up or fetched.
    const report = await check({ roots: [site.url], exclude: [/xn--bcher/], ...FAST });

    const street = `${site.origin}/%C3%BCber/stra%C3%9Fe`;
    expect(site.hits.get('/%C3%BCber/stra%C3%9Fe')).toBe(1);
    expect(report.links.find((l) => l.url === street)).toMatchObject({
      category: 'ok',
      sources: [expect.objectContaining({ text: 'raw', line: 1 }), expect.objectContaining({ text: 'encoded', line: 2 })],
      sourceCount: 2,
    });
    expect(report.links.find((l) => l.url.includes('bcher'))).toMatchObject({
      url: 'http://xn--bcher-kva.example/',
      category: 'skipped',
      reason: 'excluded by --exclude',
      status: null,
      sources: [expect.objectContaining({ page: site.url, text: 'books' })],
    });
    expect(report.links.map((l) => l.url)).toEqual([site.url, street, 'http://xn--bcher-kva.example/']);
    // Every request the crawl sent reached this server.
    expect(report.stats?.requests).toBe(site.log.length);
  });
});
