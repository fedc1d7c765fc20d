import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFetcher } from '../../src/fetch/index.js';
import { refusedUrl, startRecordingProxy } from '../helpers/hostile.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { html, testOptions } from './options.js';

const VARS = ['HTTP_PROXY', 'HTTPS_PROXY', 'http_proxy', 'https_proxy', 'NO_PROXY', 'no_proxy'];
let saved: Record<string, string | undefined>;
let server: TestServer;
beforeEach(async () => {
  saved = Object.fromEntries(VARS.map((v) => [v, process.env[v]]));
  for (const v of VARS) delete process.env[v];
  server = await startServer({ '/': (_req, res) => void res.writeHead(200, { 'content-type': 'text/html' }).end('<title>direct</title>') });
});
afterEach(async () => {
  for (const v of VARS) {
    if (saved[v] === undefined) delete process.env[v];
    else process.env[v] = saved[v];
  }
  await server.close();
});

describe('proxy from the environment', () => {
  it('sends absolute-form requests through HTTP_PROXY', async () => {
    const proxy = await startRecordingProxy();
    process.env.HTTP_PROXY = proxy.url;
    const fetcher = createFetcher(testOptions());
    const outcome = await fetcher.fetch({ url: `${server.url}?via=proxy`, readBody: html });
    expect(outcome.ok && outcome.response.body?.toString()).toBe('<title>via proxy</title>');
    expect(proxy.targets).toEqual([`${server.url}?via=proxy`]);
    expect(server.log).toEqual([]);
    expect(fetcher.stats().connections).toBe(1);
    await fetcher.close();
    await proxy.close();
  });

  it('NO_PROXY bypasses a dead proxy', async () => {
    process.env.http_proxy = (await refusedUrl()).replace(/\/$/, '');
    process.env.NO_PROXY = '127.0.0.1';
    const fetcher = createFetcher(testOptions());
    const outcome = await fetcher.fetch({ url: server.url, readBody: html });
    expect(outcome.ok && outcome.response.body?.toString()).toBe('<title>direct</title>');
    await fetcher.close();
  });

  it('a dead proxy is a refused connection', async () => {
    process.env.HTTP_PROXY = (await refusedUrl()).replace(/\/$/, '');
    const fetcher = createFetcher(testOptions());
    expect(await fetcher.fetch({ url: server.url, readBody: html })).toMatchObject({ ok: false, failure: { kind: 'refused' } });
    await fetcher.close();
  });
});
