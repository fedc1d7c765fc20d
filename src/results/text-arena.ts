// Texts kept for a whole crawl, as bytes in one growing buffer: a 100,000-page crawl keeps half
// a million distinct link texts, which as strings cost a header each and are objects the
// garbage collector visits on every full collection; here each costs its bytes and a length.
// One-byte texts are stored as Latin-1, others as UTF-16, so every text comes back exactly (lone
// surrogates included). Texts are never freed one by one: what the log forgets is a few records.

const FIRST_BYTES = 64 * 1024;
const NOT_ONE_BYTE = /[^\x00-\xff]/;
// A header is a varint: the text's length in characters times two, plus 1 when it is UTF-16.
const MAX_HEADER_BYTES = 5;

/** Offset of the empty text, the first byte of every arena. */
export const EMPTY_TEXT = 0;

export class TextArena {
  private bytes = Buffer.alloc(FIRST_BYTES);
  private end = 1;

  /** Stores `text` and returns its offset. */
  add(text: string): number {
    if (text === '') return EMPTY_TEXT;
    const wide = NOT_ONE_BYTE.test(text) ? 1 : 0;
    const size = text.length << wide;
    if (this.end + MAX_HEADER_BYTES + size > this.bytes.length) this.grow(MAX_HEADER_BYTES + size);
    const at = this.end;
    let o = at;
    for (let header = text.length * 2 + wide; ; header = Math.floor(header / 128)) {
      if (header < 128) {
        this.bytes[o++] = header;
        break;
      }
      this.bytes[o++] = (header % 128) | 128;
    }
    this.end = o + this.bytes.write(text, o, size, wide ? 'utf16le' : 'latin1');
    return at;
  }

  /** Takes back the text just added at `at`: the next one is stored in its place. */
  undo(at: number): void {
    if (at !== EMPTY_TEXT) this.end = at;
  }

  /** Whether the texts at `a` and `b` are the same. */
  same(a: number, b: number): boolean {
    if (a === b) return true;
    const ea = this.endOf(a);
    const eb = this.endOf(b);
    return ea - a === eb - b && this.bytes.compare(this.bytes, a, ea, b, eb) === 0;
  }

  /** The text at `at`. */
  text(at: number): string {
    const { start, length, wide } = this.header(at);
    if (length === 0) return '';
    return this.bytes.toString(wide ? 'utf16le' : 'latin1', start, start + (length << (wide ? 1 : 0)));
  }

  /** Bytes in use. */
  get size(): number {
    return this.end;
  }

  private endOf(at: number): number {
    const { start, length, wide } = this.header(at);
    return start + (length << (wide ? 1 : 0));
  }

  private header(at: number): { start: number; length: number; wide: boolean } {
    let value = 0;
    let scale = 1;
    let o = at;
    for (;;) {
      const byte = this.bytes[o++]!;
      value += (byte & 127) * scale;
      if (byte < 128) break;
      scale *= 128;
    }
    return { start: o, length: Math.floor(value / 2), wide: value % 2 === 1 };
  }

  private grow(atLeast: number): void {
    const bytes = Buffer.alloc(Math.max(this.bytes.length * 2, this.end + atLeast));
    this.bytes.copy(bytes, 0, 0, this.end);
    this.bytes = bytes;
  }
}
