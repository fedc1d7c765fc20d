// Real HTTP servers on 127.0.0.1 (ephemeral ports) for tests: scripted routes and static
// fixture folders, with a hit counter per path.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import type { AddressInfo, Socket } from 'node:net';

export type Handler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export interface TestServer {
  /** Origin with a trailing slash, e.g. http://127.0.0.1:41234/ */
  url: string;
  origin: string;
  port: number;
  /** Requests per path (with query), e.g. hits.get('/a') */
  hits: Map<string, number>;
  /** Every request as "METHOD /path". */
  log: string[];
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.mp4': 'video/mp4',
  '.vtt': 'text/vtt',
  '.pdf': 'application/pdf',
};

/** Starts a server; `routes` are tried first, then files under `root` (if given), else 404. */
export async function startServer(routes: Record<string, Handler> = {}, root?: string): Promise<TestServer> {
  const hits = new Map<string, number>();
  const log: string[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer(async (req, res) => {
    const path = req.url ?? '/';
    hits.set(path, (hits.get(path) ?? 0) + 1);
    log.push(`${req.method} ${path}`);
    const route = routes[path] ?? routes[path.split('?')[0] ?? path];
    try {
      if (route) return await route(req, res);
      if (root) return await serveFile(root, path, req, res);
      res.writeHead(404, { 'content-type': 'text/html' }).end('<title>Not found</title>');
    } catch {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    }
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/`,
    origin,
    port,
    hits,
    log,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

async function serveFile(root: string, path: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  let rel = normalize(decodeURIComponent(path.split('?')[0] ?? '/'));
  if (rel.endsWith('/')) rel += 'index.html';
  const file = join(root, rel);
  if (!file.startsWith(root)) {
    res.writeHead(403).end();
    return;
  }
  try {
    const body = await readFile(file);
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'content-length': body.length });
    res.end(req.method === 'HEAD' ? undefined : body);
  } catch {
    try {
      await readFile(join(file, 'index.html'));
      res.writeHead(301, { location: `${path.split('?')[0]}/` }).end();
    } catch {
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><title>404 Not Found</title><h1>Not Found</h1>');
    }
  }
}
