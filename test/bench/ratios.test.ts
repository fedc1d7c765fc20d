import { afterEach, describe, expect, it, vi } from 'vitest';
// @ts-expect-error: the bench's plain-JavaScript helpers have no type declarations
import { printRatios } from '../../bench/lib/table.mjs';

const run = (tool: string, wallSeconds: number, cpuSeconds: number, maxRssMB: number) => ({ tool, wallSeconds, cpuSeconds, maxRssMB });
const site = (pages: number, heavy: boolean) => ({ pages, heavy, runs: [run('linkhound', 1.4, 2.9, 130), run('floor', 1, 2, 100)] });

function printed(pages: number, heavy: boolean): string {
  const lines: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line));
  printRatios([site(pages, heavy)], pages, 2000);
  return lines.join('\n');
}

describe('bench ratios', () => {
  afterEach(() => vi.restoreAllMocks());

  it('judges wall time at 10,000 pages and on a heavy site, where its target is set', () => {
    expect(printed(10_000, false)).toContain('wall 1.40 (target <= 1.3: MISSED)');
    expect(printed(2_000, true)).toContain('wall 1.40 (target <= 1.3: MISSED)');
  });

  it('shows a small site\'s wall ratio without a verdict, and still judges its CPU and memory', () => {
    const text = printed(2_000, false);
    expect(text).toContain('wall 1.40 (target set at 10000 pages and on a heavy site)');
    expect(text).not.toContain('wall 1.40 (target <=');
    expect(text).toContain('CPU per page 1.45 (target <= 1.5: holds)');
    expect(text).toContain('peak RSS 1.30 (target <= 2: holds)');
  });
});
