import { afterEach, describe, expect, it } from 'vitest';
import { createFetcher } from '../../src/fetch/index.js';
import { startTlsServer, type TlsKind, type TlsServer } from '../helpers/hostile.js';
import { html, testOptions } from './options.js';

let server: TlsServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function fetchFrom(kind: TlsKind, insecure = false, trustCa = true) {
  server = await startTlsServer({ kind });
  const fetcher = createFetcher(testOptions({ insecure, timeoutMs: 2000 }), {}, trustCa ? { ca: server.ca } : {});
  const outcome = await fetcher.fetch({ url: server.url, readBody: html });
  await fetcher.close();
  return outcome;
}

describe('TLS', () => {
  it.each([
    ['self-signed', 'TLS: self-signed certificate'],
    ['expired', 'TLS: certificate expired'],
    ['wrong-host', 'TLS: certificate is for another host'],
  ] as const)('%s → %s', async (kind, reason) => {
    expect(await fetchFrom(kind)).toMatchObject({ ok: false, failure: { kind: 'tls', reason } });
  });

  it('a certificate from an unknown CA is named', async () => {
    expect(await fetchFrom('valid', false, false)).toMatchObject({ ok: false, failure: { kind: 'tls', reason: 'TLS: certificate issuer unknown (incomplete chain?)' } });
  });

  it('a valid certificate from a trusted CA works', async () => {
    expect(await fetchFrom('valid')).toMatchObject({ ok: true, response: { status: 200 } });
  });

  it('insecure accepts a bad certificate', async () => {
    const outcome = await fetchFrom('self-signed', true, false);
    expect(outcome).toMatchObject({ ok: true, response: { status: 200 } });
    expect(outcome.ok && outcome.response.body?.toString()).toBe('<title>tls ok</title>');
  });
});
