// Per-origin spacing of request starts (robots Crawl-delay).

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export interface Politeness {
  setDelay(origin: string, ms: number): void;
  /**
   * Claims this origin's next start; a promise to wait on when it is not now, undefined when the
   * request may start at once (most origins have no delay: no promise is made for them).
   */
  wait(origin: string, signal?: AbortSignal): Promise<void> | undefined;
}

export function createPoliteness(sleep: Sleep, now: () => number): Politeness {
  const delays = new Map<string, number>();
  const nextStart = new Map<string, number>();
  return {
    setDelay(origin, ms) {
      if (!URL.canParse(origin)) return;
      const key = new URL(origin).origin;
      if (ms > 0) delays.set(key, ms);
      else delays.delete(key);
    },
    wait(origin, signal) {
      const delay = delays.get(origin);
      if (delay === undefined) return undefined;
      const t = now();
      const start = Math.max(t, nextStart.get(origin) ?? 0);
      nextStart.set(origin, start + delay);
      return start > t ? sleep(start - t, signal) : undefined;
    },
  };
}

/** setTimeout as a promise that rejects when `signal` aborts. */
export const defaultSleep: Sleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
