// One site that mixes every hostile behaviour the focused crawl tests cover one by one
// (hostile, politeness, trap-sites, resources, output-safety): ordinary articles, each carrying
// one "special" link, so a single crawl meets them all at once.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable, pipeline } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { refusedUrl, startHostileServer, startTlsServer, type HostileServer, type TlsServer } from './hostile.js';
import { startServer, type Handler, type TestServer } from './server.js';

export const ARTICLES = 50;
export const CALENDAR_START = '/cal/2024/1/';
/** Every raw-socket fault of the hostile server (timeoutMs 1500 gives a 0.75 s idle-body limit). */
export const HOSTILE_PATHS = [
  '/reset-headers', '/reset-body', '/short-body', '/chunked-no-last', '/empty', '/garbage',
  '/silent', '/headers-then-silence', '/trickle?ms=1000', '/trickle?ms=100', '/gzip-bomb',
];
const ESC = '\x1b';
const CSI8 = '\u009b';
export const HOSTILE_TEXT = `Click ${ESC}[31mred${ESC}[0m ${ESC}]0;title\x07 over ${CSI8}2J`;

const MiB = 1024 * 1024;
const ARTICLE = '<h1>Field notes</h1><p>Notes from the team about the week, the weather, the garden and the books we read.</p>';

export interface MixedSite {
  site: TestServer;
  hostile: HostileServer;
  tls: TlsServer;
  refused: string;
  close(): Promise<void>;
}

const html = (body: string | Buffer, headers: Record<string, string> = {}, code = 200): Handler => (_req, res) => {
  res.writeHead(code, { 'content-type': 'text/html; charset=utf-8', ...headers }).end(body);
};
const page = (body: string): Handler => html(`<!doctype html><title>Field notes</title>${ARTICLE}${body}`);
const status = (code: number, headers: Record<string, string> = {}): Handler => html(`<p>${code}</p>`, headers, code);
const anchor = (href: string, text = href) => `<a href="${href}">${text}</a>`;
const article = (i: number) => `/articles/topic-${i}`;
const month = (n: number) => `/cal/${Math.floor(n / 12)}/${(n % 12) + 1}/`;

// Far past the 5 MiB default cap once inflated, a few KiB on the wire.
const BOMB = gzipSync(`<!doctype html><title>Bomb</title>${anchor('/before')}${' '.repeat(16 * MiB)}${anchor('/after')}`);

function huge(_req: IncomingMessage, res: ServerResponse): void {
  const chunk = Buffer.from(`<p>${'All work and no play makes a very long page. '.repeat(1400)}</p>\n`);
  function* body(): Generator<Buffer> {
    yield Buffer.from(`<!doctype html><title>Huge</title>${ARTICLE}`);
    for (let sent = 0; sent < 20 * MiB; sent += chunk.length) yield chunk;
    yield Buffer.from(anchor('/huge-tail'));
  }
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  pipeline(Readable.from(body()), res, () => undefined);
}

export async function startMixedSite(): Promise<MixedSite> {
  const hostile = await startHostileServer();
  const tls = await startTlsServer({ kind: 'self-signed' });
  const refused = await refusedUrl();
  let flaky = 0;
  let sid = 0;
  const sessions = () => [1, 2, 3].map(() => anchor(`/page?sid=${(++sid).toString(16).padStart(12, '0')}`, 'next')).join(' ');
  const specials = [
    anchor('/private/secret'), anchor('/rate-limited'), anchor('/unavailable'), anchor('/flaky'),
    anchor('/challenge'), anchor('/linkedin'), anchor('/login'), anchor('/lost'), anchor('/loop-a'), anchor('/missing'),
    anchor('/bomb'), anchor('/huge'), anchor('/plain'), anchor('/latin'), anchor('/escape', HOSTILE_TEXT),
    ...HOSTILE_PATHS.map((p) => anchor(hostile.url(p))), anchor(refused), anchor(tls.url),
  ];
  const routes: Record<string, Handler> = {
    '/': page([...Array.from({ length: ARTICLES }, (_, i) => anchor(article(i + 1))), anchor(CALENDAR_START), sessions()].join('\n')),
    '/robots.txt': (_req, res) => void res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nDisallow: /private/\nCrawl-delay: 0\n'),
    '/rate-limited': status(429, { 'retry-after': '0' }),
    '/unavailable': status(503),
    '/flaky': (req, res) => (++flaky === 1 ? status(503)(req, res) : page('')(req, res)),
    '/challenge': status(403, { 'cf-mitigated': 'challenge' }),
    '/linkedin': status(999),
    '/login': status(401),
    '/lost': html('<!doctype html><title>Page not found</title><h1>Page not found</h1><p>Sorry.</p>'),
    '/loop-a': (_req, res) => void res.writeHead(302, { location: '/loop-b' }).end(),
    '/loop-b': (_req, res) => void res.writeHead(302, { location: '/loop-a' }).end(),
    '/bomb': html(BOMB, { 'content-encoding': 'gzip' }),
    '/before': page(''),
    '/huge': huge,
    '/plain': (_req, res) => void res.writeHead(200, { 'content-type': 'text/plain' }).end(anchor('/from-plain')),
    '/latin': html(Buffer.from(`<title>Men\xfa</title>${ARTICLE}${anchor('/caf\xe9', 'caf\xe9')}`, 'latin1'), { 'content-type': 'text/html; charset=iso-8859-1' }),
    '/caf%C3%A9': page(''),
    '/escape': page(''),
    '/page': (req, res) => page(sessions())(req, res),
  };
  for (let i = 1; i <= ARTICLES; i++) routes[article(i)] = page([anchor('/', 'home'), anchor(article((i % ARTICLES) + 1), 'next'), specials[i - 1] ?? ''].join('\n'));
  const calendar: Handler = (req, res) => {
    const [, year, m] = /^\/cal\/(\d+)\/(\d+)\/$/.exec(req.url ?? '') ?? [];
    if (!year || !m) return status(404)(req, res);
    const n = Number(year) * 12 + Number(m) - 1;
    return page(`${anchor(month(n - 1), 'previous month')} ${anchor(month(n + 1), 'next month')}`)(req, res);
  };
  // startServer looks routes up by exact path: a proxy hands every calendar path to one handler.
  const site = await startServer(new Proxy(routes, { get: (t, key) => (typeof key === 'string' && key.startsWith('/cal/') ? calendar : t[key as string]) }));
  if (specials.length > ARTICLES) throw new Error('more special links than articles to carry them');
  return {
    site, hostile, tls, refused,
    close: async () => {
      await site.close();
      await hostile.close();
      await tls.close();
    },
  };
}
