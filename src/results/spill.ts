// Occurrences past the first few of a URL still waiting for its verdict go to a temporary file:
// most such URLs turn out ok, and an ok entry keeps only its first few sources, so these records
// are read back only for the few URLs that turn out broken. Each record names the one before it
// of the same URL, so a URL costs one offset in memory however often it is linked.
import { closeSync, mkdtempSync, openSync, readSync, rmdirSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const NO_RECORD = -1;
const BUFFER_BYTES = 1024 * 1024;
// previous record (6 bytes), page (4), line (4), kind (4), text length (2), then the text
const HEADER_BYTES = 20;
const MAX_TEXT_BYTES = 4 * 1024;

export interface SpilledRecord {
  page: number;
  line: number;
  kind: number;
  text: string;
}

export class SpillFile {
  private buffer = Buffer.allocUnsafe(BUFFER_BYTES);
  private buffered = 0;
  private flushed = 0;
  private broken = false;

  private constructor(private readonly fd: number, private readonly path: string | undefined) {}

  /** A new spill file, already unlinked where the system allows; undefined when none can be made. */
  static open(): SpillFile | undefined {
    let dir: string | undefined;
    try {
      dir = mkdtempSync(join(tmpdir(), 'linkhound-'));
      const path = join(dir, 'sources');
      const fd = openSync(path, 'w+', 0o600);
      try {
        unlinkSync(path);
        rmdirSync(dir);
        return new SpillFile(fd, undefined);
      } catch {
        return new SpillFile(fd, path);
      }
    } catch {
      return undefined;
    }
  }

  /** Appends a record after `previous` (NO_RECORD to start); NO_RECORD when the file failed. */
  append(previous: number, page: number, line: number, kind: number, text: string): number {
    if (this.broken) return NO_RECORD;
    const textBytes = Buffer.byteLength(text);
    if (textBytes > MAX_TEXT_BYTES) return NO_RECORD;
    if (this.buffered + HEADER_BYTES + textBytes > BUFFER_BYTES && !this.flush()) return NO_RECORD;
    const at = this.flushed + this.buffered;
    const b = this.buffer;
    let o = this.buffered;
    o = b.writeIntLE(previous, o, 6);
    o = b.writeUInt32LE(page, o);
    o = b.writeUInt32LE(line, o);
    o = b.writeUInt32LE(kind, o);
    o = b.writeUInt16LE(textBytes, o);
    this.buffered = o + b.write(text, o, 'utf8');
    return at;
  }

  /** The records of the chain ending at `last`, oldest first. */
  read(last: number): SpilledRecord[] {
    const out: SpilledRecord[] = [];
    const scratch = Buffer.allocUnsafe(HEADER_BYTES + MAX_TEXT_BYTES);
    for (let at = last; at !== NO_RECORD; ) {
      const record = this.recordAt(at, scratch);
      out.push(record.value);
      at = record.previous;
    }
    return out.reverse();
  }

  close(): void {
    try {
      closeSync(this.fd);
      if (this.path !== undefined) unlinkSync(this.path);
    } catch {
      // a temporary file the system will clean up
    }
  }

  private recordAt(at: number, scratch: Buffer): { previous: number; value: SpilledRecord } {
    let b: Buffer;
    let o: number;
    if (at >= this.flushed) {
      b = this.buffer;
      o = at - this.flushed;
    } else {
      readSync(this.fd, scratch, 0, scratch.length, at);
      b = scratch;
      o = 0;
    }
    const textBytes = b.readUInt16LE(o + 18);
    return {
      previous: b.readIntLE(o, 6),
      value: { page: b.readUInt32LE(o + 6), line: b.readUInt32LE(o + 10), kind: b.readUInt32LE(o + 14), text: b.toString('utf8', o + HEADER_BYTES, o + HEADER_BYTES + textBytes) },
    };
  }

  private flush(): boolean {
    try {
      let written = 0;
      while (written < this.buffered) written += writeSync(this.fd, this.buffer, written, this.buffered - written, this.flushed + written);
      this.flushed += this.buffered;
      this.buffered = 0;
      return true;
    } catch {
      this.broken = true;
      return false;
    }
  }
}
