// Misbehaving servers on 127.0.0.1 for fetcher tests: raw `net` sockets that break HTTP in
// specific ways, TLS servers with bad certificates made at test time (openssl CLI), and a
// recording forward proxy.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createNetServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { createGzip } from 'node:zlib';

/**
 * Paths of the hostile server, each a fault:
 * - `/reset-headers`: RST as soon as the request arrives
 * - `/reset-body`: headers (Content-Length 100000), 10 bytes, then RST
 * - `/short-body`: Content-Length 100, 3 bytes, clean close
 * - `/chunked-no-last`: one chunk, then close without the last chunk
 * - `/empty`: close without a byte
 * - `/garbage`: a line that is not HTTP
 * - `/silent`: accept, read, never answer
 * - `/headers-then-silence`: 200 headers (Content-Length 100), then nothing
 * - `/trickle?ms=N`: 200 text/html, one byte every N ms (default 1000), forever
 * - `/gzip-bomb`: 200 text/html gzip of an endless stream of zeros
 */
export interface HostileServer {
  origin: string;
  url(path: string): string;
  /** Sockets accepted so far. */
  connections(): number;
  close(): Promise<void>;
}

export async function startHostileServer(): Promise<HostileServer> {
  const sockets = new Set<Socket>();
  let accepted = 0;
  const server = createNetServer((socket) => {
    accepted++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    socket.once('data', (data) => misbehave(socket, data.toString('latin1').split(' ')[1] ?? '/'));
  });
  const port = await listen(server);
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (path) => `${origin}${path}`,
    connections: () => accepted,
    close: () => closeAll(server, sockets),
  };
}

function misbehave(socket: Socket, target: string): void {
  const [path, query = ''] = target.split('?');
  const head = (headers: string) => socket.write(`HTTP/1.1 200 OK\r\n${headers}\r\n`);
  switch (path) {
    case '/reset-headers':
      return void socket.resetAndDestroy();
    case '/reset-body':
      head('Content-Type: text/html\r\nContent-Length: 100000\r\n');
      socket.write('<html>....');
      return void setTimeout(() => socket.resetAndDestroy(), 30);
    case '/short-body':
      head('Content-Type: text/html\r\nContent-Length: 100\r\n');
      return void socket.end('abc');
    case '/chunked-no-last':
      head('Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n');
      return void socket.end('3\r\nabc\r\n');
    case '/empty':
      return void socket.end();
    case '/garbage':
      return void socket.end('SSH-2.0-OpenSSH_9.6 garbage\r\n\r\n');
    case '/silent':
      return;
    case '/headers-then-silence':
      return void head('Content-Type: text/html\r\nContent-Length: 100\r\n');
    case '/trickle': {
      head('Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n');
      const ms = Number(new URLSearchParams(query).get('ms') ?? 1000);
      const timer = setInterval(() => socket.write('1\r\nx\r\n'), ms);
      return void socket.on('close', () => clearInterval(timer));
    }
    case '/gzip-bomb': {
      head('Content-Type: text/html\r\nContent-Encoding: gzip\r\nConnection: close\r\n');
      const zeros = Buffer.alloc(64 * 1024);
      const source = new Readable({ read: () => void source.push(zeros) });
      const gzip = createGzip();
      source.pipe(gzip).pipe(socket);
      return void socket.on('close', () => {
        source.destroy();
        gzip.destroy();
      });
    }
    default:
      socket.end('HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
  }
}

/** A URL on 127.0.0.1 where nothing listens (the port was just released). */
export async function refusedUrl(): Promise<string> {
  const server = createNetServer();
  const port = await listen(server);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/`;
}

export type TlsKind = 'self-signed' | 'expired' | 'wrong-host' | 'valid';

export interface TlsServer {
  url: string;
  /** PEM of the CA that signed the expired / wrong-host / valid certificates (trust it to get past "unknown issuer"). */
  ca: string;
  close(): Promise<void>;
}

/** An https server on 127.0.0.1 answering 200 text/html, with a certificate of the given kind. */
export async function startTlsServer({ kind }: { kind: TlsKind }): Promise<TlsServer> {
  const { ca, cert, key } = makeCertificate(kind);
  const sockets = new Set<Socket>();
  const server = createHttpsServer({ cert, key }, (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' }).end('<title>tls ok</title>');
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  server.on('tlsClientError', () => undefined);
  const port = await listen(server);
  return { url: `https://127.0.0.1:${port}/`, ca, close: () => closeAll(server, sockets) };
}

function makeCertificate(kind: TlsKind): { ca: string; cert: string; key: string } {
  const dir = mkdtempSync(join(tmpdir(), 'linkhound-tls-'));
  const run = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  const newKey = (name: string) => run('genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', name);
  try {
    newKey('ca.key');
    run('req', '-x509', '-key', 'ca.key', '-out', 'ca.pem', '-days', '2', '-subj', '/CN=linkhound test CA');
    newKey('leaf.key');
    const san = kind === 'wrong-host' ? 'DNS:example.test' : 'IP:127.0.0.1';
    if (kind === 'self-signed') {
      run('req', '-x509', '-key', 'leaf.key', '-out', 'leaf.pem', '-days', '2', '-subj', '/CN=127.0.0.1', '-addext', `subjectAltName=${san}`);
    } else {
      writeFileSync(join(dir, 'ext.cnf'), `subjectAltName=${san}\n`);
      run('req', '-new', '-key', 'leaf.key', '-out', 'leaf.csr', '-subj', '/CN=leaf');
      // -days -1 makes notAfter precede now: expired without faking the clock.
      const days = kind === 'expired' ? '-1' : '2';
      run('x509', '-req', '-in', 'leaf.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'leaf.pem', '-days', days, '-extfile', 'ext.cnf');
    }
    const read = (name: string) => readFileSync(join(dir, name), 'utf8');
    return { ca: read('ca.pem'), cert: read('leaf.pem'), key: read('leaf.key') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface RecordingProxy {
  /** e.g. http://127.0.0.1:41234 — put it in HTTP_PROXY. */
  url: string;
  /** Request targets as received: absolute-form (`http://host:port/path`) when used as a proxy. */
  targets: string[];
  close(): Promise<void>;
}

/** A forward proxy that does not forward: it records the request target and answers 200 "via proxy". */
export async function startRecordingProxy(): Promise<RecordingProxy> {
  const targets: string[] = [];
  const sockets = new Set<Socket>();
  const server: HttpServer = createHttpServer((req, res) => {
    targets.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'text/html' }).end('<title>via proxy</title>');
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  const port = await listen(server);
  return { url: `http://127.0.0.1:${port}`, targets, close: () => closeAll(server, sockets) };
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

function closeAll(server: Server, sockets: Set<Socket>): Promise<void> {
  for (const s of sockets) s.destroy();
  return new Promise((resolve) => server.close(() => resolve()));
}
