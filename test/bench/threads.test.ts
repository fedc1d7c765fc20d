import { describe, expect, it } from 'vitest';
// @ts-expect-error: the bench's plain-JavaScript helpers have no type declarations
import { splitByThread, statCpuSeconds } from '../../bench/lib/threads.mjs';

// A /proc/<pid>/task/<tid>/stat line: utime and stime are fields 14 and 15, in ticks of 1/100 s.
const stat = (name: string, utime: number, stime: number): string =>
  `4242 (${name}) S 1 4242 4242 0 -1 4194560 900 0 0 0 ${utime} ${stime} 0 0 20 0 11 0 100 1000000 5000 18446744073709551615`;

describe('CPU by thread', () => {
  it('reads user + system CPU from a stat line, whatever the command name holds', () => {
    expect(statCpuSeconds(stat('node', 475, 30))).toBe(5.05);
    expect(statCpuSeconds(stat('a (b) c', 100, 0))).toBe(1);
    expect(statCpuSeconds('not a stat line')).toBeUndefined();
  });

  it('splits a total into the main thread, the busiest other and the rest', () => {
    const seconds = new Map([['10', 4.75], ['11', 0.49], ['12', 4.41], ['13', 0.44]]);
    expect(splitByThread(11.2, '10', seconds)).toEqual({ mainThreadSeconds: 4.75, busiestThreadSeconds: 4.41, otherThreadsSeconds: 2.04 });
  });

  it('counts in the rest what threads that ended between samples spent, and never goes below zero', () => {
    expect(splitByThread(6.0, '10', new Map([['10', 5.5]]))).toEqual({ mainThreadSeconds: 5.5, busiestThreadSeconds: 0, otherThreadsSeconds: 0.5 });
    expect(splitByThread(5.0, '10', new Map([['10', 5.04]]))).toEqual({ mainThreadSeconds: 5.04, busiestThreadSeconds: 0, otherThreadsSeconds: 0 });
  });

  it('has no split without the main thread', () => {
    expect(splitByThread(3, '10', new Map([['11', 1]]))).toBeUndefined();
  });
});
