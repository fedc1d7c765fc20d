// The undici dispatcher for one fetcher: a keep-alive Agent, or EnvHttpProxyAgent when a
// proxy is configured in the environment. Counts the connections it opens.
import { Agent, Client, EnvHttpProxyAgent, Pool, type Dispatcher } from 'undici';
import type { CrawlOptions } from '../config/options.js';
import type { Timeouts } from './timeouts.js';

export interface Transport {
  dispatcher: Dispatcher;
  connections(): number;
}

const PROXY_VARS = ['HTTP_PROXY', 'HTTPS_PROXY', 'http_proxy', 'https_proxy'];

export function createTransport(options: CrawlOptions, timeouts: Timeouts, ca?: string): Transport {
  let opened = 0;
  // The factory is what Agent and the proxy agents call for every origin (and for the proxy
  // itself), so counting here covers both modes.
  const factory = (origin: string | URL, opts: object): Dispatcher => {
    const settings = opts as Pool.Options;
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
  const dispatcher = useProxy ? new EnvHttpProxyAgent({ ...common, proxyTunnel: false, requestTls: tls }) : new Agent(common);
  return { dispatcher, connections: () => opened };
}
