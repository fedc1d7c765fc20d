// Where the parser is: how deep inside elements whose text is hidden, boilerplate or not prose,
// and inside <template>. Counters, not a stack: htmlparser2 pairs every open with one close.

const HIDDEN = 1, BOILERPLATE = 2, NOT_PROSE = 4, TEMPLATE = 8, SVG = 16;

const FLAGS: ReadonlyMap<string, number> = new Map([
  ['script', HIDDEN], ['style', HIDDEN], ['noscript', HIDDEN], ['title', HIDDEN], ['iframe', HIDDEN],
  ['template', HIDDEN | TEMPLATE], ['svg', HIDDEN | SVG],
  ['nav', BOILERPLATE], ['header', BOILERPLATE], ['footer', BOILERPLATE], ['aside', BOILERPLATE],
  ['code', NOT_PROSE], ['pre', NOT_PROSE], ['kbd', NOT_PROSE], ['samp', NOT_PROSE],
  ['table', NOT_PROSE], ['blockquote', NOT_PROSE], ['q', NOT_PROSE],
]);

// Browsers end <head> at the first element that cannot live there, even without </head>.
const HEAD_CONTENT = new Set(['title', 'meta', 'link', 'script', 'style', 'base', 'noscript', 'template']);

/** Nesting state shared by the link and facts collectors. */
export class Context {
  depth = 0;
  private hidden = 0;
  private boilerplate = 0;
  private notProse = 0;
  private template = 0;
  private svg = 0;
  private head = false;

  enter(name: string): void {
    this.depth++;
    if (name === 'head') this.head = true;
    else if (this.head && !HEAD_CONTENT.has(name)) this.head = false;
    const flags = FLAGS.get(name);
    if (flags !== undefined) this.count(flags, 1);
  }

  leave(name: string): void {
    this.depth = Math.max(0, this.depth - 1);
    if (name === 'head') this.head = false;
    const flags = FLAGS.get(name);
    if (flags !== undefined) this.count(flags, -1);
  }

  get visible(): boolean {
    return this.hidden === 0 && !this.head;
  }

  get inBoilerplate(): boolean {
    return this.boilerplate > 0;
  }

  get inProse(): boolean {
    return this.notProse === 0;
  }

  get inTemplate(): boolean {
    return this.template > 0;
  }

  get inSvg(): boolean {
    return this.svg > 0;
  }

  private count(flags: number, step: number): void {
    if (flags & HIDDEN) this.hidden = Math.max(0, this.hidden + step);
    if (flags & BOILERPLATE) this.boilerplate = Math.max(0, this.boilerplate + step);
    if (flags & NOT_PROSE) this.notProse = Math.max(0, this.notProse + step);
    if (flags & TEMPLATE) this.template = Math.max(0, this.template + step);
    if (flags & SVG) this.svg = Math.max(0, this.svg + step);
  }
}

const INLINE = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'code', 'data', 'dfn', 'em', 'font', 'i', 'kbd', 'label',
  'mark', 'q', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'tt', 'u', 'var', 'wbr',
]);

/** Inline elements join the text around them; every other tag is a word boundary. */
export function isInline(name: string): boolean {
  return INLINE.has(name);
}
