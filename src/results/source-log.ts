// The occurrences the store keeps, as numbers in typed arrays (page, line, kind, next occurrence
// of the same URL) plus one reference to a shared text: about 24 bytes each instead of an object
// with its own strings. A 100,000-page crawl holds millions at its peak (every link to a URL
// still waiting its turn, kept in case it turns out broken) and a few per URL at its end. Freed
// records are reused, so the log is as large as the most occurrences kept at once.
import type { LinkSource, PageLinks } from '../types.js';
import { NO_RECORD, SpillFile } from './spill.js';

const FIRST_CAPACITY = 1024;
const END = -1;
/** Distinct texts shared before the memory starts over: links to a page mostly repeat one text. */
const SHARED_TEXTS = 20_000;

/** The occurrences of one URL: a chain of records in memory, then any spilled to the file. */
export interface Chain {
  head: number;
  tail: number;
  kept: number;
  spilled: number;
}

export function newChain(): Chain {
  return { head: END, tail: END, kept: 0, spilled: NO_RECORD };
}

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
  private readonly texts = new Map<string, string>();
  // Ids of the page being added, which is the one most calls are about.
  private current: PageLinks | undefined;
  private currentPage = 0;
  private currentKinds: number[] = [];

  private spill: SpillFile | undefined | null = null;

  constructor(private readonly copyText: (text: string) => string) {}

  /**
   * Adds occurrence `index` of `links` to `chain`; `spill` sends it to the spill file, which
   * holds what is read back only if the URL turns out broken (in memory when there is no file).
   */
  add(chain: Chain, links: PageLinks, index: number, spill: boolean): void {
    if (links !== this.current) this.enter(links);
    const line = links.lines[index]!;
    const kind = this.currentKinds[links.kinds[index]!]!;
    if (spill || chain.spilled !== NO_RECORD) {
      const at = this.spillFile()?.append(chain.spilled, this.currentPage, line, kind, links.texts[index]!) ?? NO_RECORD;
      if (at !== NO_RECORD) {
        chain.spilled = at;
        return;
      }
      // The file failed: what it holds comes back first, so the chain stays in order.
      this.load(chain);
    }
    this.push(chain, this.currentPage, line, kind, this.textFor(chain, links.texts[index]!));
  }

  /** The sources of the chain held in memory, as objects. */
  sources(chain: Chain): LinkSource[] {
    const out: LinkSource[] = [];
    for (let at = chain.head; at !== END; at = this.next[at]!) out.push(this.source(at));
    return out;
  }

  /** Brings the chain's spilled records back into memory, after the others. */
  load(chain: Chain): void {
    if (chain.spilled === NO_RECORD) return;
    const records = this.spill?.read(chain.spilled) ?? [];
    chain.spilled = NO_RECORD;
    for (const r of records) this.push(chain, r.page, r.line, r.kind, this.textFor(chain, r.text));
  }

  /** Keeps the first `keep` records of the chain and forgets the rest, spilled ones included. */
  keepFirst(chain: Chain, keep: number): void {
    chain.spilled = NO_RECORD;
    if (chain.kept <= keep) return;
    let last = END;
    let at = chain.head;
    for (let n = 0; n < keep && at !== END; n++) {
      last = at;
      at = this.next[at]!;
    }
    if (last === END) chain.head = END;
    else this.next[last] = END;
    chain.tail = last;
    chain.kept = Math.min(chain.kept, keep);
    while (at !== END) {
      const following = this.next[at]!;
      this.text[at] = '';
      this.next[at] = this.free;
      this.free = at;
      at = following;
    }
  }

  /** Removes the spill file; records spilled are gone with it. */
  close(): void {
    this.spill?.close();
    this.spill = undefined;
  }

  private push(chain: Chain, page: number, line: number, kind: number, text: string): void {
    const at = this.take();
    this.page[at] = page;
    this.line[at] = line;
    this.kind[at] = kind;
    this.next[at] = END;
    this.text[at] = text;
    if (chain.tail !== END) this.next[chain.tail] = at;
    else chain.head = at;
    chain.tail = at;
    chain.kept++;
  }

  // Opened on the first spill: a small crawl never makes one.
  private spillFile(): SpillFile | undefined {
    if (this.spill === null) this.spill = SpillFile.open();
    return this.spill;
  }

  /** Occurrence `index` of `links` as an object. */
  sourceOf(links: PageLinks, index: number): LinkSource {
    const kind = links.kinds[index]!;
    return toSource(links.page, links.lines[index]!, links.elements[kind]!, links.attributes[kind]!, this.shared(links.texts[index]!));
  }

  // Links to one URL mostly carry one text (its title or label): a record repeating the text of
  // the one before it in its chain shares that string, whatever the shared texts have forgotten.
  private textFor(chain: Chain, text: string): string {
    if (chain.tail !== END) {
      const before = this.text[chain.tail]!;
      if (before === text) return before;
    }
    return this.shared(text);
  }

  // One copy per distinct text among the last few thousand seen.
  private shared(text: string): string {
    if (text === '') return '';
    const known = this.texts.get(text);
    if (known !== undefined) return known;
    const copy = this.copyText(text);
    if (this.texts.size >= SHARED_TEXTS) this.texts.clear();
    // Keyed by the copy: a key cut from a page would keep the page alive.
    this.texts.set(copy, copy);
    return copy;
  }

  private source(at: number): LinkSource {
    const kind = this.kind[at]!;
    return toSource(this.pages[this.page[at]!]!, this.line[at]!, this.elements[kind]!, this.attributes[kind]!, this.text[at]!);
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

/** A source object; an empty text means the link has none, and the key is left out. */
function toSource(page: string, line: number, element: string, attribute: string, text: string): LinkSource {
  const source: LinkSource = { page, line, element, attribute };
  if (text !== '') source.text = text;
  return source;
}
