import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { startServer, type TestServer } from '../helpers/server.js';

let server: TestServer | undefined;
afterEach(async () => { await server?.close(); server = undefined; });

const html = (body: string) => (_req: unknown, res: import('node:http').ServerResponse) => {
  res.writeHead(200, { 'content-type': 'text/html' });
  res.end(`<!doctype html><html><head><title>Page</title></head><body>${body}</body></html>`);
};
const missing = (_req: unknown, res: import('node:http').ServerResponse) => { res.writeHead(404); res.end('gone'); };

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { stdout: (t) => out.push(t), stderr: (t) => err.push(t) });
  return { code, out: out.join(''), err: err.join('') };
}

describe('linkhound exit codes', () => {
  it('exits 1 when a link is broken and 0 when the site is clean', async () => {
    server = await startServer({ '/': html('<a href="/gone">x</a> <a href="/ok">y</a>'), '/ok': html('fine'), '/gone': missing });
    const broken = await run([server.url, '--timeout', '1000', '--retries', '0']);
    expect(broken.code).toBe(1);
    const clean = await run([`${server.origin}/ok`, '--timeout', '1000', '--retries', '0']);
    expect(clean.code).toBe(0);
  });
});
