// One HTTP exchange (one hop of a redirect chain) under its own total deadline.
import { request, type Dispatcher } from 'undici';
import type { Readable } from 'node:stream';
import type { Failure, FetchedResponse } from '../types.js';
import { readDecoded } from './body.js';
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

type HopArgs = [
  ctx: HopContext,
  url: URL,
  method: 'GET' | 'HEAD',
  wantBody: (mime: string, status: number) => boolean,
  signal: AbortSignal | undefined,
];

/** Waits for politeness and a connection slot of the origin, then runs the exchange. */
export async function performHop(...args: HopArgs): Promise<HopResult> {
  const [ctx, url, , , signal] = args;
  try {
    await ctx.gate.wait(url.origin, signal);
  } catch {
    return { ok: false, failure: aborted() };
  }
  const release = await ctx.slots.acquire(url.origin, signal);
  if (!release || signal?.aborted) {
    release?.();
    return { ok: false, failure: aborted() };
  }
  try {
    return await exchange(...args);
  } finally {
    release();
  }
}

async function exchange(...[ctx, url, method, wantBody, signal]: HopArgs): Promise<HopResult> {
  const controller = new AbortController();
  let expired = false;
  let stalled = false;
  const timer = setTimeout(() => {
    expired = true;
    controller.abort(new Error('total deadline'));
  }, ctx.timeouts.totalMs);
  // undici's own body timeout ticks at about 1 s granularity; this one is exact.
  let idle: NodeJS.Timeout | undefined;
  const onAbort = () => controller.abort(signal?.reason);
  signal?.addEventListener('abort', onAbort, { once: true });

  const failureContext: FailureContext = { phase: 'headers', host: url.hostname, timeouts: ctx.timeouts };
  let status: number | undefined;
  const fail = (error: unknown, phase: Phase): HopResult => {
    if (signal?.aborted) return { ok: false, failure: aborted(), status };
    if (stalled) return { ok: false, failure: stallFailure(ctx.timeouts), status };
    if (expired) return { ok: false, failure: deadlineFailure(phase, ctx.timeouts), status };
    return { ok: false, failure: toFailure(error, { ...failureContext, phase }), status };
  };

  try {
    ctx.sent(url.href, method);
    let res: Dispatcher.ResponseData;
    try {
      res = await request(url, { dispatcher: ctx.dispatcher, method, headers: ctx.headersFor(url), signal: controller.signal });
    } catch (error) {
      return fail(error, 'headers');
    }
    status = res.statusCode;
    const headers = flattenHeaders(res.headers);
    const { mime, charset } = parseContentType(headers['content-type']);
    const response: FetchedResponse = { status, url: url.href, headers, mime, ...(charset ? { charset } : {}) };
    const location = REDIRECTS.has(status) ? headers.location : undefined;
    if (location !== undefined || method === 'HEAD' || !wantBody(mime, status)) {
      discard(res.body);
      return location === undefined ? { ok: true, response } : { ok: true, response, location };
    }
    idle = setTimeout(() => {
      stalled = true;
      controller.abort(new Error('body stalled'));
    }, ctx.timeouts.bodyMs);
    const read = await readDecoded(res.body, headers['content-encoding'], ctx.maxBodyBytes, () => idle?.refresh());
    if (!read.ok) {
      failureContext.framing = headers['content-length'] !== undefined ? 'content-length' : /chunked/i.test(headers['transfer-encoding'] ?? '') ? 'chunked' : undefined;
      if (read.encoding) failureContext.encoding = read.encoding;
      return fail(read.error, 'body');
    }
    ctx.read(read.body.length);
    response.body = read.body;
    if (read.truncated) response.truncated = read.truncated;
    return { ok: true, response };
  } catch (error) {
    return fail(error, 'body');
  } finally {
    clearTimeout(timer);
    clearTimeout(idle);
    signal?.removeEventListener('abort', onAbort);
  }
}

/** Drops a body we will not read: small ones are drained (keep-alive), big ones cut. */
function discard(body: Readable & { dump?: (opts: { limit: number }) => Promise<void> }): void {
  if (typeof body.dump === 'function') body.dump({ limit: DRAIN_LIMIT }).catch(() => undefined);
  else body.on('error', () => undefined).destroy();
}
