// Guaranteed-missing URLs for baseline probes: a random name of 24 characters in the target's
// directory that keeps its extension or trailing slash; for `?id=42` URLs also the same path
// with a random value. The cache key names what a probe stands for.
import { parseUrl } from '../../url.js';
import { isSearchUrl } from './url-shape.js';

export interface ProbePlan {
  /** Cache key: origin, directory and the kind of name. */
  key: string;
  origin: string;
  /** Builds one probe URL from a random name. */
  build(name: string): string;
}

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/**
 * A random lower-case name of 24 letters and digits. It only has to be a name no site has, not a
 * secret: Math.random is enough, where node:crypto would load OpenSSL, 8 ms of CPU, on a crawl of
 * plain-http sites.
 */
export function randomName(): string {
  let name = '';
  for (let i = 0; i < 24; i++) name += ALPHABET[Math.floor(Math.random() * ALPHABET.length)];
  return name;
}

/** Probe plans for a URL: its directory, and its query parameter when it has an id-like one. */
export function probePlans(url: string): ProbePlan[] {
  const parsed = parseUrl(url);
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) return [];
  const plans: ProbePlan[] = [];
  const path = parsed.pathname;
  const slash = path.endsWith('/') && path.length > 1;
  const trimmed = slash ? path.slice(0, -1) : path;
  const cut = trimmed.lastIndexOf('/');
  const dir = trimmed.slice(0, cut + 1);
  const last = trimmed.slice(cut + 1);
  const ext = /\.[a-z0-9]{1,5}$/i.exec(last)?.[0] ?? '';
  const suffix = slash ? '/' : ext;
  if (last !== '') {
    plans.push({ key: `${parsed.origin}${dir}*${suffix}`, origin: parsed.origin, build: (name) => `${parsed.origin}${dir}${name}${suffix}` });
  }
  const param = idParam(parsed);
  if (param !== undefined) {
    plans.push({
      key: `${parsed.origin}${path}?${param}=*`,
      origin: parsed.origin,
      build: (name) => {
        const probe = new URL(parsed.href);
        probe.searchParams.set(param, /^\d+$/.test(parsed.searchParams.get(param) ?? '') ? digits(name) : name);
        return probe.href;
      },
    });
  }
  return plans;
}

/** The query parameter that names the resource: the last one with an id-like value. */
function idParam(url: URL): string | undefined {
  if (url.search === '' || isSearchUrl(url)) return undefined;
  let found: string | undefined;
  for (const [key, value] of url.searchParams) if (/^[\w.-]{1,64}$/.test(value) && !/^(?:utm_|ref$|lang$|page$|sort$|order$)/i.test(key)) found = key;
  return found;
}

/** A random numeric id of the same name: an id route may reject letters with its own error. */
function digits(name: string): string {
  return '9' + [...name].map((c) => (c.charCodeAt(0) % 10).toString()).join('').slice(0, 17);
}
