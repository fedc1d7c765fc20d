import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { parseArgs } from '../../src/cli/args.js';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t) } };
}

describe('linkhound usage errors', () => {
  it('--help exits 0 and prints usage', async () => {
    const c = capture();
    expect(await main(['--help'], c.io)).toBe(0);
    expect(c.out.join('')).toMatch(/usage/i);
  });

  it.each([[['--no-such-flag', 'http://127.0.0.1:1/']], [['not a url']]])('%j exits 2 with one stderr line and no stack', async (argv) => {
    const c = capture();
    expect(await main(argv, c.io)).toBe(2);
    const text = c.err.join('');
    expect(text).toMatch(/^linkhound: /);
    expect(text).not.toMatch(/\n\s+at /);
  });
});

describe('page bounds on the command line', () => {
  it('--max-pages-per-host sets the per-host guard, which otherwise follows --max-pages', () => {
    const set = parseArgs(['http://127.0.0.1:1/', '--max-pages-per-host', '7']);
    const unset = parseArgs(['http://127.0.0.1:1/', '--max-pages', '500']);
    expect('options' in set && set.options.maxPagesPerHost).toBe(7);
    expect('options' in unset && unset.options.maxPagesPerHost).toBe(500);
  });
});
