import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { check, renderReport } from '../../src/index.js';
import { replayNdjson } from '../../src/report/index.js';
import type { Report } from '../../src/types.js';
import { startServer, type TestServer } from '../helpers/server.js';

const ESC = '\x1b';
const CSI8 = '\u009b';
// Everything a terminal could act on, except the line feeds the report is made of.
const CONTROL = /[\x00-\x09\x0b-\x1f\x7f-\x9f]/;

const html = (body: string, code = 200) => (_req: unknown, res: ServerResponse) => {
  res.writeHead(code, { 'content-type': 'text/html; charset=utf-8' }).end(body);
};
const LINK_TEXT = `Click ${ESC}[31mred${ESC}[0m "quoted" ${ESC}]0;title\x07 new\nline \r over ${CSI8}2J`;

describe('crawled text cannot drive the terminal or break the formats', () => {
  let site: TestServer;
  let report: Report;
  const entry = (path: string) => report.links.find((l) => l.url === site.origin + path);

  beforeAll(async () => {
    site = await startServer({
      '/': html(`<title>Home ${ESC}]0;pwned\x07</title>
<a href="/x${ESC}[31m?q=${CSI8}1m">${LINK_TEXT}</a>
<a href="/lost">lost</a> <a href="/wall">wall</a>`),
      '/lost': html(`<title>Page not found ${ESC}[31m${ESC}]0;t\x07 ${CSI8}2J</title><h1>Page not found</h1><p>Sorry</p>`),
      // Node lets bytes 0x80-0xff through in header values: 0x9b is an 8-bit CSI.
      '/wall': (_req, res) => void res.writeHead(403, { 'content-type': 'text/html', server: `evil${CSI8}2J`, 'cf-mitigated': 'challenge' }).end(),
    });
    report = await check({ roots: [site.url], timeoutMs: 1500, retries: 0, soft404Probes: false });
  });
  afterAll(() => site.close());

  it('keeps the hostile text as data in the report', () => {
    expect(site.log).toContain('GET /x%1B[31m?q=%C2%9B1m');
    expect(entry('/x%1B[31m?q=%C2%9B1m')?.sources[0]?.text).toBe(`Click ${ESC}[31mred${ESC}[0m "quoted" ${ESC}]0;title\x07 new line over ${CSI8}2J`);
    expect(entry('/lost')?.category).toBe('soft-404');
    expect(entry('/lost')?.reason).toContain(`${ESC}]0;t\x07`);
    expect(entry('/wall')?.notes).toContain(`server: evil${CSI8}2J`);
  });

  it('pretty output carries no escape sequence or control character, with or without colour', () => {
    const plain = renderReport('pretty', report, { color: false, verbose: true });
    expect(plain).not.toMatch(CONTROL);
    expect(plain).toContain('<a href> "Click red "quoted"  new line over "');
    expect(plain).toContain("soft 404: title 'Page not found  ' (en)");
    expect(plain).toContain('note: server: evil\n');
    // Colour adds SGR codes and nothing else: removing them gives the plain text back.
    const coloured = renderReport('pretty', report, { color: true, verbose: true });
    expect(coloured).not.toBe(plain);
    expect(coloured.replace(/\x1b\[\d+m/g, '')).toBe(plain);
  });

  it('JSON and NDJSON parse back to the same report, with no raw C0 or C1 control', () => {
    const json = renderReport('json', report, { color: false });
    expect(json).not.toMatch(CONTROL);
    expect(json).toContain('\\u009b');
    expect(JSON.parse(json)).toEqual(report);
    const ndjson = renderReport('ndjson', report, { color: false });
    expect(ndjson).not.toMatch(CONTROL);
    const lines = ndjson.trimEnd().split('\n');
    expect(lines).toHaveLength(report.links.length + 1);
    expect(replayNdjson(lines)).toEqual(report);
  });
});

describe('--output', () => {
  let site: TestServer;
  let dir: string;
  beforeAll(async () => {
    site = await startServer({
      '/': html('<title>../../etc/x</title><a href="../../etc/x">../../etc/x</a> <a href="/--output=/tmp/evil">--output /tmp/evil</a>'),
    });
    dir = mkdtempSync(join(tmpdir(), 'linkhound-output-'));
    mkdirSync(join(dir, 'out'));
  });
  afterAll(async () => {
    await site.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes exactly the named file, whatever the crawled pages say', async () => {
    const target = join(dir, 'out', 'report.json');
    let out = '';
    const code = await main([site.url, '--output', target, '--format', 'json', '--timeout', '1500', '--retries', '0', '--no-soft404-probes'], {
      stdout: (t) => (out += t),
      stderr: () => undefined,
    });
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(readdirSync(dir)).toEqual(['out']);
    expect(readdirSync(join(dir, 'out'))).toEqual(['report.json']);
    const written = JSON.parse(readFileSync(target, 'utf8')) as Report;
    expect(written.links.find((l) => l.url === `${site.origin}/etc/x`)).toMatchObject({ category: 'not-found', sources: [expect.objectContaining({ text: '../../etc/x' })] });
    expect(written.links.find((l) => l.url === `${site.origin}/--output=/tmp/evil`)?.category).toBe('not-found');
  });
});
