import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFetcher, isTransient, retryDelay } from '../../src/fetch/index.js';
import type { FetchOutcome } from '../../src/types.js';
import { startHostileServer, type HostileServer } from '../helpers/hostile.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { html, testOptions } from './options.js';

const NOW = Date.parse('2026-01-01T00:00:00Z');
let server: TestServer;
let hostile: HostileServer;
const counters = new Map<string, number>();
const nth = (path: string) => {
  const n = (counters.get(path) ?? 0) + 1;
  counters.set(path, n);
  return n;
};
const status = (res: ServerResponse, code: number, headers: Record<string, string> = {}): void =>
  void res.writeHead(code, { 'content-type': 'text/html', ...headers }).end(`<p>${code}</p>`);

beforeAll(async () => {
  server = await startServer({
    '/429-seconds': (_req, res) => (nth('/429-seconds') === 1 ? status(res, 429, { 'retry-after': '1' }) : status(res, 200)),
    '/429-date': (_req, res) =>
      nth('/429-date') === 1 ? status(res, 429, { 'retry-after': new Date(NOW + 2000).toUTCString() }) : status(res, 200),
    '/429-long': (_req, res) => status(res, 429, { 'retry-after': '3600' }),
    '/503': (_req, res) => status(res, 503),
    '/404': (_req, res) => status(res, 404),
  });
  hostile = await startHostileServer();
});
afterAll(async () => {
  await server.close();
  await hostile.close();
});

function recording(retries = 2) {
  const sleeps: number[] = [];
  const retriesSeen: [number, number, string][] = [];
  const fetcher = createFetcher(
    testOptions({ retries, retryAfterCapMs: 60_000 }),
    { onRetry: (_url, attempt, delay, reason) => retriesSeen.push([attempt, delay, reason]) },
    { sleep: async (ms) => void sleeps.push(ms), now: () => NOW, retryBaseMs: 10 },
  );
  return { fetcher, sleeps, retriesSeen };
}

describe('retries', () => {
  it('429 with Retry-After in seconds waits that long, then succeeds', async () => {
    const { fetcher, sleeps, retriesSeen } = recording();
    const outcome = await fetcher.fetch({ url: `${server.url}429-seconds`, readBody: html });
    expect(outcome).toMatchObject({ ok: true, attempts: 2, response: { status: 200 } });
    expect(sleeps).toEqual([1000]);
    expect(retriesSeen).toEqual([[2, 1000, 'HTTP 429']]);
    expect(fetcher.stats()).toMatchObject({ requests: 2, retries: 1 });
    await fetcher.close();
  });

  it('429 with Retry-After as an HTTP date waits until then', async () => {
    const { fetcher, sleeps } = recording();
    const outcome = await fetcher.fetch({ url: `${server.url}429-date`, readBody: html });
    expect(outcome).toMatchObject({ ok: true, attempts: 2 });
    expect(sleeps).toEqual([2000]);
    await fetcher.close();
  });

  it('Retry-After beyond the cap: the 429 is final at once', async () => {
    const { fetcher, sleeps } = recording();
    const outcome = await fetcher.fetch({ url: `${server.url}429-long`, readBody: html });
    expect(outcome).toMatchObject({ ok: true, attempts: 1, response: { status: 429, headers: { 'retry-after': '3600' } } });
    expect(sleeps).toEqual([]);
    await fetcher.close();
  });

  it('503 is retried with growing backoff, then returned as the final response', async () => {
    const { fetcher, sleeps } = recording(2);
    const outcome = await fetcher.fetch({ url: `${server.url}503`, readBody: html });
    expect(outcome).toMatchObject({ ok: true, attempts: 3, response: { status: 503 } });
    expect(sleeps).toHaveLength(2);
    expect(sleeps[0]).toBeGreaterThanOrEqual(5);
    expect(sleeps[0]).toBeLessThanOrEqual(10);
    expect(sleeps[1]).toBeGreaterThanOrEqual(10);
    expect(sleeps[1]).toBeLessThanOrEqual(20);
    await fetcher.close();
  });

  it('404 and refused are not retried; resets are', async () => {
    const { fetcher, sleeps } = recording(1);
    expect(await fetcher.fetch({ url: `${server.url}404`, readBody: html })).toMatchObject({ attempts: 1 });
    const reset = await fetcher.fetch({ url: hostile.url('/reset-headers'), readBody: html });
    expect(reset).toMatchObject({ ok: false, attempts: 2, failure: { kind: 'reset' } });
    expect(sleeps).toHaveLength(1);
    await fetcher.close();
  });

  it('the crawl signal cuts the wait between attempts', async () => {
    const fetcher = createFetcher(testOptions({ retries: 2 }), {}, { retryBaseMs: 10_000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = Date.now();
    const outcome = await fetcher.fetch({ url: `${server.url}503`, readBody: html, signal: controller.signal });
    expect(outcome).toMatchObject({ ok: false, attempts: 1, failure: { kind: 'aborted' } });
    expect(Date.now() - started).toBeLessThan(1000);
    await fetcher.close();
  });
});

describe('isTransient and retryDelay', () => {
  const response = (status: number): FetchOutcome => ({
    ok: true,
    redirects: [],
    attempts: 1,
    response: { status, url: 'http://x/', headers: {}, mime: '' },
  });
  const failure = (kind: 'dns' | 'refused' | 'timeout', reason = ''): FetchOutcome => ({ ok: false, redirects: [], attempts: 1, failure: { kind, reason } });

  it('classifies', () => {
    expect([429, 502, 503, 504, 500, 404, 200].map((s) => isTransient(response(s)))).toEqual([true, true, true, true, false, false, false]);
    expect(isTransient(failure('timeout'))).toBe(true);
    expect(isTransient(failure('refused'))).toBe(false);
    expect(isTransient(failure('dns', 'DNS: host not found (x)'))).toBe(false);
    expect(isTransient(failure('dns', 'DNS: lookup failed temporarily (x)'))).toBe(true);
  });

  it('computes delays', () => {
    expect(retryDelay(1, '5', 60_000, NOW)).toBe(5000);
    expect(retryDelay(1, '120', 60_000, NOW)).toBeUndefined();
    expect(retryDelay(1, new Date(NOW - 5000).toUTCString(), 60_000, NOW)).toBe(0);
    const backoff = retryDelay(3, 'soon', 60_000, NOW, 100) ?? -1;
    expect(backoff).toBeGreaterThanOrEqual(200);
    expect(backoff).toBeLessThanOrEqual(400);
  });
});
