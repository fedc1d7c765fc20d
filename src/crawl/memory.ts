// Keeps a long crawl's heap near what it must remember. V8 lets short-lived garbage (bodies,
// parse trees, link lists) pile up in the old generation for minutes before a full collection:
// on a 100,000-page crawl the heap reached 940 MB while 160 MB was live. A full collection once
// the heap passes a peak keeps it near that peak; a collection costs in proportion to what is
// live, so while little is live the heap may grow up to the peak between collections (few,
// cheap ones), and once much is, it grows at least a minimum between them (a bounded number of
// dearer ones, the heap then near live + minimum).
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

const CHECK_EVERY = 256;

export interface HeapGovernor {
  /** Called once per page; now and then measures the heap and collects when it has grown too much. */
  tick(): void;
  collections(): number;
}

/** Collects when the heap passes `peakBytes`, or `leastBytes` above what the last collection left if that is higher. */
export function createHeapGovernor(peakBytes: number, leastBytes: number): HeapGovernor {
  const gc = exposeGc();
  let calls = 0;
  let collections = 0;
  const limitAbove = (live: number): number => Math.max(peakBytes, live + leastBytes);
  let limit = limitAbove(getHeapStatistics().used_heap_size);
  return {
    tick() {
      if (!gc || ++calls % CHECK_EVERY !== 0) return;
      if (getHeapStatistics().used_heap_size < limit) return;
      gc();
      collections++;
      limit = limitAbove(getHeapStatistics().used_heap_size);
    },
    collections: () => collections,
  };
}

// The documented way to reach gc() without the --expose-gc command-line flag (Jest does the same).
function exposeGc(): (() => void) | undefined {
  try {
    setFlagsFromString('--expose-gc');
    const gc: unknown = runInNewContext('gc');
    return typeof gc === 'function' ? (gc as () => void) : undefined;
  } catch {
    return undefined;
  }
}
