// The real process: bin/linkhound.js turns signals into an abort (dist/, built by npm test).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server.js';

const BIN = fileURLToPath(new URL('../../bin/linkhound.js', import.meta.url));

describe('signals to the linkhound process', () => {
  let site: TestServer;
  let slowHits = 0;
  beforeAll(async () => {
    site = await startServer({
      '/': (_req, res) => { res.writeHead(200, { 'content-type': 'text/html' }).end('<a href="/slow">slow</a><a href="/gone">gone</a>'); },
      '/gone': (_req, res) => { res.writeHead(410, { 'content-type': 'text/html' }).end('gone'); },
      // Never answers: the crawl is still running when the signals come.
      '/slow': () => { slowHits++; },
    });
  });
  afterAll(() => site.close());

  async function interrupt(times: number): Promise<{ code: number | null; out: string; ms: number }> {
    const child = spawn(process.execPath, [BIN, site.url, '--format', 'json', '--timeout', '20000', '--retries', '0', '--no-soft404-probes']);
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    // Listened for from the start: the process may be gone before the last signal is sent.
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    const before = slowHits;
    while (slowHits === before) await new Promise((r) => setTimeout(r, 20));
    const t0 = Date.now();
    for (let i = 0; i < times; i++) {
      child.kill('SIGINT');
      await new Promise((r) => setTimeout(r, 50));
    }
    const code = await exited;
    return { code, out, ms: Date.now() - t0 };
  }

  it('one Ctrl-C: exit 130 after the grace period, with the partial report', async () => {
    const r = await interrupt(1);
    expect(r.code).toBe(130);
    const report = JSON.parse(r.out) as { complete: boolean; links: { url: string; category: string }[] };
    expect(report.complete).toBe(false);
    expect(report.links.find((l) => l.url.endsWith('/gone'))?.category).toBe('gone');
  });

  it('a second Ctrl-C exits at once, without a report', async () => {
    const r = await interrupt(2);
    expect(r.code).toBe(130);
    expect(r.out).toBe('');
    expect(r.ms).toBeLessThan(1500);
  });
});
