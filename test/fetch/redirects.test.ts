import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFetcher } from '../../src/fetch/index.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { html, testOptions } from './options.js';

let server: TestServer;
beforeAll(async () => {
  const to = (status: number, location: string) => (_req: unknown, res: import('node:http').ServerResponse) => {
    res.writeHead(status, { location, 'content-type': 'text/html' }).end('moved');
  };
  const routes: Record<string, ReturnType<typeof to>> = {
    '/a': to(301, '/b'),
    '/b': to(302, 'c'),
    '/c': (_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=UTF-8' }).end('<p>end</p>'),
    '/loop1': to(307, '/loop2'),
    '/loop2': to(308, '/loop1'),
    '/self': to(301, '/self'),
    '/no-location': (_req, res) => res.writeHead(302).end(),
    '/bad-scheme': to(302, 'mailto:someone@example.com'),
    '/frag': to(303, '/c#section'),
  };
  for (let i = 0; i <= 11; i++) routes[`/hop${i}`] = to(302, `/hop${i + 1}`);
  routes['/hop12'] = routes['/c']!;
  for (let i = 0; i <= 9; i++) routes[`/ten${i}`] = to(302, i === 9 ? '/c' : `/ten${i + 1}`);
  server = await startServer(routes);
});
afterAll(() => server.close());

const get = async (path: string) => {
  const fetcher = createFetcher(testOptions());
  const outcome = await fetcher.fetch({ url: server.url + path.slice(1), readBody: html });
  const stats = fetcher.stats();
  await fetcher.close();
  return { outcome, stats };
};

describe('redirects are followed by hand', () => {
  it('records each hop with its status, relative Locations resolved', async () => {
    const { outcome, stats } = await get('/a');
    expect(outcome).toMatchObject({
      ok: true,
      redirects: [
        { url: `${server.origin}/a`, status: 301 },
        { url: `${server.origin}/b`, status: 302 },
      ],
      response: { status: 200, url: `${server.origin}/c`, mime: 'text/html', charset: 'utf-8' },
      attempts: 1,
    });
    expect(outcome.ok && outcome.response.body?.toString()).toBe('<p>end</p>');
    expect(stats.requests).toBe(3);
  });

  it('detects a loop', async () => {
    const { outcome } = await get('/loop1');
    expect(outcome).toMatchObject({ ok: false, failure: { kind: 'redirect-loop', reason: 'redirect loop' } });
    expect(outcome.redirects.map((h) => h.status)).toEqual([307, 308]);
    const self = (await get('/self')).outcome;
    expect(self).toMatchObject({ ok: false, failure: { kind: 'redirect-loop' }, redirects: [{ url: `${server.origin}/self`, status: 301 }] });
  });

  it('allows 10 redirects, fails at the 11th', async () => {
    expect((await get('/ten0')).outcome).toMatchObject({ ok: true, response: { status: 200 } });
    const { outcome } = await get('/hop0');
    expect(outcome).toMatchObject({ ok: false, failure: { kind: 'too-many-redirects', reason: 'more than 10 redirects' } });
    expect(outcome.redirects).toHaveLength(11);
  });

  it('a 3xx without Location is a final response', async () => {
    const { outcome } = await get('/no-location');
    expect(outcome).toMatchObject({ ok: true, redirects: [], response: { status: 302 } });
  });

  it('a redirect to another scheme is a failure', async () => {
    const { outcome } = await get('/bad-scheme');
    expect(outcome).toMatchObject({ ok: false, failure: { kind: 'invalid-url', reason: 'redirect to an unsupported scheme (mailto:)' } });
  });

  it('drops the fragment of a Location', async () => {
    const { outcome } = await get('/frag');
    expect(outcome).toMatchObject({ ok: true, response: { url: `${server.origin}/c` } });
  });
});
