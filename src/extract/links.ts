// Link occurrences from parser events, kept raw with their offsets: resolution waits for the
// end of the document because the first <base href> applies to links before it too, and
// line numbers come from one scan at the end.
import { LINK_ATTRIBUTES, meetsCondition, type LinkAttribute } from './attributes.js';
import type { Context } from './context.js';
import { scanCss } from './css.js';
import { refreshUrl } from './refresh.js';
import { parseSrcset } from './srcset.js';
import { collapseCapped, TextBuffer } from './text.js';

const TEXT_CAP = 120;
const CSS_URL = /url\(/i;

/** A link before resolution: offset is where its line is counted from. */
export interface RawLink {
  raw: string;
  offset: number;
  element: string;
  attribute: string;
  text?: string;
}

interface OpenAnchor {
  links: RawLink[];
  text: TextBuffer;
  alt?: string;
  title?: string;
}

/** Collects raw links and the first <base href> from parser events. */
export class LinkCollector {
  readonly links: RawLink[] = [];
  base: string | undefined;
  private anchor: OpenAnchor | undefined;
  private styleStart = -1;
  private styleText: string[] = [];

  constructor(private readonly context: Context) {}

  /** offset: start of the tag; end: offset of its closing `>`. */
  open(name: string, attribs: Record<string, string>, offset: number, end: number): void {
    if (this.context.inTemplate) return;
    if (name === 'a') this.closeAnchor();
    if (name === 'style') {
      this.styleStart = end + 1;
      this.styleText = [];
    }
    if (name === 'base' && this.base === undefined && attribs.href !== undefined) this.base = attribs.href;
    if (name === 'img' && this.anchor && this.anchor.alt === undefined) this.anchor.alt = collapse(attribs.alt) || undefined;
    const style = attribs.style;
    if (style !== undefined && CSS_URL.test(style)) {
      for (const ref of scanCss(style)) this.links.push({ raw: ref.raw, offset, element: name, attribute: 'style' });
    }
    const table = LINK_ATTRIBUTES.get(name);
    if (table === undefined) return;
    const found: RawLink[] = [];
    for (const attribute of table) this.read(attribute, name, attribs, offset, found);
    if (name === 'a') {
      this.anchor = { links: found, text: new TextBuffer(TEXT_CAP), title: attribs.title };
    } else {
      const text = collapse(attribs.alt) || collapse(attribs.title);
      if (text) for (const link of found) link.text = text;
    }
    for (const link of found) this.links.push(link);
  }

  close(name: string): void {
    if (name === 'a') this.closeAnchor();
    else if (name === 'style' && this.styleStart >= 0) {
      const start = this.styleStart;
      for (const ref of scanCss(this.styleText.join(''))) {
        this.links.push({ raw: ref.raw, offset: start + ref.offset, element: 'style', attribute: ref.attribute });
      }
      this.styleStart = -1;
      this.styleText = [];
    }
  }

  /** Text of the document; `visible` is false inside script, style, template and the like. */
  text(data: string, visible: boolean): void {
    if (this.styleStart >= 0) this.styleText.push(data);
    else if (visible) this.anchor?.text.add(data);
  }

  separate(): void {
    this.anchor?.text.separate();
  }

  private read(attribute: LinkAttribute, element: string, attribs: Record<string, string>, offset: number, found: RawLink[]): void {
    const value = attribs[attribute.name];
    if (value === undefined || (attribute.when && !meetsCondition(attribute.when, attribs))) return;
    const add = (raw: string): void => {
      found.push({ raw: raw.trim(), offset, element, attribute: attribute.name });
    };
    if (attribute.kind === 'url') add(value);
    else if (attribute.kind === 'srcset') parseSrcset(value).forEach(add);
    else {
      const target = refreshUrl(value);
      if (target !== undefined) add(target);
    }
  }

  private closeAnchor(): void {
    const anchor = this.anchor;
    if (!anchor) return;
    this.anchor = undefined;
    const text = anchor.text.value() || anchor.alt || collapse(anchor.title);
    if (text) for (const link of anchor.links) link.text = text;
  }
}

function collapse(value: string | undefined): string | undefined {
  return value === undefined ? undefined : collapseCapped(value, TEXT_CAP);
}
