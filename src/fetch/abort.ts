// Ends what a fetch is waiting on (an exchange, a slot, a sleep) when its signal aborts, through
// ONE listener per signal. The alternatives cost more: Node warns (MaxListenersExceededWarning)
// past 10 listeners on one AbortSignal, and a child AbortController per fetch, with a listener
// on its signal, makes every fetch allocate about 1 KB that V8 keeps past young collections
// (300,000 of them: 670 MB allocated and 260 MB promoted, against 90 MB and 0.1 MB without).

/** Something waiting that an abort must end. */
export interface Cancellable {
  cancel(): void;
}

/**
 * Calls `what.cancel()` when `signal` aborts (at once if it has); returns the way to forget it,
 * which the waiter calls when it ends on its own.
 */
export type Watch = (signal: AbortSignal | undefined, what: Cancellable) => () => void;

const forget = (): void => undefined;

export function createWatch(): Watch {
  const watched = new WeakMap<AbortSignal, Set<Cancellable>>();
  return (signal, what) => {
    if (!signal) return forget;
    if (signal.aborted) {
      what.cancel();
      return forget;
    }
    let group = watched.get(signal);
    if (!group) {
      const members = new Set<Cancellable>();
      signal.addEventListener('abort', () => {
        const all = [...members];
        members.clear();
        for (const member of all) member.cancel();
      }, { once: true });
      watched.set(signal, members);
      group = members;
    }
    const members = group;
    members.add(what);
    return () => void members.delete(what);
  };
}

/** Waits `ms`; rejects when `signal` aborts. Never resolves and rejects both. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** setTimeout as a promise, its abort watched by `watch`. */
export function createSleep(watch: Watch): Sleep {
  return (ms, signal) =>
    new Promise((resolve, reject) => {
      let unwatch = forget;
      const timer = setTimeout(() => {
        unwatch();
        resolve();
      }, ms);
      unwatch = watch(signal, {
        cancel() {
          clearTimeout(timer);
          reject(signal?.reason);
        },
      });
    });
}
