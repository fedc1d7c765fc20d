// Text gathered from parser chunks: whitespace collapsed and capped, so a huge page never
// builds a huge string. `separate()` marks a block boundary (`<p>a</p><p>b</p>` is
// "a b"), while inline tags join (`W<b>ord</b>` is "Word").

// Same result as /\s+/g → ' ', but single spaces (most of them) are not matched: 5x faster.
export const SPACES = /\s{2,}|[^\S ]/g;

/**
 * A copy of `text` that does not keep its page alive. V8 keeps a substring as a view into its
 * parent, so a link text kept in the results would hold the whole page's HTML: 17 KB per page
 * at 100,000 pages. A Latin-1 round trip gives a flat one-byte string (a third smaller than a
 * view of a copy); other text is flattened by concatenation, then sliced.
 */
export function detached(text: string): string {
  return ONE_BYTE.test(text) ? Buffer.from(text, 'latin1').toString('latin1') : (' ' + text).slice(1);
}

const ONE_BYTE = /^[\x00-\xff]*$/;

/** Collapsed, trimmed text cut to at most `cap` characters. */
export function collapseCapped(text: string, cap: number): string {
  return capped(collapsed(text), cap);
}

function collapsed(text: string): string {
  return UNCOLLAPSED.test(text) ? text.replace(SPACES, ' ').trim() : text;
}

// Text with anything to collapse or trim. Most anchor labels and titles have nothing, and a test
// allocates nothing where a replace and a trim build strings.
const UNCOLLAPSED = /\s{2,}|[^\S ]|^ | $/;

function capped(text: string, cap: number): string {
  return text.length > cap ? text.slice(0, cap).trimEnd() : text;
}

/** Collapsed, capped text built from chunks. */
export class TextBuffer {
  // Raw chunks, collapsed in one pass when read or when they pass the cap: a regex per chunk
  // costs more than the parse itself on text-heavy pages, and text past the cap is never read.
  private parts: string[] = [];
  private rawLength = 0;
  private pendingSpace = false;
  private full = false;
  // The collapsed, trimmed text as value() last made it; undefined once a chunk is added.
  private collapsed: string | undefined;
  private compactAt: number;

  constructor(private readonly cap: number) {
    this.compactAt = cap + SLACK;
  }

  add(chunk: string): void {
    if (this.full) return;
    if (isBlank(chunk)) {
      this.separate();
      return;
    }
    if (this.pendingSpace) {
      this.parts.push(' ');
      this.pendingSpace = false;
    }
    this.parts.push(chunk);
    this.collapsed = undefined;
    this.rawLength += chunk.length;
    if (this.rawLength > this.compactAt) this.compact();
  }

  separate(): void {
    if (this.rawLength > 0) this.pendingSpace = true;
  }

  /** The text, cut to `cap` (at most the buffer's own): what a buffer of that cap would hold. */
  value(cap = this.cap): string {
    const limit = Math.min(cap, this.cap);
    // A full buffer was collapsed by its last compaction, and nothing was added since; other
    // buffers are collapsed now, once however often they are read.
    if (this.full) return capped(this.parts[0]!.trim(), limit);
    this.collapsed ??= collapsed(this.parts.length === 1 ? this.parts[0]! : this.parts.join(''));
    return capped(this.collapsed, limit);
  }

  /** A buffer of a smaller or equal `cap` holding what this one holds, to go on apart from it. */
  fork(cap: number): TextBuffer {
    const copy = new TextBuffer(cap);
    copy.parts = [...this.parts];
    copy.rawLength = this.rawLength;
    copy.pendingSpace = this.pendingSpace;
    if (copy.rawLength > copy.compactAt) copy.compact();
    return copy;
  }

  // Collapsing only shortens text, so raw text within the cap and slack never needs it early;
  // once collapsed text reaches the cap, later chunks cannot show up in value(). Until then the
  // next compaction waits for half a cap of new text, so whitespace-heavy text costs linear time.
  private compact(): void {
    const text = this.parts.join('').replace(SPACES, ' ');
    this.parts = [text];
    this.rawLength = text.length;
    this.full = text.length - (text.charCodeAt(0) === 32 ? 1 : 0) >= this.cap;
    this.compactAt = Math.max(this.cap + SLACK, text.length + this.cap / 2);
  }
}

// Room past the cap before a compaction, so a typical page is collapsed about once.
const SLACK = 256;

// Whitespace-only text between tags is most of a page's text events; it needs no regex.
function isBlank(chunk: string): boolean {
  for (let i = 0; i < chunk.length; i++) if (!isSpace(chunk.charCodeAt(i))) return false;
  return true;
}

const isSpace = (c: number): boolean => c <= 0x20 || c === 0xa0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200b);

/** Counts whitespace-separated words over chunks, up to a cap (scanning every char of a long page costs). */
export class WordCounter {
  count = 0;
  private inWord = false;

  constructor(private readonly cap: number) {}

  add(chunk: string): void {
    if (this.count >= this.cap) return;
    for (let i = 0; i < chunk.length; i++) {
      if (isSpace(chunk.charCodeAt(i))) {
        this.inWord = false;
      } else if (!this.inWord) {
        this.inWord = true;
        if (++this.count >= this.cap) return;
      }
    }
  }

  separate(): void {
    this.inWord = false;
  }
}
