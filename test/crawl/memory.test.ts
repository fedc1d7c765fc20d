import { describe, expect, it } from 'vitest';
import { Fifo } from '../../src/crawl/fifo.js';
import { createHeapGovernor, type HeapGovernor } from '../../src/crawl/memory.js';

describe('frontier queue', () => {
  it('keeps first-in first-out order across its batch drops', () => {
    const fifo = new Fifo<number>();
    for (let i = 0; i < 10_000; i++) fifo.push(i);
    const out: number[] = [];
    for (let i = 0; i < 5000; i++) out.push(fifo.shift()!);
    fifo.push(10_000);
    while (fifo.size > 0) out.push(fifo.shift()!);
    expect(out).toEqual(Array.from({ length: 10_001 }, (_, i) => i));
    expect(fifo.shift()).toBeUndefined();
  });
});

// Four rounds of about 20 MB of strings, each dropping the last, with a page's worth of ticks each.
function churn(governor: HeapGovernor): void {
  let keep: string[] = [];
  for (let round = 0; round < 4; round++) {
    keep = Array.from({ length: 100_000 }, (_, i) => `garbage ${round} ${i} `.repeat(4));
    for (let i = 0; i < 256; i++) governor.tick();
  }
  expect(keep).toHaveLength(100_000);
}

describe('heap governor', () => {
  it('collects once the heap has grown past its least growth, and not before', () => {
    const governor = createHeapGovernor(0, 8 * 1024 * 1024);
    for (let i = 0; i < 256; i++) governor.tick();
    expect(governor.collections()).toBe(0);
    churn(governor);
    expect(governor.collections()).toBeGreaterThanOrEqual(1);
    governor.release();
  });

  it('lets the heap grow up to its peak without collecting, and leaves V8 its own growth', () => {
    const governor = createHeapGovernor(process.memoryUsage().heapUsed + 1024 ** 3, 8 * 1024 * 1024);
    churn(governor);
    expect(governor.collections()).toBe(0);
    expect(governor.tightened()).toBe(false);
  });

  it('holds V8 to a tighter growth from its first collection until released', () => {
    const governor = createHeapGovernor(0, 8 * 1024 * 1024);
    expect(governor.tightened()).toBe(false);
    churn(governor);
    expect(governor.tightened()).toBe(true);
    governor.release();
    expect(governor.tightened()).toBe(false);
  });
});
