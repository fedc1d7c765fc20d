// CLI flags that shape output and requests: --output, --verbose/--quiet, --user-agent.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { VERSION } from '../../src/config/options.js';
import { startServer, type Handler, type TestServer } from '../helpers/server.js';
import type { Report } from '../../src/types.js';

const page = (body: string): Handler => (_req, res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html><html><head><title>Home</title></head><body>${body}</body></html>`);
};

async function run(argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { stdout: (t) => (out += t), stderr: (t) => (err += t) });
  return { code, out, err };
}

describe('CLI flags', () => {
  let site: TestServer;
  let dir: string;
  const agents: string[] = [];
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'linkhound-flags-'));
    site = await startServer({
      '/': (req, res) => {
        agents.push(req.headers['user-agent'] ?? '');
        return page('<a href="/about">about</a> <a href="/missing">missing</a>')(req, res);
      },
      '/clean': page('<a href="/about">about</a>'),
      '/about': page('<p>About us and what we do.</p>'),
      '/probed': page('<a href="/blog/old-post">old</a>'),
      '/blog/old-post': page('<h1>Sorry, page not found</h1>'),
    });
  });
  afterAll(async () => {
    await site.close();
    await rm(dir, { recursive: true, force: true });
  });
  const base = (root = site.url) => [root, '--timeout', '1000', '--retries', '0', '--no-soft404-probes'];

  it('--output writes the JSON report to the file, not stdout', async () => {
    const file = join(dir, 'report.json');
    const result = await run([...base(), '--format', 'json', '--output', file]);
    expect(result.code).toBe(1);
    expect(result.out).toBe('');
    const report = JSON.parse(await readFile(file, 'utf8')) as Report;
    expect(report.schemaVersion).toBe(1);
    expect(report.links.map((l) => [l.url, l.category])).toEqual([
      [site.url, 'ok'],
      [`${site.origin}/about`, 'ok'],
      [`${site.origin}/missing`, 'not-found'],
    ]);
  });

  it('--stats prints one line of figures on stderr', async () => {
    const result = await run([`${site.origin}/clean`, '--timeout', '1000', '--no-soft404-probes', '--stats', '--format', 'json']);
    expect(result.code).toBe(0);
    expect(result.err).toMatch(
      /^pages 2, urls 2, requests 3 \(retries 0, second chances 0, robots 1, probes 0, confirmations 0\), connections [12], bytes \d+, time \d+\.\d\d s, \d+ req\/s\n$/,
    );
  });

  it('--verbose names soft-404 probes and robots.txt requests, as many as the stats count', async () => {
    const result = await run([`${site.origin}/probed`, '--timeout', '1000', '--verbose', '--format', 'json']);
    const lines = result.err.split('\n');
    const probes = lines.filter((l) => l.startsWith('probe GET '));
    expect(probes.length).toBeGreaterThan(0);
    for (const line of probes) expect(line).toMatch(new RegExp(`^probe GET ${site.origin}/(?:blog/)?[a-z0-9]{24}$`));
    expect(probes.some((l) => l.includes("/blog/"))).toBe(true);
    expect(lines).toContain(`robots GET ${site.origin}/robots.txt`);
    const report = JSON.parse(result.out) as Report;
    expect(report.stats?.probes).toBe(probes.length);
  });

  it('--verbose logs every request on stderr; --quiet keeps a clean crawl silent', async () => {
    const clean = `${site.origin}/clean`;
    const verbose = await run([...base(clean), '--verbose', '--format', 'json']);
    expect(verbose.code).toBe(0);
    const requests = verbose.err.split('\n').filter((l) => l.startsWith('request '));
    expect(requests).toEqual(expect.arrayContaining([`request GET ${clean}`, `request GET ${site.origin}/about`]));
    expect(verbose.err).toContain(`ok ${site.origin}/about`);
    expect(JSON.parse(verbose.out)).toMatchObject({ schemaVersion: 1 });
    const quiet = await run([...base(clean), '--quiet']);
    expect(quiet.code).toBe(0);
    expect(quiet.err).toBe('');
    expect(quiet.out).not.toBe('');
  });

  it('--output into a missing directory or onto a directory is a one-line error with exit 2, before any request', async () => {
    const file = join(dir, 'no-such-dir', 'report.json');
    const before = site.log.length;
    const result = await run([...base(), '--format', 'json', '--output', file]);
    expect(result.code).toBe(2);
    expect(result.out).toBe('');
    expect(result.err).toBe(`linkhound: cannot write --output ${file}: directory ${join(dir, 'no-such-dir')} does not exist\n`);
    const onDir = await run([...base(), '--output', dir]);
    expect(onDir.code).toBe(2);
    expect(onDir.err).toBe(`linkhound: cannot write --output ${dir}: it is a directory\n`);
    expect(site.log.length).toBe(before);
  });

  it('sends the --user-agent given, and by default one naming linkhound and its version', async () => {
    agents.length = 0;
    await run([...base(), '--user-agent', 'foo', '--format', 'json']);
    expect(agents).toEqual(['foo']);
    agents.length = 0;
    await run([...base(), '--format', 'json']);
    expect(agents).toHaveLength(1);
    expect(agents[0]).toContain(`linkhound/${VERSION}`);
  });
});
