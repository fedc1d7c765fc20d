// What a URL looks like: site root, locale root, home alias, error page, login page, search page.
// Pure string rules on WHATWG URLs, shared by redirect shape, probes and the search guard.

const LOCALE = /^[a-z]{2}(?:[-_][a-z]{2,4})?$/i;
const HOME_ALIASES = new Set(['home', 'index', 'index.html', 'index.htm', 'index.php', 'default.aspx', 'default.asp', 'start', 'welcome']);
const ERROR_SEGMENT = /^(?:404|410|error|errors|err|error404|404error|not[-_]?found|notfound|page[-_]?not[-_]?found|pagenotfound|missing|gone)(?:\.(?:html?|php|aspx?|jsp))?$/i;
const ERROR_QUERY = /(?:^|&)(?:aspxerrorpath|errorpath|error_path)=|(?:^|&)(?:error|err|code|status|errorcode|error_code)=(?:404|410|not[-_]?found)(?:&|$)|(?:^|&)(?:404|notfound|not_found)(?:[=&]|$)/i;
const LOGIN_SEGMENT = /^(?:login|log-in|log_in|signin|sign-in|sign_in|logon|auth|authenticate|authorize|oauth2?|sso|cas|saml|wp-login\.php|login\.(?:php|aspx?|html?)|signin\.(?:php|aspx?|html?))$/i;
const LOGIN_QUERY = /(?:^|&)(?:returnurl|return_url|returnto|return_to|redirect|redirect_to|redirect_uri|redirecturl|next|continue|came_from|service|goto|from)=/i;
const SEARCH_SEGMENT = /^(?:search|suche|recherche|buscar|busca|ricerca|zoeken|sok|søk|haku|szukaj|hledat|arama|poisk|kensaku|find|results)(?:\.(?:html?|php|aspx?))?$/i;
const SEARCH_KEYS = new Set(['q', 's', 'query', 'search', 'keyword', 'keywords', 'k', 'term', 'text', 'searchterm', 'search_query', 'wd']);

export function pathSegments(url: URL): string[] {
  return url.pathname.split('/').filter((s) => s !== '');
}

/** `/` (whatever the query) */
export function isSiteRoot(url: URL): boolean {
  return url.pathname === '/' || url.pathname === '';
}

/** `/en/`, `/de-de/`, `/pt_BR` … */
export function isLocaleRoot(url: URL): boolean {
  const segments = pathSegments(url);
  return segments.length === 1 && LOCALE.test(segments[0]!);
}

/** `/home`, `/index.html`, `/en/index.html` … a page that stands for the root. */
export function isHomeAlias(url: URL): boolean {
  const segments = pathSegments(url);
  if (segments.length === 0) return true;
  const last = segments.at(-1)!.toLowerCase();
  if (!HOME_ALIASES.has(last)) return false;
  return segments.length === 1 || (segments.length === 2 && LOCALE.test(segments[0]!));
}

/** Whether the URL's own name (its last segment or query) says it is an error page. */
export function namesErrorPage(url: URL): boolean {
  const last = pathSegments(url).at(-1);
  return (last !== undefined && ERROR_SEGMENT.test(last)) || ERROR_QUERY.test(url.search.slice(1));
}

export function isErrorUrl(url: URL): boolean {
  return pathSegments(url).some((s) => ERROR_SEGMENT.test(s)) || ERROR_QUERY.test(url.search.slice(1));
}

export function isLoginUrl(url: URL): boolean {
  const segments = pathSegments(url);
  if (segments.some((s) => LOGIN_SEGMENT.test(s))) return true;
  if (segments.length >= 2 && /^(?:account|accounts|users?|member|members|session|sessions|idp|identity)$/i.test(segments.at(-2)!) && /^(?:login|signin|sign_in|new)$/i.test(segments.at(-1)!)) return true;
  return LOGIN_QUERY.test(url.search.slice(1)) && /login|sign|auth|account|session|sso/i.test(url.pathname);
}

/** A site search page: a search path or a search query parameter with a value. */
export function isSearchUrl(url: URL): boolean {
  if (pathSegments(url).some((s) => SEARCH_SEGMENT.test(s))) return true;
  if (url.search === '') return false;
  for (const [key, value] of url.searchParams) if (SEARCH_KEYS.has(key.toLowerCase()) && value !== '') return true;
  return false;
}

/** The URL with its path and query in a comparable form: no trailing slash, no index file. */
export function comparable(url: URL): string {
  let path = url.pathname.replace(/\/(?:index\.(?:html?|php)|default\.aspx?)$/i, '/').replace(/\/+$/, '');
  if (path === '') path = '/';
  return `${url.origin}${path.toLowerCase()}`;
}
