// The occurrences the store keeps, as numbers in typed arrays (page, line, kind, next occurrence
// of the same URL, offset of its text in a shared arena): 20 bytes each and the text's bytes,
// instead of an object with its own strings. A 100,000-page crawl holds millions at its peak
// (every link to a URL still waiting its turn, kept in case it turns out broken) and a few per
// URL at its end. Freed records are reused, so the log is as large as the most occurrences kept
// at once.
//
// The occurrences of one URL are a chain: records in memory, then any spilled to the file. A
// chain is a number, its ends and counts typed-array columns too, so the 150,000 URLs of a big
// crawl cost no object each.
import { grown } from '../grown.js';
import type { LinkSource, PageLinks } from '../types.js';
import { NO_RECORD, SpillFile } from './spill.js';
import { EMPTY_TEXT, TextArena } from './text-arena.js';

const FIRST_CAPACITY = 1024;
const END = -1;
/** Distinct texts shared before the memory starts over: links to a page mostly repeat one text. */
const SHARED_TEXTS = 20_000;

export class SourceLog {
  private page = new Uint32Array(FIRST_CAPACITY);
  private line = new Uint32Array(FIRST_CAPACITY);
  private kind = new Uint32Array(FIRST_CAPACITY);
  private next = new Int32Array(FIRST_CAPACITY);
  private textAt = new Uint32Array(FIRST_CAPACITY);
  private readonly arena = new TextArena();
  private used = 0;
  private free = END;
  private readonly pages: string[] = [];
  private readonly elements: string[] = [];
  private readonly attributes: string[] = [];
  private readonly kindIds = new Map<string, number>();
  // Arena offsets of the last few thousand distinct texts seen, keyed by copies of them.
  private readonly texts = new Map<string, number>();
  // Ids of the page being added, which is the one most calls are about.
  private current: PageLinks | undefined;
  private currentPage = 0;
  private currentKinds: number[] = [];

  private spill: SpillFile | undefined | null = null;

  private chains = 0;
  private head = new Int32Array(FIRST_CAPACITY);
  private tail = new Int32Array(FIRST_CAPACITY);
  private keptIn = new Uint32Array(FIRST_CAPACITY);
  private addedTo = new Uint32Array(FIRST_CAPACITY);
  // Offsets into the spill file reach past 2^32: kept as doubles.
  private spilled = new Float64Array(FIRST_CAPACITY);

  constructor(private readonly copyText: (text: string) => string) {}

  /** A new, empty chain. */
  newChain(): number {
    const chain = this.chains++;
    if (chain === this.head.length) this.growChains();
    this.head[chain] = END;
    this.tail[chain] = END;
    this.spilled[chain] = NO_RECORD;
    return chain;
  }

  /** Records of the chain held in memory. */
  kept(chain: number): number {
    return this.keptIn[chain]!;
  }

  /** Occurrences ever added to the chain, in memory, spilled, forgotten or only counted. */
  added(chain: number): number {
    return this.addedTo[chain]!;
  }

  /** Counts an occurrence of the chain without keeping it. */
  count(chain: number): void {
    this.addedTo[chain]!++;
  }

  /**
   * Adds occurrence `index` of `links` to `chain`; `spill` sends it to the spill file, which
   * holds what is read back only if the URL turns out broken (in memory when there is no file).
   */
  add(chain: number, links: PageLinks, index: number, spill: boolean): void {
    if (links !== this.current) this.enter(links);
    this.addedTo[chain]!++;
    const line = links.lines[index]!;
    const kind = this.currentKinds[links.kinds[index]!]!;
    if (spill || this.spilled[chain] !== NO_RECORD) {
      const at = this.spillFile()?.append(this.spilled[chain]!, this.currentPage, line, kind, links.texts[index]!) ?? NO_RECORD;
      if (at !== NO_RECORD) {
        this.spilled[chain] = at;
        return;
      }
      // The file failed: what it holds comes back first, so the chain stays in order.
      this.load(chain);
    }
    this.push(chain, this.currentPage, line, kind, this.textFor(chain, links.texts[index]!));
  }

  /** The sources of the chain held in memory, as objects. */
  sources(chain: number): LinkSource[] {
    const out: LinkSource[] = [];
    for (let at = this.head[chain]!; at !== END; at = this.next[at]!) out.push(this.source(at));
    return out;
  }

  /** Brings the chain's spilled records back into memory, after the others. */
  load(chain: number): void {
    if (this.spilled[chain] === NO_RECORD) return;
    const records = this.spill?.read(this.spilled[chain]!) ?? [];
    this.spilled[chain] = NO_RECORD;
    for (const r of records) this.push(chain, r.page, r.line, r.kind, this.textFor(chain, r.text));
  }

  /** Keeps the first `keep` records of the chain and forgets the rest, spilled ones included. */
  keepFirst(chain: number, keep: number): void {
    this.spilled[chain] = NO_RECORD;
    if (this.keptIn[chain]! <= keep) return;
    let last = END;
    let at = this.head[chain]!;
    for (let n = 0; n < keep && at !== END; n++) {
      last = at;
      at = this.next[at]!;
    }
    if (last === END) this.head[chain] = END;
    else this.next[last] = END;
    this.tail[chain] = last;
    this.keptIn[chain] = keep;
    while (at !== END) {
      const following = this.next[at]!;
      this.textAt[at] = EMPTY_TEXT;
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

  private push(chain: number, page: number, line: number, kind: number, text: number): void {
    const at = this.take();
    this.page[at] = page;
    this.line[at] = line;
    this.kind[at] = kind;
    this.next[at] = END;
    this.textAt[at] = text;
    const tail = this.tail[chain]!;
    if (tail !== END) this.next[tail] = at;
    else this.head[chain] = at;
    this.tail[chain] = at;
    this.keptIn[chain]!++;
  }

  // Opened on the first spill: a small crawl never makes one.
  private spillFile(): SpillFile | undefined {
    if (this.spill === null) this.spill = SpillFile.open();
    return this.spill;
  }

  /** Occurrence `index` of `links` as an object. */
  sourceOf(links: PageLinks, index: number): LinkSource {
    const kind = links.kinds[index]!;
    const text = links.texts[index]!;
    return toSource(links.page, links.lines[index]!, links.elements[kind]!, links.attributes[kind]!, text === '' ? '' : this.copyText(text));
  }

  // The arena offset of `text`: one copy per distinct text among the last few thousand seen, and
  // since links to one URL mostly carry one text (its title or label), a record repeating the text
  // of the one before it in its chain shares that copy, whatever the shared texts have forgotten.
  private textFor(chain: number, text: string): number {
    if (text === '') return EMPTY_TEXT;
    const known = this.texts.get(text);
    if (known !== undefined) return known;
    const at = this.arena.add(text);
    const tail = this.tail[chain]!;
    if (tail !== END && this.arena.same(this.textAt[tail]!, at)) {
      this.arena.undo(at);
      return this.textAt[tail]!;
    }
    if (this.texts.size >= SHARED_TEXTS) this.texts.clear();
    // Keyed by a copy: a key cut from a page would keep the page alive.
    this.texts.set(this.copyText(text), at);
    return at;
  }

  private source(at: number): LinkSource {
    const kind = this.kind[at]!;
    return toSource(this.pages[this.page[at]!]!, this.line[at]!, this.elements[kind]!, this.attributes[kind]!, this.arena.text(this.textAt[at]!));
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
    this.page = grown(this.page, size);
    this.line = grown(this.line, size);
    this.kind = grown(this.kind, size);
    this.next = grown(this.next, size);
    this.textAt = grown(this.textAt, size);
  }

  private growChains(): void {
    const size = this.head.length * 2;
    this.head = grown(this.head, size);
    this.tail = grown(this.tail, size);
    this.keptIn = grown(this.keptIn, size);
    this.addedTo = grown(this.addedTo, size);
    this.spilled = grown(this.spilled, size);
  }
}

/** A source object; an empty text means the link has none, and the key is left out. */
function toSource(page: string, line: number, element: string, attribute: string, text: string): LinkSource {
  const source: LinkSource = { page, line, element, attribute };
  if (text !== '') source.text = text;
  return source;
}
