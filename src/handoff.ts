// A value handed over through a promise that may outlive it. V8 promotes an object that lives a
// few milliseconds to its old space, and a settled promise keeps its value: an old object's
// references keep young ones alive until the next full collection. A crawl's pages wait that
// long for their parser, so every page's text and links were promoted with their dead promises
// (bench, 10,000 pages: 182 MB promoted, 0.6 s of scavenging). What the promise keeps is this
// box, which the receiver empties.

export class Handoff<T> {
  #value: T | undefined;
  #taken = false;

  constructor(value: T) {
    this.#value = value;
  }

  /** The value; the box keeps nothing after. Taking it twice is a bug. */
  take(): T {
    if (this.#taken) throw new Error('handoff taken twice');
    this.#taken = true;
    const value = this.#value as T;
    this.#value = undefined;
    return value;
  }
}
