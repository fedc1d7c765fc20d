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

/** Collapsed, capped text built from chunks. */
export class TextBuffer {
  // Raw chunks, collapsed in one pass when read or when they pile up: a regex per chunk
  // costs more than the parse itself on text-heavy pages.
  private parts: string[] = [];
  private rawLength = 0;
  private pendingSpace = false;
  private full = false;

  constructor(private readonly cap: number) {}

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
    this.rawLength += chunk.length;
    if (this.rawLength > 2 * this.cap) this.compact();
  }

  separate(): void {
    if (this.rawLength > 0) this.pendingSpace = true;
  }

  value(): string {
    const text = this.parts.join('').replace(SPACES, ' ').trim();
    return text.length > this.cap ? text.slice(0, this.cap).trimEnd() : text;
  }

  private compact(): void {
    const text = this.parts.join('').replace(SPACES, ' ');
    this.parts = [text];
    this.rawLength = text.length;
    this.full = text.trimStart().length >= this.cap;
  }
}

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
