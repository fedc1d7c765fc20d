// Keeps a long crawl's heap near what it must remember. V8 lets short-lived garbage (bodies,
// parse trees, link lists) pile up in the old generation for minutes before a full collection:
// on a 100,000-page crawl the heap reached 940 MB while 160 MB was live. A full collection once
// the heap passes a peak keeps it near that peak; a collection costs in proportion to what is
// live, so while little is live the heap may grow up to the peak between collections (few,
// cheap ones), and once much is, it grows at least a minimum between them (a bounded number of
// dearer ones, the heap then near live + minimum).
//
// Past the peak, V8's own collections are held to a tighter growth as well, for the rest of the
// crawl: left to its own factor V8 still let the heap grow further between them, and a
// 100,000-page crawl peaked at 309 and 333 MB RSS, against 262 and 266 MB so, for no more CPU.
// Below the peak V8 is left alone: at that growth a small heap is collected so often that a
// 10,000-page crawl (which never reaches the peak) took 5 % more CPU.
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

const CHECK_EVERY = 256;
/** V8's heap growth after a collection once a crawl is past its peak: 60 % over what was live. */
const TIGHT_GROWTH = '--heap-growing-percent=60';
// V8's own choice of growth, restored when no crawl in the process needs the tighter one.
const OWN_GROWTH = '--heap-growing-percent=0';
let tightenedBy = 0;

export interface HeapGovernor {
  /** Called once per page; now and then measures the heap and collects when it has grown too much. */
  tick(): void;
  collections(): number;
  /** Whether V8's heap growth is held tighter for this governor's crawl. */
  tightened(): boolean;
  /** Ends the crawl's hold on V8's heap growth. */
  release(): void;
}

/** Collects when the heap passes `peakBytes`, or `leastBytes` above what the last collection left if that is higher. */
export function createHeapGovernor(peakBytes: number, leastBytes: number): HeapGovernor {
  const gc = exposeGc();
  let calls = 0;
  let collections = 0;
  let tight = false;
  const limitAbove = (live: number): number => Math.max(peakBytes, live + leastBytes);
  let limit = limitAbove(getHeapStatistics().used_heap_size);
  return {
    tick() {
      if (!gc || ++calls % CHECK_EVERY !== 0) return;
      if (getHeapStatistics().used_heap_size < limit) return;
      if (!tight) {
        tight = true;
        if (tightenedBy++ === 0) setFlagsFromString(TIGHT_GROWTH);
      }
      gc();
      collections++;
      limit = limitAbove(getHeapStatistics().used_heap_size);
    },
    collections: () => collections,
    tightened: () => tight,
    release() {
      if (!tight) return;
      tight = false;
      if (--tightenedBy === 0) setFlagsFromString(OWN_GROWTH);
    },
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
