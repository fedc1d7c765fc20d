// A first-in first-out queue with O(1) amortised shift: consumed items are dropped in batches,
// since Array.prototype.shift is O(n) on a long backlog.

const DROP_BATCH = 4096;

export class Fifo<T> {
  private items: T[] = [];
  private head = 0;

  get size(): number {
    return this.items.length - this.head;
  }

  push(item: T): void {
    this.items.push(item);
  }

  shift(): T | undefined {
    if (this.head >= this.items.length) return undefined;
    const item = this.items[this.head++] as T;
    if (this.head >= DROP_BATCH || this.head === this.items.length) [this.items, this.head] = [this.items.slice(this.head), 0];
    return item;
  }
}
