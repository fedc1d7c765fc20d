// The one place that reads Node/undici/zlib error codes and turns them into one-line reasons.
import type { Failure } from '../types.js';
import type { Timeouts } from './timeouts.js';

export type Phase = 'headers' | 'body';

export interface FailureContext {
  phase: Phase;
  host: string;
  timeouts: Timeouts;
  /** Why the body could end early, from the response headers: content-length or chunked. */
  framing?: 'content-length' | 'chunked';
  /** Set when the error came from decoding the Content-Encoding (gzip, br, …). */
  encoding?: string;
}

/** Starts the reason of a failed DNS lookup worth retrying (EAI_AGAIN). */
export const DNS_TEMPORARY = 'DNS: lookup failed temporarily';

const TLS_REASONS: Record<string, string> = {
  CERT_HAS_EXPIRED: 'TLS: certificate expired',
  CERT_NOT_YET_VALID: 'TLS: certificate not yet valid',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'TLS: self-signed certificate',
  SELF_SIGNED_CERT_IN_CHAIN: 'TLS: self-signed certificate',
  ERR_TLS_CERT_ALTNAME_INVALID: 'TLS: certificate is for another host',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'TLS: certificate issuer unknown (incomplete chain?)',
  UNABLE_TO_GET_ISSUER_CERT: 'TLS: certificate issuer unknown',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'TLS: certificate issuer unknown',
  CERT_REVOKED: 'TLS: certificate revoked',
  CERT_UNTRUSTED: 'TLS: certificate not trusted',
  CERT_SIGNATURE_FAILURE: 'TLS: invalid certificate signature',
  ERR_SSL_WRONG_VERSION_NUMBER: 'TLS: handshake failed (not a TLS server?)',
};

/** "0.3 s", "1.5 s", "10 s". */
export function formatSeconds(ms: number): string {
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : Number(s.toFixed(s < 1 ? 2 : 1))} s`;
}

/** "5 MiB", "512 KiB", "100 bytes". */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024 && n % (1024 * 1024) === 0) return `${n / (1024 * 1024)} MiB`;
  if (n >= 1024 && n % 1024 === 0) return `${n / 1024} KiB`;
  return `${n} bytes`;
}

export const aborted = (): Failure => ({ kind: 'aborted', reason: 'stopped before an answer' });

/** The total deadline ran out: no answer yet, or a body still arriving. */
export function deadlineFailure(phase: Phase, timeouts: Timeouts): Failure {
  const t = formatSeconds(timeouts.totalMs);
  return { kind: 'timeout', reason: phase === 'headers' ? `no response within ${t}` : `timed out after ${t} (total)` };
}

/** No body bytes for the idle-body timeout. */
export function stallFailure(timeouts: Timeouts): Failure {
  return { kind: 'timeout', reason: `body stalled for ${formatSeconds(timeouts.bodyMs)}` };
}

/** Maps an error thrown by undici, the socket, TLS or zlib to a failure. */
export function toFailure(err: unknown, ctx: FailureContext): Failure {
  const code = errorCode(err);
  const inBody = ctx.phase === 'body';
  if (ctx.encoding && (code.startsWith('Z_') || code.startsWith('ERR__ERROR') || code.startsWith('ERR_BROTLI'))) {
    return { kind: 'protocol', reason: `invalid ${ctx.encoding} body` };
  }
  const tls = TLS_REASONS[code];
  if (tls) return { kind: 'tls', reason: tls };
  if (code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_')) return { kind: 'tls', reason: `TLS: handshake failed (${code})` };
  switch (code) {
    case 'ECONNREFUSED':
      return { kind: 'refused', reason: 'connection refused' };
    case 'ENOTFOUND':
      return { kind: 'dns', reason: `DNS: host not found (${ctx.host})` };
    case 'EAI_AGAIN':
      return { kind: 'dns', reason: `${DNS_TEMPORARY} (${ctx.host})` };
    case 'ECONNRESET':
    case 'EPIPE':
      return { kind: 'reset', reason: inBody ? 'connection reset while reading the body' : 'connection reset' };
    case 'UND_ERR_SOCKET':
      return closedEarly(ctx);
    case 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH':
      return { kind: 'protocol', reason: 'body length differs from Content-Length' };
    case 'ERR_STREAM_PREMATURE_CLOSE':
      return { kind: 'protocol', reason: 'body ended early' };
    case 'UND_ERR_CONNECT_TIMEOUT':
      return { kind: 'timeout', reason: `connection timed out after ${formatSeconds(ctx.timeouts.connectMs)}` };
    case 'ETIMEDOUT':
      return { kind: 'timeout', reason: 'connection timed out' };
    case 'UND_ERR_HEADERS_TIMEOUT':
      return { kind: 'timeout', reason: `no response within ${formatSeconds(ctx.timeouts.headersMs)}` };
    case 'UND_ERR_BODY_TIMEOUT':
      return stallFailure(ctx.timeouts);
    case 'ERR_UNSUPPORTED_CONTENT_ENCODING':
      return { kind: 'protocol', reason: firstLine(err) };
    case 'UND_ERR_HEADERS_OVERFLOW':
      return { kind: 'protocol', reason: 'response headers too large' };
    case 'EHOSTUNREACH':
      return { kind: 'network', reason: 'host unreachable' };
    case 'ENETUNREACH':
      return { kind: 'network', reason: 'network unreachable' };
    case 'ERR_INVALID_URL':
      return { kind: 'invalid-url', reason: 'invalid URL' };
    case 'UND_ERR_ABORTED':
    case 'UND_ERR_CLOSED':
    case 'UND_ERR_DESTROYED':
      return aborted();
  }
  if (code.startsWith('HPE_') || (err instanceof Error && err.name === 'HTTPParserError')) {
    return { kind: 'protocol', reason: 'invalid HTTP response' };
  }
  return { kind: 'network', reason: firstLine(err) };
}

function closedEarly(ctx: FailureContext): Failure {
  if (ctx.phase === 'headers') return { kind: 'reset', reason: 'connection closed before a response (empty reply)' };
  if (ctx.framing === 'content-length') return { kind: 'protocol', reason: 'body shorter than Content-Length' };
  if (ctx.framing === 'chunked') return { kind: 'protocol', reason: 'chunked body ended before its last chunk' };
  return { kind: 'reset', reason: 'connection closed while reading the body' };
}

/** undici and Node put the code on the error or on its cause (fetch-style wrapping). */
function errorCode(err: unknown): string {
  const direct = codeOf(err);
  if (direct) return direct;
  return err instanceof Error ? codeOf(err.cause) : '';
}

function codeOf(value: unknown): string {
  if (typeof value !== 'object' || value === null) return '';
  const code = (value as { code?: unknown }).code;
  return typeof code === 'string' ? code : '';
}

function firstLine(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return (text.split('\n')[0] ?? '').slice(0, 200) || 'network error';
}
