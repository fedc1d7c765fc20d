// Where the parser is: how deep inside elements whose text is hidden, boilerplate or not prose,
// and inside <template>. Counters, not a stack: htmlparser2 pairs every open with one close.

const HIDDEN = 1, BOILERPLATE = 2, NOT_PROSE = 4, TEMPLATE = 8, SVG = 16, INLINE = 32, HEAD_CONTENT = 64;
const NESTING = HIDDEN | BOILERPLATE | NOT_PROSE | TEMPLATE | SVG;

// Everything a tag name says about its element, in one lookup per tag event: each tag name is a
// fresh string, and looking it up in two or three tables per event was a cost of every page.
const KINDS = new Map<string, number>();
const mark = (bits: number, names: string[]): void => {
  for (const name of names) KINDS.set(name, (KINDS.get(name) ?? 0) | bits);
};
mark(HIDDEN, ['script', 'style', 'noscript', 'title', 'iframe', 'template', 'svg']);
mark(TEMPLATE, ['template']);
mark(SVG, ['svg']);
mark(BOILERPLATE, ['nav', 'header', 'footer', 'aside']);
mark(NOT_PROSE, ['code', 'pre', 'kbd', 'samp', 'table', 'blockquote', 'q']);
// Inline elements join the text around them; every other tag is a word boundary.
mark(INLINE, [
  'a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'code', 'data', 'dfn', 'em', 'font', 'i', 'kbd', 'label',
  'mark', 'q', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'tt', 'u', 'var', 'wbr',
]);
// Browsers end <head> at the first element that cannot live there, even without </head>.
mark(HEAD_CONTENT, ['title', 'meta', 'link', 'script', 'style', 'base', 'noscript', 'template']);

/** What the tag `name` is, for Context and isInline. */
export function tagKind(name: string): number {
  return KINDS.get(name) ?? 0;
}

/** Whether a tag of this kind joins the text around it instead of being a word boundary. */
export function isInline(kind: number): boolean {
  return (kind & INLINE) !== 0;
}

/** Nesting state shared by the link and facts collectors. */
export class Context {
  depth = 0;
  private hidden = 0;
  private boilerplate = 0;
  private notProse = 0;
  private template = 0;
  private svg = 0;
  private head = false;

  /** `kind` is tagKind(name). */
  enter(name: string, kind: number): void {
    this.depth++;
    if (name === 'head') this.head = true;
    else if (this.head && (kind & HEAD_CONTENT) === 0) this.head = false;
    if ((kind & NESTING) !== 0) this.count(kind, 1);
  }

  /** `kind` is tagKind(name). */
  leave(name: string, kind: number): void {
    this.depth = Math.max(0, this.depth - 1);
    if (name === 'head') this.head = false;
    if ((kind & NESTING) !== 0) this.count(kind, -1);
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
