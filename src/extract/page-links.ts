// Builds a page's links in columns (PageLinks): element and attribute names are stored once per
// page, so a page of 500 links allocates a dozen objects. The number columns are gathered in
// plain arrays and end in views of ONE buffer: typed arrays of their own, grown by doubling,
// were up to eight malloc'd buffers a page to allocate, move to the crawl's thread and sweep.
import type { PageLinks } from '../types.js';
import { withoutFragment } from './resolve.js';
import { detached } from './text.js';

const SCANNED_KINDS = 16;

export class PageLinksBuilder {
  private readonly keys: string[] = [];
  private readonly texts: string[] = [];
  private readonly valid: number[] = [];
  private readonly lines: number[] = [];
  private readonly kinds: number[] = [];
  private readonly elements: string[] = [];
  private readonly attributes: string[] = [];
  private readonly kindIndex = new Map<string, number>();

  constructor(private readonly page: string) {}

  /** One link: `url` is its resolved URL (fragment kept), undefined when `raw` is not a URL. */
  add(url: string | undefined, raw: string, line: number, element: string, attribute: string, text: string | undefined): void {
    // An invalid value is kept as it is written: copied, so the key does not hold the page.
    this.keys.push(url === undefined ? detached(raw) : withoutFragment(url));
    this.texts.push(text ?? '');
    this.valid.push(url === undefined ? 0 : 1);
    this.lines.push(line);
    this.kinds.push(this.kindOf(element, attribute));
  }

  build(): PageLinks {
    const n = this.keys.length;
    const buffer = new ArrayBuffer(n * 9);
    const lines = new Uint32Array(buffer, 0, n);
    const kinds = new Uint32Array(buffer, n * 4, n);
    const valid = new Uint8Array(buffer, n * 8, n);
    lines.set(this.lines);
    kinds.set(this.kinds);
    valid.set(this.valid);
    return { page: this.page, keys: this.keys, valid, lines, kinds, elements: this.elements, attributes: this.attributes, texts: this.texts };
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
}

/** The buffers under a page's number columns, each once: what moves them to another thread. */
export function columnBuffers(links: PageLinks): ArrayBuffer[] {
  const buffers = [links.lines.buffer];
  for (const buffer of [links.kinds.buffer, links.valid.buffer]) if (!buffers.includes(buffer)) buffers.push(buffer);
  return buffers;
}
