import { afterEach, describe, expect, it } from 'vitest';
import type { ServerResponse } from 'node:http';
import { check } from '../../src/index.js';
import { startServer, type TestServer } from '../helpers/server.js';

let server: TestServer | undefined;
afterEach(async () => { await server?.close(); server = undefined; });

const html = (body: string) => (_req: unknown, res: ServerResponse) => {
  res.writeHead(200, { 'content-type': 'text/html' });
  res.end(`<!doctype html><html><head><title>Page</title></head><body>${body}</body></html>`);
};

describe('crawl fetches each URL once', () => {
  it('hits a target once even when linked from many pages with different fragments', async () => {
    server = await startServer({
      '/': html('<a href="/a">a</a><a href="/b">b</a><a href="/t#one">t</a>'),
      '/a': html('<a href="/t#two">t</a>'),
      '/b': html('<a href="/t">t</a>'),
      '/t': html('target'),
    });
    const report = await check({ roots: [server.url], timeoutMs: 1000, retries: 0, soft404Probes: false });
    expect(report.complete).toBe(true);
    expect(server.hits.get('/t')).toBe(1);
  });
});
