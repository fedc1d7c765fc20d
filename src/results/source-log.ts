// Occurrences of URLs whose verdict is not known yet, kept as numbers in typed arrays (page,
// line, kind, next occurrence) plus one text reference: about 24 bytes each instead of an
// object with its own strings. A 100,000-page crawl holds millions of them at its peak: every
// link to a URL still waiting its turn, kept in case the URL turns out broken. Freed records
// are reused, so the log is as large as the most occurrences pending at once.
import type { LinkSource, PageLinks } from '../types.js';

const FIRST_CAPACITY = 1024;
const END = -1;

export class SourceLog {
  private page = new Uint32Array(FIRST_CAPACITY);
  private line = new Uint32Array(FIRST_CAPACITY);
  private kind = new Uint32Array(FIRST_CAPACITY);
  private next = new Int32Array(FIRST_CAPACITY);
  private readonly text: string[] = [];
  private used = 0;
  private free = END;
  private readonly pages: string[] = [];
  private readonly elements: string[] = [];
  private readonly attributes: string[] = [];
  private readonly kindIds = new Map<string, number>();
  // Ids of the page being added, which is the one most calls are about.
  private current: PageLinks | undefined;
  private currentPage = 0;
  private currentKinds: number[] = [];

  constructor(private readonly copyText: (text: string) => string) {}

  /** Records occurrence `index` of `links` after record `after` (END to start a chain); returns its record. */
  append(links: PageLinks, index: number, after: number): number {
    if (links !== this.current) this.enter(links);
    const at = this.take();
    this.page[at] = this.currentPage;
    this.line[at] = links.lines[index]!;
    this.kind[at] = this.currentKinds[links.kinds[index]!]!;
    this.next[at] = END;
    const text = links.texts[index]!;
    this.text[at] = text === '' ? '' : this.copyText(text);
    if (after !== END) this.next[after] = at;
    return at;
  }

  /** The sources of the chain from `head`, the first `limit` of them as objects; frees the chain. */
  release(head: number, limit: number): LinkSource[] {
    const out: LinkSource[] = [];
    for (let at = head; at !== END; ) {
      if (out.length < limit) out.push(this.source(at));
      const following = this.next[at]!;
      this.text[at] = '';
      this.next[at] = this.free;
      this.free = at;
      at = following;
    }
    return out;
  }

  /** Occurrence `index` of `links` as an object. */
  sourceOf(links: PageLinks, index: number): LinkSource {
    const source: LinkSource = { page: links.page, line: links.lines[index]!, element: links.elements[links.kinds[index]!]!, attribute: links.attributes[links.kinds[index]!]! };
    const text = links.texts[index]!;
    if (text !== '') source.text = this.copyText(text);
    return source;
  }

  private source(at: number): LinkSource {
    const kind = this.kind[at]!;
    const source: LinkSource = { page: this.pages[this.page[at]!]!, line: this.line[at]!, element: this.elements[kind]!, attribute: this.attributes[kind]! };
    const text = this.text[at]!;
    if (text !== '') source.text = text;
    return source;
  }

  private enter(links: PageLinks): void {
    this.current = links;
    this.currentPage = this.pages.push(links.page) - 1;
    this.currentKinds = links.elements.map((element, k) => this.kindId(element, links.attributes[k]!));
  }

  private kindId(element: string, attribute: string): number {
    const name = `${element} ${attribute}`;
    let id = this.kindIds.get(name);
    if (id === undefined) {
      id = this.elements.length;
      // Copies: names cut from a page would keep the page alive for the whole crawl.
      this.elements.push(this.copyText(element));
      this.attributes.push(this.copyText(attribute));
      this.kindIds.set(name, id);
    }
    return id;
  }

  private take(): number {
    if (this.free !== END) {
      const at = this.free;
      this.free = this.next[at]!;
      return at;
    }
    if (this.used === this.page.length) this.grow();
    return this.used++;
  }

  private grow(): void {
    const size = this.page.length * 2;
    this.page = resized(this.page, new Uint32Array(size));
    this.line = resized(this.line, new Uint32Array(size));
    this.kind = resized(this.kind, new Uint32Array(size));
    this.next = resized(this.next, new Int32Array(size));
  }
}

function resized<T extends Uint32Array | Int32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
