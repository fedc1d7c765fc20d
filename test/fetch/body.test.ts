import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BodyCollector } from '../../src/fetch/body.js';
import { createFetcher } from '../../src/fetch/index.js';
import { startHostileServer, type HostileServer } from '../helpers/hostile.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { always, html, never, testOptions } from './options.js';

const PAGE = '<!doctype html><title>ünïcode</title>'.repeat(200);
const encoded = (encoding: string, data: Buffer) => (_req: unknown, res: ServerResponse) => {
  res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': encoding }).end(data);
};

let server: TestServer;
let hostile: HostileServer;
const bigBinary: { finished: boolean; closed: boolean } = { finished: false, closed: false };
beforeAll(async () => {
  const page = Buffer.from(PAGE);
  server = await startServer({
    '/gzip': encoded('gzip', gzipSync(page)),
    '/x-gzip': encoded('x-gzip', gzipSync(page)),
    '/deflate-zlib': encoded('deflate', deflateSync(page)),
    '/deflate-raw': encoded('deflate', deflateRawSync(page)),
    '/br': encoded('br', brotliCompressSync(page)),
    '/bad-gzip': encoded('gzip', Buffer.from('this is not gzip at all')),
    '/zstd': encoded('zstd', page),
    '/empty-gzip': encoded('gzip', Buffer.alloc(0)),
    '/trickle': (_req, res) => {
      // No Content-Length: the body arrives in many small pieces, each its own socket read.
      res.writeHead(200, { 'content-type': 'text/html' });
      const page = Buffer.from(PAGE);
      let at = 0;
      const next = () => {
        if (at >= page.length) return void res.end();
        res.write(page.subarray(at, (at += 997)));
        setTimeout(next, 1);
      };
      next();
    },
    '/sized': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': Buffer.byteLength(PAGE) }).end(PAGE);
    },
    '/binary': (_req, res) => {
      const chunk = Buffer.alloc(1024 * 1024, 7);
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': 50 * chunk.length });
      res.on('close', () => (bigBinary.closed = true));
      let sent = 0;
      const pump = () => {
        while (sent < 50) {
          sent++;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end(() => (bigBinary.finished = true));
      };
      pump();
    },
  });
  hostile = await startHostileServer();
});
afterAll(async () => {
  await server.close();
  await hostile.close();
});

describe('bodies are decoded', () => {
  it.each(['/gzip', '/x-gzip', '/deflate-zlib', '/deflate-raw', '/br'])('%s', async (path) => {
    const fetcher = createFetcher(testOptions());
    const outcome = await fetcher.fetch({ url: server.url + path.slice(1), readBody: html });
    expect(outcome.ok && outcome.response.body?.toString()).toBe(PAGE);
    expect(fetcher.stats().bytes).toBe(Buffer.byteLength(PAGE));
    await fetcher.close();
  });

  it('a corrupt gzip body is a protocol failure', async () => {
    const fetcher = createFetcher(testOptions());
    const outcome = await fetcher.fetch({ url: `${server.url}bad-gzip`, readBody: html });
    expect(outcome).toMatchObject({ ok: false, status: 200, failure: { kind: 'protocol', reason: 'invalid gzip body' } });
    await fetcher.close();
  });

  it('an empty body labelled gzip is an empty body', async () => {
    const fetcher = createFetcher(testOptions());
    const outcome = await fetcher.fetch({ url: `${server.url}empty-gzip`, readBody: html });
    expect(outcome.ok && outcome.response.body?.length).toBe(0);
    await fetcher.close();
  });

  it('an unsupported encoding is named', async () => {
    const fetcher = createFetcher(testOptions());
    const outcome = await fetcher.fetch({ url: `${server.url}zstd`, readBody: html });
    expect(outcome).toMatchObject({ ok: false, failure: { kind: 'protocol', reason: 'unsupported Content-Encoding: zstd' } });
    await fetcher.close();
  });
});

describe('the size cap', () => {
  it('cuts a gzip bomb at the cap of decoded bytes, with little memory', async () => {
    const fetcher = createFetcher(testOptions({ timeoutMs: 3000 }));
    const rssBefore = process.memoryUsage().rss;
    const outcome = await fetcher.fetch({ url: hostile.url('/gzip-bomb'), readBody: html });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.response.body?.length).toBe(5 * 1024 * 1024);
    expect(outcome.response.truncated).toBe('body larger than 5 MiB, read the first 5 MiB');
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(100 * 1024 * 1024);
    expect(fetcher.stats().bytes).toBe(5 * 1024 * 1024);
    await fetcher.close();
  });
});

describe('bodies are kept in buffers of their own', () => {
  const ownsItsMemory = (body: Buffer | undefined) => body !== undefined && body.byteOffset === 0 && body.byteLength === body.buffer.byteLength;

  it.each(['/trickle', '/sized'])('%s comes back whole, in one buffer of its exact size', async (path) => {
    const fetcher = createFetcher(testOptions());
    const outcome = await fetcher.fetch({ url: server.url + path.slice(1), readBody: html });
    expect(outcome.ok && outcome.response.body?.toString()).toBe(PAGE);
    expect(outcome.ok && ownsItsMemory(outcome.response.body)).toBe(true);
    await fetcher.close();
  });

  it('a body past the cap is cut at the cap without Content-Encoding too', async () => {
    const fetcher = createFetcher(testOptions({ maxBodyBytes: 1000 }));
    const outcome = await fetcher.fetch({ url: server.url + 'trickle', readBody: html });
    expect(outcome.ok && outcome.response.body).toEqual(Buffer.from(PAGE).subarray(0, 1000));
    expect(outcome.ok && outcome.response.truncated).toBe('body larger than 1000 bytes, read the first 1000 bytes');
    await fetcher.close();
  });

  it('copies each chunk: the reads the chunks come from are not kept', () => {
    const read = Buffer.from('abcdefghij');
    const collector = new BodyCollector(100, 50);
    collector.add(read.subarray(0, 4));
    collector.add(read.subarray(4));
    read.fill(0);
    const { body } = collector.result();
    expect(body.toString()).toBe('abcdefghij');
    expect(ownsItsMemory(body)).toBe(true);
  });

  it('keeps a chunk that fills the cap exactly, and stops at the next', () => {
    const collector = new BodyCollector(6);
    expect(collector.add(Buffer.from('abc'))).toBe(true);
    expect(collector.add(Buffer.from('def'))).toBe(true);
    expect(collector.add(Buffer.from('g'))).toBe(false);
    const result = collector.result();
    expect(result.body.toString()).toBe('abcdef');
    expect(result.truncated).toBe('body larger than 6 bytes, read the first 6 bytes');
  });
});

describe('bodies not wanted are not read', () => {
  it('a 50 MB binary GET returns at once and the server sees the socket closed', async () => {
    const fetcher = createFetcher(testOptions({ timeoutMs: 3000 }));
    const started = Date.now();
    const seen: [string, number][] = [];
    const outcome = await fetcher.fetch({ url: `${server.url}binary`, readBody: (mime, status) => (seen.push([mime, status]), html(mime)) });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(seen).toEqual([['application/octet-stream', 200]]);
    expect(outcome).toMatchObject({ ok: true, response: { status: 200, mime: 'application/octet-stream' } });
    expect(outcome.ok && outcome.response.body).toBeUndefined();
    await new Promise((r) => setTimeout(r, 200));
    expect(bigBinary).toEqual({ finished: false, closed: true });
    expect(fetcher.stats().bytes).toBe(0);
    await fetcher.close();
  });

  it('readBody false leaves body undefined even for HTML', async () => {
    const fetcher = createFetcher(testOptions());
    const outcome = await fetcher.fetch({ url: `${server.url}gzip`, readBody: never });
    expect(outcome).toMatchObject({ ok: true, response: { status: 200, mime: 'text/html' } });
    expect(outcome.ok && outcome.response.body).toBeUndefined();
    await fetcher.close();
  });

  it('readBody can ask for bodies of any type', async () => {
    const fetcher = createFetcher(testOptions({ maxBodyBytes: 1000 }));
    const outcome = await fetcher.fetch({ url: `${server.url}binary`, readBody: always });
    expect(outcome.ok && outcome.response.body?.length).toBe(1000);
    expect(outcome.ok && outcome.response.truncated).toBe('body larger than 1000 bytes, read the first 1000 bytes');
    await fetcher.close();
  });
});
