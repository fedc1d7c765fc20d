// Reads a response body up to a cap of DECODED bytes, undoing Content-Encoding on the way.
// undici hands over the raw bytes, so a gzip bomb is stopped here, not upstream.
import { pipeline, Transform, type Readable, type TransformCallback } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate, createInflateRaw, type Inflate, type InflateRaw } from 'node:zlib';
import { formatBytes } from './failure.js';

export type BodyResult =
  | { ok: true; body: Buffer; truncated?: string }
  | { ok: false; error: unknown; /** the Content-Encoding whose decoding failed */ encoding?: string };

type Decoder = Transform;

const DECODERS: Record<string, { name: string; create: () => Decoder }> = {
  gzip: { name: 'gzip', create: createGunzip },
  'x-gzip': { name: 'gzip', create: createGunzip },
  deflate: { name: 'deflate', create: () => new DeflateDecoder() },
  br: { name: 'br', create: createBrotliDecompress },
};

/** The codings of a Content-Encoding value, in the order to undo them (identity left out). */
function codingsOf(contentEncoding: string | undefined): string[] {
  if (!contentEncoding) return [];
  return contentEncoding
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s && s !== 'identity')
    .reverse();
}

/** Decoders for a Content-Encoding value, in the order to apply them; undefined when unsupported. */
function decodersFor(contentEncoding: string | undefined): { name: string; decoder: Decoder }[] | undefined {
  const codings = codingsOf(contentEncoding);
  if (!codings.every((coding) => Object.hasOwn(DECODERS, coding))) return undefined;
  return codings.map((coding) => ({ name: DECODERS[coding]!.name, decoder: DECODERS[coding]!.create() }));
}

/** Whether a body with this Content-Encoding arrives as it is (no decoder to run). */
export function isIdentity(contentEncoding: string | undefined): boolean {
  return codingsOf(contentEncoding).length === 0;
}

/** Decoded chunks kept up to a cap of bytes. */
export class BodyCollector {
  private readonly chunks: Buffer[] = [];
  private size = 0;
  private cut = false;

  constructor(private readonly cap: number) {}

  /** Keeps a chunk, or the part of it within the cap; false once the cap is reached (stop reading). */
  add(chunk: Buffer): boolean {
    if (this.size + chunk.length > this.cap) {
      this.chunks.push(chunk.subarray(0, this.cap - this.size));
      this.size = this.cap;
      this.cut = true;
      return false;
    }
    this.chunks.push(chunk);
    this.size += chunk.length;
    return true;
  }

  result(): Extract<BodyResult, { ok: true }> {
    const body = Buffer.concat(this.chunks, this.size);
    return this.cut ? { ok: true, body, truncated: `body larger than ${formatBytes(this.cap)}, read the first ${formatBytes(this.cap)}` } : { ok: true, body };
  }
}

/**
 * Reads `body` up to `cap` decoded bytes. On reaching the cap the streams are destroyed (the
 * connection is dropped) and what was read is kept. Never rejects.
 */
export async function readDecoded(body: Readable, contentEncoding: string | undefined, cap: number): Promise<BodyResult> {
  // The body emits an error when destroyed: listen before anything can destroy it.
  let bodyError: unknown;
  body.on('error', (err) => (bodyError ??= err));
  const decoders = decodersFor(contentEncoding);
  if (!decoders) {
    body.destroy();
    return { ok: false, error: new UnsupportedEncodingError(contentEncoding ?? '') };
  }
  // An empty body labelled gzip is common (and not an error): count the raw bytes to tell.
  let rawBytes = 0;
  if (decoders.length > 0) body.on('data', (chunk: Buffer) => (rawBytes += chunk.length));
  const streams: (Readable | Transform)[] = [body, ...decoders.map((d) => d.decoder)];
  if (decoders.length > 0) pipeline(streams, () => undefined);
  const last: Readable = decoders.at(-1)?.decoder ?? body;
  const collector = new BodyCollector(cap);
  try {
    for await (const chunk of last as AsyncIterable<Buffer>) {
      if (!collector.add(chunk)) {
        for (const s of streams) s.destroy();
        break;
      }
    }
    return collector.result();
  } catch (error) {
    for (const s of streams) s.destroy();
    if (error === bodyError || decoders.length === 0) return { ok: false, error };
    if (rawBytes === 0) return { ok: true, body: Buffer.alloc(0) };
    return { ok: false, error, encoding: decoders.map((d) => d.name).join('+') };
  }
}

export class UnsupportedEncodingError extends Error {
  readonly code = 'ERR_UNSUPPORTED_CONTENT_ENCODING';
  constructor(encoding: string) {
    super(`unsupported Content-Encoding: ${encoding}`);
  }
}

/**
 * "deflate" is meant to be zlib-wrapped (RFC 9110) but many servers send raw deflate; the
 * first byte tells them apart (a zlib header has compression method 8 in its low nibble).
 */
class DeflateDecoder extends Transform {
  private inner: Inflate | InflateRaw | undefined;

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    if (!this.inner) {
      const zlibWrapped = chunk.length >= 2 && (chunk[0]! & 0x0f) === 8 && ((chunk[0]! << 8) | chunk[1]!) % 31 === 0;
      const inner = zlibWrapped ? createInflate() : createInflateRaw();
      inner.on('data', (out: Buffer) => this.push(out));
      inner.on('error', (err) => this.destroy(err));
      this.inner = inner;
    }
    if (this.inner.write(chunk)) done();
    else this.inner.once('drain', () => done());
  }

  override _flush(done: TransformCallback): void {
    if (!this.inner) return done();
    this.inner.once('end', () => done());
    this.inner.end();
  }

  override _destroy(err: Error | null, done: (error?: Error | null) => void): void {
    this.inner?.destroy();
    done(err);
  }
}
