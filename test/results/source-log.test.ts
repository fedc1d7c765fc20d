import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SourceLog } from '../../src/results/source-log.js';
import type { PageLinks } from '../../src/types.js';

// One page with `n` links to the same URL, on lines 1..n.
const page = (n: number): PageLinks => ({
  page: 'https://site.test/p', keys: Array(n).fill('https://site.test/x'), valid: new Uint8Array(n).fill(1),
  lines: Uint32Array.from({ length: n }, (_, i) => i + 1), kinds: new Uint32Array(n), elements: ['a'], attributes: ['href'],
  texts: Array.from({ length: n }, (_, i) => `link ${i + 1}`),
});

describe('SourceLog spill', () => {
  let dir: string;
  let saved: string | undefined;
  beforeEach(() => {
    saved = process.env.TMPDIR;
    dir = mkdtempSync(join(tmpdir(), 'linkhound-spill-test-'));
    process.env.TMPDIR = dir;
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved;
    rmSync(dir, { recursive: true, force: true });
  });

  it('moves spilled occurrences out of memory into a file nobody can see, and reads them back in order', () => {
    const log = new SourceLog((text) => text);
    const links = page(20_000);
    const chain = log.newChain();
    for (let i = 0; i < 5; i++) log.add(chain, links, i, false);
    for (let i = 5; i < links.keys.length; i++) log.add(chain, links, i, true);
    // Only the first five are records in memory; the rest are one offset into the file.
    expect(log.kept(chain)).toBe(5);
    expect(log.added(chain)).toBe(20_000);
    expect(log.sources(chain)).toHaveLength(5);
    // The file was unlinked (and its folder removed) as soon as it was made.
    expect(readdirSync(dir)).toEqual([]);
    log.load(chain);
    const sources = log.sources(chain);
    expect(sources.map((s) => s.line)).toEqual(Array.from({ length: 20_000 }, (_, i) => i + 1));
    expect(sources[19_999]).toEqual({ page: 'https://site.test/p', line: 20_000, element: 'a', attribute: 'href', text: 'link 20000' });
    log.close();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('forgets spilled occurrences of a chain cut to its first few', () => {
    const log = new SourceLog((text) => text);
    const links = page(100);
    const chain = log.newChain();
    for (let i = 0; i < 100; i++) log.add(chain, links, i, i >= 3);
    log.keepFirst(chain, 2);
    log.load(chain);
    expect(log.sources(chain).map((s) => s.line)).toEqual([1, 2]);
    log.close();
  });
});
