import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';

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
