// Every fetch hangs off the crawl signal through ONE signal of ours per crawl signal, which
// takes any number of listeners: Node warns (MaxListenersExceededWarning) past 10 listeners on
// an AbortSignal, and a crawl has one per request in flight. A controller per fetch did the
// same for two objects and a set entry per request, kept by the set long enough to be promoted
// to the old space (bench: 15 MB of the 10,000-page crawl's promoted garbage).
import { setMaxListeners } from 'node:events';

/** The signal that fetches under `parent` listen to: aborted when the parent is, with its reason. */
export function createAbortLinks(): (parent: AbortSignal | undefined) => AbortSignal | undefined {
  const children = new WeakMap<AbortSignal, AbortSignal>();
  return (parent) => {
    if (!parent) return undefined;
    let child = children.get(parent);
    if (!child) {
      const controller = new AbortController();
      setMaxListeners(0, controller.signal);
      if (parent.aborted) controller.abort(parent.reason);
      else parent.addEventListener('abort', () => controller.abort(parent.reason), { once: true });
      child = controller.signal;
      children.set(parent, child);
    }
    return child;
  };
}
