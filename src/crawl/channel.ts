// An unbounded push → async-iterable queue: the crawl pushes events, the consumer pulls.
// Events are small records; the consumer (CLI, check) drains them as fast as they come.
import { Fifo } from './fifo.js';

export class Channel<T> implements AsyncIterable<T> {
  private readonly items = new Fifo<T>();
  private waiting: (() => void) | undefined;
  private closed = false;
  private error: unknown;

  push(item: T): void {
    this.items.push(item);
    this.wake();
  }

  close(): void {
    this.closed = true;
    this.wake();
  }

  /** Ends the iteration with `error` once the queued items are consumed. */
  fail(error: unknown): void {
    this.error = error;
    this.close();
  }

  private wake(): void {
    const w = this.waiting;
    this.waiting = undefined;
    w?.();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    for (;;) {
      while (this.items.size > 0) yield this.items.shift() as T;
      if (this.closed) {
        if (this.error !== undefined) throw this.error;
        return;
      }
      await new Promise<void>((resolve) => (this.waiting = resolve));
    }
  }
}
