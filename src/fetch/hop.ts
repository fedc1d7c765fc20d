// One HTTP exchange (one hop of a redirect chain) under its own total deadline, driven by
// undici's dispatch handler: a crawl makes one per URL, and the handler's callbacks cost far
// less than request()'s stream body, abort signal and listeners. Bodies without a
// Content-Encoding are collected straight from the socket's chunks; encoded ones go through a
// stream to the decoders.
import { Readable } from 'node:stream';
import type { Dispatcher } from 'undici';
import type { Failure, FetchedResponse } from '../types.js';
import { BodyCollector, isIdentity, readDecoded, type BodyResult } from './body.js';
import { aborted, deadlineFailure, stallFailure, toFailure, type FailureContext, type Phase } from './failure.js';
import { flattenHeaders, parseContentType } from './headers.js';
import type { Politeness } from './politeness.js';
import type { HostSlots } from './slots.js';
import type { Timeouts } from './timeouts.js';

export interface HopContext {
  dispatcher: Dispatcher;
  timeouts: Timeouts;
  maxBodyBytes: number;
  gate: Politeness;
  slots: HostSlots;
  headersFor(url: URL): Record<string, string>;
  /** Called as each request is sent. */
  sent(url: string, method: string): void;
  /** Called with the decoded bytes of each body read. */
  read(bytes: number): void;
}

export type HopResult =
  | { ok: true; response: FetchedResponse; /** raw Location of a redirect */ location?: string }
  | { ok: false; failure: Failure; status?: number };

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
// Bodies we do not want are drained up to this much so a small one leaves the connection reusable.
const DRAIN_LIMIT = 64 * 1024;

/** Waits for politeness and a connection slot of the origin, then runs the exchange. */
export async function performHop(
  ctx: HopContext,
  url: URL,
  method: 'GET' | 'HEAD',
  wantBody: (mime: string, status: number) => boolean,
  signal: AbortSignal | undefined,
): Promise<HopResult> {
  // A hop that needs no waiting (no crawl delay, a free slot) makes no promise for either: a crawl
  // makes one hop per URL (15,153 fetches of the bench site: 288 → 280 MB allocated).
  const origin = url.origin;
  const spacing = ctx.gate.wait(origin, signal);
  if (spacing) {
    try {
      await spacing;
    } catch {
      return { ok: false, failure: aborted() };
    }
  }
  const release = ctx.slots.tryAcquire(origin) ?? (await ctx.slots.acquire(origin, signal));
  if (!release || signal?.aborted) {
    release?.();
    return { ok: false, failure: aborted() };
  }
  try {
    return await exchange(ctx, url, origin, method, wantBody, signal);
  } finally {
    release();
  }
}

async function exchange(
  ctx: HopContext,
  url: URL,
  origin: string,
  method: 'GET' | 'HEAD',
  wantBody: (mime: string, status: number) => boolean,
  signal: AbortSignal | undefined,
): Promise<HopResult> {
  ctx.sent(url.href, method);
  const run = new Exchange(ctx, url, method, wantBody);
  const onAbort = () => run.abort('stopped');
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    ctx.dispatcher.dispatch({ origin, path: url.pathname + url.search, method, headers: ctx.headersFor(url) }, run);
    return await run.done;
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
}

/** Why we cut an exchange short; other failures come from undici or the server. */
type Cut = 'stopped' | 'deadline' | 'stall';

/** What happens to the body once the headers are in. */
type Mode = 'headers' | 'collect' | 'decode' | 'drain' | 'over';

class Exchange implements Dispatcher.DispatchHandler {
  readonly done: Promise<HopResult>;
  private settle!: (result: HopResult) => void;
  private controller: Dispatcher.DispatchController | undefined;
  private cut: Cut | undefined;
  private mode: Mode = 'headers';
  private status: number | undefined;
  private response: FetchedResponse | undefined;
  private collector: BodyCollector | undefined;
  private stream: Readable | undefined;
  private drained = 0;
  private readonly deadline: NodeJS.Timeout;
  // undici's own body timeout ticks at about 1 s granularity; this one is exact.
  private idle: NodeJS.Timeout | undefined;

  constructor(
    private readonly ctx: HopContext,
    private readonly url: URL,
    private readonly method: 'GET' | 'HEAD',
    private readonly wantBody: (mime: string, status: number) => boolean,
  ) {
    this.done = new Promise((resolve) => (this.settle = resolve));
    this.deadline = setTimeout(() => this.abort('deadline'), ctx.timeouts.totalMs);
  }

  /** Ends the exchange early; a crawl stop outranks a timeout that fired first. */
  abort(why: Cut): void {
    this.cut = why === 'stopped' ? why : (this.cut ?? why);
    this.controller?.abort(new Error(why));
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.controller = controller;
    // Cut while it waited for its connection: undici offers no way to stop it sooner.
    if (this.cut) controller.abort(new Error(this.cut));
  }

  onResponseStart(controller: Dispatcher.DispatchController, status: number, raw: Record<string, string | string[] | undefined>): void {
    // 1xx informational answers (100 Continue, 103 Early Hints) precede the real one.
    if (status < 200) return;
    this.status = status;
    const headers = flattenHeaders(raw);
    const { mime, charset } = parseContentType(headers['content-type']);
    // One shape for every response, absent parts undefined: the crawl reads each of them, and a
    // shape met for the first time late in a crawl throws away the optimized code reading it.
    const response: FetchedResponse = { status, url: this.url.href, headers, mime, charset, body: undefined, truncated: undefined };
    const location = REDIRECTS.has(status) ? headers.location : undefined;
    const length = declaredLength(headers['content-length']);
    if (location !== undefined || this.method === 'HEAD' || !this.wantBody(mime, status)) {
      // A body we do not want: a small one is drained so the connection stays reusable, a big one cut.
      this.mode = 'drain';
      if ((length ?? 0) > DRAIN_LIMIT) controller.abort(new Error('body not wanted'));
      this.finish(location === undefined ? { ok: true, response } : { ok: true, response, location });
      return;
    }
    this.response = response;
    this.idle = setTimeout(() => this.abort('stall'), this.ctx.timeouts.bodyMs);
    if (isIdentity(headers['content-encoding'])) {
      this.mode = 'collect';
      this.collector = new BodyCollector(this.ctx.maxBodyBytes, length);
      return;
    }
    this.mode = 'decode';
    const stream = new Readable({
      read: () => controller.resume(),
      destroy: (error, callback) => {
        // The decoders stopped reading (cap reached, bad data): the rest of the body is not wanted.
        if (this.mode === 'decode') controller.abort(error ?? new Error('body not wanted'));
        callback(error);
      },
    });
    this.stream = stream;
    readDecoded(stream, headers['content-encoding'], this.ctx.maxBodyBytes).then((read) => this.bodyRead(read));
  }

  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    if (this.mode === 'drain') {
      this.drained += chunk.length;
      if (this.drained > DRAIN_LIMIT) controller.abort(new Error('body not wanted'));
      return;
    }
    this.idle?.refresh();
    if (this.mode === 'collect' && !this.collector!.add(chunk)) {
      this.mode = 'over';
      controller.abort(new Error('body cap reached'));
      this.bodyRead(this.collector!.result());
    } else if (this.mode === 'decode' && !this.stream!.push(chunk)) {
      controller.pause();
    }
  }

  onResponseEnd(): void {
    if (this.mode === 'collect') this.bodyRead(this.collector!.result());
    else if (this.mode === 'decode') this.stream!.push(null);
  }

  onResponseError(_controller: Dispatcher.DispatchController, error: Error): void {
    if (this.mode === 'decode') {
      this.stream!.destroy(error);
      return;
    }
    if (this.mode === 'collect') this.bodyRead({ ok: false, error });
    else if (this.mode === 'headers') this.finish(this.fail(error, 'headers'));
  }

  private bodyRead(read: BodyResult): void {
    const response = this.response!;
    if (!read.ok) {
      const headers = response.headers;
      const framing = headers['content-length'] !== undefined ? 'content-length' : /chunked/i.test(headers['transfer-encoding'] ?? '') ? 'chunked' : undefined;
      this.finish(this.fail(read.error, 'body', { ...(framing ? { framing } : {}), ...(read.encoding ? { encoding: read.encoding } : {}) }));
      return;
    }
    this.ctx.read(read.body.length);
    response.body = read.body;
    if (read.truncated) response.truncated = read.truncated;
    this.finish({ ok: true, response });
  }

  private fail(error: unknown, phase: Phase, detail: Pick<FailureContext, 'framing' | 'encoding'> = {}): HopResult {
    const status = this.status;
    if (this.cut === 'stopped') return { ok: false, failure: aborted(), status };
    if (this.cut === 'stall') return { ok: false, failure: stallFailure(this.ctx.timeouts), status };
    if (this.cut === 'deadline') return { ok: false, failure: deadlineFailure(phase, this.ctx.timeouts), status };
    return { ok: false, failure: toFailure(error, { phase, host: this.url.hostname, timeouts: this.ctx.timeouts, ...detail }), status };
  }

  private finish(result: HopResult): void {
    if (this.mode !== 'drain') this.mode = 'over';
    clearTimeout(this.deadline);
    clearTimeout(this.idle);
    this.settle(result);
  }
}

/** A Content-Length that is one non-negative integer, as undici has checked it against the body. */
function declaredLength(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d{1,15}$/.test(value)) return undefined;
  return Number(value);
}
