// Builds a page's links in columns (PageLinks): typed arrays grow by doubling and element and
// attribute names are stored once per page, so a page of 500 links allocates a dozen objects.
import type { PageLinks } from '../types.js';
import { grown } from '../grown.js';
import { withoutFragment } from './resolve.js';
import { detached } from './text.js';

const SCANNED_KINDS = 16;

export class PageLinksBuilder {
  private count = 0;
  private readonly keys: string[] = [];
  private readonly texts: string[] = [];
  private valid = new Uint8Array(64);
  private lines = new Uint32Array(64);
  private kinds = new Uint32Array(64);
  private readonly elements: string[] = [];
  private readonly attributes: string[] = [];
  private readonly kindIndex = new Map<string, number>();

  constructor(private readonly page: string) {}

  /** One link: `url` is its resolved URL (fragment kept), undefined when `raw` is not a URL. */
  add(url: string | undefined, raw: string, line: number, element: string, attribute: string, text: string | undefined): void {
    if (this.count === this.lines.length) this.grow();
    const i = this.count++;
    // An invalid value is kept as it is written: copied, so the key does not hold the page.
    this.keys.push(url === undefined ? detached(raw) : withoutFragment(url));
    this.texts.push(text ?? '');
    this.valid[i] = url === undefined ? 0 : 1;
    this.lines[i] = line;
    this.kinds[i] = this.kindOf(element, attribute);
  }

  build(): PageLinks {
    const n = this.count;
    return {
      page: this.page, keys: this.keys, valid: this.valid.slice(0, n), lines: this.lines.slice(0, n), kinds: this.kinds.slice(0, n),
      elements: this.elements, attributes: this.attributes, texts: this.texts,
    };
  }

  // A page has a handful of kinds: a scan finds them faster than a key built per link.
  private kindOf(element: string, attribute: string): number {
    const scanned = Math.min(this.elements.length, SCANNED_KINDS);
    for (let k = 0; k < scanned; k++) if (this.elements[k] === element && this.attributes[k] === attribute) return k;
    if (this.elements.length < SCANNED_KINDS) return this.addKind(element, attribute);
    const name = `${element} ${attribute}`;
    return this.kindIndex.get(name) ?? this.addKind(element, attribute, name);
  }

  private addKind(element: string, attribute: string, name?: string): number {
    const kind = this.elements.length;
    this.elements.push(element);
    this.attributes.push(attribute);
    if (name !== undefined) this.kindIndex.set(name, kind);
    return kind;
  }

  private grow(): void {
    const size = this.lines.length * 2;
    this.valid = grown(this.valid, size);
    this.lines = grown(this.lines, size);
    this.kinds = grown(this.kinds, size);
  }
}
