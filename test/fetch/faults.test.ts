import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFetcher } from '../../src/fetch/index.js';
import { refusedUrl, startHostileServer, type HostileServer } from '../helpers/hostile.js';
import { always, testOptions } from './options.js';

let hostile: HostileServer;
beforeAll(async () => {
  hostile = await startHostileServer();
});
afterAll(() => hostile.close());

async function fetchOnce(url: string, timeoutMs = 600) {
  const fetcher = createFetcher(testOptions({ timeoutMs }));
  const started = Date.now();
  const outcome = await fetcher.fetch({ url, readBody: always });
  const elapsed = Date.now() - started;
  await fetcher.close();
  return { outcome, elapsed };
}

describe('broken servers become failures with a kind and a reason', () => {
  const cases: [string, string, string][] = [
    ['/reset-headers', 'reset', 'connection reset'],
    ['/reset-body', 'reset', 'connection reset while reading the body'],
    ['/short-body', 'protocol', 'body shorter than Content-Length'],
    ['/chunked-no-last', 'protocol', 'chunked body ended before its last chunk'],
    ['/empty', 'reset', 'connection closed before a response (empty reply)'],
    ['/garbage', 'protocol', 'invalid HTTP response'],
    ['/silent', 'timeout', 'no response within 0.6 s'],
    ['/headers-then-silence', 'timeout', 'body stalled for 0.3 s'],
    ['/trickle?ms=1000', 'timeout', 'body stalled for 0.3 s'],
    ['/trickle?ms=50', 'timeout', 'timed out after 0.6 s (total)'],
  ];
  it.each(cases)('%s → %s: %s', async (path, kind, reason) => {
    const { outcome, elapsed } = await fetchOnce(hostile.url(path));
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.failure).toEqual({ kind, reason });
    expect(outcome.attempts).toBe(1);
    expect(elapsed).toBeLessThan(1500);
  });

  it('keeps the status when the failure came after the headers', async () => {
    const { outcome } = await fetchOnce(hostile.url('/short-body'));
    expect(outcome.ok ? undefined : outcome.status).toBe(200);
  });

  it('refused port → refused', async () => {
    const { outcome } = await fetchOnce(await refusedUrl());
    expect(outcome).toMatchObject({ ok: false, failure: { kind: 'refused', reason: 'connection refused' } });
  });

  it('invalid and non-http URLs → invalid-url without a request', async () => {
    const fetcher = createFetcher(testOptions());
    expect(await fetcher.fetch({ url: 'not a url', readBody: always })).toMatchObject({ ok: false, failure: { kind: 'invalid-url' }, attempts: 0 });
    expect(await fetcher.fetch({ url: 'ftp://127.0.0.1/x', readBody: always })).toMatchObject({
      ok: false,
      failure: { kind: 'invalid-url', reason: 'unsupported scheme ftp:' },
    });
    expect(fetcher.stats().requests).toBe(0);
    await fetcher.close();
  });

  it('the crawl signal ends a pending request as aborted', async () => {
    const fetcher = createFetcher(testOptions({ timeoutMs: 5000 }));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = Date.now();
    const outcome = await fetcher.fetch({ url: hostile.url('/silent'), readBody: always, signal: controller.signal });
    expect(outcome).toMatchObject({ ok: false, failure: { kind: 'aborted', reason: 'stopped before an answer' } });
    expect(Date.now() - started).toBeLessThan(1000);
    await fetcher.close();
  });

  it('one crawl signal serves many requests in flight without listener warnings', async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.name);
    process.on('warning', onWarning);
    const fetcher = createFetcher(testOptions({ timeoutMs: 5000 }));
    const controller = new AbortController();
    const pending = Array.from({ length: 30 }, () => fetcher.fetch({ url: hostile.url('/silent'), readBody: always, signal: controller.signal }));
    setTimeout(() => controller.abort(), 100);
    const outcomes = await Promise.all(pending);
    expect(outcomes.every((o) => !o.ok && o.failure.kind === 'aborted')).toBe(true);
    await new Promise((r) => setImmediate(r));
    process.off('warning', onWarning);
    expect(warnings).toEqual([]);
    await fetcher.close();
  });
});
