import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/index.js';
import { replayNdjson } from '../../src/report/index.js';
import { startServer, type TestServer } from '../helpers/server.js';
import type { Report } from '../../src/types.js';

async function run(argv: string[], signal?: AbortSignal) {
  let out = '';
  let err = '';
  const code = await main(argv, { stdout: (t) => (out += t), stderr: (t) => (err += t), ...(signal ? { signal } : {}) });
  return { code, out, err };
}

describe('report formats and interruptions', () => {
  let site: TestServer;
  beforeAll(async () => {
    site = await startServer({
      '/': (_q, res) => { res.writeHead(200, { 'content-type': 'text/html' }).end('<a href="/x">x</a><a href="/old">o</a><a href="/slow">s</a>'); },
      '/x': (_q, res) => { res.writeHead(404, { 'content-type': 'text/html' }).end('no'); },
      '/old': (_q, res) => { res.writeHead(302, { location: '/page' }).end(); },
      '/page': (_q, res) => { res.writeHead(200, { 'content-type': 'text/html' }).end('<title>Our team</title><h1>Our team</h1><p>We build things.</p>'); },
      '/slow': () => undefined,
    });
  });
  afterAll(() => site.close());
  const base = () => [site.url, '--timeout', '800', '--retries', '0', '--no-soft404-probes'];

  it('writes the JSON contract, and NDJSON that replays into it', async () => {
    const json = await run([...base(), '--format', 'json']);
    expect(json.code).toBe(1);
    const report = JSON.parse(json.out) as Report;
    expect(report).toMatchObject({ schemaVersion: 1, tool: { name: 'linkhound' }, complete: true, roots: [site.url] });
    expect(report.links.map((l) => l.url)).toEqual([...report.links.map((l) => l.url)].sort());
    expect(report.summary['not-found']).toBe(1);
    const nd = await run([...base(), '--format', 'ndjson']);
    const replayed = replayNdjson(nd.out.trim().split('\n'));
    expect(replayed.links.map((l) => [l.url, l.category])).toEqual(report.links.map((l) => [l.url, l.category]));
  });

  it('--fail-on redirect fails on a redirect', async () => {
    const r = await run([...base(), '--fail-on', 'redirect', '--exclude', '/x$']);
    expect(r.code).toBe(1);
  });

  it('exits 130 on SIGINT with the partial report, and 143 on SIGTERM', async () => {
    for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
      const controller = new AbortController();
      setTimeout(() => controller.abort(signal), 150);
      const r = await run([...base(), '--timeout', '10000', '--format', 'json'], controller.signal);
      expect(r.code).toBe(code);
      const report = JSON.parse(r.out) as Report;
      expect(report).toMatchObject({ complete: false, stoppedBy: signal });
      expect(report.links.find((l) => l.url.endsWith('/x'))?.category).toBe('not-found');
    }
  });

  it('--max-duration writes an incomplete report and exits 1', async () => {
    const r = await run([...base(), '--timeout', '10000', '--max-duration', '1', '--format', 'json', '--exclude', '/x$', '--exclude', '/old']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)).toMatchObject({ complete: false, stoppedBy: 'max-duration' });
  });
});
