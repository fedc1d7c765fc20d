// The undici dispatcher for one fetcher: a keep-alive Agent, or EnvHttpProxyAgent when a
// proxy is configured in the environment. Counts the connections it opens.
import { createRequire } from 'node:module';
import type * as Undici from 'undici';
import type { CrawlOptions } from '../config/options.js';
import type { Timeouts } from './timeouts.js';

export interface Transport {
  dispatcher: Undici.Dispatcher;
  connections(): number;
}

// undici's index loads its fetch, cache, mock and WebSocket code too: about 75 ms of CPU on every
// run, where the three dispatchers a crawl uses cost 25 ms. The package has no exports map, so
// its modules are its public paths. A proxy's CONNECT tunnel calls the request API that only the
// index adds to dispatchers, so a crawl through a proxy loads the index.
const load = createRequire(import.meta.url);
const Agent = load('undici/lib/dispatcher/agent.js') as typeof Undici.Agent;
const Client = load('undici/lib/dispatcher/client.js') as typeof Undici.Client;
const Pool = load('undici/lib/dispatcher/pool.js') as typeof Undici.Pool;

const PROXY_VARS = ['HTTP_PROXY', 'HTTPS_PROXY', 'http_proxy', 'https_proxy'];

export function createTransport(options: CrawlOptions, timeouts: Timeouts, ca?: string): Transport {
  let opened = 0;
  // The factory is what Agent and the proxy agents call for every origin (and for the proxy
  // itself), so counting here covers both modes.
  const factory = (origin: string | URL, opts: object): Undici.Dispatcher => {
    const settings = opts as Undici.Pool.Options;
    const pool = settings.connections === 1 ? new Client(origin, settings) : new Pool(origin, settings);
    pool.on('connect', () => opened++);
    return pool;
  };
  const tls = { rejectUnauthorized: !options.insecure, ...(ca ? { ca } : {}) };
  const common = {
    factory,
    connections: Math.max(1, options.perHostConnections),
    pipelining: 1,
    headersTimeout: timeouts.headersMs,
    bodyTimeout: timeouts.bodyMs,
    connect: { timeout: timeouts.connectMs, ...tls },
  };
  const useProxy = PROXY_VARS.some((name) => Boolean(process.env[name]));
  // proxyTunnel false: plain-http targets go as absolute-form requests (what proxies expect);
  // https targets still use CONNECT.
  const dispatcher = useProxy ? new (load('undici') as typeof Undici).EnvHttpProxyAgent({ ...common, proxyTunnel: false, requestTls: tls }) : new Agent(common);
  return { dispatcher, connections: () => opened };
}
