import { describe, expect, it } from 'vitest';
import { formatBytes, formatSeconds, toFailure, type FailureContext } from '../../src/fetch/failure.js';
import { deriveTimeouts } from '../../src/fetch/timeouts.js';

const ctx: FailureContext = { phase: 'headers', host: 'nowhere.example', timeouts: deriveTimeouts(15_000) };
const err = (code: string, message = code) => Object.assign(new Error(message), { code });

describe('toFailure', () => {
  it.each([
    [err('ENOTFOUND'), 'dns', 'DNS: host not found (nowhere.example)'],
    [err('EAI_AGAIN'), 'dns', 'DNS: lookup failed temporarily (nowhere.example)'],
    [err('UND_ERR_CONNECT_TIMEOUT'), 'timeout', 'connection timed out after 10 s'],
    [err('UND_ERR_HEADERS_TIMEOUT'), 'timeout', 'no response within 15 s'],
    [err('UND_ERR_BODY_TIMEOUT'), 'timeout', 'body stalled for 7.5 s'],
    [err('SELF_SIGNED_CERT_IN_CHAIN'), 'tls', 'TLS: self-signed certificate'],
    [err('ERR_SSL_SOMETHING_NEW'), 'tls', 'TLS: handshake failed (ERR_SSL_SOMETHING_NEW)'],
    [err('HPE_INVALID_CONSTANT'), 'protocol', 'invalid HTTP response'],
    [err('UND_ERR_RES_CONTENT_LENGTH_MISMATCH'), 'protocol', 'body length differs from Content-Length'],
    [new Error('fetch failed', { cause: err('ECONNREFUSED') }), 'refused', 'connection refused'],
    [new Error('weird\nsecond line'), 'network', 'weird'],
    ['not even an error', 'network', 'not even an error'],
  ])('%s', (error, kind, reason) => {
    expect(toFailure(error, ctx)).toEqual({ kind, reason });
  });

  it('names the encoding when decoding fails', () => {
    expect(toFailure(err('Z_DATA_ERROR'), { ...ctx, phase: 'body', encoding: 'br' })).toEqual({ kind: 'protocol', reason: 'invalid br body' });
  });
});

describe('formatting', () => {
  it('seconds and bytes', () => {
    expect([300, 250, 1000, 1500, 10_000].map(formatSeconds)).toEqual(['0.3 s', '0.25 s', '1 s', '1.5 s', '10 s']);
    expect([5 * 1024 * 1024, 512 * 1024, 1000].map(formatBytes)).toEqual(['5 MiB', '512 KiB', '1000 bytes']);
  });
});
