import type { IncomingHttpHeaders } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFetcher } from '../../src/fetch/index.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { html, testOptions } from './options.js';

let root: TestServer;
let other: TestServer;
const received = new Map<string, IncomingHttpHeaders>();
let endlessClosed = false;
beforeAll(async () => {
  other = await startServer({
    '/seen': (req, res) => {
      received.set(`other${req.url}`, req.headers);
      res.writeHead(200, { 'content-type': 'text/html' }).end('ok');
    },
  });
  root = await startServer({
    '/seen': (req, res) => {
      received.set(`root${req.url}`, req.headers);
      res.writeHead(200, { 'content-type': 'text/html; Charset="ISO-8859-1"', 'set-cookie': ['a=1', 'b=2'] }).end('ok');
    },
    '/to-other': (_req, res) => void res.writeHead(302, { location: `${other.url}seen` }).end(),
    '/no-head': (req, res) => void res.writeHead(req.method === 'HEAD' ? 405 : 200, { 'content-type': 'text/html' }).end('<p>get</p>'),
    '/page': (_req, res) => void res.writeHead(200, { 'content-type': 'text/html' }).end('<p>'.repeat(1000)),
    '/image': (_req, res) => void res.writeHead(200, { 'content-type': 'image/png', 'content-length': 5000 }).end(Buffer.alloc(5000)),
    '/%C3%BCmlaut%20x': (_req, res) => void res.writeHead(200).end(),
    '/early-hints': (_req, res) => {
      res.writeEarlyHints({ link: '</style.css>; rel=preload; as=style' });
      setTimeout(() => res.writeHead(200, { 'content-type': 'text/html' }).end('<p>after hints</p>'), 20);
    },
    '/endless-image': (_req, res) => {
      res.writeHead(200, { 'content-type': 'image/png' });
      const tick = setInterval(() => res.write(Buffer.alloc(16 * 1024)), 5);
      res.on('close', () => {
        clearInterval(tick);
        endlessClosed = true;
      });
    },
  });
});
afterAll(async () => {
  await root.close();
  await other.close();
});

describe('request headers', () => {
  it('sends User-Agent, Accept, Accept-Encoding; user headers only to root origins, per hop', async () => {
    const fetcher = createFetcher(testOptions({ roots: [root.url], userAgent: 'hound/9', headers: { Authorization: 'Bearer s3cret' } }));
    await fetcher.fetch({ url: `${root.url}seen`, readBody: html });
    await fetcher.fetch({ url: `${root.url}to-other`, readBody: html });
    await fetcher.close();
    expect(received.get('root/seen')).toMatchObject({
      'user-agent': 'hound/9',
      accept: 'text/html,application/xhtml+xml,*/*;q=0.8',
      'accept-encoding': 'gzip, deflate, br',
      authorization: 'Bearer s3cret',
    });
    expect(received.get('other/seen')?.['user-agent']).toBe('hound/9');
    expect(received.get('other/seen')?.authorization).toBeUndefined();
  });
});

describe('responses', () => {
  it('lower-cases header names, joins repeats, parses mime and charset', async () => {
    const fetcher = createFetcher(testOptions());
    const outcome = await fetcher.fetch({ url: `${root.url}seen`, readBody: html });
    expect(outcome).toMatchObject({ ok: true, response: { mime: 'text/html', charset: 'iso-8859-1', headers: { 'set-cookie': 'a=1, b=2' } } });
    await fetcher.close();
  });

  it('passes percent-encoded paths verbatim', async () => {
    const fetcher = createFetcher(testOptions());
    const url = new URL('/ümlaut%20x?q=a%2Fb&t=%7e', root.url).href;
    const outcome = await fetcher.fetch({ url, readBody: html });
    expect(outcome).toMatchObject({ ok: true, response: { status: 200, url } });
    expect(root.log).toContain('GET /%C3%BCmlaut%20x?q=a%2Fb&t=%7e');
    await fetcher.close();
  });

  it('drops a fragment, an empty one too, from the URL it requests and answers for', async () => {
    const fetcher = createFetcher(testOptions());
    for (const fragment of ['#part', '#']) {
      const outcome = await fetcher.fetch({ url: `${root.url}seen?x=1${fragment}`, readBody: html });
      expect(outcome).toMatchObject({ ok: true, response: { url: `${root.url}seen?x=1` } });
    }
    expect(root.log.filter((line) => line === 'GET /seen?x=1')).toHaveLength(2);
    await fetcher.close();
  });
});

describe('bodies', () => {
  it('skips 1xx informational answers and reads the real one', async () => {
    const fetcher = createFetcher(testOptions());
    const outcome = await fetcher.fetch({ url: `${root.url}early-hints`, readBody: html });
    expect(outcome).toMatchObject({ ok: true, response: { status: 200, mime: 'text/html' } });
    expect(outcome.ok && outcome.response.body?.toString()).toBe('<p>after hints</p>');
    await fetcher.close();
  });

  it('answers at the headers for a body it does not want, and cuts a big one off', async () => {
    const fetcher = createFetcher(testOptions());
    const outcome = await fetcher.fetch({ url: `${root.url}endless-image`, readBody: html });
    expect(outcome).toMatchObject({ ok: true, response: { status: 200, mime: 'image/png' } });
    expect(outcome.ok && outcome.response.body).toBeUndefined();
    await expect.poll(() => endlessClosed).toBe(true);
    expect(fetcher.stats().bytes).toBe(0);
    await fetcher.close();
  });
});

describe('HEAD', () => {
  it('a HEAD answered 405 is confirmed with GET', async () => {
    const requests: string[] = [];
    const fetcher = createFetcher(testOptions(), { onRequest: (url, method, attempt) => requests.push(`${method} ${new URL(url).pathname} ${attempt}`) });
    const outcome = await fetcher.fetch({ url: `${root.url}no-head`, method: 'HEAD', readBody: html });
    expect(outcome).toMatchObject({ ok: true, attempts: 2, response: { status: 200 } });
    expect(outcome.ok && outcome.response.body?.toString()).toBe('<p>get</p>');
    expect(requests).toEqual(['HEAD /no-head 1', 'GET /no-head 1']);
    expect(fetcher.stats()).toMatchObject({ requests: 2, confirmations: 1 });
    await fetcher.close();
  });

  it('a HEAD answered 200 is enough', async () => {
    const fetcher = createFetcher(testOptions());
    const outcome = await fetcher.fetch({ url: `${root.url}image`, method: 'HEAD', readBody: html });
    expect(outcome).toMatchObject({ ok: true, attempts: 1, response: { status: 200, mime: 'image/png' } });
    expect(fetcher.stats()).toMatchObject({ requests: 1, confirmations: 0 });
    await fetcher.close();
  });
});

describe('connections', () => {
  it('20 sequential requests reuse one or two connections', async () => {
    const fetcher = createFetcher(testOptions());
    for (let i = 0; i < 10; i++) {
      expect(await fetcher.fetch({ url: `${root.url}page`, readBody: html })).toMatchObject({ ok: true });
      expect(await fetcher.fetch({ url: `${root.url}image`, readBody: html })).toMatchObject({ ok: true });
    }
    const stats = fetcher.stats();
    expect(stats.requests).toBe(20);
    expect(stats.connections).toBeGreaterThanOrEqual(1);
    expect(stats.connections).toBeLessThanOrEqual(2);
    expect(stats.bytes).toBe(10 * 3000);
    await fetcher.close();
  });
});

describe('politeness', () => {
  it('spaces request starts to an origin by its delay', async () => {
    const fetcher = createFetcher(testOptions());
    fetcher.setOriginDelay(root.origin, 150);
    const starts: number[] = [];
    const t0 = Date.now();
    await Promise.all(
      [0, 1, 2].map(async () => {
        await fetcher.fetch({ url: `${root.url}page`, readBody: html });
        starts.push(Date.now() - t0);
      }),
    );
    starts.sort((a, b) => a - b);
    expect(starts[1]! - starts[0]!).toBeGreaterThanOrEqual(130);
    expect(starts[2]! - starts[1]!).toBeGreaterThanOrEqual(130);
    const elsewhere = Date.now();
    await fetcher.fetch({ url: `${other.url}seen`, readBody: html });
    expect(Date.now() - elsewhere).toBeLessThan(120);
    await fetcher.close();
  });
});
