// Hangs every fetch off the crawl signal through ONE listener per crawl signal: Node warns
// (MaxListenersExceededWarning) past 10 listeners on an AbortSignal, and a crawl has more
// requests in flight than that.

export interface AbortLink {
  /** Aborts when the parent does. */
  signal: AbortSignal;
  /** Forget this link (call when the fetch ends). */
  release(): void;
}

export function createAbortLinks(): (parent: AbortSignal | undefined) => AbortLink {
  const children = new WeakMap<AbortSignal, Set<AbortController>>();
  return (parent) => {
    const controller = new AbortController();
    if (!parent) return { signal: controller.signal, release: () => undefined };
    if (parent.aborted) controller.abort(parent.reason);
    let group = children.get(parent);
    if (!group) {
      const fresh = new Set<AbortController>();
      parent.addEventListener('abort', () => {
        for (const child of fresh) child.abort(parent.reason);
        fresh.clear();
      }, { once: true });
      children.set(parent, fresh);
      group = fresh;
    }
    const members = group;
    if (!parent.aborted) members.add(controller);
    return { signal: controller.signal, release: () => void members.delete(controller) };
  };
}
