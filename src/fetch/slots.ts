// Per-origin request slots, as many as the pool has connections. A request takes its slot before
// its deadline starts, so time spent queued behind other requests to a busy host is never
// counted against its timeout.

export interface HostSlots {
  /** Waits for a free slot of `origin`; resolves to its release, or undefined when aborted. */
  acquire(origin: string, signal?: AbortSignal): Promise<(() => void) | undefined>;
  /** A free slot of `origin` taken now (its release), or undefined when all are busy. */
  tryAcquire(origin: string): (() => void) | undefined;
}

export function createHostSlots(perHost: number): HostSlots {
  const limit = Math.max(1, perHost);
  const hosts = new Map<string, { busy: number; waiting: (() => void)[] }>();

  const releaser = (origin: string): (() => void) => {
    let done = false;
    return () => {
      if (done) return;
      done = true;
      const host = hosts.get(origin)!;
      const next = host.waiting.shift();
      if (next) return next();
      if (--host.busy === 0) hosts.delete(origin);
    };
  };

  const tryAcquire = (origin: string): (() => void) | undefined => {
    let host = hosts.get(origin);
    if (!host) hosts.set(origin, (host = { busy: 0, waiting: [] }));
    if (host.busy >= limit) return undefined;
    host.busy++;
    return releaser(origin);
  };

  return {
    tryAcquire,
    async acquire(origin, signal) {
      if (signal?.aborted) return undefined;
      const free = tryAcquire(origin);
      if (free) return free;
      const waiting = hosts.get(origin)!.waiting;
      // The slot passes straight from the releaser to the waiter: busy stays as it is.
      const granted = await new Promise<boolean>((resolve) => {
        const wake = () => {
          signal?.removeEventListener('abort', onAbort);
          resolve(true);
        };
        const onAbort = () => {
          const at = waiting.indexOf(wake);
          if (at >= 0) waiting.splice(at, 1);
          resolve(false);
        };
        waiting.push(wake);
        signal?.addEventListener('abort', onAbort, { once: true });
      });
      return granted ? releaser(origin) : undefined;
    },
  };
}
