// The shape of a redirect chain that ends in 2xx: a deep URL sent to the site root, a locale
// root or an error page is a soft 404; one sent to a login page is access control, not absence.
import type { Hop } from '../../types.js';
import { comparable, isErrorUrl, namesErrorPage, isHomeAlias, isLocaleRoot, isLoginUrl, isSiteRoot, pathSegments } from './url-shape.js';
import { parseUrl } from '../../url.js';

export type RedirectShape =
  | { kind: 'root' | 'locale-root' | 'error-url'; evidence: string }
  | { kind: 'login'; evidence: string };

/** Classifies where a redirected URL ended up; undefined when the chain says nothing. */
export function redirectShape(url: string, finalUrl: string, redirects: readonly Hop[]): RedirectShape | undefined {
  if (redirects.length === 0) return undefined;
  const from = parseUrl(url);
  const to = parseUrl(finalUrl);
  if (!from || !to || comparable(from) === comparable(to)) return undefined;
  const target = shortUrl(to, from);
  if (isLoginUrl(to) || redirects.some((hop) => isLoginHop(hop.url))) {
    return { kind: 'login', evidence: `redirected to sign-in page ${target}` };
  }
  // A link to an error page (/404.html) may well land on one; a link to /errors/a may not.
  if (isErrorUrl(to) && !namesErrorPage(from)) {
    return { kind: 'error-url', evidence: `redirected to error page ${target}` };
  }
  if (!isDeep(from)) return undefined;
  if (isSiteRoot(to)) return { kind: 'root', evidence: `deep URL redirected to site root ${target}` };
  if (isLocaleRoot(to)) return { kind: 'locale-root', evidence: `deep URL redirected to locale root ${target}` };
  return undefined;
}

function isLoginHop(hop: string): boolean {
  const url = parseUrl(hop);
  return url !== undefined && isLoginUrl(url);
}

/** Below the root: not the root itself, a locale root or a home alias. */
function isDeep(url: URL): boolean {
  return pathSegments(url).length > 0 && !isLocaleRoot(url) && !isHomeAlias(url);
}

function shortUrl(url: URL, base: URL): string {
  return url.origin === base.origin ? url.pathname + url.search : url.href;
}
