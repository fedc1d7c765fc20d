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

/**
 * Decoded bytes kept up to a cap, copied out of each chunk as it comes. A chunk from the socket
 * is a view of a whole read's memory: kept until the body ends, it outlived a scavenge now and
 * then, was promoted, and held its read until the next full collection (bench, 100,000 pages:
 * up to 40 MB of such buffers at a time). The body is one buffer of its own, so it can be moved
 * to a parser thread whole.
 */
export class BodyCollector {
  private body: Buffer;
  private size = 0;
  private cut = false;

  /** `expected`: the Content-Length, when the response gives one. */
  constructor(private readonly cap: number, expected?: number) {
    this.body = Buffer.allocUnsafeSlow(Math.min(cap, expected ?? FIRST_SIZE, MOST_UPFRONT));
  }

  /** Keeps a chunk, or the part of it within the cap; false once the cap is reached (stop reading). */
  add(chunk: Buffer): boolean {
    const take = Math.min(chunk.length, this.cap - this.size);
    if (this.size + take > this.body.length) this.grow(this.size + take);
    chunk.copy(this.body, this.size, 0, take);
    this.size += take;
    if (take < chunk.length) this.cut = true;
    return !this.cut;
  }

  result(): Extract<BodyResult, { ok: true }> {
    const body = this.size === this.body.length ? this.body : this.exact();
    return this.cut ? { ok: true, body, truncated: `body larger than ${formatBytes(this.cap)}, read the first ${formatBytes(this.cap)}` } : { ok: true, body };
  }

  private grow(atLeast: number): void {
    const body = Buffer.allocUnsafeSlow(Math.min(this.cap, Math.max(atLeast, this.body.length * 2)));
    this.body.copy(body, 0, 0, this.size);
    this.body = body;
  }

  private exact(): Buffer {
    const body = Buffer.allocUnsafeSlow(this.size);
    this.body.copy(body, 0, 0, this.size);
    return body;
  }
}

// Room for a body of unknown length before it first grows, and the most taken on a server's word
// before any byte arrives (a Content-Length may promise far more than ever comes).
const FIRST_SIZE = 16 * 1024;
const MOST_UPFRONT = 1024 * 1024;

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
